// The page object for the event list: a windowed listbox (only the rows near its scroll position
// are in the DOM), its rows by event, and bringing a row into the DOM to click it.
import { expect, type Locator, type Page } from '@playwright/test';

const cssString = (s: string) => JSON.stringify(s);

export class EventListPage {
  readonly root: Locator;
  readonly options: Locator;
  readonly selectedOptions: Locator;
  /** The search's words, marked in the rows' titles. */
  readonly hits: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('event-list');
    this.options = this.root.locator('[role=option][data-event-id]');
    this.selectedOptions = this.options.and(page.locator('[aria-selected=true]'));
    this.hits = this.options.locator('mark.dl-hit');
  }

  /** Whether an event's row is drawn and wholly inside the list's scrolled view. */
  async rowInView(eventId: string): Promise<boolean> {
    const row = this.option(eventId);
    if ((await row.count()) === 0) return false;
    const [r, l] = await Promise.all([row.boundingBox(), this.root.boundingBox()]);
    if (!r || !l || l.height < 1) return false;
    return r.y >= l.y - 1 && r.y + r.height <= l.y + l.height + 1;
  }

  option(eventId: string): Locator {
    return this.root.locator(`[role=option][data-event-id=${cssString(eventId)}]`);
  }

  /** Ids of the rows in the DOM now, in their order. */
  async renderedIds(): Promise<string[]> {
    return this.options.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-event-id') ?? ''),
    );
  }

  /**
   * Ids of every event in the list, in its order. The list renders only the rows near its scroll
   * position, so this scrolls it from the top to the bottom, half a screen at a time, and reads
   * each row's position in the set once the list has drawn the rows of the new position. All in
   * the page, in one call: a round trip per step is slow on a busy machine.
   */
  async allIds(): Promise<string[]> {
    return this.root.evaluate(async (list) => {
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const options = () => [...list.querySelectorAll('[role=option][data-event-id]')];
      /** Whether the rows drawn cover the list's visible height (or reach the last row). */
      const drawn = () => {
        const rows = options();
        if (rows.length === 0) return false;
        const view = list.getBoundingClientRect();
        const boxes = rows.map((el) => el.getBoundingClientRect());
        const top = Math.min(...boxes.map((b) => b.top));
        const bottom = Math.max(...boxes.map((b) => b.bottom));
        const last = rows.some(
          (el) => el.getAttribute('aria-posinset') === el.getAttribute('aria-setsize'),
        );
        return top <= view.top + 1 && (bottom >= view.bottom - 1 || last);
      };
      const ids = new Map<number, string>();
      list.scrollTo({ top: 0 });
      for (let guard = 0; guard < 1000; guard++) {
        for (let f = 0; f < 30 && !drawn(); f++) await frame();
        for (const el of options())
          ids.set(Number(el.getAttribute('aria-posinset')), el.getAttribute('data-event-id') ?? '');
        if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) break;
        list.scrollBy({ top: list.clientHeight / 2 });
        await frame();
      }
      return [...ids].sort(([a], [b]) => a - b).map(([, id]) => id);
    });
  }

  /**
   * Brings a row into the DOM, scrolling the list from the top half a screen at a time until the
   * row is rendered, and returns it.
   */
  async reveal(eventId: string): Promise<Locator> {
    const option = this.option(eventId);
    if ((await option.count()) > 0) return option;
    await this.root.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(async () => {
      if ((await option.count()) === 0)
        await this.root.evaluate((el) => el.scrollBy({ top: el.clientHeight / 2 }));
      await expect(option).toBeAttached({ timeout: 250 });
    }).toPass();
    return option;
  }

  async select(eventId: string): Promise<void> {
    await (await this.reveal(eventId)).click();
  }
}
