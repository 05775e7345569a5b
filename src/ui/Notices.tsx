// Notices about links and actions, each dismissible and some with one action ("Show it"), in one
// region at the bottom right of the window: away from the map's controls (zoom at its top left,
// attribution at its bottom right, above the timeline) at every width. At most a few are shown
// (one on a phone), the newest first; the others are counted and a click away, and all can be
// dismissed at once.
import { useSyncExternalStore, useState } from 'react';
import './notices.css';
import { plural } from '../model/plural';
import { useAppStore, useAppStoreApi } from '../store';

/** How many notices show at once, on a wide screen and on a phone; more are counted. */
const SHOWN = 3;
const SHOWN_ON_PHONE = 1;
const PHONE = '(max-width: 700px)';

function subscribeToWidth(onChange: () => void): () => void {
  const query = window.matchMedia(PHONE);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const isPhone = () => window.matchMedia(PHONE).matches;

export function Notices() {
  const store = useAppStoreApi();
  const notices = useAppStore((s) => s.notices);
  const [all, setAll] = useState(false);
  // The newest on top: the one an action just caused is the one looked for.
  const newest = [...notices].reverse();
  const few = useSyncExternalStore(subscribeToWidth, isPhone, () => false) ? SHOWN_ON_PHONE : SHOWN;
  const shown = all ? newest : newest.slice(0, few);
  const hidden = newest.length - shown.length;
  return (
    <div className="dl-notices" data-testid="notices">
      <div role="status" aria-live="polite" className="dl-notice-list">
        {shown.map((n) => (
          <p key={n.id} className={`dl-notice dl-notice-${n.kind}`} data-testid="notice">
            <span>{n.text}</span>
            {n.action && (
              <button
                type="button"
                onClick={() => {
                  n.action?.run();
                  store.getState().dismiss(n.id);
                }}
              >
                {n.action.label}
              </button>
            )}
            <button
              type="button"
              className="dl-notice-close"
              aria-label="Dismiss"
              onClick={() => store.getState().dismiss(n.id)}
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
              {all ? 'Show fewer' : `${plural(hidden, 'more notice')}`}
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              for (const n of notices) store.getState().dismiss(n.id);
              setAll(false);
            }}
            data-testid="dismiss-all-notices"
          >
            Dismiss all
          </button>
        </p>
      )}
    </div>
  );
}
