// A dataset's events held as columns rather than one object per event: what the filters' index
// holds (times, type/status/claim codes, places' positions, actor links: ./filter/eventIndex.ts)
// plus the rest of each event, as string columns (ids, titles, summaries: one string per slice of
// rows and where each row ends), numbers into tables of distinct values (times, dates, claims,
// places, tags: a million events share a few thousand of each) and, for the few events that have
// them, their rare fields (media, evidence, extra, HTML). The import worker fills it and
// transfers its buffers to the page (no structured clone of event objects); the page makes an
// event object from it only when asked (`EventMaker`), and every event it makes shares the tables'
// values, so it holds far fewer objects than a clone would.
import type { DatelineEvent } from './dataset';
import type { EventIndexColumns } from './filter/eventIndex';
import { EVENT_STATUSES, EVENT_TYPES, ROLES } from './schema';
import type { EventInput, EventTime } from './schema';
import type { PartialDate } from './time';

/** Rows per string of a string column: well under a JavaScript string's length limit. */
const ROWS_PER_CHUNK = 1 << 16;

/** One text per row: the rows' texts end to end, a string per `ROWS_PER_CHUNK` rows. */
export interface StringColumn {
  chunks: string[];
  /** Where row i's text ends in its chunk (it starts where row i-1's ends, or at 0). */
  end: Uint32Array;
}

/** The fields most events leave empty, kept per event only where set. */
export interface RareFields {
  summaryHtml?: string;
  media?: EventInput['media'];
  evidence?: EventInput['evidence'];
  extra?: EventInput['extra'];
  extraHtml?: EventInput['extraHtml'];
}

/** The columns of an event that the filters' index does not hold; rows in the index's order. */
export interface EventTable {
  n: number;
  id: StringColumn;
  title: StringColumn;
  summary: StringColumn;
  /** Position in the file's events (`DatelineEvent.index`). */
  index: Uint32Array;
  /** Numbers into `times`, `claims`, `placeValues` and `placeKeys` (-1: none). */
  time: Uint32Array;
  claim: Uint32Array;
  place: Int32Array;
  placeKey: Int32Array;
  times: EventTime[];
  /** Each time's start and end dates (a time's dates follow from its start, end and precision). */
  startDates: PartialDate[];
  endDates: (PartialDate | undefined)[];
  claims: DatelineEvent['claim'][];
  /** A place id (string) or an inline place, as the event gives it. */
  placeValues: NonNullable<DatelineEvent['place']>[];
  placeKeys: string[];
  /** Tags in compressed rows: row i's are `tagNames[tagName[tagStart[i]..tagStart[i+1]]]`. */
  tagStart: Uint32Array;
  tagName: Uint32Array;
  tagNames: string[];
  /** [row, fields] for each row with any rare field, rows ascending. */
  rare: [number, RareFields][];
}

function stringColumn(n: number, text: (i: number) => string): StringColumn {
  const chunks: string[] = [];
  const end = new Uint32Array(n);
  for (let from = 0; from < n; from += ROWS_PER_CHUNK) {
    const parts: string[] = [];
    let at = 0;
    for (let i = from; i < Math.min(n, from + ROWS_PER_CHUNK); i++) {
      const s = text(i);
      parts.push(s);
      at += s.length;
      end[i] = at;
    }
    chunks.push(parts.join(''));
  }
  return { chunks, end };
}

/** Row i's text. */
export function textAt(column: StringColumn, i: number): string {
  const start = i % ROWS_PER_CHUNK === 0 ? 0 : column.end[i - 1]!;
  return column.chunks[Math.floor(i / ROWS_PER_CHUNK)]!.slice(start, column.end[i]);
}

/**
 * Numbers for distinct values, so rows share one object per time, claim or place: values are
 * looked up by a string they already hold (whose hash V8 keeps), then compared field by field;
 * the first one met is kept.
 */
class Distinct<T> {
  readonly values: T[] = [];
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly same: (a: T, b: T) => boolean = Object.is) {}

  numberOf(value: T, key: string): number {
    const numbers = this.byKey.get(key);
    if (numbers) {
      for (const n of numbers) if (this.same(this.values[n]!, value)) return n;
    }
    const n = this.values.length;
    this.values.push(value);
    if (numbers) numbers.push(n);
    else this.byKey.set(key, [n]);
    return n;
  }
}

const sameTime = (a: EventTime, b: EventTime) =>
  a.start === b.start &&
  a.end === b.end &&
  a.precision === b.precision &&
  a.approximate === b.approximate &&
  a.text === b.text;

const sameClaim = (a: DatelineEvent['claim'], b: DatelineEvent['claim']) =>
  a.by === b.by && a.status === b.status;

type PlaceValue = NonNullable<DatelineEvent['place']>;

