// Bring your own data: every import format through the page (picker, drop, address, paste), the
// rejection report for bad rows, one clear message for an unknown format, export and re-import,
// and datasets kept in the browser across a reload.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, seed, test } from './fixtures';
import { ImportPage } from './import.po';

const FIXTURES = fileURLToPath(new URL('../src/formats/fixtures/', import.meta.url));
const fixture = (name: string) => `${FIXTURES}${name}`;
const text = (name: string) => readFileSync(fixture(name), 'utf8');

interface Format {
  name: string;
  clean: string;
  bad: string;
  /** How many events the clean file holds, read from the file itself. */
  events: () => number;
  /** Where the bad row is, as the load report names it. */
  badAt: RegExp;
  /** Whether the format carries places (TimelineJS has none). */
  placed: boolean;
}

const csvRows = (name: string) =>
  Papa.parse<Record<string, string>>(text(name), { header: true, skipEmptyLines: 'greedy' }).data;

const FORMATS: Format[] = [
  {
    name: 'Dateline JSON',
    clean: 'dateline.json',
    bad: 'dateline-bad-row.json',
    events: () => (JSON.parse(text('dateline.json')) as { events: unknown[] }).events.length,
    badAt: /events\[5\]/,
    placed: true,
  },
  {
    name: 'Dateline CSV',
    clean: 'dateline.csv',
    bad: 'dateline-bad-row.csv',
    events: () => csvRows('dateline.csv').length,
    badAt: /row 7\b.* · column start/,
    placed: true,
  },
  {
    name: 'TimelineJS CSV',
    clean: 'timelinejs.csv',
    bad: 'timelinejs-bad-row.csv',
    events: () =>
      csvRows('timelinejs.csv').filter((r) => !/^(title|era)$/i.test((r.Type ?? '').trim())).length,
    badAt: /row 7\b.* · column Year/,
    placed: false,
  },
  {
    name: 'TimelineJS JSON',
    clean: 'timelinejs.json',
    bad: 'timelinejs-bad-row.json',
    events: () => (JSON.parse(text('timelinejs.json')) as { events: unknown[] }).events.length,
    badAt: /events\[4\]/,
    placed: false,
  },
  {
    name: 'ACLED export CSV',
    clean: 'acled.csv',
    bad: 'acled-bad-row.csv',
    events: () => csvRows('acled.csv').length,
    badAt: /row 7\b.* · column latitude/,
    placed: true,
  },
  {
    name: 'GeoJSON',
    clean: 'events.geojson',
    bad: 'events-bad-row.geojson',
    events: () => (JSON.parse(text('events.geojson')) as { features: unknown[] }).features.length,
    badAt: /features\[4\]/,
    placed: true,
  },
];

test.describe('each format opens through the page', () => {
  for (const format of FORMATS) {
    test(`${format.name}: picked, dropped and linked, its events in every view`, async ({
      dateline,
      page,
    }) => {
      const io = new ImportPage(page);
      const n = format.events();
      const expectShown = async () => {
        await io.expectEvents(n);
        await expect(dateline.timelineLabels).toHaveCount(n);
        await expect(dateline.listOptions.first()).toBeVisible();
        if (format.placed) await expect(dateline.markers.first()).toBeVisible();
        else await expect(dateline.unplacedCount).toContainText(`${n} events have no place`);
      };
      await dateline.goto();
      await io.pickFile(fixture(format.clean));
      await expectShown();
      await expect(io.notices.filter({ hasText: `${n} events loaded, 0 rejected` })).toHaveCount(1);

      await io.openDialog();
      await io.dialog.getByRole('button', { name: /Gaza ceasefire/ }).click();
      await io.expectEvents(seed.events.length);
      await io.dropFile(fixture(format.clean), dateline.map);
      await expectShown();

      await page.route(
        (url) => url.pathname === `/imports/${format.clean}`,
        (route) => route.fulfill({ status: 200, body: text(format.clean) }),
      );
      await page.goto(`/?data=/imports/${format.clean}`);
      await expectShown();
    });

    test(`${format.name}: a file with a bad row loads the rest and says which row and why`, async ({
      dateline,
      page,
    }) => {
      const io = new ImportPage(page);
      await dateline.goto();
      await io.pickFile(fixture(format.bad));
      const n = format.events();
      await io.expectEvents(n);
      await expect(io.reportButton).toContainText(`${n} events loaded, 1 rejected`);
      await io.notices.getByRole('button', { name: 'See why' }).click();
      await expect(io.reportDialog).toBeVisible();
      await expect(
        io.reportDialog.getByRole('listitem').filter({ hasText: format.badAt }),
      ).toHaveCount(1);
    });
  }
});

