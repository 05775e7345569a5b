// Reading and writing CSV with papaparse: BOM, CRLF, quoted newlines, `,` `;` or tab delimiters,
// rows numbered as a spreadsheet shows them, and cells made safe against formula injection.
import Papa from 'papaparse';

export interface CsvTable {
  /** The header cells as written (trimmed). */
  header: string[];
  /** Data rows; `rows[i]` is spreadsheet row `i + 2` (the header is row 1). */
  rows: string[][];
  delimiter: string;
  /** Quoting errors, by spreadsheet row. */
  errors: Array<{ row: number; message: string }>;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most outside quotes in the first line; `,` when there is none. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** The header cells only, for detecting the format without parsing the whole file. */
export function readHeader(text: string): string[] {
  const clean = stripBom(text);
  const parsed = Papa.parse<string[]>(clean, { delimiter: sniffDelimiter(clean), preview: 1 });
  return (parsed.data[0] ?? []).map((h) => h.trim());
}

export function parseCsv(text: string): CsvTable {
  const clean = stripBom(text);
  const delimiter = sniffDelimiter(clean);
  const parsed = Papa.parse<string[]>(clean, { delimiter, skipEmptyLines: false });
  const [header = [], ...rows] = parsed.data;
  const errors = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }));
  return { header: header.map((h) => h.trim()), rows, delimiter, errors };
}

/** Whether a data row is empty (a blank line, or only delimiters): it is skipped, not reported. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((value) => value.trim() === '');
}

/** "Display Date", " display  date " → "display date": how header names are compared. */
export function headerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Column lookup by header name, compared case- and space-insensitively. */
export class Columns {
  private readonly byKey = new Map<string, number>();

  constructor(readonly names: readonly string[]) {
    names.forEach((name, i) => {
      const key = headerKey(name);
      if (key && !this.byKey.has(key)) this.byKey.set(key, i);
    });
  }

  /** The index of the first of `keys` the header has. */
  find(...keys: string[]): number | undefined {
    for (const key of keys) {
      const i = this.byKey.get(key);
      if (i !== undefined) return i;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The header name as written, for messages and `extra` keys. */
  name(index: number): string {
    return this.names[index] || `column ${index + 1}`;
  }
}

/** A trimmed cell; '' when the column is absent or the row is short. */
export function cell(row: readonly string[], index: number | undefined): string {
  return index === undefined ? '' : (row[index] ?? '').trim();
}

/** Characters a spreadsheet may read as the start of a formula (ASCII and full-width). */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A cell safe to open in a spreadsheet: one that starts like a formula gets a leading `'`, which
 * spreadsheets show as text (OWASP's CSV-injection advice). Plain numbers such as -33.9 stay
 * numbers.
 */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Undoes `safeCell` on import of a file Dateline wrote. */
export function unguardCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** CSV text (CRLF, quoted where needed) with every cell passed through `safeCell`. */
export function toCsv(rows: ReadonlyArray<readonly string[]>): string {
  return Papa.unparse(
    rows.map((row) => row.map(safeCell)),
    { newline: '\r\n' },
  );
}
