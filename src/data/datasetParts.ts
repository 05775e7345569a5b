// A dataset handed from the import worker to the page in parts, so that the page keeps drawing
// while it arrives: first its head (title, actors, places, sources), then its events and its
// problems a slice per message (each message is a task of its own on the page: a structured
// clone of a slice, not of a million events at once), then the filters' index, whose typed
// arrays are transferred rather than copied, and the page builds nothing of it. The worker sends
// a few slices ahead of the page's acknowledgements, so a slow page is never buried in messages.
import type { Dataset, DatelineEvent, LoadReport, Problem, ResolvedPlace } from '../model/dataset';
import type { Actor, Source } from '../model/schema';
import {
  adoptEventIndex,
  buildEventIndex,
  indexColumnsOf,
  transferablesOf,
  type EventIndexColumns,
} from '../model/filter/eventIndex';

/** Events per message: a slice the page takes in one short task. */
export const EVENTS_PER_PART = 250;
/** Problems per message (smaller than events). */
const PROBLEMS_PER_PART = 2000;
/** Parts the worker sends before it waits for the page to acknowledge one. */
export const PARTS_AHEAD = 3;

export interface DatasetHead {
  title: string;
  description: string;
  extra?: Record<string, unknown>;
  language?: string;
  actors: Actor[];
  places: ResolvedPlace[];
  sources: Source[];
  span: Dataset['span'];
  stories: Dataset['stories'];
  events: number;
  problems: number;
}

export type DatasetPart =
  | { part: 'head'; head: DatasetHead }
  | { part: 'events'; events: DatelineEvent[] }
  | { part: 'problems'; problems: Problem[] }
  | { part: 'index'; index: EventIndexColumns };

/** The parts of a dataset and its report, in order, each with what it transfers. */
export function* datasetParts(
  dataset: Dataset,
  report: LoadReport,
): Generator<{ part: DatasetPart; transfer: Transferable[] }> {
  const head: DatasetHead = {
    title: dataset.title,
    description: dataset.description,
    ...(dataset.extra && { extra: dataset.extra }),
    ...(dataset.language !== undefined && { language: dataset.language }),
    actors: [...dataset.actors.values()],
    places: [...dataset.places.values()],
    sources: [...dataset.sources.values()],
    span: dataset.span,
    stories: dataset.stories,
    events: dataset.events.length,
    problems: report.problems.length,
  };
  yield { part: { part: 'head', head }, transfer: [] };
  for (let i = 0; i < dataset.events.length; i += EVENTS_PER_PART)
    yield {
      part: { part: 'events', events: dataset.events.slice(i, i + EVENTS_PER_PART) },
      transfer: [],
    };
  for (let i = 0; i < report.problems.length; i += PROBLEMS_PER_PART)
    yield {
      part: { part: 'problems', problems: report.problems.slice(i, i + PROBLEMS_PER_PART) },
      transfer: [],
    };
  const index = indexColumnsOf(buildEventIndex(dataset));
  yield { part: { part: 'index', index }, transfer: transferablesOf(index) };
}

/** The page's side: a dataset put together from its parts as they come. */
export class DatasetReceiver {
  private head: DatasetHead | null = null;
  private placeKeys = new Map<string, string>();
  private readonly events: DatelineEvent[] = [];
  private readonly eventById = new Map<string, DatelineEvent>();
  private readonly problems: Problem[] = [];
  private index: EventIndexColumns | null = null;

  /** Takes one part; returns how many events have come, of how many. */
  take(part: DatasetPart): { done: number; total: number } {
    switch (part.part) {
      case 'head':
        this.head = part.head;
        this.placeKeys = new Map(part.head.places.map((p) => [p.key, p.key]));
        break;
      case 'events':
        for (const e of part.events) {
          // Each event's copy of its place key becomes the one string of that key: the views
          // then look places up by a string whose hash is known, instead of hashing a copy
          // per event in the one task that first shows the dataset.
          if (e.placeKey !== null) e.placeKey = this.placeKeys.get(e.placeKey) ?? e.placeKey;
          this.events.push(e);
          this.eventById.set(e.id, e);
        }
        break;
      case 'problems':
        for (const p of part.problems) this.problems.push(p);
        break;
      case 'index':
        this.index = part.index;
        break;
    }
    return { done: this.events.length, total: this.head?.events ?? 0 };
  }

  /** The dataset, once every part has come, and the report's problems. */
  finish(): { dataset: Dataset; problems: Problem[] } {
    const head = this.head;
    if (!head || this.events.length !== head.events || this.problems.length !== head.problems)
      throw new Error('the import worker sent an incomplete dataset');
    const dataset: Dataset = {
      title: head.title,
      description: head.description,
      ...(head.extra && { extra: head.extra }),
      ...(head.language !== undefined && { language: head.language }),
      actors: new Map(head.actors.map((a) => [a.id, a])),
      places: new Map(head.places.map((p) => [p.key, p])),
      sources: new Map(head.sources.map((s) => [s.id, s])),
      events: this.events,
      eventById: this.eventById,
      stories: head.stories,
      span: head.span,
    };
    if (this.index) adoptEventIndex(dataset, this.index);
    return { dataset, problems: this.problems };
  }
}
