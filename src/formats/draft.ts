// What every mapper builds: a `dateline/1` document, plus where each event came from in the file,
// so that the loader's problems can be told by spreadsheet row (or item index) and column.
import type { Collection, Dataset, LoadReport, Problem } from '../model/dataset';
import { loadDataset, type LoadResult } from '../model/load';
import { FORMAT, type ActorKind } from '../model/schema';
import { abortError, ImportError } from './errors';
import { FORMAT_NAMES } from './names';
import { idForName, NameIds } from './slug';
import type { FormatId, Geocoded, ImportOptions, RawActor, RawEvent, RawSource } from './types';
import { CUT, MAX_DEPTH } from '../model/nesting';
import { capMessage, quote } from '../model/quote';
import { withCode } from '../model/problemCodes';

/** Where an item is in the imported file. */
export interface Origin {
  collection: Collection;
  /** The spreadsheet row, for CSV. */
  row?: number;
  /** The position in the file's own array, for JSON. */
  index?: number;
}

/** A place in an item: a CSV column, or a field path in a JSON item. */
export interface Where {
  column?: string;
  field?: string;
}

/** How a mapper names, in the file's terms, a field of the `dateline/1` event it wrote. */
export type Locate = (field: string) => Where;

export interface Imported {
  dataset: Dataset;
  report: LoadReport;
}

/** "data/events.v2.csv" → "events.v2": a title for files that have none. */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Progress is reported, and cancellation checked, every this many items. */
export const PROGRESS_EVERY = 2000;

const COLLECTION_ORDER = [
  'dataset',
  'actors',
  'places',
  'sources',
  'events',
  'features',
  'stories',
];

export class Draft {
  title = '';
  description = '';
  readonly extra: Record<string, unknown> = {};
  readonly events: RawEvent[] = [];
  /** `origins[i]` is where `events[i]` came from. */
  readonly origins: Origin[] = [];
  readonly problems: Problem[] = [];
  /** Items the mapper could not use at all. */
  rejected = 0;
  private readonly actors = new Map<string, RawActor>();
  private readonly actorIds = new NameIds('actor');
  private readonly sources = new Map<string, RawSource>();
  private readonly sourceIds = new NameIds('source');
  private readonly claims: Array<{ event: RawEvent; name: string }> = [];
  private readonly geocoded = new Map<string, Geocoded | null>();
  private readonly added = new Set<RawEvent>();
  private readonly kept = new Set<string>();
  /** Where each event id was first given. */
  private readonly ids = new Map<string, Origin>();
  private total = 0;
  private fileSourceId: string | undefined;

  constructor(
    readonly format: FormatId,
    readonly opts: ImportOptions,
    private readonly locate: Locate = () => ({}),
  ) {}

  /** Reports progress and checks for cancellation every PROGRESS_EVERY items. */
  progress(done: number, total: number): void {
    this.total = total;
    if (done % PROGRESS_EVERY !== 0) return;
    this.checkAborted();
    this.opts.onProgress?.(done, total);
  }

  private checkAborted(): void {
    if (this.opts.signal?.aborted) throw abortError(this.opts.fileName);
  }

  private at(origin: Origin): Pick<Problem, 'collection' | 'row' | 'index'> {
    return origin.row !== undefined
      ? { collection: origin.collection, row: origin.row }
      : { collection: origin.collection, index: origin.index };
  }

  warn(origin: Origin, message: string, where: Where & { id?: string } = {}): void {
    this.problems.push({
      severity: 'warning',
      ...this.at(origin),
      ...clean(where),
      message: capMessage(message),
    });
  }

  /** Reports an item the mapper cannot use; it is counted as rejected. */
  reject(origin: Origin, message: string, where: Where & { id?: string } = {}): void {
    this.problems.push({
      severity: 'error',
      ...this.at(origin),
      ...clean(where),
      message: capMessage(message),
    });
    this.rejected++;
  }

  /**
   * Adds an event; `uses` names actors or sources to keep that the event does not reference. An
   * id an earlier item already has is never a reason to drop the item: it is kept under a
   * derived id (`id-2`), with a warning.
   */
  add(event: RawEvent, origin: Origin, uses: readonly string[] = []): void {
    this.warnCut(event, origin);
    const first = this.ids.get(event.id);
    if (first !== undefined) {
      let n = 2;
      while (this.ids.has(`${event.id}-${n}`)) n++;
      const own = `${event.id}-${n}`;
      const where = this.locate('id');
      this.warn(
        origin,
        `id ${quote(event.id)} is already used by ${describeOrigin(first)}; this one is kept as ${quote(own)}`,
        { column: where.column, field: where.field ?? 'id', id: own },
      );
      event.id = own;
    }
    this.ids.set(event.id, origin);
    this.events.push(event);
    this.origins.push(origin);
    this.added.add(event);
    for (const id of uses) this.kept.add(id);
  }

  /**
   * Says which fields of the event's `extra` were written as JSON cut at MAX_DEPTH (`safeJson`):
   * the loader reports the values it cuts itself, but these reach it as text.
   */
  private warnCut(event: RawEvent, origin: Origin): void {
    for (const [key, value] of Object.entries(event.extra ?? {})) {
      if (typeof value !== 'string' || !value.includes(CUT)) continue;
      this.warn(
        origin,
        `nested more than ${MAX_DEPTH} levels deep; kept to ${MAX_DEPTH} levels, and what lay deeper is cut`,
        { field: key, id: event.id },
      );
    }
  }

  /** Keeps actors or sources that an event added earlier came to name (a merged row's sources). */
  keep(ids: readonly string[]): void {
    for (const id of ids) this.kept.add(id);
  }

