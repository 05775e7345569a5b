// The file name an export is saved under: the dataset's slug, what the file holds, a tag of the
// filters when they narrow the events, and the day it was saved, e.g.
// `gaza-ceasefire-2025-02-events-2026-12-03.csv`. Two exports never share a name unless they
// hold the same thing: another format has another word or extension, other filters another tag
// (a hash of the link's filter parameters), another day another date.
import type { ExportFormat } from './types';
import { slugify } from './slug';

/** The word for what each format holds, so both JSON exports read apart by name. */
const KIND: Record<ExportFormat | 'standalone-html', { word: string; extension: string }> = {
  'dateline-json': { word: 'dateline', extension: 'json' },
  csv: { word: 'events', extension: 'csv' },
  geojson: { word: 'events', extension: 'geojson' },
  'timelinejs-json': { word: 'timelinejs', extension: 'json' },
  parquet: { word: 'events', extension: 'parquet' },
  // The standalone page (standalone/standaloneExport.ts): the app and the data in one file.
  'standalone-html': { word: 'page', extension: 'html' },
};

/** Names a file so generic that the title says more ("events.csv", "pasted text"). */
const GENERIC = new Set(['data', 'dataset', 'events', 'export', 'pasted-text', 'file', 'untitled']);

/**
 * The dataset's slug: its file's name without the extension (`gaza-ceasefire-2025-02.json`),
 * else its title, else "dateline".
 */
export function datasetSlug(fileName: string | null, title: string): string {
  const base = (fileName ?? '').replace(/^.*[/\\]/, '').replace(/\.[a-z0-9]{1,8}$/i, '');
  const fromFile = slugify(base, 60);
  if (fromFile && !GENERIC.has(fromFile)) return fromFile;
  return slugify(title, 60) || fromFile || 'dateline';
}

/** FNV-1a, 32 bits, as six base-36 characters: a short tag that differs for other filters. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(6, '0').slice(-6);
}

/** A day as the file name writes it, in the reader's own calendar day: "2026-12-03". */
function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface ExportNaming {
  slug: string;
  format: ExportFormat | 'standalone-html';
  /** The link's filter parameters (`?q=…&from=…`), '' when nothing is filtered. */
  filters: string;
  now: Date;
}

export function exportFileName({ slug, format, filters, now }: ExportNaming): string {
  const { word, extension } = KIND[format];
  const filtered = filters === '' ? '' : `-filtered-${tag(filters)}`;
  return `${slug}-${word}${filtered}-${localDay(now)}.${extension}`;
}
