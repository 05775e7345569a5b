// Notices about links and actions, each dismissible and some with one action ("Show it"), in one
// region at the bottom right of the window: away from the map's controls (zoom at its top left,
// attribution at its bottom right, above the timeline) at every width. At most a few are shown
// (one where the page scrolls, up to 1,100 px wide), the newest first; the others are counted and a click away, and all can be
// dismissed at once. A button that goes with its notice hands focus on (the next notice, else
// where focus came from into the notices), so it never drops to the page's body.
import { useTranslation } from 'react-i18next';
import { useRef, useState, useSyncExternalStore, type FocusEvent } from 'react';
import './notices.css';
import { formatCount } from '../model/readerLocale';
import { useAppStore, useAppStoreApi } from '../store';
import { QuotedText } from './QuotedText';

/**
 * How many notices show at once, on a wide screen and where the page scrolls (the layout's
 * breakpoint, app.css: up to 1,100 px the views stack and leave no free corner); more are counted.
 */
const SHOWN = 3;
const SHOWN_WHERE_NARROW = 1;
const NARROW = '(max-width: 1100px)';

function subscribeToWidth(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isNarrow = () => window.matchMedia(NARROW).matches;

export function Notices() {
  const store = useAppStoreApi();
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.notices);
  const [all, setAll] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  /** What had focus before it came into the notices. */
  const cameFrom = useRef<HTMLElement | null>(null);
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const from = e.relatedTarget;
    if (from instanceof HTMLElement && !e.currentTarget.contains(from)) cameFrom.current = from;
  };
  const dismiss = (ids: readonly number[]) => {
    const hadFocus = rootRef.current?.contains(document.activeElement) ?? false;
    for (const id of ids) store.getState().dismiss(id);
    if (!hadFocus) return;
    requestAnimationFrame(() => {
      if (document.activeElement && document.activeElement !== document.body) return;
      const next = rootRef.current?.querySelector<HTMLElement>('.dl-notice-close');
      const back = cameFrom.current?.isConnected ? cameFrom.current : null;
      (next ?? back ?? document.querySelector<HTMLElement>('#dl-search-input'))?.focus();
    });
  };
  // The newest on top: the one an action just caused is the one looked for.
  const newest = [...notices].reverse();
  const few = useSyncExternalStore(subscribeToWidth, isNarrow, () => false)
    ? SHOWN_WHERE_NARROW
    : SHOWN;
  const shown = all ? newest : newest.slice(0, few);
  const hidden = newest.length - shown.length;
  return (
    // Listens for focus coming in (to know where to give it back), not an interaction.
    // oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div ref={rootRef} className="dl-notices" data-testid="notices" onFocus={onFocus}>
      <div role="status" aria-live="polite" className="dl-notice-list">
        {shown.map((n) => (
          <p key={n.id} className={`dl-notice dl-notice-${n.kind}`} data-testid="notice">
            <span>
              <QuotedText text={n.text} />
            </span>
            {n.action && (
              <button
                type="button"
                onClick={() => {
                  n.action?.run();
                  dismiss([n.id]);
                }}
              >
                {n.action.label}
              </button>
            )}
            <button
              type="button"
              className="dl-notice-close"
              aria-label={t('notices.dismiss')}
              onClick={() => dismiss([n.id])}
            >
              ✕
            </button>
          </p>
        ))}
      </div>
      {notices.length > 1 && (
        <p className="dl-notices-bar">
          {(hidden > 0 || all) && (
            <button type="button" onClick={() => setAll(!all)} aria-expanded={all}>
              {all
                ? t('notices.showFewer')
                : t('notices.more', { count: hidden, n: formatCount(hidden) })}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              dismiss(notices.map((n) => n.id));
              setAll(false);
            }}
            data-testid="dismiss-all-notices"
          >
            {t('notices.dismissAll')}
          </button>
        </p>
      )}
    </div>
  );
}
