// The page object for a query source (?source=): opening the app on a service, following a link
// in place (as Back does), the service's own density band and clusters, the list paged from the
// service (its count, its last row), Export from the service, and a snapshot of what the filters show (counts and the first events listed), for comparing sources.
import { expect, type Locator, type Page } from '@playwright/test';
import type { DatelinePage } from './app.po';
import type { FiltersPanel } from './filters.po';
import { READY } from './readiness';

export interface FilterSnapshot {
  count: string;
  /** Every facet checkbox's accessible name: "military 3,402", "Hamas 1,210". */
  facets: string[];
  /** The first events the list draws, when the filters let through at most `listUpTo`. */
  firstListed: string[] | null;
}

export class QuerySourcePage {
  readonly cells: Locator;
  readonly listCount: Locator;
  readonly listScroll: Locator;
  readonly exportButton: Locator;
  readonly exportCsv: Locator;
  readonly exportTooMany: Locator;

  constructor(
    readonly page: Page,
    readonly dateline: DatelinePage,
    readonly filters: FiltersPanel,
  ) {
    this.cells = dateline.map.locator('.dl-remote-cell');
    this.listCount = page.getByTestId('list-count');
    this.listScroll = page.getByTestId('event-list');
    this.exportButton = page.getByTestId('export');
    this.exportCsv = page.getByTestId('remote-export-csv');
    this.exportTooMany = page.getByTestId('remote-export-too-many');
  }

  /** Scrolls the list to its end; the id of the last row once the service has sent its page. */
  async lastListedId(): Promise<string> {
    await this.listScroll.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const rows = Number(await this.listScroll.getAttribute('data-remote-rows'));
    const last = this.listScroll.locator(`[role=option][data-row="${rows - 1}"]`);
    await expect(last).toBeVisible(READY);
    return (await last.getAttribute('data-event-id')) ?? '';
  }

  /** Scrolls the list to row `row` (its number under the filters) and returns that row. */
  async scrollListToRow(row: number): Promise<Locator> {
    await this.listScroll.evaluate((el, r) => {
      const rows = Number(el.getAttribute('data-remote-rows'));
      el.scrollTop = (r / rows) * el.scrollHeight - el.clientHeight / 3;
    }, row);
    const option = this.listScroll.locator(`[role=option][data-row="${row}"]`);
    await expect(option).toBeVisible(READY);
    return option;
  }

  /** Exports from the service with the dialog's CSV button; the file's text. */
  async exportFromService(): Promise<string> {
    await this.exportButton.click();
    const download = this.page.waitForEvent('download', READY);
    await this.exportCsv.click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Opens the app on a service (and a link's other parameters), waiting for its count. */
  async open(service: string, query = '', count: string | RegExp = /\d+ events$/): Promise<void> {
    await this.page.goto(`/?source=${encodeURIComponent(service)}${query ? `&${query}` : ''}`);
    await expect(this.dateline.eventCount).toHaveText(count, READY);
    await this.dateline.views.timeline.waitUntilDrawn();
  }

  /** Goes to a link of this page in place, as Back and Forward do (no reload). */
  async followInPlace(search: string): Promise<void> {
    await this.page.evaluate((s) => {
      history.pushState(null, '', s);
      dispatchEvent(new PopStateEvent('popstate'));
    }, search);
  }

  /** Opens the actor and type sections, with every actor listed, once per page. */
  async openFacets(): Promise<void> {
    await this.filters.openActors();
    if (await this.filters.showAllActors.isVisible()) await this.filters.showAllActors.click();
    await this.filters.openSection('Type and status');
  }

  /** A snapshot once two taken a moment apart agree (the page has applied the last change). */
  async settledSnapshot(listUpTo: number): Promise<FilterSnapshot> {
    let last = await this.snapshot(listUpTo);
    for (let i = 0; i < 100; i++) {
      await this.page.waitForTimeout(150);
      const next = await this.snapshot(listUpTo);
      if (JSON.stringify(next) === JSON.stringify(last)) return next;
      last = next;
    }
    throw new Error('the filters never settled');
  }

  async snapshot(listUpTo: number): Promise<FilterSnapshot> {
    await expect(this.filters.count).not.toHaveText('Searching…', READY);
    const count = (await this.dateline.eventCount.textContent()) ?? '';
    const facets = await this.filters.panel
      .locator('input[type=checkbox][value]')
      .evaluateAll((els) =>
        els.map((el) => `${(el as HTMLInputElement).value} ${el.closest('label')?.textContent}`),
      );
    const shown = Number(/^(\d+) of/.exec(count)?.[1] ?? /^(\d+)/.exec(count)?.[1]);
    const firstListed =
      shown <= listUpTo
        ? await this.dateline.listOptions.evaluateAll((els) =>
            els.slice(0, 12).map((el) => el.getAttribute('data-event-id') ?? ''),
          )
        : null;
    return { count, facets, firstListed };
  }
}
