// What the list says when the filters leave nothing: that, and a way out.
import { useAppStoreApi } from '../../store';

export function EmptyResult() {
  const store = useAppStoreApi();
  return (
    <div className="dl-empty" role="status" data-testid="empty-result">
      <p>No events match these filters.</p>
      <button
        type="button"
        onClick={() => {
          store.getState().clearFilters();
          // This button goes with the empty result: focus the list it fills.
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>('.dl-list [role=listbox]')?.focus(),
          );
        }}
      >
        Clear filters
      </button>
    </div>
  );
}
