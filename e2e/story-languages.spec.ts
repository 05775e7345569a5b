// Stories in Arabic and Hebrew (issues 13 and 14): with `?lang=ar` or `?lang=he` the story panel,
// the story editor and the stories' notices say nothing in English (the dataset's own story text
// aside, marked with its language), and the step count is written in the page's digits.
import { expect, seed, test } from './fixtures';
import { LanguagePage } from './i18n.po';
import { StoryPage } from './story.po';

const story = (seed as unknown as { stories: Array<{ id: string; steps: unknown[] }> }).stories[0]!;
const total = story.steps.length;

for (const [lang, count] of [
  ['ar', `الخطوة ٢ من ${total.toLocaleString('ar-u-nu-arab')}`],
  ['he', `צעד 2 מתוך ${total}`],
] as const) {
  test(`?lang=${lang}: the story panel, the editor and their notices say nothing in English`, async ({
    page,
  }) => {
    const languages = new LanguagePage(page);
    const stories = new StoryPage(page);
    await languages.serveSeedInEnglish();
    await languages.open(`/?lang=${lang}&story=${story.id}&step=2`);
    await expect(stories.panel).toBeVisible();
    await expect(stories.count).toHaveText(count);
    // The story's own words are the dataset's, marked as such.
    await expect(stories.text).toHaveAttribute('lang', 'en');
    expect(await languages.englishLeft(), 'English words with a story playing').toEqual([]);

    // The editor of a new story, begun from the selected event (and the notice that it started),
    // with a step added.
    await stories.openDialog();
    await stories.newStory.click();
    await expect(stories.editor).toBeVisible();
    await expect(stories.stepRows).toHaveCount(1);
    await stories.addStep.click();
    await expect(stories.stepRows).toHaveCount(2);
    expect(await languages.englishLeft(), 'English words in the story editor').toEqual([]);

    // A link to a story the dataset does not have: its notice too.
    await languages.open(`/?lang=${lang}&story=no-such-story`);
    await expect(page.locator('.dl-notice')).toContainText('no-such-story');
    expect(await languages.englishLeft(), 'English words in the notice').toEqual([]);

    // The embed's slide show: its chrome ("Open in Dateline") too.
    await languages.open(`/?lang=${lang}&embed=1&story=${story.id}&step=2`);
    await expect(stories.count).toHaveText(count);
    expect(await languages.englishLeft(), 'English words in the slide show').toEqual([]);
  });
}

test('the same check finds the story panel’s English words in English', async ({ page }) => {
  const languages = new LanguagePage(page);
  await languages.serveSeedInEnglish();
  await languages.open(`/?story=${story.id}&step=2`);
  await expect(new StoryPage(page).count).toHaveText(`Step 2 of ${total}`);
  const left = (await languages.englishLeft()).join('\n');
  for (const words of ['Leave the story', 'Previous step', 'Story progress'])
    expect(left).toContain(words);
});
