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
  ActorSchema,
  EventSchema,
  FORMAT,
  PlaceSchema,
  SourceSchema,
  type Actor,
  type EventInput,
  type InlinePlace,
  type Source,
} from './schema';
import { fastEvent } from './fastEvent';
import { endOfUnit, parsePartialDate, resolutionFits, type PartialDate } from './time';

export interface LoadResult {
  dataset: Dataset | null;
  report: LoadReport;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function pathToField(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function rawId(item: unknown): string | undefined {
  return isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
}

/** Validates one item of a collection with its schema; reports it and returns undefined if bad. */
function readItem<S extends z.ZodType>(
  item: unknown,
  index: number,
  collection: Collection,
  schema: S,
  problems: Problem[],
  /** Ids seen so far in the collection, with their index: a second use is an error. */
  seen: Map<string, number>,
  /** A quicker reader that gives the schema's output or undefined (then the schema reads it). */
  fast?: (item: unknown) => z.output<S> | undefined,
): z.output<S> | undefined {
  const quick = fast?.(item);
  const result = quick ? { success: true as const, data: quick } : schema.safeParse(item);
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
  const value = result.data as { id: string };
  const first = seen.get(value.id);
  if (first !== undefined) {
    problems.push({
      severity: 'error',
      collection,
      index,
      id: value.id,
      field: 'id',
      message: `duplicate id: ${collection}[${first}] already uses “${value.id}”`,
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
  problems.push({ severity: 'error', collection, message: `“${collection}” must be an array` });
  return false;
}

/** Validates each item of one collection with its schema; reports and skips the bad ones. */
function parseItems<S extends z.ZodType>(
  raw: unknown,
  collection: Collection,
  schema: S,
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

function inlinePlaceKey(p: InlinePlace): string {
  return p.id ?? `@${p.lat.toFixed(5)},${p.lon.toFixed(5)}:${p.name}`;
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
        message: `memberOf “${actor.memberOf}” is not a known actor; the link is ignored`,
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
): PartialDate | undefined {
  const parsed = parsePartialDate(value);
  if (typeof parsed === 'string') {
    errors.push([`time.${label}`, parsed]);
    return undefined;
  }
  if (!resolutionFits(parsed.resolution, precision)) {
    const hint = precision === 'hour' ? ' (write an hour as T23:00)' : '';
    errors.push([
      `time.${label}`,
      `“${value}” is written to the ${parsed.resolution} but precision is “${precision}”${hint}`,
    ]);
    return undefined;
  }
  return parsed;
}

interface Lookups {
  actors: ReadonlyMap<string, Actor>;
  places: ReadonlyMap<string, ResolvedPlace>;
  sources: ReadonlyMap<string, Source>;
}

/** Checks what the schema cannot: dates, references, quotes. Returns [field, reason] pairs. */
function checkEvent(
  e: EventInput,
  refs: Lookups,
): { errors: Array<[string, string]>; start?: PartialDate; end?: PartialDate } {
  const errors: Array<[string, string]> = [];
  const start = parseTimeEnd('start', e.time.start, e.time.precision, errors);
  const end =
    e.time.end === undefined
      ? undefined
      : parseTimeEnd('end', e.time.end, e.time.precision, errors);
  if (start && end && end.latest < start.earliest) {
    errors.push(['time.end', `end “${e.time.end}” is before start “${e.time.start}”`]);
  }
  if (typeof e.place === 'string' && !refs.places.has(e.place)) {
    errors.push(['place', `unknown place “${e.place}”`]);
  }
  e.actors.forEach((a, i) => {
    if (!refs.actors.has(a.actor))
      errors.push([`actors[${i}].actor`, `unknown actor “${a.actor}”`]);
  });
  if (!refs.actors.has(e.claim.by) && !refs.sources.has(e.claim.by)) {
    errors.push(['claim.by', `“${e.claim.by}” is neither a known actor nor a known source`]);
  }
  e.evidence.forEach((ev, i) => {
    const field = `evidence[${i}]`;
    const source = refs.sources.get(ev.source);
    if (!source) {
      errors.push([`${field}.source`, `unknown source “${ev.source}”`]);
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
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The loader as steps: yields the number of events read so far every SLICE events. */
function* loadSteps(raw: unknown, file: string): Generator<number, LoadResult, void> {
  const problems: Problem[] = [];
  const fail = (message: string): LoadResult => {
    problems.push({ severity: 'error', collection: 'dataset', message });
    return { dataset: null, report: { file, problems, eventsAccepted: 0, eventsRejected: 0 } };
  };
  if (!isRecord(raw)) return fail('the file is not a JSON object');
  if (raw.format !== FORMAT) {
    const found = raw.format === undefined ? 'no “format” field' : `“${String(raw.format)}”`;
    return fail(`“format” must be “${FORMAT}”; found ${found}`);
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

  const actorItems = parseItems(raw.actors, 'actors', ActorSchema, problems);
  const actors = new Map(actorItems.map(({ value }) => [value.id, value]));
  checkActors(actors, new Map(actorItems.map(({ index, value }) => [value.id, index])), problems);

  const places = new Map<string, ResolvedPlace>();
  for (const { value } of parseItems(raw.places, 'places', PlaceSchema, problems)) {
    places.set(value.id, { ...value, key: value.id, inline: false });
  }

  const sourceItems = parseItems(raw.sources, 'sources', SourceSchema, problems);
  const sources = new Map(sourceItems.map(({ value }) => [value.id, value]));
  for (const { index, value } of sourceItems) {
    if (value.published !== undefined && typeof parsePartialDate(value.published) === 'string') {
      problems.push({
        severity: 'warning',
        collection: 'sources',
        index,
        id: value.id,
        field: 'published',
        message: `“${value.published}” is not an ISO 8601 date`,
      });
    }
  }

  const refs: Lookups = { actors, places, sources };
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
      EventSchema,
      problems,
      seen,
      fastEvent,
    );
    if (value === undefined) continue;
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
    if (typeof value.place === 'string') placeKey = value.place;
    else if (value.place) {
      placeKey = inlinePlaceKey(value.place);
      const known = places.get(placeKey);
      if (!known) {
        places.set(placeKey, { ...value.place, id: placeKey, key: placeKey, inline: true });
      } else if (!samePosition(known, value.place)) {
        // Two different places under one id: which one is meant cannot be guessed.
        problems.push({
          severity: 'error',
          collection: 'events',
          index,
          id: value.id,
          field: 'place.id',
          message: `inline place id “${placeKey}” is already used by “${known.name}” at ${known.lat}, ${known.lon}; give this place its own id`,
        });
        continue;
      }
    }
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
      place: value.place,
      actors: value.actors,
      claim: value.claim,
      evidence: value.evidence,
      tags: value.tags,
      extra: value.extra,
      index,
      earliest: start.earliest,
      latest,
      startDate: start,
      endDate: end,
      placeKey,
    });
  }
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

  const dataset: Dataset = {
    title,
    description,
    ...(isRecord(raw.extra) && { extra: raw.extra }),
    actors,
    places,
    sources,
    events,
    eventById: new Map(events.map((e) => [e.id, e])),
    span,
  };
  return {
    dataset,
    report: { file, problems, eventsAccepted: events.length, eventsRejected: rejectedIndexes.size },
  };
}
