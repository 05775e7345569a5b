// A dataset handed from the import worker to the page in parts, so that the page keeps drawing
// while it arrives: first its head (title, actors, places, sources), then its events as columns
// (the filters' index and the rest of each event, ../model/eventTable.ts) in one message whose
// typed arrays are transferred, not copied; then a part per slice of rows, which the page only
// counts (the progress, and a turn for the page and Cancel between parts: the page makes an
// event object only when something reads it, ../model/eventColumns.ts); then the report's
// problems a slice per message. The worker sends a few parts ahead of the page's
// acknowledgements, so a slow page is never buried in messages, and Cancel is heard between two.
import type { Dataset, LoadReport, Problem, ResolvedPlace } from '../model/dataset';
import type { Actor, Source } from '../model/schema';
import type { ColumnImported } from '../formats/columnar/columnImport';
import { EventMaker, eventTableOf, tableTransferables, type EventTable } from '../model/eventTable';
import { datasetFromColumns, TableColumns } from '../model/eventColumns';
import {
  adoptEventIndex,
  buildEventIndex,
  eventIndexOf,
  indexColumnsOf,
  transferablesOf,
  type EventIndexColumns,
} from '../model/filter/eventIndex';

/** Events the page makes from the columns per part: a slice it makes in one short task. */
export const EVENTS_PER_PART = 4000;
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
  | { part: 'columns'; index: EventIndexColumns; table: EventTable }
  | { part: 'events'; to: number }
  | { part: 'problems'; problems: Problem[] };

/** What the parts are made from: a dataset's head, and its events as columns, made on demand. */
interface PartsSource {
  head: Omit<Dataset, 'events' | 'eventById'>;
  events: number;
  columns: () => { index: EventIndexColumns; table: EventTable };
}

/** The parts of a dataset and its report, in order, each with what it transfers. */
export function datasetParts(
  dataset: Dataset,
  report: LoadReport,
): Generator<{ part: DatasetPart; transfer: Transferable[] }> {
  return parts(
    {
      head: dataset,
      events: dataset.events.length,
      columns: () => ({
        index: indexColumnsOf(buildEventIndex(dataset)),
        table: eventTableOf(dataset.events),
      }),
    },
    report,
  );
}

/** The parts of a dataset imported as columns (a Parquet or Arrow file): no event objects. */
export function columnDatasetParts(
  imported: ColumnImported,
): Generator<{ part: DatasetPart; transfer: Transferable[] }> {
  const { head, index, table, report } = imported;
  return parts({ head, events: table.n, columns: () => ({ index, table }) }, report);
}

function* parts(
  { head: dataset, events: n, columns }: PartsSource,
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
    events: n,
    problems: report.problems.length,
  };
  yield { part: { part: 'head', head }, transfer: [] };
  const { index, table } = columns();
  yield {
    part: { part: 'columns', index, table },
    transfer: [...transferablesOf(index), ...tableTransferables(table)],
  };
  for (let i = 0; i < n; i += EVENTS_PER_PART)
    yield { part: { part: 'events', to: Math.min(n, i + EVENTS_PER_PART) }, transfer: [] };
  for (let i = 0; i < report.problems.length; i += PROBLEMS_PER_PART)
    yield {
      part: { part: 'problems', problems: report.problems.slice(i, i + PROBLEMS_PER_PART) },
      transfer: [],
    };
}

/**
 * The page's side: a dataset put together from its parts as they come. Its events stay in the
 * columns: an event object is made when something reads it (../model/eventColumns.ts), so the
 * parts after the columns only count the rows that came (the progress, and a turn for the page
 * and Cancel between them).
 */
export class DatasetReceiver {
  private head: DatasetHead | null = null;
  private columns: TableColumns | null = null;
  private index: EventIndexColumns | null = null;
  private rows = 0;
  private readonly problems: Problem[] = [];

  /** Takes one part; returns how many events have come, of how many. */
  take(part: DatasetPart): { done: number; total: number } {
    switch (part.part) {
      case 'head':
        this.head = part.head;
        break;
      case 'columns':
        this.index = part.index;
        this.columns = new TableColumns(part.table, new EventMaker(part.table, part.index));
        break;
      case 'events': {
        const columns = this.columns;
        if (!columns) throw new Error('the import worker sent events before their columns');
        this.rows = Math.max(this.rows, Math.min(part.to, columns.n));
        break;
      }
      case 'problems':
        for (const p of part.problems) this.problems.push(p);
        break;
    }
    return { done: this.rows, total: this.head?.events ?? 0 };
  }

  /** The dataset, once every part has come, and the report's problems. */
  finish(): { dataset: Dataset; problems: Problem[] } {
    const { head, columns, index } = this;
    if (
      !head ||
      !columns ||
      !index ||
      columns.n !== head.events ||
      this.rows !== head.events ||
      this.problems.length !== head.problems
    )
      throw new Error('the import worker sent an incomplete dataset');
    const dataset = datasetFromColumns(
      {
        title: head.title,
        description: head.description,
        ...(head.extra && { extra: head.extra }),
        ...(head.language !== undefined && { language: head.language }),
        actors: new Map(head.actors.map((a) => [a.id, a])),
        places: new Map(head.places.map((p) => [p.key, p])),
        sources: new Map(head.sources.map((s) => [s.id, s])),
        stories: head.stories,
        span: head.span,
      },
      columns,
      (d) => {
        adoptEventIndex(d, index);
        return eventIndexOf(d);
      },
    );
    return { dataset, problems: this.problems };
  }
}
