// The one loop over a CSV table's data rows that every CSV mapper runs: quoting problems become
// warnings at their row, progress and cancellation are checked, blank rows are skipped, and each
// row is handed on with its spreadsheet number (the header is row 1).
import { isBlankRow, type CsvTable } from './csv';
import type { Draft, Origin } from './draft';

export function eachCsvRow(
  table: CsvTable,
  draft: Draft,
  read: (cells: readonly string[], origin: Origin, row: number) => void,
): void {
  for (const { row, message } of table.errors) {
    draft.warn({ collection: 'events', row }, `the CSV is malformed here: ${message}`);
  }
  const total = table.rows.length;
  for (let i = 0; i < total; i++) {
    draft.progress(i, total);
    const cells = table.rows[i]!;
    if (isBlankRow(cells)) continue;
    read(cells, { collection: 'events', row: i + 2 }, i + 2);
  }
}
