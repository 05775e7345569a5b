// The page object for the page's languages: opening it in a language (by the link or by the
// browser's), the language and calendar menus, and what the page says in words (every text node
// and accessible name, apart from the dataset's own text) to hold against the English catalogue.
import { expect, type Locator, type Page } from '@playwright/test';
import { IntlMessageFormat } from 'intl-messageformat';
import en from '../src/i18n/en.json' with { type: 'json' };
import ar from '../src/i18n/ar.json' with { type: 'json' };
import he from '../src/i18n/he.json' with { type: 'json' };
import { READY } from './readiness';
import { DATASET_URL_PATTERN, readSeed } from './seed';

type Tree = { [key: string]: string | Tree };
type MessagePart = ReturnType<IntlMessageFormat['getAst']>[number];

/** The literal words of a message, plural and select branches included. */
function literals(elements: readonly MessagePart[], out: string[] = []): string[] {
  for (const el of elements) {
    if (el.type === 0) out.push(el.value);
    if ('options' in el)
      for (const option of Object.values(el.options)) literals(option.value, out);
  }
  return out;
}

function messages(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : messages(v)));
}

const translated = [...messages(ar), ...messages(he)].join('\n');

/**
 * Runs of English words in the English catalogue ("Clear filters", "in time order", "events")
 * that no translation uses too (names such as "Dateline", "GeoJSON", key names such as "Esc").
 */
export const ENGLISH_WORDS: readonly string[] = [
  ...new Set(
    messages(en).flatMap((m) =>
      literals(new IntlMessageFormat(m, 'en').getAst()).flatMap(
        (text) => text.match(/[A-Za-z][A-Za-z’']*(?: [A-Za-z][A-Za-z’']*)*/g) ?? [],
      ),
    ),
  ),
].filter((words) => words.length >= 3 && !translated.includes(words));

/** The English words (from ENGLISH_WORDS) in a string, as whole words. */
export function englishIn(text: string): string[] {
  return ENGLISH_WORDS.filter((words) =>
    new RegExp(`(^|[^A-Za-z])${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(
      text,
    ),
  );
}

/** Every string in a dataset document, however deep. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.length >= 3 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

export class LanguagePage {
  readonly html: Locator;
  readonly languageMenu: Locator;
  readonly calendarMenu: Locator;
  readonly eventCount: Locator;
  readonly timeline: Locator;
  readonly axisLabels: Locator;
  readonly listOptions: Locator;
  readonly details: Locator;
  readonly when: Locator;

  constructor(readonly page: Page) {
    this.html = page.locator('html');
    this.languageMenu = page.getByTestId('language');
    this.calendarMenu = page.getByTestId('calendar');
    this.eventCount = page.getByTestId('event-count');
    this.timeline = page.getByTestId('timeline');
    this.axisLabels = page.locator('.vis-time-axis .vis-text:not(.vis-measure)');
    this.listOptions = page.locator('.dl-list [role=option]');
    this.details = page.getByTestId('details');
    this.when = this.details.getByTestId('when');
  }

  /** Serves the seed dataset declaring that its text is English (`language: "en"`). */
  async serveSeedInEnglish(): Promise<void> {
    const dataset = { ...readSeed(), language: 'en' };
    await this.page.route(DATASET_URL_PATTERN, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify(dataset),
      }),
    );
  }

  /** Opens `path` and waits until the dataset is drawn in every view, in whatever language. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.timeline).toHaveAttribute('data-drawing', /^(all|items|density)$/, READY);
    await expect(this.listOptions.first()).toBeVisible(READY);
    await expect(this.page.locator('.dl-map [data-basemap]')).toHaveAttribute(
      'data-basemap',
      /^(50m|10m)$/,
      READY,
    );
  }

  async expectDirection(lang: string, dir: 'rtl' | 'ltr'): Promise<void> {
    await expect(this.html).toHaveAttribute('lang', lang);
    await expect(this.html).toHaveAttribute('dir', dir);
  }

  /** Opens every section of the filters (actors, type and status, dates). */
  async openFilters(): Promise<void> {
    const sections = this.page.locator('.dl-filters details');
    for (let i = 0; i < (await sections.count()); i += 1) {
      const section = sections.nth(i);
      if (!(await section.evaluate((d) => (d as HTMLDetailsElement).open)))
        await section.locator('summary').click();
    }
  }

  /** Selects the list's first event, and waits for its details. */
  async selectFirstEvent(): Promise<void> {
    await this.listOptions.first().click();
    await expect(this.when).toBeVisible();
  }

  /**
   * What the page says in its own words: every text node and every accessible name, label,
   * title, placeholder and alt text, apart from the dataset's text (inside `lang="en"`, the
   * dataset's declared language, and the timeline's item labels, which are event titles).
   */
  async pageWords(): Promise<string[]> {
    return this.page.evaluate(() => {
      const own = (el: Element | null) =>
        !!el && !el.closest('body [lang="en"]') && !el.closest('.vis-item, .vis-measure');
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        if (text && own(node.parentElement) && !node.parentElement?.closest('script, style'))
          out.push(text);
      }
      for (const el of document.body.querySelectorAll(
        '[aria-label], [title], [placeholder], [alt]',
      ))
        if (own(el))
          for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
            const value = el.getAttribute(name);
            if (value) out.push(value);
          }
      return out;
    });
  }

  /**
   * Each of the page's own strings that holds English words, with the words. The dataset's text
   * inside them is taken out first: a marker's name joins a place name and a title (data) with
   * the precision (the page's words).
   */
  async englishLeft(): Promise<string[]> {
    const data = [...new Set(textsOf(readSeed()))].sort((a, b) => b.length - a.length);
    const withoutData = (text: string) => data.reduce((t, d) => t.split(d).join(' '), text);
    return (await this.pageWords())
      .map((text) => ({ text, words: englishIn(withoutData(text)) }))
      .filter((s) => s.words.length > 0)
      .map((s) => `${s.text} [${s.words.join(', ')}]`);
  }
}
