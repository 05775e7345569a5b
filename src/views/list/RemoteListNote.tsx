// With a query source (issue 15.3) the list holds the events of the timeline's window, not every
// event under the filters: this says which, and, when the window holds more than the service
// lists, how to get them listed. With data held in the page it says nothing.
import { useAppStore } from '../../store';

const count = (n: number) => n.toLocaleString('en-US');

export function RemoteListNote() {
  const held = useAppStore((s) => (s.remote ? s.remote.result.visible.length : null));
  const shown = useAppStore((s) => s.remote?.shown ?? 0);
  const inWindow = useAppStore((s) => s.remote?.density?.total ?? null);
  if (held === null) return null;
  if (inWindow !== null)
    return (
      <p className="dl-empty" role="status" data-testid="remote-list-note">
        {count(inWindow)} events in and around the timeline’s window: too many to list. Zoom the
        timeline in to list them, or narrow the filters.
      </p>
    );
  if (held >= shown) return null;
  return (
    <p className="dl-note dl-remote-list-note" role="status" data-testid="remote-list-note">
      The {count(held)} events in and around the timeline’s window, of {count(shown)} under the
      filters.
    </p>
  );
}
