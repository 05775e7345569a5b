// Notices about links and actions, each dismissible and some with one action ("Show it"). A
// button that goes with its notice hands focus on (the next notice, else where focus came from
// into the notices), so it never drops to the page's body.
import { useRef, type FocusEvent } from 'react';
import { useAppStore, useAppStoreApi } from '../store';

export function Notices() {
  const store = useAppStoreApi();
  const notices = useAppStore((s) => s.notices);
  const rootRef = useRef<HTMLDivElement>(null);
  /** What had focus before it came into the notices. */
  const cameFrom = useRef<HTMLElement | null>(null);
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const from = e.relatedTarget;
    if (from instanceof HTMLElement && !e.currentTarget.contains(from)) cameFrom.current = from;
  };
  const dismiss = (id: number) => {
    const hadFocus = rootRef.current?.contains(document.activeElement) ?? false;
    store.getState().dismiss(id);
    if (!hadFocus) return;
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      const next = rootRef.current?.querySelector<HTMLElement>('.dl-notice-close');
      const back = cameFrom.current?.isConnected ? cameFrom.current : null;
      (next ?? back ?? document.querySelector<HTMLElement>('#dl-search-input'))?.focus();
    });
  };
  return (
    // Listens for focus coming in (to know where to give it back), not an interaction.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={rootRef}
      className="dl-notices"
      role="status"
      aria-live="polite"
      data-testid="notices"
      onFocus={onFocus}
    >
      {notices.map((n) => (
        <p key={n.id} className={`dl-notice dl-notice-${n.kind}`} data-testid="notice">
          <span>{n.text}</span>
          {n.action && (
            <button
              type="button"
              onClick={() => {
                n.action?.run();
                dismiss(n.id);
              }}
            >
              {n.action.label}
            </button>
          )}
          <button
            type="button"
            className="dl-notice-close"
            aria-label="Dismiss"
            onClick={() => dismiss(n.id)}
          >
            ✕
          </button>
        </p>
      ))}
    </div>
  );
}
