// The loaded events as columns, for the views' passes over every event (the map's groups by
// place, the timeline's time index, the unplaced count, the text index's text, the filters'
// result), and their event objects made only when something reads one. Row i is the event at
// position i of `dataset.events` (sorted by time), as in the filters' index, which holds the
// times, codes and positions (./filter/eventIndex.ts); this adds each event's place as a number,
// its id and texts, and the object of a row.
//
// A dataset handed over as columns by the import worker (../data/datasetParts.ts) makes no event
// object up front: its `events` is a lazy array (`lazyEvents`) and its `eventById` a lazy map,
// each making a row's object through `EventMaker` when read (and keeping it); the filters' result
// is a lazy array over its rows too (./filter/apply.ts), so a view makes an object only for an
// event it shows, and a million events never make a million objects. A dataset read on the page
// (Dateline JSON) has its objects already; its columns read them.
import type { Dataset, DatelineEvent } from './dataset';
import { textAt, type EventMaker, type EventTable } from './eventTable';
import { eventIndexOf, type EventIndex } from './filter/eventIndex';
import { runSteps, type Steps } from './steps';

export interface EventColumns {
  readonly n: number;
  /** Whether every event object exists already (a dataset read on the page). */
  readonly objectsMade: boolean;
  /** The filters' index: `earliest`, `latest`, `lat`, `lon`, `type`, `status`, actor links. */
  readonly index: EventIndex;
  /** Each row's place as a number into `placeKeys`, -1 for none. */
  readonly placeNo: Int32Array;
  readonly placeKeys: readonly string[];
  id(row: number): string;
  title(row: number): string;
  summary(row: number): string;
  /** The quotes of the row's evidence, joined by spaces ('' for none). */
  evidenceText(row: number): string;
  /** Whether the row's time is approximate. */
  approximate(row: number): boolean;
  /** The row's event object (made once, then the same object). */
  event(row: number): DatelineEvent;
  /** The row of an event id, or -1. */
  rowOf(id: string): number;
  /**
   * The work of `rowOf`'s first call (a map of every id), to run in slices while the page is
   * idle: at 1,000,000 events it is ~0.5 s, which the first selection paid.
   */
  rowsSteps(): Steps<void>;
}

/** Ids mapped between two yields of `RowsById.steps`. */
const ROWS_PIECE = 8192;

/** Every id's row, made a piece at a time, and its lookups. */
class RowsById {
  private rows: Map<string, number> | null = null;
  private making: Map<string, number> | null = null;
  private done = 0;

  constructor(
    private readonly n: number,
    private readonly idOf: (row: number) => string,
  ) {}

  *steps(): Steps<void> {
    if (this.rows) return;
    // Run at once (a lookup) or in slices (the warm-up), each goes on from where the other
    // stopped: no id is added twice and none left out.
    this.making ??= new Map();
    const map = this.making;
    while (this.done < this.n) {
      const to = Math.min(this.n, this.done + ROWS_PIECE);
      for (let i = this.done; i < to; i++) map.set(this.idOf(i), i);
      this.done = to;
      if (to < this.n) yield;
    }
    this.rows = map;
    this.making = null;
  }

  rowOf(id: string): number {
    if (!this.rows) runSteps(this.steps());
    return this.rows!.get(id) ?? -1;
  }
}

/** Columns read from event objects: a dataset loaded on the page. */
class ObjectColumns implements EventColumns {
  readonly n: number;
  readonly objectsMade = true;
  readonly placeNo: Int32Array;
  readonly placeKeys: string[] = [];
  private readonly rows: RowsById;

  constructor(
    private readonly events: readonly DatelineEvent[],
    readonly index: EventIndex,
  ) {
    this.n = events.length;
    this.rows = new RowsById(this.n, (row) => events[row]!.id);
    this.placeNo = new Int32Array(this.n);
    const numbers = new Map<string, number>();
    for (let i = 0; i < this.n; i++) {
      const key = events[i]!.placeKey;
      if (key === null) {
        this.placeNo[i] = -1;
        continue;
      }
      let no = numbers.get(key);
      if (no === undefined) {
        no = this.placeKeys.length;
        numbers.set(key, no);
        this.placeKeys.push(key);
      }
      this.placeNo[i] = no;
    }
  }

