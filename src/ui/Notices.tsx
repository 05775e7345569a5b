// Notices about links and actions, each dismissible and some with one action ("Show it").
import { useAppStore, useAppStoreApi } from '../store';

export function Notices() {
  const store = useAppStoreApi();
  const notices = useAppStore((s) => s.notices);
  return (
    <div className="dl-notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
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
  );
}
