// A table of events whose columns people named themselves, read through a column mapping
// (columns.ts): a CSV with recognisable columns, a Dateline CSV (whose columns are the mapping's
// own names), or a JSON array of flat objects. Each row is read in the Dateline field vocabulary
// (fields.ts) through the mapping; the place name joins the place column with its admin, region
// and country columns; a URL or source column says who reported the event.
import { Columns, cell, headerKey, isBlankRow, type CsvTable } from './csv';
import { eachCsvRow } from './csvRows';
import {
  LIST_FIELDS,
  MAPPED_FIELDS,
  nameKey,
  recogniseColumns,
  type ColumnMapping,
  type MappedField,
  type Recognised,
} from './columns';
import { baseName, Draft, type Imported, type Origin, type Where } from './draft';
import { cutAtWord, decideDateFields, readEventFields } from './fields';
import { readPlace, takeGeocoding } from './place';
import { CsvRecord, ObjectRecord, text, type Field, type FieldRecord } from './record';
import type { FormatId, ImportOptions } from './types';
import { quote } from '../model/quote';

/** Rows looked at to check what a column holds. */
const SAMPLE_ROWS = 200;

/** A table as the importer reads it, whatever file it came from. */
export interface Table {
  header: string[];
  /** Calls `read` for each row with a record of it, where it is, and its row number (for ids). */
  each(draft: Draft, read: (rec: FieldRecord, origin: Origin, position: number) => void): void;
  /** The first `n` rows' values of a column, as text. */
  sample(column: string, n?: number): string[];
  /** The first `n` rows as text cells in header order, for the column-mapping step. */
  preview(n: number): string[][];
  /** How many data rows (blank lines not counted). */
  rows: number;
}