  id(row: number): string {
    return this.events[row]!.id;
  }
  title(row: number): string {
    return this.events[row]!.title;
  }
  summary(row: number): string {
    return this.events[row]!.summary ?? '';
  }
  evidenceText(row: number): string {
    return this.events[row]!.evidence.map((q) => q.quote).join(' ');
  }
  approximate(row: number): boolean {
    return this.events[row]!.time.approximate === true;
  }
  event(row: number): DatelineEvent {
    return this.events[row]!;
  }
  rowOf(id: string): number {
    return this.rows.rowOf(id);
  }
  rowsSteps(): Steps<void> {
    return this.rows.steps();
  }
}

/** Columns as the import worker sent them: no event object is made until one is read. */
export class TableColumns implements EventColumns {
  readonly n: number;
  readonly objectsMade = false;
  readonly placeNo: Int32Array;
  readonly placeKeys: readonly string[];
  private readonly rows: RowsById;
  private readonly evidence = new Map<number, string>();
  /** The index, once the dataset it belongs to is made (`bind`). */
  private bound: EventIndex | null = null;

  constructor(
    private readonly table: EventTable,
    private readonly maker: EventMaker,
  ) {
    this.n = table.n;
    // One pass over the id column: each chunk's ids are cut from it, no event object made.
    this.rows = new RowsById(this.n, (row) => this.id(row));
    this.placeNo = table.placeKey;
    this.placeKeys = table.placeKeys;
    for (const [row, fields] of table.rare)
      if (fields.evidence?.length)
        this.evidence.set(row, fields.evidence.map((q) => q.quote).join(' '));
  }

  bind(index: EventIndex): void {
    this.bound = index;
  }

  get index(): EventIndex {
    if (!this.bound) throw new Error('columns read before their dataset was made');
    return this.bound;
  }

  id(row: number): string {
    return textAt(this.table.id, row);
  }
  title(row: number): string {
    return textAt(this.table.title, row);
  }
  summary(row: number): string {
    return textAt(this.table.summary, row);
  }
  evidenceText(row: number): string {
    return this.evidence.get(row) ?? '';
  }
  approximate(row: number): boolean {
    return this.table.times[this.table.time[row]!]!.approximate === true;
  }
  event(row: number): DatelineEvent {
    return this.maker.event(row);
  }
  rowOf(id: string): number {
    return this.rows.rowOf(id);
  }
  rowsSteps(): Steps<void> {
    return this.rows.steps();
  }
}

const columnsCache = new WeakMap<Dataset, EventColumns>();

/** The columns of a dataset, read from its events on first request unless it came as columns. */
export function columnsOf(d: Dataset): EventColumns {
  let columns = columnsCache.get(d);
  if (!columns) {
    columns = new ObjectColumns(d.events, eventIndexOf(d));
    columnsCache.set(d, columns);
    noteShownRows(d.events, columns, null);
  }
  return columns;
}

/**
 * The rows of an array of events that came from a dataset's columns: every event of the
 * dataset (`rows` null) or the filters' result. The views' passes read these rows' columns
 * instead of the objects; an array not listed here (a playback's, a test's) is read as objects.
 */
export interface ShownRows {
  columns: EventColumns;
  /** Ascending rows, or null for all of them. */
  rows: Uint32Array | null;
}

const shownRows = new WeakMap<readonly DatelineEvent[], ShownRows>();

export function noteShownRows(
  events: readonly DatelineEvent[],
  columns: EventColumns,
  rows: Uint32Array | null,
): void {
  shownRows.set(events, { columns, rows });
}

/** The rows of `events`, when it is a dataset's events or a filter result of them. */
export function shownRowsOf(events: readonly DatelineEvent[]): ShownRows | undefined {
  return shownRows.get(events);
}

/**
 * The events of these ascending rows, noted as those rows (`shownRowsOf`): for a dataset whose
 * objects exist, an array of them; for one that came as columns, a lazy array that makes a row's
 * object only when it is read (a million-event filter result makes no object: the views read its
 * rows).
 */
