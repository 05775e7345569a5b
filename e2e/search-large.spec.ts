// A large dataset is searched in workers: a query typed the moment a 10,000-event dataset opens
// (its text index is still being built) narrows every view to the events it matches, and so does
// the next one; so does a link's query, given before there is any index. No timing is asserted
// here; `npm run bench` measures.
import { generateDataset } from '../scripts/generate';
import { FilterModel, type FilterSeed } from './filters.expected';
import { FiltersPanel } from './filters.po';
import { expect, READY, test } from './fixtures';

const EVENTS = 10_000;
const DATA_PATH = '/scale/events-10k.json';

const dataset = generateDataset({ events: EVENTS, seed: 1 }) as unknown as FilterSeed;
const model = new FilterModel(dataset);
const body = JSON.stringify(dataset);
/** Words the generated events share in a few dozen places, so every view can list them. */
const QUERIES = ['ceasefire talks convoy', 'withdrawal strike aid'] as const;

test.beforeEach(async ({ page }) => {
  test.setTimeout(300_000);
  await page.route(`**${DATA_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  for (const q of QUERIES) {
    const n = model.ids({ q }).length;
    expect(n, `“${q}” finds some events, not all`).toBeGreaterThan(0);
    expect(n).toBeLessThan(100);
  }
});

test('a 10,000-event dataset can be searched right after it opens', async ({ dateline }) => {
  await dateline.gotoDataset(DATA_PATH, EVENTS, 120_000);
  const filters = new FiltersPanel(dateline);
  for (const q of QUERIES) {
    await test.step(q, async () => {
      await filters.search.fill('');
      await filters.typeSearch(q);
      // The header counts the query's events once its hits are shown: the first query waits for
      // the index, built in a worker while the dataset opened.
      await expect(dateline.eventCount).toHaveText(
        `${model.ids({ q }).length} of ${EVENTS} events`,
        READY,
      );
      await filters.expectShown({ q }, model, { clustered: true });
    });
  }
});

test('a link’s query filters a 10,000-event dataset once its index is built', async ({
  dateline,
  page,
}) => {
  const [q] = QUERIES;
  await page.goto(`/?data=${encodeURIComponent(DATA_PATH)}&q=${encodeURIComponent(q)}`);
  const filters = new FiltersPanel(dateline);
  await expect(filters.search).toHaveValue(q, READY);
  await expect(dateline.eventCount).toHaveText(
    `${model.ids({ q }).length} of ${EVENTS} events`,
    READY,
  );
  await filters.expectShown({ q }, model, { clustered: true });
});
