// Loads that stop half-way say so: a worker that dies mid-import and a server that never answers
// leave a progress that does not move; after a while the page says that nothing has moved and
// offers Retry and Cancel. (A download cut short, refused by CORS or redirecting in a loop, and a
// file that is not UTF-8, are named in unit tests of the download and the reader.)
import { expect, test } from './fixtures';
import { ImportPage } from './import.po';

const STALL_MS = 20_000;

/** A Dateline CSV of `n` rows: big enough that the worker reads it for a moment. */
function csv(n: number): string {
  const rows = ['id,title,start,place,lat,lon'];
  for (let i = 0; i < n; i++) rows.push(`e${i},Event ${i},2024-01-${(i % 28) + 1},Town,31.5,34.4`);
  return rows.join('\n');
}

test('a worker that stops answering: the page says nothing moves, and Retry loads the file', async ({
  dateline,
  page,
}) => {
  await page.clock.install();
  const io = new ImportPage(page);
  await dateline.goto();
  // The import worker's script is one that never answers, as a worker that crashed or hangs
  // leaves the page: no error, no message, ever. Retry starts a fresh worker, served as usual.
  await page.route('**/import.worker*', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '// never answers' }),
  );
  await io.pickContent('rows.csv', csv(2000), 'text/csv');
  await expect(io.progress).toBeVisible();
  await expect(io.progress.getByRole('alert')).toHaveCount(0);
  await page.clock.fastForward(STALL_MS + 2000);
  await expect(io.progress.getByRole('alert')).toContainText('Nothing has moved for 20 seconds');
  await page.unroute('**/import.worker*');
  await io.progress.getByRole('button', { name: 'Retry' }).click();
  await io.expectEvents(2000);
  await expect(io.progress).toHaveCount(0);
});

test('a data server that never answers: the page says so, and Cancel stops the load', async ({
  page,
}) => {
  await page.clock.install();
  let asked = 0;
  await page.route(
    (url) => url.pathname === '/never/events.json',
    () => {
      asked++; // never fulfilled: the server does not answer
    },
  );
  await page.goto('/?data=/never/events.json');
  const io = new ImportPage(page);
  await expect(io.progress).toContainText('events.json');
  await page.clock.fastForward(STALL_MS + 2000);
  await expect(io.progress.getByRole('alert')).toContainText('Nothing has moved');
  await io.progress.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => asked).toBeGreaterThan(1);
  await expect(io.progress.getByRole('alert')).toHaveCount(0);
  await page.clock.fastForward(STALL_MS + 2000);
  await expect(io.progress.getByRole('alert')).toBeVisible();
  await io.cancelButton.click();
  await expect(io.progress).toHaveCount(0);
  await expect(page.getByText('Loading was cancelled.')).toBeVisible();
});

test('full storage: the file is shown, the notice says storage is full and what fills it, and no link pretends to open it', async ({
  dateline,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickContent('first.csv', csv(3), 'text/csv');
  await io.expectEvents(3);
  // From now on the origin's storage is full: IndexedDB refuses every write, as Chromium does.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('', 'QuotaExceededError');
    };
  });
  await io.pickContent('second.csv', csv(5), 'text/csv');
  await io.expectEvents(5);
  const full = page.getByTestId('notice').filter({ hasText: 'storage for Dateline is full' });
  await expect(full).toContainText('“second.csv”');
  await expect(full).toContainText('Kept here: first.csv (0.0 MB); 1 dataset');
  await expect(page).toHaveURL(/data=local%3A|data=local:/);

  await page.getByRole('button', { name: 'Share this view' }).click();
  await expect(
    page.getByTestId('notice').filter({ hasText: 'No link can open this dataset' }),
  ).toBeVisible();

  // A reload says the dataset is not here, instead of opening another one.
  await page.reload();
  const notHere = page.getByText('The link points to a dataset kept in another browser');
  await expect(notHere).toBeVisible();
  await expect(notHere).toContainText('ask whoever sent the link for a standalone page');
});
