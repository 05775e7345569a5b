// The page object for a load report's problems, in whatever language: the report dialog, its
// problems and groups, and the words the report says itself (the data it quotes, each value in
// its own <bdi>, set aside).
import { expect, type Locator, type Page } from '@playwright/test';
import { clickHeaderAction } from './header.po';

export class ProblemReport {
  readonly button: Locator;
  readonly dialog: Locator;
  readonly problems: Locator;
  readonly groups: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('report-button').first();
    this.dialog = page.getByTestId('report').first();
    this.problems = this.dialog.locator('li.dl-problem:not(:has(details))');
    this.groups = this.dialog.locator('li.dl-problem:has(details)');
  }

  async open(): Promise<void> {
    await clickHeaderAction(this.page, this.button);
    await expect(this.dialog).toBeVisible();
  }

  /** Opens every group, so its problems are listed. */
  async openGroups(): Promise<void> {
    for (const summary of await this.groups.locator('summary').all()) await summary.click();
  }

  /** The problem whose text holds `text` (a value from the data, which no language changes). */
  problem(text: string): Locator {
    return this.problems.filter({ hasText: text }).first();
  }

  /** What the report says in its own words: its text without the values in <bdi>. */
  ownWords(): Promise<string> {
    return this.dialog.evaluate((dialog) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode())
        if (!node.parentElement?.closest('bdi')) out.push(node.textContent ?? '');
      return out.join('');
    });
  }

  /** The data values the report isolates, in document order. */
  isolated(): Promise<string[]> {
    return this.dialog.locator('bdi').allTextContents();
  }
}
