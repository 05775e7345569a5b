// What the list says when the filters leave nothing: that, and a way out.
import { useAppStore } from '../../store';

export function EmptyResult() {
  return (
    <div className="dl-empty" role="status" data-testid="empty-result">
      <p>No events match these filters.</p>
      <button type="button" onClick={() => useAppStore.getState().clearFilters()}>
        Clear filters
      </button>
    </div>
  );
}
