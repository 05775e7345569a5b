// Dateline CSV: one row per event, in the Dateline field vocabulary (see fields.ts), with `lat`
// and `lon` columns for the place. Its columns are the column mapping's own names, so it is read
// as any table with recognised columns (table.ts), undoing the formula guard of Dateline's own
// export; a `country` column only helps the geocoder. Missing columns get defaults; see README
// "Import and export formats".
import { datelineMapping } from './columns';
import type { CsvTable } from './csv';
import type { Imported } from './draft';
import { csvTable, importTable } from './table';
import type { ImportOptions } from './types';

export function importDatelineCsv(table: CsvTable, opts: ImportOptions): Imported {
  return importTable(csvTable(table, true), 'dateline-csv', opts, datelineMapping(table.header));
}
