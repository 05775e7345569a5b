// The page in Arabic and Hebrew: `?lang=ar` and `?lang=he` lay it out right to left and say
// everything in that language (no English word of the catalogue left on the first screen, in the
// filters or in the details), Arabic dates and numbers with Arabic-Indic digits, the Hijri
// calendar as a choice, axe at 0 violations; the browser's language is followed, and choosing
// a language in the app puts it in the link.
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, inTimeOrder, seed, test } from './fixtures';
import { TimelinePage } from './timeline.po';
import { LanguagePage } from './i18n.po';

const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];
const ARABIC_DIGITS = /^[٠-٩]+ /;

for (const lang of ['ar', 'he'] as const) {
  test(`?lang=${lang} is right to left and says nothing in English: first screen, filters, details`, async ({
    page,
  }) => {
    const languages = new LanguagePage(page);
    await languages.serveSeedInEnglish();
    await languages.open(`/?lang=${lang}`);
    await languages.expectDirection(lang, 'rtl');
    expect(await languages.englishLeft(), 'English words on the first screen').toEqual([]);

    await languages.openFilters();
    await languages.selectFirstEvent();
    expect(await languages.englishLeft(), 'English words with filters and details open').toEqual(
      [],
    );
    // The dataset's text is marked as the language it declares.
    await expect(page.locator('.dl-option-title').first()).toHaveAttribute('lang', 'en');
    await expect(page.locator('#dl-event-title')).toHaveAttribute('lang', 'en');

    const axe = await new AxeBuilder({ page }).withTags(WCAG22_AA).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    );
  });
}

test('in Hebrew the panels mirror and time runs right to left', async ({ page }) => {
  const languages = new LanguagePage(page);
  await languages.open('/?lang=he');
  await languages.expectDirection('he', 'rtl');
  // The whole span is in view when the page opens: the first event stands rightmost.
  const [first, last] = [inTimeOrder()[0], inTimeOrder().at(-1)];
  if (!first || !last) throw new Error('the seed has no events');
  const timeline = new TimelinePage(page);
  expect(await timeline.anchorX(first.id)).toBeGreaterThan(await timeline.anchorX(last.id));
  await languages.selectFirstEvent();
  const box = async (l: Locator) => {
    const b = await l.boundingBox();
    if (!b) throw new Error('not shown');
    return b;
  };
  const list = await box(page.locator('.dl-list'));
  const details = await box(languages.details);
  // The list on the right, the details on the left.
  expect(list.x).toBeGreaterThan(details.x + details.width - 1);
});

test('Arabic dates and numbers: Arabic-Indic digits, Arabic month names, on the axis too', async ({
  page,
}) => {
  const languages = new LanguagePage(page);
  await languages.open('/?lang=ar&event=talks-begin-cairo');
  await expect(languages.eventCount).toHaveText(/^١٦ حدثًا$/);
  await expect(languages.when).toContainText('٢٧ فبراير ٢٠٢٥');
  await expect(page.locator('.dl-list .dl-note').first()).toHaveText(ARABIC_DIGITS);
  await expect(languages.axisLabels.filter({ hasText: /فبراير|مارس/ }).first()).toBeVisible();
  await expect(languages.axisLabels.filter({ hasText: /[0-9]/ })).toHaveCount(0);
});

test('the Hijri calendar is a choice for Arabic, and the link carries it', async ({ page }) => {
  const languages = new LanguagePage(page);
  await languages.open('/?lang=ar&event=talks-begin-cairo');
  await expect(languages.when).toContainText('فبراير');
  await languages.calendarMenu.selectOption('islamic-umalqura');
  await expect(page).toHaveURL(/[?&]calendar=hijri(&|$)/);
  // 27 February 2025 is 28 Shaʿban 1446 in the Umm al-Qura calendar.
  await expect(languages.when).toContainText('٢٨ شعبان ١٤٤٦');
  await page.reload();
  await expect(languages.when).toContainText('٢٨ شعبان ١٤٤٦', { timeout: 60_000 });
});

test('choosing a language in the app changes the page and puts it in the link', async ({
  page,
}) => {
  const languages = new LanguagePage(page);
  await languages.open('/');
  await languages.expectDirection('en', 'ltr');
  await expect(page).not.toHaveURL(/lang=/);
  // The check the Arabic and Hebrew pages pass finds the English page's words.
  expect((await languages.englishLeft()).length).toBeGreaterThan(20);
  // Each language is named in itself.
  await expect(languages.languageMenu.locator('option')).toHaveText([
    'English',
    'العربية',
    'עברית',
  ]);

  await languages.languageMenu.selectOption('he');
  await languages.expectDirection('he', 'rtl');
  await expect(page).toHaveURL(/[?&]lang=he(&|$)/);
  await expect(page.getByRole('heading', { name: 'מסננים' })).toBeVisible();
  await expect(languages.eventCount).toHaveText('16 אירועים');

  await languages.languageMenu.selectOption('en');
  await languages.expectDirection('en', 'ltr');
  await expect(page).toHaveURL(/[?&]lang=en(&|$)/);
  await expect(languages.eventCount).toHaveText('16 events');
});

test.describe('in a browser set to Arabic', () => {
  test.use({ locale: 'ar-EG' });

  test('the page follows the browser’s language, with its region, and keeps the link short', async ({
    page,
  }) => {
    const languages = new LanguagePage(page);
    await languages.open('/');
    await languages.expectDirection('ar', 'rtl');
    await expect(languages.eventCount).toHaveText(/^١٦ /);
    await expect(page).not.toHaveURL(/lang=/);
  });
});

test('one event is “1 event”, not “1 events”, in every count', async ({ page }) => {
  const languages = new LanguagePage(page);
  const only = seed.events.find((e) => e.id === 'talks-begin-cairo')!;
  await languages.open(`/?q=${encodeURIComponent(only.title)}`);
  await expect(page.getByTestId('filter-count')).toHaveText(/^1 of 16 events$/);
  await expect(languages.timeline).toHaveAttribute('aria-label', /^Timeline of 1 event\./);
  await expect(page.locator('.dl-list .dl-note').first()).toHaveText('1 in time order');
});
