// Which property of a JSON record (a GeoJSON feature's `properties`) holds its time, under the
// names people use (start_date, date_ad, date, when, USGS's epoch-ms `time`…), and how each such
// property writes its dates, decided once from every record (day or month first, epoch seconds or
// milliseconds, Excel day numbers). A record's start is the first of them that reads.
import { decideDateColumn, readDate, type DateValue, type ReadDateOptions } from './dates';
import { headerKey } from './csv';

/** Names of a start, in the order they are tried. */
export const START_NAMES = [
  'start',
  'start_date',
  'startdate',
  'date_start',
  'begin',
  'from',
  'date',
  'when',
  'date_ad',
  'event_date',
  'time',
  'timestamp',
  'datetime',
] as const;

/** Names of an end, in the order they are tried. */
export const END_NAMES = ['end', 'end_date', 'enddate', 'date_end', 'to', 'until'] as const;

const START = new Set<string>(START_NAMES);
const END = new Set<string>(END_NAMES);

/** Other names that hold a date: `*_date` and `*date` (birth_date, publishdate). */
const isOtherDateName = (key: string) => /(^|_)date$|date$/.test(key) && !END.has(key);

/** A value a date column can hold: text or a number (JSON writes epoch times as numbers). */
function cellOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export interface PickedTime {
  /** The property as the record writes it. */
  key: string;
  /** Its reading: a date, or the reason it is none. */
  read: DateValue | string;
}

export class PropertyTimes {
  /** Per property name (compared as `headerKey`): how its dates are written. */
  private readonly options = new Map<string, ReadDateOptions>();
  /** What deciding the properties found worth saying, once per file. */
  readonly warnings: Array<{ key: string; message: string }> = [];

  constructor(records: ReadonlyArray<Readonly<Record<string, unknown>>>) {
    const values = new Map<string, { key: string; cells: string[] }>();
    for (const record of records) {
      for (const [key, value] of Object.entries(record)) {
        const name = headerKey(key);
        if (!START.has(name) && !END.has(name) && !isOtherDateName(name)) continue;
        const cell = cellOf(value);
        if (cell === undefined) continue;
        let column = values.get(name);
        if (!column) values.set(name, (column = { key, cells: [] }));
        column.cells.push(cell);
      }
    }
    for (const [name, { key, cells }] of values) {
      const decided = decideDateColumn(cells, { column: key, convention: 'mdy' });
      this.options.set(name, decided.options);
      for (const message of decided.warnings) this.warnings.push({ key, message });
    }
  }

  private pick(
    record: Readonly<Record<string, unknown>>,
    wanted: (name: string) => boolean,
    rank: (name: string) => number,
  ): PickedTime | undefined {
    const candidates = Object.keys(record)
      .filter((key) => wanted(headerKey(key)) && cellOf(record[key]) !== undefined)
      .sort((a, b) => rank(headerKey(a)) - rank(headerKey(b)));
    let first: PickedTime | undefined;
    for (const key of candidates) {
      const read = readDate(cellOf(record[key])!, this.options.get(headerKey(key)));
      if (typeof read !== 'string') return { key, read };
      first ??= { key, read };
    }
    return first;
  }

  /** The record's start: the first start-like property that reads, else the first given. */
  start(record: Readonly<Record<string, unknown>>): PickedTime | undefined {
    const rank = (name: string) => {
      const i = (START_NAMES as readonly string[]).indexOf(name);
      return i < 0 ? START_NAMES.length : i;
    };
    return this.pick(record, (n) => START.has(n) || isOtherDateName(n), rank);
  }

  /** The record's end, among the end-like properties. */
  end(record: Readonly<Record<string, unknown>>): PickedTime | undefined {
    return this.pick(
      record,
      (n) => END.has(n),
      (n) => (END_NAMES as readonly string[]).indexOf(n),
    );
  }
}