test('a ?data= link to a CSV opens it, and so does the address field', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await page.route(
    (url) => url.pathname.startsWith('/imports/'),
    (route) => route.fulfill({ status: 200, contentType: 'text/csv', body: text('dateline.csv') }),
  );
  await page.goto('/?data=/imports/events.csv');
  const n = FORMATS[1]!.events();
  await io.expectEvents(n);
  await expect(dateline.timelineLabels).toHaveCount(n);

  await io.openAddress('/imports/again.csv');
  await expect(page).toHaveURL(/data=%2Fimports%2Fagain\.csv|data=\/imports\/again\.csv/);
  await io.expectEvents(n);
});

/** Serves the clean CSV for any /imports/ path; returns the URLs asked for, as they come. */
async function serveImportsCounting(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await page.route(
    (url) => url.pathname.startsWith('/imports/'),
    (route) => {
      asked.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/csv', body: text('dateline.csv') });
    },
  );
  return asked;
}

test('a ?data= link downloads its file once, started by the page before the app has loaded', async ({
  page,
}) => {
  const io = new ImportPage(page);
  let askedAt = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/imports/events.csv') askedAt ||= Date.now();
  });
  const asked = await serveImportsCounting(page);
  await page.goto('/?data=/imports/events.csv');
  await io.expectEvents(FORMATS[1]!.events());
  expect(asked.map((u) => new URL(u).pathname)).toEqual(['/imports/events.csv']);
  // The app took what the page started: nothing of it is left waiting.
  expect(await page.evaluate(() => 'datelineEarlyData' in window)).toBe(false);
  // Asked for (by the import worker index.html starts: early-start.spec.ts) before the app's
  // code had run; both times on this machine's clock.
  const appOpened = await page.evaluate(
    () => performance.timeOrigin + performance.getEntriesByName('dateline:open')[0]!.startTime,
  );
  expect(askedAt).toBeGreaterThan(0);
  expect(askedAt).toBeLessThan(appOpened);
});

test('a ?data= link the app refuses is not downloaded by the page either', async ({ page }) => {
  const asked = await serveImportsCounting(page);
  // Another site in disguise ("//host/path"): the app refuses it, with a notice.
  await page.goto(`/?data=${encodeURIComponent('//127.0.0.2/imports/x.csv')}`);
  await expect(page.getByRole('status').or(page.getByRole('alert')).first()).toBeVisible();
  expect(await page.evaluate(() => 'datelineEarlyData' in window)).toBe(false);
  expect(asked).toEqual([]);
});

test('pasted text opens', async ({ dateline, page }) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.paste(text('events.geojson'));
  await io.expectEvents(FORMATS[5]!.events());
});

test('a file of no known format gets one message naming the formats, and nothing changes', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  const before = await io.eventCount.textContent();
  await io.pickContent('notes.txt', 'Just some notes\nabout the talks, not data.');
  const notice = io.notices.filter({ hasText: 'notes.txt' });
  await expect(notice).toHaveCount(1);
  for (const name of ['Dateline', 'CSV', 'TimelineJS', 'ACLED', 'GeoJSON'])
    await expect(notice).toContainText(name);
  await expect(io.eventCount).toHaveText(before ?? '');
});

const EXPORTS = ['Dateline JSON', 'CSV', 'GeoJSON', 'TimelineJS JSON'];

for (const formatName of EXPORTS) {
  test(`export as ${formatName}, then import the file: the same events`, async ({
    dateline,
    page,
  }, testInfo) => {
    const io = new ImportPage(page);
    await dateline.goto();
    const titles = (await dateline.timelineLabels.allTextContents()).sort();
    const download = await io.export(formatName);
    const path = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(path);
    await io.pickFile(path);
    // The open's notice (the export has its own, naming the same file, and may still show).
    const opened = io.notices
      .filter({ hasText: download.suggestedFilename() })
      .filter({ hasText: 'loaded' });
    await expect(opened).toHaveCount(1);
    await io.expectEvents(titles.length);
    // The timeline is made a task after the page shows the dataset.
    await expect
      .poll(async () => (await dateline.timelineLabels.allTextContents()).sort())
      .toEqual(titles);
  });
}

test('an exported CSV cannot run spreadsheet formulas', async ({ dateline, page }, testInfo) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickContent(
    'formulas.csv',
    'id,title,start,precision,status,type\nf1,=HYPERLINK("http://x.invalid"),2025-02-27,day,occurred,other\n',
  );
  await io.expectEvents(1);
  const download = await io.export('CSV');
  const path = testInfo.outputPath('out.csv');
  await download.saveAs(path);
  const cell = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true })
    .data[0]?.title;
  expect(cell).toBe(`'=HYPERLINK("http://x.invalid")`);
});

