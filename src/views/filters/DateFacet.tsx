// The date facet: from/to days, how an event of uncertain date meets them (its span overlaps the
// range, or lies wholly inside it), and "only what is in view" to take the timeline's window.
// A range whose start is after its end is refused with a message and never applied (nor put in
// the link); the inputs keep what was typed so it can be corrected.
// A date input holds years 1–9999 only: a bound outside them (a window BCE) is said in words.
import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { formatIsoDate } from '../../model/dateFormat';
import { isInvertedRange } from '../../model/filter/types';
import { isoDay } from '../../model/time';
import { useAppStore, useAppStoreApi } from '../../store';
import { t } from '../../i18n';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const INPUT_DAY_RE = /^(?!0000)\d{4}-\d{2}-\d{2}$/;

/** A bound as a reader says it: "15 Mar 44 BCE"; open-ended beyond what a date can hold. */
function dayInWords(day: string, side: 'from' | 'to'): string {
  const words = formatIsoDate(day);
  if (words !== day) return words;
  return side === 'from' ? t('filters.theBeginning') : t('filters.theEnd');
}

const inputValue = (day: string | null) => (day !== null && INPUT_DAY_RE.test(day) ? day : '');

/** What was typed, while it makes a range the store refused. */
interface Typed {
  from: string;
  to: string;
  /** The store's range and reset count when it was typed: a change elsewhere drops it. */
  over: string;
}

export function DateFacet() {
  const store = useAppStoreApi();
  const set = useAppStore((s) => s.setFilters);
  const from = useAppStore((s) => s.filters.from);
  const to = useAppStore((s) => s.filters.to);
  const within = useAppStore((s) => s.filters.dateWithin);
  const resets = useAppStore((s) => s.filterResets);
  const ids = useId();
  // Re-renders when the language changes; `t` itself is the instance's, for dayInWords too.
  useTranslation();
  const [typed, setTyped] = useState<Typed | null>(null);
  const applied = `${from}|${to}|${resets}`;
  // A range set elsewhere (Clear filters, a link, the timeline's window) replaces what was typed.
  const refused = typed !== null && typed.over === applied ? typed : null;

  const onDay = (side: 'from' | 'to', value: string) => {
    const day = DAY_RE.test(value) ? value : null;
    const next = {
      from: side === 'from' ? day : refused ? refused.from || null : from,
      to: side === 'to' ? day : refused ? refused.to || null : to,
    };
    if (isInvertedRange(next.from, next.to)) {
      setTyped({ from: next.from ?? '', to: next.to ?? '', over: applied });
      return;
    }
    setTyped(null);
    set(next);
  };
  const onlyInView = () => {
    const w = store.getState().timeWindow;
    setTyped(null);
    if (w) set({ from: isoDay(w.start), to: isoDay(w.end) });
  };
  const shownFrom = refused ? refused.from : inputValue(from);
  const shownTo = refused ? refused.to : inputValue(to);
  const errorId = `${ids}-error`;
  const ruleId = `${ids}-rule`;
  return (
    <fieldset className="dl-facet dl-date-facet" data-testid="facet-dates">
      <legend>{t('filters.dates')}</legend>
      <div className="dl-date-inputs">
        <label>
          {t('filters.from')}
          <input
            type="date"
            value={shownFrom}
            max={inputValue(to) || undefined}
            onChange={(e) => onDay('from', e.target.value)}
            aria-invalid={refused ? true : undefined}
            aria-describedby={refused ? errorId : undefined}
            data-testid="date-from"
          />
        </label>
        <label>
          {t('filters.to')}
          <input
            type="date"
            value={shownTo}
            min={inputValue(from) || undefined}
            onChange={(e) => onDay('to', e.target.value)}
            aria-invalid={refused ? true : undefined}
            aria-describedby={refused ? errorId : undefined}
            data-testid="date-to"
          />
        </label>
      </div>
      <p id={errorId} className="dl-date-error" role="alert" data-testid="date-range-error">
        {refused &&
          t('filters.refused', {
            from: dayInWords(refused.from, 'from'),
            to: dayInWords(refused.to, 'to'),
          })}
      </p>
      {((from !== null && !INPUT_DAY_RE.test(from)) || (to !== null && !INPUT_DAY_RE.test(to))) && (
        <p className="dl-note" data-testid="date-range-words">
          {from !== null && to !== null
            ? t('filters.rangeFromTo', {
                from: dayInWords(from, 'from'),
                to: dayInWords(to, 'to'),
              })
            : from !== null
              ? t('filters.rangeFrom', { from: dayInWords(from, 'from') })
              : t('filters.rangeTo', { to: dayInWords(to ?? '', 'to') })}
        </p>
      )}
      <p className="dl-note" id={ruleId}>
        {t('filters.rule')}
      </p>
      <label className="dl-date-within">
        <input
          type="checkbox"
          checked={within}
          onChange={(e) => set({ dateWithin: e.target.checked })}
          aria-describedby={ruleId}
          data-testid="date-within"
        />
        {t('filters.within')}
      </label>
      <button type="button" onClick={onlyInView} data-testid="only-in-view">
        {t('filters.onlyInView')}
      </button>
    </fieldset>
  );
}