export function csvTable(table: CsvTable, unguard = false): Table {
  const columns = new Columns(table.header);
  const indexOf = new Map(table.header.map((h, i) => [h, i] as const));
  const filled = () => table.rows.filter((r) => !isBlankRow(r));
  return {
    header: table.header,
    rows: table.rows.reduce((n, r) => (isBlankRow(r) ? n : n + 1), 0),
    each: (draft, read) =>
      eachCsvRow(table, draft, (cells, origin, row) =>
        read(new CsvRecord(columns, cells, unguard), origin, row),
      ),
    sample: (column, n = SAMPLE_ROWS) => {
      const i = indexOf.get(column);
      if (i === undefined) return [];
      const out: string[] = [];
      for (const row of table.rows) {
        if (out.length >= n) break;
        const value = cell(row, i);
        if (value) out.push(value);
      }
      return out;
    },
    preview: (n) =>
      filled()
        .slice(0, n)
        .map((r) => table.header.map((_h, i) => cell(r, i))),
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON array of objects; the header is every key, in order of first appearance. */
export function jsonTable(items: readonly unknown[]): Table {
  const keys = new Set<string>();
  for (const item of items) if (isRecord(item)) for (const k of Object.keys(item)) keys.add(k);
  const header = [...keys];
  const valueText = (item: unknown, key: string) =>
    isRecord(item) && Object.hasOwn(item, key) ? text({ value: item[key], key, where: {} }) : '';
  return {
    header,
    rows: items.length,
    each: (draft, read) => {
      items.forEach((item, i) => {
        draft.progress(i, items.length);
        const origin: Origin = { collection: 'events', index: i };
        if (!isRecord(item)) {
          draft.reject(origin, 'not an object with named fields');
          return;
        }
        read(new ObjectRecord(item), origin, i + 1);
      });
    },
    sample: (column, n = SAMPLE_ROWS) => {
      const out: string[] = [];
      for (const item of items) {
        if (out.length >= n) break;
        const value = valueText(item, column);
        if (value) out.push(value);
      }
      return out;
    },
    preview: (n) => items.slice(0, n).map((item) => header.map((k) => valueText(item, k))),
  };
}

/** The columns of a table that hold each field, guessed from names and values. */
export function recogniseTable(table: Table): Recognised {
  return recogniseColumns(table.header, (column) => table.sample(column));
}

/** `readEventFields` names → the mapping's fields (the same names, but for a few). */
const READ_FIELD: Record<string, MappedField | undefined> = Object.fromEntries(
  MAPPED_FIELDS.map((f) => [f, f]),
);
// Read here, not by `readEventFields`: the place joins several columns, and source/url become
// the claim.
for (const own of ['place', 'place_detail', 'source', 'url'] as const) READ_FIELD[own] = undefined;

/**
 * The header keys of each field's columns under one mapping, worked out once per table: a row
 * is read with many lookups, and computing the keys per lookup cost more than the row's reading.
 */
class MappedKeys {
  private readonly byField = new Map<string, readonly string[]>();
  private readonly byColumn = new Map<string, string>();

  constructor(mapping: ColumnMapping) {
    for (const [name, field] of Object.entries(READ_FIELD)) {
      if (field) this.byField.set(name, (mapping[field] ?? []).map(headerKey));
    }
  }

  /** The header keys of the columns that hold `name` ([] for a field the mapping leaves out). */
  of(name: string): readonly string[] {
    return this.byField.get(name) ?? NONE;
  }

  /** The header key of a column by its name as written. */
  column(column: string): string {
    let key = this.byColumn.get(column);
    if (key === undefined) {
      key = headerKey(column);
      this.byColumn.set(column, key);
    }
    return key;
  }
}

const NONE: readonly string[] = [];

/**
 * A row seen through a mapping: `take('start')` is the mapped column's field; list fields
 * (actors, tags) join their columns' items. Columns no field takes stay in `rest`.
 */
class MappedRecord implements FieldRecord {
  constructor(
    private readonly rec: FieldRecord,
    private readonly keys: MappedKeys,
  ) {}

  take(name: string): Field | undefined {
    return this.read(name, true);
  }

  peek(name: string): Field | undefined {
    return this.read(name, false);
  }

  /** A field of the underlying row by its column name, not through the mapping. */
  column(column: string, use = true): Field | undefined {
    const key = this.keys.column(column);
    return use ? this.rec.take(key) : this.rec.peek(key);
  }

  private get(key: string, use: boolean): Field | undefined {
    return use ? this.rec.take(key) : this.rec.peek(key);
  }

  private read(name: string, use: boolean): Field | undefined {
    const keys = this.keys.of(name);
    if (keys.length === 0) return undefined;
    if (keys.length === 1) return this.get(keys[0]!, use);
    const fields: Field[] = [];
    for (const key of keys) {
      const f = this.get(key, use);
      if (f !== undefined) fields.push(f);
    }
    if (fields.length === 0) return undefined;
    const field = READ_FIELD[name];
    if (!field || !LIST_FIELDS.has(field) || fields.length === 1) return fields[0];
    const items = fields.flatMap((f) =>
      Array.isArray(f.value) ? (f.value as unknown[]) : text(f).split(';'),
    );
    return { ...fields[0]!, value: items.filter((v) => text({ value: v, key: '', where: {} })) };
  }

  rest(): Record<string, string> | undefined {
    return this.rec.rest();
  }
}

/** "Rafah", "Rafah", "Gaza Strip", "Palestine" → "Rafah, Gaza Strip, Palestine". */
export function joinPlaceName(parts: readonly string[]): string {
  const out: string[] = [];
  for (const part of parts) {
    const p = part.trim();
    if (p && !out.some((o) => o.toLowerCase() === p.toLowerCase())) out.push(p);
  }
  return out.join(', ');
}

const isHttp = (s: string) => /^https?:\/\/[^\s/]+\.[^\s]*$/i.test(s);

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * Reads every row of a table through `mapping` (by default, what `recogniseTable` guesses).
 * Columns the mapping names that the table lacks are reported once and left out.
 */
export function importTable(
  table: Table,
  format: FormatId,
  opts: ImportOptions,
  mapping: ColumnMapping = recogniseTable(table).mapping,
  /** Columns a given mapping names that this table lacks. */
  missing: readonly string[] = [],
): Imported {
  const columnOf = (field: MappedField) => mapping[field]?.[0];
  const draft = new Draft(format, opts, (field) => locate(field, mapping));
  draft.title = baseName(opts.fileName);
  if (!columnOf('start')) {
    const fileWide = { collection: 'dataset' as const };
    draft.warn(
      fileWide,
      `no column is read as the date; the columns are ${table.header.join(', ') || 'none'}. Choose the date column in the column-mapping step, or name it start or date`,
    );
  }
  if (missing.length > 0) {
    draft.warn(
      { collection: 'dataset' },
      `the column mapping names columns this file does not have (${missing.join(', ')}); they are left out`,
    );
  }
  // Each date column's day order, two-digit years and numbers are decided from all its values.
  const dateColumns = new Map<string, string[]>();
  for (const field of ['start', 'end'] as const) {
    const column = columnOf(field);
    if (column !== undefined) dateColumns.set(column, table.sample(column, Infinity));
  }
  // A year column beside a date column settles two-digit years row by row ("9/24/06", 1906).
  const yearColumn = table.header.find((c) => nameKey(c) === 'year' && !dateColumns.has(c));
  const dates = decideDateFields(dateColumns, 'mdy', draft, (column) => ({ column }), yearColumn);
  const titled = columnOf('title') !== undefined;
  let untitled = 0;
  const placeColumn = columnOf('place');
  const details = mapping.place_detail ?? [];
  // A country helps the geocoder even when it is not part of the name (Dateline CSV).
  const countryColumn =
    details.find((c) => nameKey(c).startsWith('country')) ??
    table.header.find((c) => nameKey(c) === 'country');
  const urlColumn = columnOf('url');
  const sourceColumn = columnOf('source');
  const latColumn = columnOf('lat');
  const lonColumn = columnOf('lon');

  const keys = new MappedKeys(mapping);
  table.each(draft, (raw, origin, position) => {
    const rec = new MappedRecord(raw, keys);
    const placeName = placeColumn ? text(rec.column(placeColumn)) : '';
    const detailNames = details.map((c) => text(rec.column(c)));
    const name = joinPlaceName([placeName, ...detailNames]);
    const lat = latColumn ? rec.column(latColumn) : undefined;
    const lon = lonColumn ? rec.column(lonColumn) : undefined;
    const url = urlColumn ? text(rec.column(urlColumn)) : '';
    const sourceNames = sourceColumn
      ? text(rec.column(sourceColumn))
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)
      : [];

    let titleRec: FieldRecord = rec;
    if (!titled) {
      // No title column: the summary's first line, else the place, stands in (warned once).
      const summary = text(rec.peek('summary'));
      const title = summary ? cutAtWord(summary.split('\n')[0]!, 80) : name;
      titleRec = withTitle(rec, title || `Row ${position}`);
      untitled++;
    }
    const geocoded = takeGeocoding({
      peek: (k) => rec.column(k, false),
      take: (k) => rec.column(k),
    });
    const yearText = yearColumn ? text(rec.column(yearColumn, false)) : '';
    const yearHint = /^\d{3,4}$/.test(yearText) ? Number(yearText) : undefined;
    const fields = readEventFields(titleRec, draft, origin, { position, dates, yearHint });
    if (!fields) return;
    const { event } = fields;
    const place = readPlace(
      {
        name,
        query: placeName || detailNames.find(Boolean) || name,
        lat: lat?.value,
        lon: lon?.value,
        precision: fields.place.precision,
        countryHint: countryColumn
          ? text(rec.column(countryColumn, false)) || undefined
          : undefined,
        where: {
          name: placeColumn ? { column: placeColumn } : {},
          lat: lat?.where ?? { column: latColumn ?? 'lat' },
          lon: lon?.where ?? { column: lonColumn ?? 'lon' },
        },
        id: event.id,
        geocoded,
      },
      draft,
      origin,
    );
    if (!place.ok) return;
    event.place = place.place;
    const extra: Record<string, string> = { ...(event.extra as Record<string, string>) };
    if (place.unplaced) extra[placeColumn ?? 'place'] = place.unplaced;

    const sources: string[] = [];
    if (url && !isHttp(url)) {
      draft.warn(origin, `${quote(url)} is not an http(s) address; it is kept in extra`, {
        column: urlColumn,
        id: event.id,
      });
      extra[urlColumn!] = url;
    } else if (url) {
      const publisher = sourceNames[0] ?? hostOf(url);
      sources.push(draft.source(url, { title: publisher, publisher, url }));
    }
    for (const s of sourceNames.slice(url ? 1 : 0)) sources.push(draft.source(s));
    if (sources[0] && !columnOf('claim_by')) {
      event.claim = { status: 'reported', ...event.claim, by: sources[0] };
    }
    if (Object.keys(extra).length > 0) event.extra = extra;
    else delete event.extra;
    draft.add(event, origin, sources);
  });
  if (!titled && untitled > 0) {
    draft.warn(
      { collection: 'dataset' },
      `no column is read as the title; each event is titled from its summary or its place`,
    );
  }
  return draft.load();
}

/** The record, with `title` answered by a stand-in. */
function withTitle(rec: FieldRecord, title: string): FieldRecord {
  return {
    take: (name, ...rest) =>
      name === 'title' ? { value: title, key: 'title', where: {} } : rec.take(name, ...rest),
    peek: (name, ...rest) =>
      name === 'title' ? { value: title, key: 'title', where: {} } : rec.peek(name, ...rest),
    rest: () => rec.rest(),
  };
}

/** Where a field of the `dateline/1` event is in the file: its mapped column. */
function locate(field: string, mapping: ColumnMapping): Where {
  const head = field.split(/[.[]/)[0]!;
  const byPath: Record<string, MappedField> = {
    time: field.startsWith('time.end') ? 'end' : 'start',
    place: field.endsWith('.lat') ? 'lat' : field.endsWith('.lon') ? 'lon' : 'place',
    claim: mapping.claim_by ? 'claim_by' : 'source',
  };
  const mapped = byPath[head] ?? (READ_FIELD[head] ? (head as MappedField) : undefined);
  const column = mapped ? mapping[mapped]?.[0] : undefined;
  return column === undefined ? {} : { column };
}
