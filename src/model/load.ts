// The one door for outside data: turns parsed JSON into a Dataset, validating every item on its
// own so that one bad event is reported (file, index, id, field, reason) and the rest still load.
import type { z } from 'zod';
import type {
  Collection,
  Dataset,
  DatelineEvent,
  LoadReport,
  Problem,
  ResolvedPlace,
} from './dataset';
import {
  actorSchema,
  eventSchema,
  FORMAT,
  placeSchema,
  sourceSchema,
  type Actor,
  type EventInput,
  type InlinePlace,
  type Source,
} from './schema';
import { fastEvent } from './fastEvent';
import { capFields, MAX_DEPTH } from './nesting';
import { endOfUnit, parsePartialDate, resolutionFits, type PartialDate } from './time';
import { quote } from './quote';
import { pathToField } from './fieldPath';
import { loadStories } from './stories';
import { withCode } from './problemCodes';

export interface LoadResult {
  dataset: Dataset | null;
  report: LoadReport;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function rawId(item: unknown): string | undefined {
  return isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
}

/**
 * zod copies a record by assignment, where an own "__proto__" key sets the prototype instead and
 * is lost; an imported file's `extra` keeps every key, so that one is put back as its own key.
 */
function keepProtoKey(item: unknown, value: unknown): void {
  if (!isRecord(item) || !isRecord(item.extra) || !Object.hasOwn(item.extra, '__proto__')) return;
  const extra = isRecord(value) ? value.extra : undefined;
  if (!isRecord(extra)) return;
  Object.defineProperty(extra, '__proto__', {
    value: item.extra['__proto__'],
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * An `extra` with every value nested deeper than MAX_DEPTH cut there, each cut reported: such a
 * value loads, but no export, clone or display could write it whole.
 */
function capExtra(
  extra: Record<string, unknown>,
  problems: Problem[],
  at: { index?: number; id?: string },
): Record<string, unknown> {
  const { value, cut } = capFields(extra);
  for (const key of cut) {
    problems.push({
      severity: 'warning',
      collection: at.index === undefined ? 'dataset' : 'events',
      ...at,
      field: `extra.${key}`,
      message: `nested more than ${MAX_DEPTH} levels deep; kept to ${MAX_DEPTH} levels, and what lay deeper is cut`,
    });
  }
  return value;
}

/**
 * Validates one item of a collection with its schema (made only if the quick reader, when there
 * is one, cannot read the item); reports it and returns undefined if bad.
 */
function readItem<S extends z.ZodType>(
  item: unknown,
  index: number,
  collection: Collection,
  schema: () => S,
  problems: Problem[],
  /** Ids seen so far in the collection, with their index: a second use is an error. */
  seen: Map<string, number>,
  /** A quicker reader that gives the schema's output or undefined (then the schema reads it). */
  fast?: (item: unknown) => z.output<S> | undefined,
): z.output<S> | undefined {
  const quick = fast?.(item);
  const result = quick ? { success: true as const, data: quick } : schema().safeParse(item);
  if (!result.success) {
    const id = rawId(item);
    for (const issue of result.error.issues) {
      problems.push({
        severity: 'error',
        collection,
        index,
        ...(id !== undefined && { id }),
        field: pathToField(issue.path),
        message: issue.message,
      });
    }
    return undefined;
  }
  if (!quick) keepProtoKey(item, result.data);
  const value = result.data as { id: string };
  const first = seen.get(value.id);
  if (first !== undefined) {
    problems.push({
      severity: 'error',
      collection,
      index,
      id: value.id,
      field: 'id',
      message: `duplicate id: ${collection}[${first}] already uses ${quote(value.id)}`,
    });
    return undefined;
  }
  seen.set(value.id, index);
  return result.data;
}

/** Whether a collection is an array; reports it when it is there but is not. */
function isCollection(raw: unknown, collection: Collection, problems: Problem[]): raw is unknown[] {
  if (raw === undefined) return false;
  if (Array.isArray(raw)) return true;
  problems.push({
    severity: 'error',
    collection,
    message: `${quote(collection)} must be an array`,
  });
  return false;
}

/** Validates each item of one collection with its schema; reports and skips the bad ones. */
function parseItems<S extends z.ZodType>(
  raw: unknown,
  collection: Collection,
  schema: () => S,
  problems: Problem[],
): Array<{ index: number; value: z.output<S> }> {
  if (!isCollection(raw, collection, problems)) return [];
  const out: Array<{ index: number; value: z.output<S> }> = [];
  const seen = new Map<string, number>();
  raw.forEach((item, index) => {
    const value = readItem(item, index, collection, schema, problems, seen);
    if (value !== undefined) out.push({ index, value });
  });
  return out;
}

function samePosition(a: InlinePlace, b: InlinePlace): boolean {
  return a.name === b.name && a.lat === b.lat && a.lon === b.lon && a.precision === b.precision;
}

/**
 * An inline place's key: its id, else name, position and precision, so that one town coded at
 * several precisions (ACLED's geo_precision) is one name with a place per precision.
 */
function inlinePlaceKey(p: InlinePlace): string {
  return p.id ?? `@${p.lat.toFixed(5)},${p.lon.toFixed(5)}:${p.precision}:${p.name}`;
}

/**
 * Inline places that collide with another (an id given to two different places) get their own
 * key: `<id>-2`, `<id>-3`… (a slug, so an export keeps it), the same one for every event that
 * gives that same place under that id.
 */
export class PlaceKeys {
  private readonly own = new Map<string, string>();

  constructor(
    private readonly places: Map<string, ResolvedPlace>,
    private readonly problems: Problem[],
  ) {}

  /** The key of the event's inline place, registering the place on first sight. */
  resolve(place: InlinePlace, index: number, eventId: string): { key: string; place: InlinePlace } {
    const key = inlinePlaceKey(place);
    const known = this.places.get(key);
    if (!known) {
      this.places.set(key, { ...place, id: key, key, inline: true });
      return { key, place };
    }
    if (samePosition(known, place)) return { key, place };
    if (place.id === undefined) {
      // Positions within a metre of each other (the key rounds to 5 decimals): a place apart,
      // with nothing to tell the user.
      const own = `${key}@${place.lat},${place.lon}`;
      if (!this.places.has(own))
        this.places.set(own, { ...place, id: own, key: own, inline: true });
      return { key: own, place };
    }
    const signature = `${key}\u0000${place.name}\u0000${place.lat},${place.lon}:${place.precision}`;
    let own = this.own.get(signature);
    if (own === undefined) {
      let n = 2;
      while (this.places.has(`${key}-${n}`)) n++;
      own = `${key}-${n}`;
      this.own.set(signature, own);
      const why = `the id ${quote(key)} is already used by ${quote(known.name)} at ${known.lat}, ${known.lon}`;
      const note = `Dateline gave this place the id ${quote(own)}: ${why}.`;
      this.places.set(own, {
        ...place,
        id: own,
        note: place.note ? `${place.note} ${note}` : note,
        key: own,
        inline: true,
      });
      this.problems.push({
        severity: 'warning',
        collection: 'events',
        index,
        id: eventId,
        field: 'place.id',
        message: `${why}; this place (${quote(place.name)} at ${place.lat}, ${place.lon}) is given its own id, ${quote(own)}`,
      });
    }
    return { key: own, place: { ...place, id: own } };
  }
}

function checkActors(
  actors: Map<string, Actor>,
  indexOf: Map<string, number>,
  problems: Problem[],
) {
  for (const actor of actors.values()) {
    if (actor.memberOf === undefined) continue;
    const where = {
      collection: 'actors' as const,
      index: indexOf.get(actor.id),
      id: actor.id,
      field: 'memberOf',
    };
    if (!actors.has(actor.memberOf)) {
      problems.push({
        severity: 'warning',
        ...where,
        message: `memberOf ${quote(actor.memberOf)} is not a known actor; the link is ignored`,
      });
      delete actor.memberOf;
      continue;
    }
    // Walk up the chain; a cycle would make "include members" loop forever.
    const chain = new Set([actor.id]);
    let up: string | undefined = actor.memberOf;
    while (up !== undefined) {
      if (chain.has(up)) {
        // An actor that only points into a loop keeps its link; the loop's own members report it.
        if (up !== actor.id) break;
        problems.push({
          severity: 'warning',
          ...where,
          message: `memberOf makes a cycle (${[...chain, up].join(' → ')}); the link is ignored`,
        });
        delete actor.memberOf;
        break;
      }
      chain.add(up);
      up = actors.get(up)?.memberOf;
    }
  }
}

function parseTimeEnd(
  label: 'start' | 'end',
  value: string,
  precision: EventInput['time']['precision'],
  errors: Array<[string, string]>,
  dates: Map<string, PartialDate | string>,
): PartialDate | undefined {
  // Events share their dates (a day is written by every event of that day): each distinct
  // string is parsed once per load, and its events share the result, which nothing changes.
  let parsed = dates.get(value);
  if (parsed === undefined) {
    parsed = parsePartialDate(value);
    dates.set(value, parsed);
  }
  if (typeof parsed === 'string') {
    errors.push([`time.${label}`, parsed]);
    return undefined;
  }
  if (!resolutionFits(parsed.resolution, precision)) {
    const hint = precision === 'hour' ? ' (write an hour as T23:00)' : '';
    errors.push([
      `time.${label}`,
      `${quote(value)} is written to the ${parsed.resolution} but precision is ${quote(precision)}${hint}`,
    ]);
    return undefined;
  }
  return parsed;
}

interface Lookups {
  actors: ReadonlyMap<string, Actor>;
  places: ReadonlyMap<string, ResolvedPlace>;
  sources: ReadonlyMap<string, Source>;
  /** Each date string's parse, made once per load. */
  dates: Map<string, PartialDate | string>;
}

/** Checks what the schema cannot: dates, references, quotes. Returns [field, reason] pairs. */
function checkEvent(
  e: EventInput,
  refs: Lookups,
): { errors: Array<[string, string]>; start?: PartialDate; end?: PartialDate } {
  const errors: Array<[string, string]> = [];
  const start = parseTimeEnd('start', e.time.start, e.time.precision, errors, refs.dates);
  const end =
    e.time.end === undefined
      ? undefined
      : parseTimeEnd('end', e.time.end, e.time.precision, errors, refs.dates);
  if (start && end && end.latest < start.earliest) {
    errors.push(['time.end', `end ${quote(e.time.end)} is before start ${quote(e.time.start)}`]);
  }
  if (typeof e.place === 'string' && !refs.places.has(e.place)) {
    errors.push(['place', `unknown place ${quote(e.place)}`]);
  }
  e.actors.forEach((a, i) => {
    if (!refs.actors.has(a.actor))
      errors.push([`actors[${i}].actor`, `unknown actor ${quote(a.actor)}`]);
  });
  if (e.claim && !refs.actors.has(e.claim.by) && !refs.sources.has(e.claim.by)) {
    errors.push(['claim.by', `${quote(e.claim.by)} is neither a known actor nor a known source`]);
  }
  e.evidence.forEach((ev, i) => {
    const field = `evidence[${i}]`;
    const source = refs.sources.get(ev.source);
    if (!source) {
      errors.push([`${field}.source`, `unknown source ${quote(ev.source)}`]);
      return;
    }
    if (ev.end <= ev.start) {
      errors.push([`${field}.end`, `end offset ${ev.end} is not after start offset ${ev.start}`]);
      return;
    }
    if (source.text === undefined) return; // nothing to check the quote against
    const found = source.text.slice(ev.start, ev.end);
    if (found === ev.quote) return;
    const elsewhere = source.text.indexOf(ev.quote);
    const hint =
      elsewhere >= 0
        ? `; it is at ${elsewhere}–${elsewhere + ev.quote.length}`
        : '; the quote is not in the source text at all';
    errors.push([`${field}.quote`, `quote not found at offsets ${ev.start}–${ev.end}${hint}`]);
  });
  return { errors, ...(start && { start }), ...(end && { end }) };
}

/** Events read between two yields of `loadSteps`. */
const SLICE = 2000;

/** Validates and resolves a parsed `dateline/1` document. `file` names it in every message. */
export function loadDataset(raw: unknown, file: string): LoadResult {
  const steps = loadSteps(raw, file);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `loadDataset` a slice at a time, for the page's own thread: between slices the page gets a turn
 * (progress is drawn, input handled), and once `signal` is aborted it stops with an AbortError.
 */
export async function loadDatasetInSlices(
  raw: unknown,
  file: string,
  opts: {
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => void;
    /** How long one slice may run before the page gets a turn. */
    sliceMs?: number;
  } = {},
): Promise<LoadResult> {
  const steps = loadSteps(raw, file);
  const total = isRecord(raw) && Array.isArray(raw.events) ? raw.events.length : 0;
  const sliceMs = opts.sliceMs ?? 40;
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart < sliceMs) continue;
    opts.onProgress?.(step.value, total);
    await nextTask();
    if (opts.signal?.aborted)
      throw new DOMException(`${file}: loading was cancelled`, 'AbortError');
    sliceStart = performance.now();
  }
}

/** Resolves in a new task (a message to ourselves: no timer clamping, no frame to wait for). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const SHOWN_UNCLAIMED = 5;

/**
 * Events the file left without a claim: each is attributed, as "reported", to the dataset's
 * first source, or to an "unattributed" source made for them when the file has none. One
 * warning for the file says so and where.
 */
class Unclaimed {
  private readonly indexes: number[] = [];
  private by: Source | undefined;

  constructor(
    private readonly first: Source | undefined,
    private readonly actors: ReadonlyMap<string, Actor>,
    private readonly sources: Map<string, Source>,
  ) {}

  claimant(index: number): string {
    this.indexes.push(index);
    this.by ??= this.first ?? this.unattributed();
    return this.by.id;
  }

  private unattributed(): Source {
    let id = 'unattributed';
    for (let n = 2; this.actors.has(id) || this.sources.has(id); n++) id = `unattributed-${n}`;
    const source = { id, title: 'No source given in the file', publisher: 'Unattributed' };
    this.sources.set(id, source);
    return source;
  }

  warning(): Problem | undefined {
    const n = this.indexes.length;
    if (n === 0 || !this.by) return undefined;
    const who =
      this.by === this.first
        ? `${quote(this.by.title)}, the dataset’s first source`
        : '“Unattributed”, a source for events the file gives none';
    const where = this.indexes.slice(0, SHOWN_UNCLAIMED).map((i) => `events[${i}]`);
    if (n > SHOWN_UNCLAIMED) where.push('…');
    return {
      severity: 'warning',
      collection: 'events',
      field: 'claim',
      message: `${n === 1 ? '1 event has' : `${n.toLocaleString('en-US')} events have`} no claim; attributed to ${who}, as reported (${where.join(', ')})`,
    };
  }
}

/**
 * The language the dataset declares its text is in (`language`, a BCP 47 tag), canonical
 * ("AR" → "ar"); one that is not such a tag is left out with a warning: the text still loads.
 */
function datasetLanguage(value: unknown, problems: Problem[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      return Intl.getCanonicalLocales(value.trim())[0];
    } catch {
      // reported below
    }
  }
  problems.push({
    severity: 'warning',
    collection: 'dataset',
    field: 'language',
    message: `“language” must be a BCP 47 language tag such as "ar" or "en-GB"; found ${quote(String(value))}, ignored`,
  });
  return undefined;
}

/** The loader as steps: yields the number of events read so far every SLICE events. */
function* loadSteps(raw: unknown, file: string): Generator<number, LoadResult, void> {
  const problems: Problem[] = [];
  const fail = (message: string): LoadResult => {
    problems.push({ severity: 'error', collection: 'dataset', message });
    return {
      dataset: null,
      report: { file, problems: problems.map(withCode), eventsAccepted: 0, eventsRejected: 0 },
    };
  };
  if (!isRecord(raw)) return fail('the file is not a JSON object');
  if (raw.format !== FORMAT) {
    const found = raw.format === undefined ? 'no “format” field' : quote(String(raw.format));
    return fail(`“format” must be ${quote(FORMAT)}; found ${found}`);
  }
  if (!Array.isArray(raw.events)) return fail('“events” must be an array of events');

  let title = typeof raw.title === 'string' && raw.title.trim() ? raw.title.trim() : '';
  if (!title) {
    title = file;
    problems.push({
      severity: 'warning',
      collection: 'dataset',
      field: 'title',
      message: 'the dataset has no title; using the file name',
    });
  }
  const description = typeof raw.description === 'string' ? raw.description : '';
  const language = datasetLanguage(raw.language, problems);

  const actorItems = parseItems(raw.actors, 'actors', actorSchema, problems);
  const actors = new Map(actorItems.map(({ value }) => [value.id, value]));
  checkActors(actors, new Map(actorItems.map(({ index, value }) => [value.id, index])), problems);

  const places = new Map<string, ResolvedPlace>();
  for (const { value } of parseItems(raw.places, 'places', placeSchema, problems)) {
    places.set(value.id, { ...value, key: value.id, inline: false });
  }

  const sourceItems = parseItems(raw.sources, 'sources', sourceSchema, problems);
  const sources = new Map(sourceItems.map(({ value }) => [value.id, value]));
  for (const { index, value } of sourceItems) {
    if (value.published !== undefined && typeof parsePartialDate(value.published) === 'string') {
      problems.push({
        severity: 'warning',
        collection: 'sources',
        index,
        id: value.id,
        field: 'published',
        message: `${quote(value.published)} is not an ISO 8601 date`,
      });
    }
  }

  const refs: Lookups = { actors, places, sources, dates: new Map() };
  const placeKeys = new PlaceKeys(places, problems);
  const unclaimed = new Unclaimed(sourceItems[0]?.value, actors, sources);
  const events: DatelineEvent[] = [];
  const before = problems.length;
  const seen = new Map<string, number>();
  const rawEvents: unknown[] = raw.events;
  for (let index = 0; index < rawEvents.length; index++) {
    if (index % SLICE === 0 && index > 0) yield index;
    const value = readItem(
      rawEvents[index],
      index,
      'events',
      eventSchema,
      problems,
      seen,
      fastEvent,
    );
    if (value === undefined) continue;
    if (value.extra) value.extra = capExtra(value.extra, problems, { index, id: value.id });
    value.claim ??= { by: unclaimed.claimant(index), status: 'reported' };
    const { errors, start, end } = checkEvent(value, refs);
    if (errors.length > 0 || !start) {
      for (const [field, message] of errors) {
        problems.push({
          severity: 'error',
          collection: 'events',
          index,
          id: value.id,
          field,
          message,
        });
      }
      continue;
    }
    let placeKey: string | null = null;
    let place = value.place;
    if (typeof place === 'string') placeKey = place;
    else if (place) ({ key: placeKey, place } = placeKeys.resolve(place, index, value.id));
    const last = end ?? start;
    // "hour" precision is written with minutes (T23:00) but covers the whole hour.
    const latest =
      value.time.precision === 'hour'
        ? endOfUnit(last.earliest, last.offsetMinutes, 'hour')
        : last.latest;
    // Every field named, never `...value`: zod's output objects are in V8's slow dictionary
    // mode and a spread copies that, which made every later pass over the events (sorting,
    // filtering, cloning to the page) several times slower (README, Performance).
    events.push({
      id: value.id,
      title: value.title,
      summary: value.summary,
      summaryHtml: value.summaryHtml,
      media: value.media,
      type: value.type,
      time: value.time,
      status: value.status,
      place,
      actors: value.actors,
      claim: value.claim,
      evidence: value.evidence,
      tags: value.tags,
      extra: value.extra,
      extraHtml: value.extraHtml,
      index,
      earliest: start.earliest,
      latest,
      startDate: start,
      endDate: end,
      placeKey,
    });
  }
  const note = unclaimed.warning();
  if (note) problems.push(note);
  const rejectedIndexes = new Set(
    problems
      .slice(before)
      .filter((p) => p.collection === 'events' && p.severity === 'error')
      .map((p) => p.index),
  );
  events.sort((a, b) => a.earliest - b.earliest || a.index - b.index);

  let span: Dataset['span'] = null;
  for (const e of events) {
    if (!span) span = { earliest: e.earliest, latest: e.latest };
    else {
      span.earliest = Math.min(span.earliest, e.earliest);
      span.latest = Math.max(span.latest, e.latest);
    }
  }

  const eventById = new Map(events.map((e) => [e.id, e]));
  const stories = loadStories(raw.stories, { eventById, actors }, problems);
  const dataset: Dataset = {
    title,
    description,
    ...(language !== undefined && { language }),
    ...(isRecord(raw.extra) && { extra: capExtra(raw.extra, problems, {}) }),
    actors,
    places,
    sources,
    events,
    eventById,
    span,
    stories,
  };
  return {
    dataset,
    report: {
      file,
      problems: problems.map(withCode),
      eventsAccepted: events.length,
      eventsRejected: rejectedIndexes.size,
    },
  };
}
