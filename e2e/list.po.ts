// The page object for the event list: a windowed listbox (only the rows near its scroll position
// are in the DOM), its rows by event, and bringing a row into the DOM to click it.
import { expect, type Locator, type Page } from '@playwright/test';

const cssString = (s: string) => JSON.stringify(s);

export class EventListPage {
  readonly root: Locator;
  readonly options: Locator;
  readonly selectedOptions: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('event-list');
    this.options = this.root.locator('[role=option][data-event-id]');
    this.selectedOptions = this.options.and(page.locator('[aria-selected=true]'));
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
