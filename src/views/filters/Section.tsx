// A collapsible section that opens by itself when it first shows active filters (a shared link),
// and otherwise stays as the user left it.
import { useState, type ReactNode } from 'react';

export function Section({
  title,
  active,
  children,
}: {
  title: string;
  active: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(active);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}
