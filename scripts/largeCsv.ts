// A large Dateline CSV written row by row, for the benchmark's "longest frame while a 200 MB
// file opens" and the e2e check that the page keeps drawing while a 50 MB file opens. Rows are
// cheap to make and deterministic (no generator objects in memory): dates over five years,
// sixteen cities, a few hundred actors, a summary of a few dozen words.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CITIES } from './generate';

const WORDS = ['talks', 'ceasefire', 'statement', 'convoy', 'aid', 'delegation', 'border'];
const MORE = ['crossing', 'envoy', 'summit', 'agreement', 'protest', 'release', 'deadline'];
const TYPES = ['negotiation', 'statement', 'military', 'humanitarian', 'exchange', 'other'];
const ROLES = ['mediator', 'party', 'target', 'observer'];

/** The columns of the large files, Dateline CSV's names. */
export const LARGE_COLUMNS = [
  'id',
  'title',
  'summary',
  'type',
  'status',
  'start',
  'precision',
  'place',
  'lat',
  'lon',
  'place_precision',
  'actors',
  'claim_status',
  'tags',
] as const;

export type LargeRow = Record<(typeof LARGE_COLUMNS)[number], string | number | string[]>;

export const LARGE_CSV_HEADER = LARGE_COLUMNS.join(',');

/** Row `i` of the large files (0-based): `actors` a list of `name:role`, `lat`/`lon` numbers. */
export function largeRow(i: number): LargeRow {
  const [city, lat, lon] = CITIES[i % CITIES.length]!;
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 1826) * 86_400_000).toISOString().slice(0, 10);
  const w = (k: number) => WORDS[(i + k) % WORDS.length]!;
  const m = (k: number) => MORE[(i * 7 + k) % MORE.length]!;
  return {
    id: `e${i}`,
    title: `${w(0)} ${m(1)} in ${city} ${i}`,
    summary: `Report ${i}: ${w(1)} ${m(2)} near ${city} after ${w(3)} ${m(4)}; officials said the ${w(5)} would ${m(6)} within days.`,
    type: TYPES[i % TYPES.length]!,
    status: 'occurred',
    start: day,
    precision: 'day',
    place: city,
    lat: Number(lat.toFixed(4)),
    lon: Number(lon.toFixed(4)),
    place_precision: 'city',
    actors: [
      `Actor ${i % 317}:${ROLES[i % ROLES.length]}`,
      `Actor ${(i * 13) % 311}:${ROLES[(i + 1) % ROLES.length]}`,
    ],
    claim_status: 'reported',
    tags: [w(6)],
  };
}

/** Row `i` of the CSV file, without its line break. */
export function largeCsvRow(i: number): string {
  const row = largeRow(i);
  return LARGE_COLUMNS.map((c) => {
    const v = row[c];
    if (typeof v === 'number') return v.toFixed(4);
    return Array.isArray(v) ? v.join(';') : v;
  }).join(',');
}

/** Rows needed for a file of about `bytes` bytes. */
export function rowsForBytes(bytes: number): number {
  let sample = 0;
  for (let i = 0; i < 1000; i++) sample += largeCsvRow(i * 997).length + 1;
  return Math.ceil(bytes / (sample / 1000));
}

/** The whole file as text (for files small enough to hold in memory: the e2e's 50 MB). */
export function largeCsv(rows: number): string {
  const out = [LARGE_CSV_HEADER];
  for (let i = 0; i < rows; i++) out.push(largeCsvRow(i));
  return out.join('\n') + '\n';
}

/** Writes the file to `path` a row at a time (200 MB never held as one string). */
export async function writeLargeCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let chunk = `${LARGE_CSV_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    chunk += `${largeCsvRow(i)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
