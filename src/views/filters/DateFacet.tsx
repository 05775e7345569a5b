// The date facet: from/to days, and "only what is in view" to take the timeline's window.
import { isoDay } from '../../model/time';
import { useAppStore, useAppStoreApi } from '../../store';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function DateFacet() {
  const store = useAppStoreApi();
  const set = useAppStore((s) => s.setFilters);
  const from = useAppStore((s) => s.filters.from);
  const to = useAppStore((s) => s.filters.to);
  const onlyInView = () => {
    const w = store.getState().timeWindow;
    if (w) set({ from: isoDay(w.start), to: isoDay(w.end) });
  };
  return (
    <fieldset className="dl-facet dl-date-facet" data-testid="facet-dates">
      <legend>Dates</legend>
      <div className="dl-date-inputs">
        <label>
          From
          <input
            type="date"
            value={from ?? ''}
            max={to ?? undefined}
            onChange={(e) => set({ from: DAY_RE.test(e.target.value) ? e.target.value : null })}
            data-testid="date-from"
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={to ?? ''}
            min={from ?? undefined}
            onChange={(e) => set({ to: DAY_RE.test(e.target.value) ? e.target.value : null })}
            data-testid="date-to"
          />
        </label>
      </div>
      <button type="button" onClick={onlyInView} data-testid="only-in-view">
        Only what is in view on the timeline
      </button>
      <p className="dl-note">
        Dates are UTC days. An event whose possible dates overlap the range counts as in.
      </p>
    </fieldset>
  );
}
