// A toolbar that behaves as one (WAI-ARIA toolbar pattern): one stop in the Tab order, the left
// and right arrows (and Home, End) move among its buttons, and it remembers the last one used.
import { useEffect, useRef, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import { focusableButtons, moveFocus, setRovingStop } from './rovingFocus';

export function Toolbar({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  /** The button that is the toolbar's Tab stop: the last one focused, else the first. */
  const stop = useRef<HTMLElement | null>(null);
  useEffect(function keepOneTabStop() {
    const root = ref.current;
    if (!root) return;
    // Which buttons are shown is a question of layout: asked in the commit, it laid the whole
    // page out at once (12 ms at 100,000 events, on every filter change), and the views' drawing
    // after the commit laid it out again. Asked in the next frame, it is one layout.
    const frame = requestAnimationFrame(() => {
      const items = focusableButtons(root);
      const current = stop.current && items.includes(stop.current) ? stop.current : items[0];
      if (current) setRovingStop(items, current);
    });
    return () => cancelAnimationFrame(frame);
  });
  function onFocus(e: FocusEvent<HTMLDivElement>) {
    const root = ref.current;
    if (!root || e.target === root) return;
    stop.current = e.target;
    setRovingStop(focusableButtons(root), e.target);
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.altKey || e.ctrlKey || e.metaKey || !ref.current) return;
    if (moveFocus(ref.current, e, 'horizontal', true)) e.preventDefault();
  }
  return (
    // Its buttons take the focus (one of them at a time), not the toolbar itself.
    // oxlint-disable-next-line jsx-a11y/interactive-supports-focus
    <div
      ref={ref}
      className={className}
      role="toolbar"
      aria-label={label}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      {children}
    </div>
  );
}
