// The page object for the header: the app's name, the event count (the first sign that a dataset
// is shown), the load report, and the screen-reader announcer.
import { expect, type Locator, type Page } from '@playwright/test';

/** CSS the benchmark also needs inside the page, where there are no locators. */
export const HEADER_CSS = {
  root: '.dl-header',
  eventCount: '[data-testid=event-count]',
} as const;

/**
 * Clicks one of the header's actions, through its menu where they are folded (a narrow screen,
 * or a header whose actions would crowd out the dataset's title).
 */
export async function clickHeaderAction(page: Page, button: Locator): Promise<void> {
  if (!(await button.isVisible())) await page.getByTestId('menu-toggle').click();
  await button.click();
}

export class HeaderBar {
  readonly brand: Locator;
  /** "16 events", or "7 of 16 events" while filtering. */
  readonly eventCount: Locator;
  readonly reportButton: Locator;
  readonly reportDialog: Locator;
  readonly loadError: Locator;
  readonly announcer: Locator;

  constructor(readonly page: Page) {
    this.brand = page.getByRole('heading', { name: 'Dateline', exact: true });
    this.eventCount = page.locator(HEADER_CSS.eventCount);
    this.reportButton = page.getByTestId('report-button');
    this.reportDialog = page.getByTestId('report');
    this.loadError = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    this.announcer = page.getByTestId('announcer');
  }

  /** The load report's entry for the item at `index` of a collection. */
  reportProblem(collection: string, index: number): Locator {
    return this.reportDialog.getByRole('listitem').filter({ hasText: `${collection}[${index}]` });
  }

  async openReport(): Promise<void> {
    await clickHeaderAction(this.page, this.reportButton);
    await expect(this.reportDialog).toBeVisible();
  }

  /** Moves the pointer onto the header, away from every event. */
  async movePointerAway(): Promise<void> {
    await this.brand.hover();
  }
}
