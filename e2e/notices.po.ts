// The page object for notices: the one region that holds them, each notice, and the controls
// that show the ones counted ("2 more notices") or dismiss them all.
import type { Locator, Page } from '@playwright/test';

export class NoticesPage {
  readonly region: Locator;
  readonly notices: Locator;
  readonly more: Locator;
  readonly dismissAll: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByTestId('notices');
    this.notices = this.region.getByTestId('notice');
    this.more = this.region.getByRole('button', { name: /^\d+ more notices?$|^Show fewer$/ });
    this.dismissAll = this.region.getByRole('button', { name: 'Dismiss all' });
  }

  notice(text: string | RegExp): Locator {
    return this.notices.filter({ hasText: text });
  }
}
