// A facet of checkboxes with counts: the count beside each value is how many events it would
// have under the other current filters.
import { useId } from 'react';
import { formatCount } from '../../model/readerLocale';

interface Props<T extends string> {
  legend: string;
  values: readonly T[];
  picked: readonly T[];
  counts: ReadonlyMap<T, number>;
  onToggle: (value: T) => void;
  label?: (value: T) => string;
  testId: string;
}

export function CheckFacet<T extends string>({
  legend,
  values,
  picked,
  counts,
  onToggle,
  label,
  testId,
}: Props<T>) {
  const id = useId();
  return (
    <fieldset className="dl-facet" data-testid={testId}>
      <legend>{legend}</legend>
      <ul>
        {values.map((v) => {
          const n = counts.get(v) ?? 0;
          const checked = picked.includes(v);
          return (
            <li key={v} className={n === 0 && !checked ? 'dl-facet-empty' : undefined}>
              <input
                id={`${id}-${v}`}
                type="checkbox"
                checked={checked}
                onChange={() => onToggle(v)}
                value={v}
              />
              <label htmlFor={`${id}-${v}`}>
                <bdi>{label ? label(v) : v}</bdi>{' '}
                <span className="dl-facet-count">{formatCount(n)}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