test('an imported file is kept: a reload shows it again, and it can be removed', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('timelinejs.json'));
  const n = FORMATS[3]!.events();
  await io.expectEvents(n);
  await expect(page).toHaveURL(/[?&]data=local(%3A|:)[a-z0-9]+/);
  await page.reload();
  await io.expectEvents(n);

  await io.openDialog();
  const item = io.keptItem('timelinejs.json');
  await expect(item).toHaveCount(1);
  await item.getByRole('button', { name: /^Remove/ }).click();
  await expect(item).toHaveCount(0);
});

test('TimelineJS HTML is shown formatted with its links, and never runs', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  const sheet = {
    title: { text: { headline: 'HTML test', text: '<p>About</p>' } },
    events: [
      {
        unique_id: 'html-event',
        start_date: { year: '2025', month: '2', day: '27' },
        text: {
          headline: 'An event with rich text',
          text: '<p>Talks <b>began</b> in <a href="https://example.org/cairo">Cairo</a>.<img src=x onerror="window.datelinePwned=1"><script>window.datelinePwned=2</script></p>',
        },
        media: { url: 'https://example.org/photo.jpg', caption: 'A <i>caption</i>' },
      },
    ],
  };
  await io.pickContent('html.json', JSON.stringify(sheet), 'application/json');
  await io.expectEvents(1);
  await dateline.selectInList('html-event');
  const summary = page.getByTestId('summary-html');
  await expect(summary.locator('b')).toHaveText('began');
  await expect(summary.getByRole('link', { name: 'Cairo' })).toHaveAttribute(
    'href',
    'https://example.org/cairo',
  );
  await expect(summary.locator('img, script')).toHaveCount(0);
  await expect(
    dateline.details.getByRole('link', { name: /Open media on example\.org/ }),
  ).toBeVisible();
  expect(
    await page.evaluate(() => (window as { datelinePwned?: number }).datelinePwned),
  ).toBeUndefined();
});

test('a large file shows its progress and can be cancelled; the dataset shown stays', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  const rows = ['id,title,start,precision,status,type,lat,lon'];
  for (let i = 0; i < 200_000; i++)
    rows.push(
      `e${i},Event number ${i},2024-0${1 + (i % 9)}-1${i % 10},day,occurred,other,30.0,31.2`,
    );
  await io.pickContent('big.csv', rows.join('\n'));
  await expect(io.progress).toBeVisible();
  await expect(io.progress.getByRole('progressbar')).toBeVisible();
  await io.cancelButton.click();
  await expect(io.progress).toHaveCount(0);
  await expect(io.eventCount).toHaveText(/^\d+ events$/);
  await expect(dateline.timelineLabels.first()).toBeVisible();
  await expect(io.datasetTitle).not.toContainText('big');
});

test('a large Dateline JSON file is read on the page a slice at a time: progress shows, and Cancel stops it', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  // Events with media take the schema's slower path: a few seconds of reading in slices.
  const events = Array.from({ length: 200_000 }, (_, i) => ({
    id: `e${i}`,
    title: `Event number ${i}`,
    type: 'other',
    status: 'occurred',
    time: { start: '2024-01-01', precision: 'day' },
    claim: { by: 'src', status: 'reported' },
    media: [{ url: `https://example.org/${i}.jpg` }],
  }));
  const sources = [{ id: 'src', title: 'Wire', publisher: 'Wire' }];
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await io.pickContent(
    'big.json',
    JSON.stringify({ format: 'dateline/1', title: 'big', sources, events }),
  );
  await expect(io.progress).toContainText(/Reading rows: [\d,]+ of 200,000/);
  await io.cancelButton.click();
  await expect(io.progress).toHaveCount(0);
  await expect(io.eventCount).toHaveText(/^\d+ events$/);
  await expect(io.datasetTitle).not.toContainText('big');
  // Read on the page, not handed to the import worker (whose answer would be a slow copy).
  expect(workers).not.toContainEqual(expect.stringContaining('import.worker'));
});

test('rows with a place name and no coordinates are placed offline, and say so', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickContent(
    'names.csv',
    'id,title,start,precision,status,type,place\nin-cairo,Talks in Cairo,2025-02-27,day,occurred,negotiation,Cairo\nin-doha,Talks in Doha,2025-02-26,day,occurred,negotiation,"Doha, Qatar"\n',
  );
  await io.expectEvents(2);
  await expect(dateline.markers).toHaveCount(2);
  await dateline.selectInList('in-cairo');
  await expect(page.getByTestId('geocoded')).toContainText('Cairo');
  await expect(dateline.where).toContainText('city precision');
});

test('fields the format has no place for are kept and shown', async ({ dateline, page }) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('acled.csv'));
  await io.expectEvents(FORMATS[4]!.events());
  const first = csvRows('acled.csv')[0];
  if (!first) throw new Error('acled.csv has no rows');
  await dateline.listOptions.first().click();
  const extra = page.getByTestId('extra-fields');
  await expect(extra).toContainText('fatalities');
  await expect(extra).toContainText('interaction');
});
