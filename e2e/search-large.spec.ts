// A large dataset is searched in a worker: a query typed the moment a 10,000-event dataset
// opens (its text index is still being built) narrows every view to the events it matches, and
// so does the next one. No timing is asserted here; `npm run bench` measures.
import { generateDataset } from '../scripts/generate';
import { FilterModel, type FilterSeed } from './filters.expected';
import { FiltersPanel } from './filters.po';
import { expect, test } from './fixtures';

const EVENTS = 10_000;
const DATA_PATH = '/scale/events-10k.json';

const dataset = generateDataset({ events: EVENTS, seed: 1 }) as unknown as FilterSeed;
const model = new FilterModel(dataset);

test('a 10,000-event dataset can be searched right after it opens', async ({ dateline, page }) => {
  test.setTimeout(180_000);
  const body = JSON.stringify(dataset);
  await page.route(`**${DATA_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await dateline.gotoDataset(DATA_PATH, EVENTS, 120_000);

  const filters = new FiltersPanel(dateline);
  // Three words the generated events share in a few dozen places, so every view can list them.
  for (const q of ['ceasefire talks convoy', 'withdrawal strike aid']) {
    await test.step(q, async () => {
      const n = model.ids({ q }).length;
      expect(n, 'the query finds some events, not all').toBeGreaterThan(0);
      expect(n).toBeLessThan(100);
      await filters.search.fill('');
      await filters.typeSearch(q);
      await filters.expectShown({ q }, model, { clustered: true });
    });
  }
});
