// Dateline CSV: one row per event, in the Dateline field vocabulary (see fields.ts), with `lat`
// and `lon` columns for the place. Missing columns get defaults; see README "Import and export
// formats".
import { Columns, isBlankRow, type CsvTable } from './csv';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { csvDateValues, dateKeys, decideDateFields, readEventFields } from './fields';
import { readPlace } from './place';
import { columnLocator, CsvRecord } from './record';
import type { ImportOptions } from './types';

/** `loadDataset` field → the columns that hold it. */
const COLUMN_RULES = [
  ['time.start', ['start', 'date']],
  ['time.end', ['end']],
  ['time.precision', ['precision']],
  ['time.approximate', ['approximate']],
  ['time.text', ['time_text']],
  ['place.lat', ['lat', 'latitude']],
  ['place.lon', ['lon', 'lng', 'longitude']],
  ['place.precision', ['place_precision']],
  ['place', ['place']],
  ['actors', ['actors']],
  ['claim.by', ['claim_by']],
  ['claim.status', ['claim_status']],
  ['id', ['id']],
  ['title', ['title']],
  ['summary', ['summary']],
  ['type', ['type']],
  ['status', ['status']],
  ['tags', ['tags']],
] as const;

export function importDatelineCsv(table: CsvTable, opts: ImportOptions): Imported {
  const columns = new Columns(table.header);
  const draft = new Draft('dateline-csv', opts, columnLocator(columns, COLUMN_RULES));
  draft.title = baseName(opts.fileName);
  const country = columns.find('country');
  for (const { row, message } of table.errors) {
    draft.warn({ collection: 'events', row }, `the CSV is malformed here: ${message}`);
  }
  const aliases = { start: ['date'] };
  // Numeric dates in a sheet with no day above 12 are read month first, as US sheets write them.
  const dates = decideDateFields(
    csvDateValues(table.header, table.rows, dateKeys(aliases)),
    'mdy',
    draft,
    (column) => ({ column }),
  );
  const total = table.rows.length;
  table.rows.forEach((cells, i) => {
    draft.progress(i, total);
    if (isBlankRow(cells)) return;
    const origin: Origin = { collection: 'events', row: i + 2 };
    const rec = new CsvRecord(columns, cells, true);
    const lat = rec.take('lat', 'latitude');
    const lon = rec.take('lon', 'lng', 'longitude');
    const fields = readEventFields(rec, draft, origin, {
      position: i + 2,
      aliases,
      dates,
    });
    if (!fields) return;
    const { event } = fields;
    const place = readPlace(
      {
        name: fields.place.name,
        lat: lat?.value,
        lon: lon?.value,
        precision: fields.place.precision,
        countryHint: country === undefined ? undefined : cells[country]?.trim() || undefined,
        where: {
          name: fields.place.where,
          lat: lat?.where ?? { column: 'lat' },
          lon: lon?.where ?? { column: 'lon' },
        },
        id: event.id,
      },
      draft,
      origin,
    );
    if (!place.ok) return;
    event.place = place.place;
    if (place.unplaced) event.extra = { ...event.extra, [fields.place.key]: place.unplaced };
    draft.add(event, origin);
  });
  return draft.load();
}