  /**
   * The id of the actor with this name, created on first use (the first kind given wins). Two
   * distinct names never share an id; another spelling of a known name (case, spacing) is kept
   * as an alias.
   */
  actor(name: string, kind: ActorKind): string {
    const { id, created } = this.actorIds.id(name);
    if (created) this.actors.set(id, { id, name, kind });
    else addAlias(this.actors.get(id)!, name);
    return id;
  }

  /** The id of the source with this name, created on first use. */
  source(name: string, fields: Partial<RawSource> = {}): string {
    const { id, created } = this.sourceIds.id(name);
    if (created) this.sources.set(id, { id, title: name, publisher: name, ...fields });
    return id;
  }

  /** A source standing for the imported file, for events the file attributes to no one. */
  fileSource(): string {
    if (this.fileSourceId) return this.fileSourceId;
    let id = `import-${idForName(this.opts.fileName, 'file')}`;
    for (let n = 2; this.sourceIds.has(id); n++)
      id = `import-${idForName(this.opts.fileName, 'file')}-${n}`;
    this.sourceIds.reserve(id);
    this.sources.set(id, {
      id,
      title: this.opts.fileName,
      publisher: `${FORMAT_NAMES[this.format]} import`,
      note: 'The imported file; it names no source for these events.',
    });
    this.fileSourceId = id;
    return id;
  }

  /**
   * Claims the event for `name`, resolved once every row is read: an actor of that name (or
   * id) if the file has one, else a source of that name.
   */
  claimBy(event: RawEvent, name: string): void {
    this.claims.push({ event, name });
  }

  /**
   * Who a claim's name stands for, once every row is read: an actor of that name (or id) if the
   * file has one, else a source of that name (made on first use).
   */
  claimant(name: string): string {
    const actorId = this.actorIds.get(name) ?? (this.actors.has(name) ? name : undefined);
    return actorId ?? this.source(name);
  }

  /** The geocoder's answer for a name, asked once per name and country. */
  geocode(name: string, countryHint?: string): Geocoded | null | undefined {
    const geocode = this.opts.geocode;
    if (!geocode) return undefined;
    const key = `${name}\u0000${countryHint ?? ''}`;
    let hit = this.geocoded.get(key);
    if (hit === undefined) {
      hit = geocode(name, countryHint);
      this.geocoded.set(key, hit);
    }
    return hit;
  }

  /**
   * The `dateline/1` document, ready for `loadDataset`, with only the actors and sources its
   * events use (a row rejected late may have named some).
   */
  build(): Record<string, unknown> {
    for (const { event, name } of this.claims) {
      if (!this.added.has(event)) continue;
      if (event.claim) event.claim.by = this.claimant(name);
    }
    this.claims.length = 0;
    const used = new Set(this.kept);
    for (const e of this.events) {
      if (e.claim) used.add(e.claim.by);
      for (const a of e.actors ?? []) used.add(a.actor);
    }
    return {
      format: FORMAT,
      title: this.title || this.opts.fileName,
      description: this.description,
      ...(Object.keys(this.extra).length > 0 && { extra: this.extra }),
      actors: [...this.actors.values()].filter((a) => used.has(a.id)),
      sources: [...this.sources.values()].filter((s) => used.has(s.id)),
      events: this.events,
    };
  }

  /** Builds, loads and tells the result in the file's terms; progress ends at total/total. */
  load(): Imported {
    this.checkAborted();
    const imported = this.finish(loadDataset(this.build(), this.opts.fileName));
    this.checkAborted();
    this.opts.onProgress?.(this.total, this.total);
    return imported;
  }

  /**
   * The loader's result told in the file's terms: each event problem moved to its row (or item)
   * and column, the mapper's own problems added, all in file order.
   */
  finish(result: LoadResult): Imported {
    if (!result.dataset) throw new ImportError(result.report);
    const describe = (i: number): string => {
      const o = this.origins[i];
      return o ? describeOrigin(o) : `events[${i}]`;
    };
    const moved = result.report.problems.map((p): Problem => {
      if (p.collection !== 'events' || p.index === undefined) return p;
      const origin = this.origins[p.index];
      if (!origin) return p;
      const { index: _index, code: _code, args: _args, ...rest } = p;
      const where = p.field === undefined ? {} : this.locate(p.field);
      return {
        ...rest,
        ...this.at(origin),
        ...clean({ column: where.column, field: where.field ?? p.field }),
        message: p.message.replace(/events\[(\d+)\]/g, (_all, i: string) => describe(Number(i))),
      };
    });
    const position = (p: Problem) => p.row ?? p.index ?? -1;
    const rank = (p: Problem) => COLLECTION_ORDER.indexOf(p.collection);
    const problems = [...this.problems, ...moved]
      .map(withCode)
      .sort((a, b) => rank(a) - rank(b) || position(a) - position(b));
    return {
      dataset: result.dataset,
      report: {
        ...result.report,
        problems,
        eventsRejected: result.report.eventsRejected + this.rejected,
      },
    };
  }
}

/** Keeps another spelling of an actor's name among its aliases. */
function addAlias(actor: RawActor, name: string): void {
  const spelled = name.trim();
  if (spelled === actor.name || actor.aliases?.includes(spelled)) return;
  actor.aliases = [...(actor.aliases ?? []), spelled];
}

/** "row 12" for a CSV row, "features[3]" for an item of a JSON array. */
export function describeOrigin(o: Origin): string {
  return o.row !== undefined ? `row ${o.row}` : `${o.collection}[${o.index}]`;
}

/** Drops undefined members, so problems compare and print cleanly. */
function clean<T extends object>(o: T): T {
  const out = { ...o };
  for (const key of Object.keys(out) as Array<keyof T>) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}
