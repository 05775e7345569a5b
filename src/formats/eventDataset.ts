// What the CSV mappers of coded event datasets (ACLED, UCDP GED) share: a `;`-separated list, a
// date column whose writing is decided once for the file, and a place from a named location,
// its country and latitude/longitude columns.
import type { Columns } from './csv';
import { decideDateColumn, type DayOrder, type ReadDateOptions } from './dates';
import type { Draft, Origin } from './draft';
import { readPlace, type PlacePrecision, type PlaceResult } from './place';
import type { FieldRecord } from './record';

/** "A; B;; C" → ["A", "B", "C"], each once. */
export function splitList(value: string): string[] {
  // Most cells hold no list or one item: answered without the splitting (a column of 100,000
  // rows is read twice).
  if (!value.includes(';')) {
    const one = value.trim();
    return one ? [one] : [];
  }
  return [
    ...new Set(
      value
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * How a date column writes its dates (day or month first, two-digit years, Excel day numbers),
 * decided once from all its values; what had to be decided by `convention` is said once, naming
 * the column.
 */
export function dateColumnOptions(
  columns: Columns,
  rows: readonly string[][],
  name: string,
  convention: DayOrder,
  draft: Draft,
): ReadDateOptions {
  const i = columns.find(name);
  if (i === undefined) return { order: convention };
  const column = columns.name(i);
  const decided = decideDateColumn(
    rows.map((cells) => cells[i] ?? ''),
    { column, convention },
  );
  for (const message of decided.warnings)
    draft.warn({ collection: 'dataset' }, message, { column });
  return decided.options;
}

/** A row's place: "location, country" at `latitude`/`longitude`, else geocoded by name. */
export function rowPlace(
  rec: FieldRecord,
  draft: Draft,
  origin: Origin,
  p: {
    location: string;
    locationColumn: string;
    country: string;
    precision: PlacePrecision;
    id: string;
  },
): PlaceResult {
  const { location, country } = p;
  const lat = rec.take('latitude');
  const lon = rec.take('longitude');
  return readPlace(
    {
      name:
        location && country && location !== country
          ? `${location}, ${country}`
          : location || country,
      query: location || country,
      lat: lat?.value,
      lon: lon?.value,
      precision: p.precision,
      countryHint: country || undefined,
      where: {
        name: { column: p.locationColumn },
        lat: lat?.where ?? { column: 'latitude' },
        lon: lon?.where ?? { column: 'longitude' },
      },
      id: p.id,
    },
    draft,
    origin,
  );
}
