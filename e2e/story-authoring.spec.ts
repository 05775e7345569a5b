// Authoring stories in the app (issue 13): a story started from the selected event, events added
// as steps with the view on screen, texts written, steps reordered by drag and by keyboard and
// deleted, and all of it still there after a reload (IndexedDB) and in a Dateline JSON export;
// and a TimelineJS file imported plays as a story of its slides.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, seed, test } from './fixtures';
import { ImportPage } from './import.po';
import { StoryPage } from './story.po';

const FIXTURES = fileURLToPath(new URL('../src/formats/fixtures/', import.meta.url));
const byId = (id: string) => {
  const e = seed.events.find((x) => x.id === id);
  if (!e) throw new Error(`the seed has no event “${id}”`);
  return e;
};
const A = byId('talks-begin-cairo');
const B = byId('witkoff-expected-in-region');
const C = byId('ceasefire-phase-one-expiry');

test('a story written in the app (create, add, reorder, delete) survives a reload and is exported', async ({
  dateline,
  page,
}) => {
  const stories = new StoryPage(page);
  await dateline.goto();
  await dateline.selectInList(A.id);
  await stories.openDialog();
  await stories.newStory.click();
  await expect(stories.editor).toBeVisible();
  await expect(stories.stepRows).toHaveCount(1);
  await stories.editorTitle.fill('Three days in Cairo');
  await stories.row(0).getByTestId('story-step-text').fill('Talks **begin**, Caliber.Az reports.');

  for (const event of [B, C]) {
    await dateline.selectInList(event.id);
    await stories.addStep.click();
  }
  await expect(stories.stepRows).toHaveCount(3);
  expect(await stories.stepNames()).toEqual([A.title, B.title, C.title]);
  await stories.row(2).getByTestId('story-step-text').fill('The agreement’s date, as reported.');

  // By drag: the third step onto the first.
  await stories.dragStep(2, 0);
  await expect.poll(() => stories.stepNames()).toEqual([C.title, A.title, B.title]);
  // By keyboard: Alt+↓ on the first step's "Move down", focus staying with the step.
  const down = stories.row(0).getByRole('button', { name: 'Move step 1 down' });
  await down.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => stories.stepNames()).toEqual([A.title, C.title, B.title]);
  await expect(stories.editorAnnouncer).toHaveText(`Moved “${C.title}” to step 2 of 3.`);
  await expect(stories.row(1).getByRole('button', { name: 'Move step 2 down' })).toBeFocused();
  // With the buttons.
  await stories.row(2).getByRole('button', { name: 'Move step 3 up' }).click();
  await expect.poll(() => stories.stepNames()).toEqual([A.title, B.title, C.title]);
  // Delete the middle one.
  await stories.row(1).getByRole('button', { name: 'Delete step 2' }).click();
  await expect.poll(() => stories.stepNames()).toEqual([A.title, C.title]);
  await stories.done.click();
  await expect(stories.editor).toHaveCount(0);

  await page.reload();
  await dateline.waitUntilShown(seed.events.length);
  await stories.openDialog();
  const item = stories.items.filter({ hasText: 'Three days in Cairo' });
  await expect(item).toContainText('2 steps');
  await expect(item).toContainText('written in this browser');
  await item.getByRole('button', { name: 'Play “Three days in Cairo”' }).click();
  await stories.expectAt(1, 2);
  await dateline.expectSelected(A);
  await expect(stories.text).toContainText('Talks begin, Caliber.Az reports.');
  await expect(stories.text.locator('strong')).toHaveText('begin');
  await page.locator('body').press('ArrowRight');
  await stories.expectAt(2, 2);
  await dateline.expectSelected(C);
  await expect(stories.text).toHaveText('The agreement’s date, as reported.');

  // Exported in Dateline JSON with the dataset's own story.
  const io = new ImportPage(page);
  const download = await io.export('Dateline JSON');
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  const mine = file.stories.find((s: { title: string }) => s.title === 'Three days in Cairo');
  expect(mine.steps.map((s: { event: string }) => s.event)).toEqual([A.id, C.id]);
  expect(file.stories.map((s: { id: string }) => s.id)).toContain('end-of-phase-one');

  // Deleted, it stays deleted after a reload.
  await stories.openDialog();
  await stories.dialog.getByRole('button', { name: 'Delete “Three days in Cairo”' }).click();
  await expect(stories.items.filter({ hasText: 'Three days in Cairo' })).toHaveCount(0);
  await expect(stories.panel).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.reload();
  await dateline.waitUntilShown(seed.events.length);
  await stories.openDialog();
  await expect(stories.items).toHaveCount(1);
});

test('a TimelineJS file imported plays as a story of its slides', async ({ dateline, page }) => {
  const stories = new StoryPage(page);
  const io = new ImportPage(page);
  const doc = JSON.parse(readFileSync(`${FIXTURES}timelinejs.json`, 'utf8'));
  const slides: number = doc.events.length;
  await dateline.goto();
  await io.pickFile(`${FIXTURES}timelinejs.json`);
  await io.expectEvents(slides);
  await stories.play('Gaza ceasefire: end of phase one');
  await stories.expectAt(1, slides);
  const first = await dateline.detailsTitle.textContent();
  await expect(stories.step.locator('h3')).toHaveText(first!);
  await page.locator('body').press('ArrowRight');
  await stories.expectAt(2, slides);
  await expect(dateline.detailsTitle).not.toHaveText(first!);
  await expect(stories.step.locator('h3')).toHaveText((await dateline.detailsTitle.textContent())!);
  await expect(dateline.selectedTimelineItems).toHaveCount(1);
  await expect(dateline.selectedListOptions).toHaveCount(1);
});
