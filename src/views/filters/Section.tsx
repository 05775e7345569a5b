// A collapsible section that opens by itself when its filters become active from elsewhere (a
// shared link, Back, Forward), and otherwise stays as the user left it.
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
  // A link's filters usually arrive after the first render (the dataset loads, then the link
  // applies to it): follow the change while rendering, as React recommends, not in an effect.
  const [wasActive, setWasActive] = useState(active);
  if (active !== wasActive) {
    setWasActive(active);
    if (active) setOpen(true);
  }
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}
