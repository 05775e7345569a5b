// One imported item's fields, whatever the file: a CSV row (by header name) or a JSON object's
// properties. Mappers `take` the fields they use; `rest` is everything else, kept in `extra`.
import { Columns, cell, headerKey, unguardCell } from './csv';
import type { Where } from './draft';
import { setOwn } from '../model/own';
import { safeJson } from '../model/nesting';

export interface Field {
  value: unknown;
  /** The key as the file writes it (header name or property name). */
  key: string;
  where: Where;
}

export interface FieldRecord {
  /** The first of `keys` the item has (compared case- and space-insensitively), marked used. */
  take(...keys: string[]): Field | undefined;
  /** Like `take`, but the field stays in `rest` (for values also kept verbatim in `extra`). */
  peek(...keys: string[]): Field | undefined;
  /** The unused fields that have a value, as strings, keyed as the file writes them. */
  rest(): Record<string, string> | undefined;
}

/** A field's value as trimmed text: '' for nothing, JSON for objects and arrays. */
export function text(field: Field | undefined): string {
  const v = field?.value;
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return safeJson(v);
}

/** Exports write `extra` keys that clash with a field name as `extra.<key>`; this undoes it. */
function extraKey(key: string): string {
  return key.startsWith('extra.') ? key.slice('extra.'.length) : key;
}

export class CsvRecord implements FieldRecord {
  private readonly used = new Set<number>();

  constructor(
    private readonly columns: Columns,
    private readonly row: readonly string[],
    /** Undo the `'` that Dateline's own CSV export puts before formula-like cells. */
    private readonly unguard = false,
  ) {}

  take(...keys: string[]): Field | undefined {
    const field = this.peek(...keys);
    if (field) this.used.add(this.columns.find(...keys)!);
    return field;
  }

  peek(...keys: string[]): Field | undefined {
    const i = this.columns.find(...keys);
    if (i === undefined) return undefined;
    const raw = cell(this.row, i);
    const key = this.columns.name(i);
    return { value: this.unguard ? unguardCell(raw) : raw, key, where: { column: key } };
  }

  rest(): Record<string, string> | undefined {
    let out: Record<string, string> | undefined;
    const width = Math.max(this.row.length, this.columns.names.length);
    for (let i = 0; i < width; i++) {
      if (this.used.has(i)) continue;
      const raw = cell(this.row, i);
      if (!raw) continue;
      out ??= {};
      let key = extraKey(this.columns.name(i));
      if (Object.hasOwn(out, key)) key = `${key} (column ${i + 1})`;
      setOwn(out, key, this.unguard ? unguardCell(raw) : raw);
    }
    return out;
  }
}

export class ObjectRecord implements FieldRecord {
  private readonly byKey = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(
    private readonly object: Readonly<Record<string, unknown>>,
    /** The path of the object in its item, for messages: "properties". */
    private readonly path = '',
    /** Put before the keys `rest` returns: "media." for a nested object. */
    private readonly restPrefix = '',
  ) {
    for (const key of Object.keys(object)) {
      const k = headerKey(key);
      if (!this.byKey.has(k)) this.byKey.set(k, key);
    }
  }

  take(...keys: string[]): Field | undefined {
    const key = this.keyOf(keys);
    if (key !== undefined) this.used.add(key);
    return this.peek(...keys);
  }

  peek(...keys: string[]): Field | undefined {
    const key = this.keyOf(keys);
    if (key === undefined) return undefined;
    return {
      value: this.object[key],
      key: `${this.restPrefix}${key}`,
      where: { field: this.path ? `${this.path}.${key}` : key },
    };
  }

  private keyOf(keys: readonly string[]): string | undefined {
    for (const wanted of keys) {
      const key = this.byKey.get(wanted);
      if (key !== undefined) return key;
    }
    return undefined;
  }

  rest(): Record<string, string> | undefined {
    let out: Record<string, string> | undefined;
    for (const key of Object.keys(this.object)) {
      if (this.used.has(key)) continue;
      const value = text({ value: this.object[key], key, where: {} });
      if (!value) continue;
      out ??= {};
      setOwn(out, `${this.restPrefix}${extraKey(key)}`, value);
    }
    return out;
  }
}

/**
 * How a CSV mapper names a `dateline/1` field in the file's terms: the first rule whose field
 * prefix matches gives the column, as the file's header writes it.
 */
export function columnLocator(
  columns: Columns,
  rules: ReadonlyArray<readonly [field: string, keys: readonly string[]]>,
): (field: string) => Where {
  return (field) => {
    for (const [prefix, keys] of rules) {
      const matches =
        field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`);
      if (!matches) continue;
      const i = columns.find(...keys);
      return i === undefined ? {} : { column: columns.name(i) };
    }
    return {};
  };
}

/** Like `columnLocator`, for JSON items: the first matching rule gives the item's field path. */
export function fieldLocator(
  rules: ReadonlyArray<readonly [field: string, path: string]>,
): (field: string) => Where {
  return (field) => {
    for (const [prefix, path] of rules) {
      if (field === prefix || field.startsWith(`${prefix}.`) || field.startsWith(`${prefix}[`)) {
        return { field: path };
      }
    }
    return { field };
  };
}