/** Every field of the schema's inline place (schema.ts), the geocoding's too. */
function samePlace(a: PlaceValue, b: PlaceValue): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return (
    a.id === b.id &&
    a.name === b.name &&
    Object.is(a.lat, b.lat) &&
    Object.is(a.lon, b.lon) &&
    a.precision === b.precision &&
    a.radiusKm === b.radiusKm &&
    a.note === b.note &&
    a.geocoded?.query === b.geocoded?.query &&
    a.geocoded?.matched === b.geocoded?.matched &&
    a.geocoded?.by === b.geocoded?.by &&
    Object.keys(a).length === Object.keys(b).length
  );
}

/** The table of a dataset's events, rows in the order of `index` (the events' order). */
export function eventTableOf(events: readonly DatelineEvent[]): EventTable {
  const n = events.length;
  const times = new Distinct<EventTime>(sameTime);
  const claims = new Distinct<DatelineEvent['claim']>(sameClaim);
  const places = new Distinct<PlaceValue>(samePlace);
  const placeKeys = new Distinct<string>();
  const tagNames = new Distinct<string>();
  // A time's dates follow from it (the loader parses them from its start, end and precision).
  const startDates: PartialDate[] = [];
  const endDates: (PartialDate | undefined)[] = [];
  const table = {
    n,
    id: stringColumn(n, (i) => events[i]!.id),
    title: stringColumn(n, (i) => events[i]!.title),
    summary: stringColumn(n, (i) => events[i]!.summary),
    index: new Uint32Array(n),
    time: new Uint32Array(n),
    claim: new Uint32Array(n),
    place: new Int32Array(n),
    placeKey: new Int32Array(n),
    tagStart: new Uint32Array(n + 1),
    rare: [] as [number, RareFields][],
  };
  let tags = 0;
  for (const e of events) tags += e.tags.length;
  const tagName = new Uint32Array(tags);
  let t = 0;
  events.forEach((e, i) => {
    table.index[i] = e.index;
    const time = times.numberOf(e.time, e.time.start);
    if (time === startDates.length) {
      startDates.push(e.startDate);
      endDates.push(e.endDate);
    }
    table.time[i] = time;
    table.claim[i] = claims.numberOf(e.claim, e.claim.by);
    const place = e.place;
    table.place[i] =
      place === null
        ? -1
        : places.numberOf(place, typeof place === 'string' ? place : `\u0000${place.name}`);
    table.placeKey[i] = e.placeKey === null ? -1 : placeKeys.numberOf(e.placeKey, e.placeKey);
    table.tagStart[i] = t;
    for (const tag of e.tags) tagName[t++] = tagNames.numberOf(tag, tag);
    const rare = rareFieldsOf(e);
    if (rare) table.rare.push([i, rare]);
  });
  table.tagStart[n] = t;
  return {
    ...table,
    times: times.values,
    startDates,
    endDates,
    claims: claims.values,
    placeValues: places.values,
    placeKeys: placeKeys.values,
    tagName,
    tagNames: tagNames.values,
  };
}

/**
 * An event's columns in the file's order, made distinct already (the column-wise import of a
 * Parquet or Arrow file fills them straight from the file's columns): what `eventTableOf` finds
 * in event objects, without the objects.
 */
export interface FileOrderColumns {
  n: number;
  id: readonly string[];
  title: readonly string[];
  summary: readonly string[];
  time: Uint32Array;
  times: EventTime[];
  startDates: PartialDate[];
  endDates: (PartialDate | undefined)[];
  claim: Uint32Array;
  claims: DatelineEvent['claim'][];
  place: Int32Array;
  placeValues: NonNullable<DatelineEvent['place']>[];
  placeKey: Int32Array;
  placeKeys: string[];
  tagStart: Uint32Array;
  tagName: Uint32Array;
  tagNames: string[];
  /** Rare fields by file row. */
  rare: ReadonlyMap<number, RareFields>;
}

