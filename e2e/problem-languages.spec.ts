// The load report in Arabic and Hebrew (issue 14): with `?lang=ar` or `?lang=he`, a file with bad
// items shows each problem's sentence, where it is (row, item, column, field) and each group's
// line in that language, no English sentence left; the values from the file (an id, a cell, a
// column's name) each in its own <bdi>; row numbers in Arabic-Indic digits in Arabic; axe at 0.
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, readSeed, test } from './fixtures';
import { englishIn, LanguagePage } from './i18n.po';
import { ImportPage } from './import.po';
import { ProblemReport } from './problems.po';

const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];
const UNKNOWN_ACTOR = 'nobody-anyone-knows';

/** The seed with its last event given the first's id, and an event naming an unknown actor. */
function brokenSeed() {
  const data = { ...readSeed(), language: 'en' };
  const events = data.events;
  const withActors = events.findIndex((e, i) => i > 0 && (e.actors?.length ?? 0) > 0);
  events[withActors]!.actors![0]!.actor = UNKNOWN_ACTOR;
  events[events.length - 1]!.id = events[0]!.id;
  return { data, withActors, duplicate: events.length - 1 };
}

/** Dateline CSV with two rows whose dates are words (one group) and one with no such day. */
const BAD_CSV = [
  ...readFileSync(new URL('../src/formats/fixtures/dateline-bad-row.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n'),
  'soon-after,Talks resume soon,,negotiation,soon,,day,no,,expected,,,,,Hamas:party,Caliber.Az,reported,',
  'no-such-day,A day that is not,,statement,2025-02-30,,day,no,,occurred,,,,,Hamas:party,Caliber.Az,reported,',
].join('\n');

const LANGUAGES = {
  ar: {
    unknownActor: 'فاعل غير معروف',
    duplicate: 'معرّف مكرر',
    notDate: 'ليس تاريخًا',
    noDay: 'لا يوجد في',
    item: /^الأحداث \[[٠-٩]+\]/,
    row: /^الصف [٠-٩]+/,
    rows: /مثل الصفوف [٠-٩]+، [٠-٩]+/,
  },
  he: {
    unknownActor: 'גורם לא מוכר',
    duplicate: 'מזהה כפול',
    notDate: 'אינו תאריך',
    noDay: 'אין יום',
    item: /^אירועים \[[0-9]+\]/,
    row: /^שורה [0-9]+/,
    rows: /למשל שורות [0-9]+, [0-9]+/,
  },
} as const;

for (const [lang, says] of Object.entries(LANGUAGES)) {
  test(`?lang=${lang}: the load report says each problem, its place and its group in ${lang}`, async ({
    page,
    dateline,
  }, testInfo) => {
    const languages = new LanguagePage(page);
    const report = new ProblemReport(page);
    const { data, withActors } = brokenSeed();
    await dateline.serveDataset(data);
    await languages.open(`/?lang=${lang}`);
    await languages.expectDirection(lang, 'rtl');

    // A Dateline JSON file: problems by item and field.
    await report.open();
    const actor = report.problem(UNKNOWN_ACTOR);
    await expect(actor).toContainText(says.unknownActor);
    await expect(actor.locator('bdi', { hasText: UNKNOWN_ACTOR })).toHaveCount(1);
    await expect(actor.locator('bdi', { hasText: 'actors[0].actor' })).toHaveCount(1);
    await expect(actor.locator('bdi', { hasText: data.events[withActors]!.id })).toHaveCount(1);
    await expect(actor.locator('.dl-problem-where')).toHaveText(says.item);
    await expect(report.problem(data.events[0]!.id)).toContainText(says.duplicate);
    await expect(report.dialog.locator('[lang="en"]')).toHaveCount(0);
    expect(englishIn(await report.ownWords()), 'English words in the report').toEqual([]);

    const axe = await new AxeBuilder({ page }).withTags(WCAG22_AA).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
      [],
    );
    await page.keyboard.press('Escape');
    await expect(report.dialog).toBeHidden();

    // A CSV file: problems by row and column, two of them one group.
    await new ImportPage(page).pickContent('bad-rows.csv', BAD_CSV, 'text/csv');
    await expect(page.getByTestId('notice').filter({ hasText: 'bad-rows.csv' })).toHaveCount(1, {
      timeout: 30_000,
    });
    await report.open();
    await expect(report.groups).toHaveCount(1);
    const group = report.groups.locator('summary');
    await expect(group).toContainText(says.notDate);
    await expect(group).toContainText(says.rows);
    await expect(group.locator('bdi', { hasText: 'start' })).toHaveCount(1);
    const noDay = report.problem('2025-02-30');
    await expect(noDay).toContainText(says.noDay);
    // A value with no letter reads left to right, whatever the page's direction.
    await expect(noDay.locator('bdi', { hasText: '2025-02-30' })).toHaveAttribute('dir', 'ltr');
    await expect(noDay.locator('.dl-problem-where')).toHaveText(says.row);
    await report.openGroups();
    await expect(report.problem('soon')).toContainText(says.notDate);
    expect(englishIn(await report.ownWords()), 'English words in the CSV report').toEqual([]);
    expect(await report.isolated()).toEqual(expect.arrayContaining(['soon', '2025-02-30']));

    const axeCsv = await new AxeBuilder({ page }).withTags(WCAG22_AA).analyze();
    expect(
      axeCsv.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
    // Kept beside the test's results, to look at, at 1280×720.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: testInfo.outputPath(`report-${lang}-1280.png`) });
  });
}

test('the same check finds the report’s English sentences in English', async ({
  page,
  dateline,
}) => {
  const languages = new LanguagePage(page);
  const report = new ProblemReport(page);
  await dateline.serveDataset(brokenSeed().data);
  await languages.open('/');
  await report.open();
  await expect(report.problem(UNKNOWN_ACTOR)).toContainText(`unknown actor “${UNKNOWN_ACTOR}”`);
  expect(englishIn(await report.ownWords())).toEqual(
    expect.arrayContaining(['unknown actor', 'duplicate id', 'already uses']),
  );
});

test.describe('on a phone', () => {
  test('?lang=ar: the report fits the phone’s width, read right to left @phone', async ({
    page,
    dateline,
  }, testInfo) => {
    const languages = new LanguagePage(page);
    const report = new ProblemReport(page);
    await dateline.serveDataset(brokenSeed().data);
    await languages.open('/?lang=ar');
    await report.open();
    await expect(report.problem(UNKNOWN_ACTOR)).toContainText(LANGUAGES.ar.unknownActor);
    const overflow = await report.dialog.evaluate((d) => d.scrollWidth - d.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(report.dialog).toHaveCSS('direction', 'rtl');
    await page.screenshot({ path: testInfo.outputPath('report-ar-phone.png') });
  });
});
