// Stories written for a dataset kept in this browser (issue 13): they are kept with it, under its
// link (`?data=local:<id>`), so a reload of that link plays them; and removing the dataset under
// Open data → Kept in this browser removes its stories too (nothing would find them again).
import { expect, test } from './fixtures';
import { ImportPage } from './import.po';
import { StoryPage } from './story.po';

const CSV = 'id,title,start\na,Talks,2025-02-27\nb,Visit,2025-02-28\n';

/** The keys of the stories kept in this browser (IndexedDB `dateline-stories`). */
function keptStoryKeys(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('dateline-stories');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const keys = db.transaction('stories').objectStore('stories').getAllKeys();
          keys.onsuccess = () => {
            resolve(keys.result.map(String));
            db.close();
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
}

test('a story written for a kept dataset is kept with it, and removed with it', async ({
  dateline,
  page,
}) => {
  await dateline.goto();
  const io = new ImportPage(page);
  await io.pickContent('notes.csv', CSV);
  await io.expectEvents(2);
  await expect(page).toHaveURL(/[?&]data=local(%3A|:)[a-z0-9]+/);
  const ref = decodeURIComponent(/data=([^&]+)/.exec(page.url())![1]!);

  const stories = new StoryPage(page);
  await dateline.selectInList('a');
  await stories.openDialog();
  await stories.newStory.click();
  await expect(stories.stepRows).toHaveCount(1);
  await stories.editorTitle.fill('Two days');
  await dateline.selectInList('b');
  await stories.addStep.click();
  await expect(stories.stepRows).toHaveCount(2);
  await stories.done.click();
  await expect.poll(() => keptStoryKeys(page)).toContain(ref);

  // The link to the kept dataset finds its story again.
  await page.goto(`/?data=${encodeURIComponent(ref)}`);
  await io.expectEvents(2);
  await stories.play('Two days');
  await stories.expectAt(1, 2);
  await stories.next.click();
  await stories.expectAt(2, 2);
  await stories.leave.click();

  // Removed from this browser, the dataset takes its stories with it.
  await io.openDialog();
  await io.kept.getByRole('button', { name: 'Remove notes.csv from this browser' }).click();
  await expect(io.kept).toHaveCount(0);
  await expect.poll(() => keptStoryKeys(page)).not.toContain(ref);
  await page.keyboard.press('Escape');
  await stories.openDialog();
  await expect(stories.items.filter({ hasText: 'Two days' })).toHaveCount(0);
});