/** The table of columns in file order, its rows put in `order` (order[i] = file row of row i). */
export function eventTableInOrder(c: FileOrderColumns, order: Uint32Array): EventTable {
  const { n } = c;
  const time = new Uint32Array(n);
  const claim = new Uint32Array(n);
  const place = new Int32Array(n);
  const placeKey = new Int32Array(n);
  const tagStart = new Uint32Array(n + 1);
  const tagName = new Uint32Array(c.tagName.length);
  const at = new Uint32Array(n);
  let t = 0;
  for (let i = 0; i < n; i++) {
    const row = order[i]!;
    at[row] = i;
    time[i] = c.time[row]!;
    claim[i] = c.claim[row]!;
    place[i] = c.place[row]!;
    placeKey[i] = c.placeKey[row]!;
    tagStart[i] = t;
    for (let k = c.tagStart[row]!; k < c.tagStart[row + 1]!; k++) tagName[t++] = c.tagName[k]!;
  }
  tagStart[n] = t;
  const rare = [...c.rare].map(([row, fields]): [number, RareFields] => [at[row]!, fields]);
  rare.sort((a, b) => a[0] - b[0]);
  return {
    n,
    id: stringColumn(n, (i) => c.id[order[i]!]!),
    title: stringColumn(n, (i) => c.title[order[i]!]!),
    summary: stringColumn(n, (i) => c.summary[order[i]!]!),
    index: Uint32Array.from(order),
    time,
    claim,
    place,
    placeKey,
    times: c.times,
    startDates: c.startDates,
    endDates: c.endDates,
    claims: c.claims,
    placeValues: c.placeValues,
    placeKeys: c.placeKeys,
    tagStart,
    tagName,
    tagNames: c.tagNames,
    rare,
  };
}

function rareFieldsOf(e: DatelineEvent): RareFields | undefined {
  let rare: RareFields | undefined;
  if (e.summaryHtml !== undefined) (rare ??= {}).summaryHtml = e.summaryHtml;
  if (e.media !== undefined) (rare ??= {}).media = e.media;
  if (e.evidence.length > 0) (rare ??= {}).evidence = e.evidence;
  if (e.extra !== undefined) (rare ??= {}).extra = e.extra;
  if (e.extraHtml !== undefined) (rare ??= {}).extraHtml = e.extraHtml;
  return rare;
}

/** The buffers of a table's typed arrays, to transfer rather than copy. */
export function tableTransferables(t: EventTable): ArrayBuffer[] {
  const arrays = [
    t.id.end,
    t.title.end,
    t.summary.end,
    t.index,
    t.time,
    t.claim,
    t.place,
    t.placeKey,
    t.tagStart,
    t.tagName,
  ];
  return [...new Set(arrays.map((a) => a.buffer))].filter(
    (b): b is ArrayBuffer => b instanceof ArrayBuffer,
  );
}

const NO_RARE: RareFields = {};

/**
 * Makes event objects from a table and the index's columns (types, statuses, times, actor
 * links), each once: asked again, it gives the same object.
 */
export class EventMaker {
  private readonly made: (DatelineEvent | undefined)[];
  private readonly rare = new Map<number, RareFields>();
  /** One link object per actor and role. */
  private readonly links = new Map<number, DatelineEvent['actors'][number]>();

  constructor(
    private readonly table: EventTable,
    private readonly index: EventIndexColumns,
  ) {
    this.made = new Array<DatelineEvent | undefined>(table.n);
    for (const [row, fields] of table.rare) this.rare.set(row, fields);
  }

  get n(): number {
    return this.table.n;
  }

  /** The event of row `i`. */
  event(i: number): DatelineEvent {
    return (this.made[i] ??= this.make(i));
  }

  private link(actor: number, role: number): DatelineEvent['actors'][number] {
    const key = actor * ROLES.length + role;
    let link = this.links.get(key);
    if (!link) {
      link = { actor: this.index.actorIds[actor]!, role: ROLES[role]! };
      this.links.set(key, link);
    }
    return link;
  }

  private make(i: number): DatelineEvent {
    const t = this.table;
    const x = this.index;
    const actors: DatelineEvent['actors'] = [];
    for (let k = x.linkStart[i]!; k < x.linkStart[i + 1]!; k++)
      actors.push(this.link(x.linkActor[k]!, x.linkRole[k]!));
    const tags: string[] = [];
    for (let k = t.tagStart[i]!; k < t.tagStart[i + 1]!; k++) tags.push(t.tagNames[t.tagName[k]!]!);
    const rare = this.rare.get(i) ?? NO_RARE;
    const place = t.place[i]!;
    const placeKey = t.placeKey[i]!;
    const time = t.time[i]!;
    // The fields in the loader's order (load.ts), so that every event has one shape.
    return {
      id: textAt(t.id, i),
      title: textAt(t.title, i),
      summary: textAt(t.summary, i),
      summaryHtml: rare.summaryHtml,
      media: rare.media,
      type: EVENT_TYPES[x.type[i]!]!,
      time: t.times[time]!,
      status: EVENT_STATUSES[x.status[i]!]!,
      place: place < 0 ? null : t.placeValues[place]!,
      actors,
      claim: t.claims[t.claim[i]!]!,
      evidence: rare.evidence ?? [],
      tags,
      extra: rare.extra,
      extraHtml: rare.extraHtml,
      index: t.index[i]!,
      earliest: x.earliest[i]!,
      latest: x.latest[i]!,
      startDate: t.startDates[time]!,
      endDate: t.endDates[time],
      placeKey: placeKey < 0 ? null : t.placeKeys[placeKey]!,
    };
  }
}
