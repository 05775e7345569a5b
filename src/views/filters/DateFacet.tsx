// The date facet: from/to days, and "only what is in view" to take the timeline's window.
// A date input holds years 1–9999 only: a bound outside them (a window BCE) is said in words.
import { formatPartialDate, isoDay, parsePartialDate } from '../../model/time';
import { useAppStore } from '../../store';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const INPUT_DAY_RE = /^(?!0000)\d{4}-\d{2}-\d{2}$/;

/** A bound as a reader says it: "15 Mar 44 BCE"; open-ended beyond what a date can hold. */
function dayInWords(day: string, side: 'from' | 'to'): string {
  const p = parsePartialDate(day);
  if (typeof p !== 'string') return formatPartialDate(p);
  return side === 'from' ? 'the beginning' : 'the end';
}

export function DateFacet() {
  const set = useAppStore((s) => s.setFilters);
  const from = useAppStore((s) => s.filters.from);
  const to = useAppStore((s) => s.filters.to);
  const onlyInView = () => {
    const w = useAppStore.getState().timeWindow;
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
            value={from !== null && INPUT_DAY_RE.test(from) ? from : ''}
            max={to !== null && INPUT_DAY_RE.test(to) ? to : undefined}
            onChange={(e) => set({ from: DAY_RE.test(e.target.value) ? e.target.value : null })}
            data-testid="date-from"
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={to !== null && INPUT_DAY_RE.test(to) ? to : ''}
            min={from !== null && INPUT_DAY_RE.test(from) ? from : undefined}
            onChange={(e) => set({ to: DAY_RE.test(e.target.value) ? e.target.value : null })}
            data-testid="date-to"
          />
        </label>
      </div>
      {((from !== null && !INPUT_DAY_RE.test(from)) || (to !== null && !INPUT_DAY_RE.test(to))) && (
        <p className="dl-note" data-testid="date-range-words">
          {from !== null ? `From ${dayInWords(from, 'from')}` : 'Up'}
          {to !== null ? ` to ${dayInWords(to, 'to')}` : ''}
        </p>
      )}
      <button type="button" onClick={onlyInView} data-testid="only-in-view">
        Only what is in view on the timeline
      </button>
      <p className="dl-note">
        Dates are UTC days. An event whose possible dates overlap the range counts as in.
      </p>
    </fieldset>
  );
}
