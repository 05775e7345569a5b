// The page object for the details panel: the selected event's title, when, where, claim and the
// quote from its source, with the buttons that step through events or close it, "Show more" for
// long text, and the search's words marked in it.
import type { Locator, Page } from '@playwright/test';

export class DetailsPage {
  readonly root: Locator;
  /** The open event's article (its `data-event-id` says which). */
  readonly article: Locator;
  readonly title: Locator;
  readonly when: Locator;
  readonly where: Locator;
  readonly claim: Locator;
  readonly quote: Locator;
  readonly quoteText: Locator;
  readonly quoteMark: Locator;
  readonly showWholeSource: Locator;
  readonly close: Locator;
  readonly previous: Locator;
  readonly next: Locator;
  readonly summary: Locator;
  /** The search's words, marked. */
  readonly hits: Locator;
  /** The whole source, once "Show the whole source" opened it. */
  readonly wholeSource: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('details');
    this.article = this.root.locator('article[data-event-id]');
    this.title = this.root.locator('#dl-event-title');
    this.when = this.root.getByTestId('when');
    this.where = this.root.getByTestId('where');
    this.claim = this.root.getByTestId('claim');
    this.quote = this.root.getByTestId('quote');
    this.quoteText = this.quote.locator('blockquote');
    this.quoteMark = this.quote.locator('mark.dl-quote-mark');
    this.showWholeSource = this.root.getByRole('button', { name: 'Show the whole source' });
    this.close = this.root.getByRole('button', { name: 'Close details (Esc)' });
    this.previous = this.root.getByRole('button', { name: 'Previous event' });
    this.next = this.root.getByRole('button', { name: 'Next event' });
    this.summary = this.root.getByTestId('summary');
    this.hits = this.root.locator('mark.dl-hit');
    this.wholeSource = this.quote.locator('blockquote.dl-quote-full');
  }

  /** "Show more" (or, open, "Show less") of the title or the summary. */
  more(what: 'title' | 'summary'): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^Show (more|less) of the ${what}$`) });
  }
}
