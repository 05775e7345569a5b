// The model the views read: a validated dataset with its references resolved and each event's
// time turned into earliest/latest bounds. Only `loadDataset` (./load.ts) makes one.
import type { ProblemArg } from './problemCodes';
import type { Actor, EventInput, Place, Source } from './schema';
import type { PartialDate } from './time';
import { quote } from './quote';
import type { Story } from './stories';

export interface ResolvedPlace extends Place {
  /** `id` for a place from `places[]`; a key derived from name and position for an inline place. */
  key: string;
  inline: boolean;
}

export interface DatelineEvent extends Omit<EventInput, 'claim'> {
  /** Always set: the loader attributes an event the file left unclaimed (see load.ts). */
  claim: NonNullable<EventInput['claim']>;
  /** Position in the file's `events` array, for messages and stable ordering. */
  index: number;
  /** First and last millisecond the event may cover (UTC epoch ms). */
  earliest: number;
  latest: number;
  startDate: PartialDate;
  endDate: PartialDate | undefined;
  /** Key of the place in `Dataset.places`, or null when the source gives none. */
  placeKey: string | null;
}

export interface Dataset {
  title: string;
  description: string;
  /** The language of the dataset's text (BCP 47), when it declares one: its text gets `lang`. */
  language?: string;
  actors: ReadonlyMap<string, Actor>;
  places: ReadonlyMap<string, ResolvedPlace>;
  sources: ReadonlyMap<string, Source>;
  /** Sorted by earliest, then file order. */
  events: readonly DatelineEvent[];
  eventById: ReadonlyMap<string, DatelineEvent>;
  /** Earliest start and latest end over all events, or null with no events. */
  span: { earliest: number; latest: number } | null;
  /** The file's stories (`stories[]`, issue 13), in file order; steps that did not load are left out. */
  stories: readonly Story[];
  /** Dataset-level fields an importer kept (e.g. TimelineJS eras), when the file has them. */
  extra?: Record<string, unknown>;
}

/** `features` is a GeoJSON file's own array, for problems an importer finds before loading. */
export type Collection =
  'dataset' | 'actors' | 'places' | 'sources' | 'events' | 'features' | 'stories';

export interface Problem {
  severity: 'error' | 'warning';
  collection: Collection;
  /** Position in the collection's array (0-based), when the problem is about one item. */
  index?: number;
  id?: string;
  /** Dotted path of the field inside the item, e.g. `time.start` or `actors[2].actor`. */
  field?: string;
  /** The spreadsheet row of an imported CSV (the header is row 1, so data starts at row 2). */
  row?: number;
  /** The CSV column (as the file's header names it) the problem is about. */
  column?: string;
  /** The sentence in English, as the importer or loader wrote it. */
  message: string;
  /**
   * What the sentence says, for the reader's language: `problem.<code>` in the catalogues, with
   * the values it names (model/problemCodes.ts). Every report the loader or an importer hands
   * back has them.
   */
  code?: string;
  args?: Record<string, ProblemArg>;
}

export interface LoadReport {
  file: string;
  problems: Problem[];
  eventsAccepted: number;
  eventsRejected: number;
}

/**
 * Where a problem is, for people: "events[3] “talks-begin” · time.start" in a JSON file,
 * "row 12 “pse123” · column event_date" in a CSV file (a spreadsheet's row and column name).
 */
export function describeLocation(p: Problem): string {
  let s: string;
  if (p.row !== undefined) s = `row ${p.row}`;
  else {
    s = p.collection;
    if (p.index !== undefined) s += `[${p.index}]`;
  }
  if (p.id) s += ` ${quote(p.id)}`;
  if (p.column !== undefined) s += ` · column ${p.column}`;
  else if (p.field) s += ` · ${p.field}`;
  return s;
}
