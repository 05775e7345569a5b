// The list of a query source (issue 15.3): every event under the filters, however many, in
// time order, asked of the service (`/list`) a page at a time as the list scrolls to it. Rows
// are known by their number under the filters; a page is asked once, kept while the filters
// stay the same (the most recent pages only), and forgotten when they change. A selection made
// elsewhere is found with `/list?at=<id>`, which answers the page holding it and its row.
import type { DatelineEvent } from '../../model/dataset';
import type { RemoteEventRow, RemoteListPage } from './protocol';

/** Rows per question: a screenful or two of the list. */
export const PAGE_ROWS = 100;
/** Pages kept; beyond, those asked longest ago are forgotten (asked again if scrolled back to). */
const KEEP_PAGES = 60;

export interface RemoteListDeps {
  /** Asks the service: `/list` with this query string. */
  get: (query: string, signal: AbortSignal) => Promise<RemoteListPage>;
  /** The event a row stands for (one object per id, as the rest of the page holds it). */
  eventOf: (row: RemoteEventRow) => DatelineEvent;
}

export class RemoteList {
  /** Events under the filters (the service's count). */
  total = 0;
  /** Bumped at every change the list should draw. */
  version = 0;
  private filters = '';
  private pages = new Map<number, readonly DatelineEvent[]>();
  private asking = new Map<number, AbortController>();
  private listeners = new Set<() => void>();
  /** Ids of the events held, with their row, for the selection's place in the list. */
  private rows = new Map<string, number>();
  failed: string | null = null;

  constructor(private readonly deps: RemoteListDeps) {}

  /** The filters as the service reads them, and how many events they let through. */
  setFilters(filters: string, total: number): void {
    if (filters === this.filters && total === this.total) return;
    if (filters !== this.filters) {
      for (const c of this.asking.values()) c.abort();
      this.asking.clear();
      this.pages.clear();
      this.rows.clear();
      this.filters = filters;
    }
    this.total = total;
    this.failed = null;
    this.changed();
  }

  /** The event at row `i`, if its page is here. */
  rowAt(i: number): DatelineEvent | undefined {
    return this.pages.get(Math.floor(i / PAGE_ROWS))?.[i % PAGE_ROWS];
  }

  /** The row of a held event (-1 when its page is not here, or the filters hide it). */
  rowOf(id: string): number {
    return this.rows.get(id) ?? -1;
  }

  /** Asks for the pages holding rows `first` to `last` that are neither here nor asked. */
  ensure(first: number, last: number): void {
    const to = Math.min(last, this.total - 1);
    for (let p = Math.floor(Math.max(0, first) / PAGE_ROWS); p * PAGE_ROWS <= to; p++)
      if (!this.pages.has(p) && !this.asking.has(p)) void this.ask(p, `offset=${p * PAGE_ROWS}`);
  }

  /** Finds an event's row under the filters (asking for its page); null when they hide it. */
  async locate(id: string): Promise<number | null> {
    const known = this.rows.get(id);
    if (known !== undefined) return known;
    const page = await this.ask(null, `at=${encodeURIComponent(id)}`);
    return page?.rank ?? null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async ask(page: number | null, where: string): Promise<RemoteListPage | null> {
    const filters = this.filters;
    const controller = new AbortController();
    const key = page ?? -1 - this.asking.size;
    this.asking.set(key, controller);
    const query = `${filters ? `${filters}&` : ''}${where}&limit=${PAGE_ROWS}`;
    try {
      const answer = await this.deps.get(query, controller.signal);
      if (filters !== this.filters) return null; // the filters changed meanwhile
      const at = Math.floor((answer.offset ?? 0) / PAGE_ROWS);
      this.hold(at, answer.events.map(this.deps.eventOf));
      this.total = answer.total;
      this.changed();
      return answer;
    } catch (err) {
      if ((err as Error).name === 'AbortError') return null;
      this.failed = (err as Error).message;
      this.changed();
      return null;
    } finally {
      if (this.asking.get(key) === controller) this.asking.delete(key);
    }
  }

  private hold(page: number, events: readonly DatelineEvent[]): void {
    this.pages.delete(page);
    this.pages.set(page, events);
    events.forEach((e, k) => this.rows.set(e.id, page * PAGE_ROWS + k));
    while (this.pages.size > KEEP_PAGES) {
      const [oldest, gone] = this.pages.entries().next().value!;
      this.pages.delete(oldest);
      for (const e of gone) this.rows.delete(e.id);
    }
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
