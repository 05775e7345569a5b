// What a link drops, and why, in the page's language (issues 13 and 14): with `?lang=ar` or
// `?lang=he`, the notices for a malformed map view, a day that is none and a step without a story
// say nothing in English (the link's own values aside, quoted as given), in the language the link
// chose, loaded before they are written.
import { expect, seed, test } from './fixtures';
import { LanguagePage } from './i18n.po';

for (const [lang, ignoredMap] of [
  ['ar', 'جرى تجاهل map "banana"'],
  ['he', 'map "banana" לא הוחל'],
] as const) {
  test(`?lang=${lang}: the reasons a link parameter is dropped are in that language`, async ({
    page,
  }) => {
    const languages = new LanguagePage(page);
    await languages.serveSeedInEnglish();
    await languages.open(`/?lang=${lang}&map=banana&from=2025-13-45&step=2`);
    const notices = page.getByTestId('notices').locator('.dl-notice');
    await expect(notices).toHaveCount(3);
    await expect(notices.filter({ hasText: ignoredMap })).toHaveCount(1);
    await expect(notices.filter({ hasText: '2025-13-45' })).toHaveCount(1);
    await expect(notices.filter({ hasText: 'story=' })).toHaveCount(1);
    expect(await languages.englishLeft(), 'English words in the link’s notices').toEqual([]);
    // The rest of the link applies.
    await expect(languages.eventCount).toContainText(
      seed.events.length.toLocaleString(lang === 'ar' ? 'ar-u-nu-arab' : 'he'),
    );
  });
}

test('the same notices in English', async ({ page }) => {
  const languages = new LanguagePage(page);
  await languages.open('/?map=banana&from=2025-13-45&step=2');
  const notices = page.getByTestId('notices').locator('.dl-notice');
  await expect(
    notices.filter({ hasText: 'Ignored map "banana": expected LAT,LON,ZOOM' }),
  ).toHaveCount(1);
  await expect(
    notices.filter({ hasText: 'Ignored step "2": a step needs a story (story=).' }),
  ).toHaveCount(1);
  expect((await languages.englishLeft()).join('\n')).toContain('not a real day');
});
