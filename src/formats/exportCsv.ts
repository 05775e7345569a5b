// Export as Dateline CSV: the Dateline columns, where a geocoded place's coordinates came from
// (GEOCODING_COLUMNS, empty for places the file gave), then one column per `extra` key. Every cell is
// made safe against spreadsheet formula injection (csv.ts `safeCell`); the file starts with a
// BOM so spreadsheets read it as UTF-8.
import type { Dataset, DatelineEvent } from '../model/dataset';
import { toCsv } from './csv';
import { eventFields, extraKeys, extraName, extraText, GEOCODING_COLUMNS } from './eventFields';
import { DATELINE_COLUMNS } from './fields';

export function exportCsv(dataset: Dataset, events: readonly DatelineEvent[]): string {
  const extras = extraKeys(events);
  const header = [...DATELINE_COLUMNS, ...GEOCODING_COLUMNS, ...extras.map((k) => extraName(k))];
  const rows = events.map((e) => {
    const f = eventFields(e, dataset);
    const cells: Record<(typeof DATELINE_COLUMNS)[number], string> = {
      ...f,
      approximate: f.approximate ? 'yes' : 'no',
      lat: f.lat === undefined ? '' : String(f.lat),
      lon: f.lon === undefined ? '' : String(f.lon),
      actors: f.actors.join('; '),
      tags: f.tags.join('; '),
    };
    return [
      ...DATELINE_COLUMNS.map((c) => cells[c]),
      ...GEOCODING_COLUMNS.map((c) => f[c]),
      ...extras.map((k) => extraText(e.extra?.[k])),
    ];
  });
  return `\ufeff${toCsv([header, ...rows])}\r\n`;
}
