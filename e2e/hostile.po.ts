// The page object for what an event shows of its file beyond Dateline's own fields: "More from
// the file" (extra fields, HTML ones formatted) and the media list's captions and credits. Used
// by the hostile-input specs to check that text stays text.
import type { Locator, Page } from '@playwright/test';

export class FileFieldsPage {
  readonly extraFields: Locator;
  readonly mediaCaption: Locator;
  readonly media: Locator;

  constructor(readonly page: Page) {
    const details = page.getByTestId('details');
    this.extraFields = details.getByTestId('extra-fields');
    this.media = details.getByRole('region', { name: 'Media' });
    this.mediaCaption = details.getByTestId('media-caption');
  }

  /** The value shown under "More from the file" for a key. */
  extraValue(key: string): Locator {
    return this.extraFields
      .locator('.dl-extra-row')
      .filter({ has: this.page.locator('dt', { hasText: key }) })
      .locator('dd');
  }

  /** Links anywhere in the page that lead to `host`. */
  linksTo(host: string): Locator {
    return this.page.locator(`a[href*="${host}"]`);
  }
}