export function eventsOfRows(columns: EventColumns, rows: Uint32Array): readonly DatelineEvent[] {
  let events: readonly DatelineEvent[];
  if (columns.objectsMade) {
    const out = new Array<DatelineEvent>(rows.length);
    for (let k = 0; k < rows.length; k++) out[k] = columns.event(rows[k]!);
    events = out;
  } else events = lazyEvents(rows.length, (k) => columns.event(rows[k]!));
  noteShownRows(events, columns, rows);
  return events;
}

/** How many rows `shown` covers, and the row of its k-th event. */
export const shownCount = (s: ShownRows): number => s.rows?.length ?? s.columns.n;
export const shownRow = (s: ShownRows, k: number): number => (s.rows ? s.rows[k]! : k);

/** A dataset made from columns (../data/datasetParts.ts): its events and ids read them. */
export function datasetFromColumns(
  fields: Omit<Dataset, 'events' | 'eventById'>,
  columns: TableColumns,
  index: (d: Dataset) => EventIndex,
): Dataset {
  const events = lazyEvents(columns.n, (row) => columns.event(row));
  const dataset: Dataset = { ...fields, events, eventById: new EventsById(columns) };
  columns.bind(index(dataset));
  columnsCache.set(dataset, columns);
  noteShownRows(events, columns, null);
  return dataset;
}

/**
 * A read-only array of `n` events that makes each when it is read (`make` keeps them).
 * Indexing, `length`, iteration and the array methods work as on an array; reading every element
 * makes every object, so the views' passes over every event read the columns instead.
 */
export function lazyEvents(
  n: number,
  make: (i: number) => DatelineEvent,
): readonly DatelineEvent[] {
  const rowOfKey = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const c = key.charCodeAt(0);
    if (c < 48 || c > 57) return -1;
    const i = Number(key);
    return Number.isInteger(i) && i < n && String(i) === key ? i : -1;
  };
  // A holey array of the right length: `Array.isArray` is true and the array methods find
  // `length` on it; its elements are never stored (the maker keeps the objects).
  const target = new Array<DatelineEvent>(n);
  return new Proxy(target, {
    get(t, key, receiver) {
      const i = rowOfKey(key);
      return i >= 0 ? make(i) : Reflect.get(t, key, receiver);
    },
    has(t, key) {
      return rowOfKey(key) >= 0 || Reflect.has(t, key);
    },
    getOwnPropertyDescriptor(t, key) {
      const i = rowOfKey(key);
      if (i < 0) return Reflect.getOwnPropertyDescriptor(t, key);
      return { value: make(i), writable: false, enumerable: true, configurable: true };
    },
    ownKeys(t) {
      const keys: (string | symbol)[] = [];
      for (let i = 0; i < n; i++) keys.push(String(i));
      return [...keys, ...Reflect.ownKeys(t)];
    },
    set() {
      return false;
    },
    defineProperty() {
      return false;
    },
    deleteProperty() {
      return false;
    },
  });
}

/** A dataset's events by id, read from its id column; an event is made when it is asked for. */
class EventsById implements ReadonlyMap<string, DatelineEvent> {
  constructor(private readonly columns: EventColumns) {}

  get size(): number {
    return this.columns.n;
  }
  get(id: string): DatelineEvent | undefined {
    const row = this.columns.rowOf(id);
    return row < 0 ? undefined : this.columns.event(row);
  }
  has(id: string): boolean {
    return this.columns.rowOf(id) >= 0;
  }
  forEach(
    f: (value: DatelineEvent, key: string, map: ReadonlyMap<string, DatelineEvent>) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, e] of this.entries()) f.call(thisArg, e, id, this);
  }
  *entries(): MapIterator<[string, DatelineEvent]> {
    for (let i = 0; i < this.columns.n; i++) yield [this.columns.id(i), this.columns.event(i)];
  }
  *keys(): MapIterator<string> {
    for (let i = 0; i < this.columns.n; i++) yield this.columns.id(i);
  }
  *values(): MapIterator<DatelineEvent> {
    for (let i = 0; i < this.columns.n; i++) yield this.columns.event(i);
  }
  [Symbol.iterator](): MapIterator<[string, DatelineEvent]> {
    return this.entries();
  }
}
