// Big inputs keep the page drawing (issue 12.4): a 50 MB CSV opens while the page draws every
// frame (the worker hands the dataset over in parts and the page builds nothing long), and a
// title of millions of characters is shown cut, with a note, and kept whole.
import { readFileSync, writeFileSync } from 'node:fs';
import { largeCsv, rowsForBytes } from '../scripts/largeCsv';
import { eventsText, expect, READY, seed, test } from './fixtures';
import { startTaskTrace, stopFrameWatch, stopTaskTrace, watchFrames } from './frames.po';
import { HEADER_CSS } from './header.po';
import { ImportPage } from './import.po';

/**
 * The most CPU time one task of the page may take while the file opens: twice the 200 ms
 * target. Measured as the thread's own CPU time in each task (a trace's `tdur`), not wall time:
 * this check runs beside other work on two shared cores, where a task of 100 ms of the page's
 * own work can take a second of wall time. The margin is for the one task that shows the
 * dataset (276–284 ms of CPU here before its passes were made ahead: docs/i15-parquet.md);
 * before the handover in parts, the page ran a task of seconds of its own work here (one
 * structured clone of every event), which this still catches.
 */
const TASK_CPU_MS = 400;

test('no long task while a 50 MB CSV opens: the page keeps drawing', async ({
  browser,
  dateline,
  page,
}, testInfo) => {
  test.setTimeout(900_000);
  const rows = rowsForBytes(50 * 2 ** 20);
  const path = testInfo.outputPath('large-50mb.csv');
  writeFileSync(path, largeCsv(rows));
  const io = new ImportPage(page);
  await dateline.goto();
  await io.openDialog();
  const count = eventsText(rows);
  await watchFrames(page, [HEADER_CSS.eventCount, count]);
  await startTaskTrace(browser, page);
  await io.fileInput.setInputFiles(path);
  // Every step of the load says how far it is, the handover to the page included.
  await expect(io.progress).toContainText(/Reading rows: [\d,]+ of/, READY);
  await expect(io.progress).toContainText(/Preparing events for the views: [\d,]+ of [\d,]+/, {
    timeout: 600_000,
  });
  await expect(io.eventCount).toHaveText(count, { timeout: 200_000 });
  await dateline.waitUntilShown(rows);
  await page.waitForTimeout(1000);
  const tasks = await stopTaskTrace(browser);
  const watch = await stopFrameWatch(page);
  const longest = tasks.reduce((m, t) => (t.cpuMs > m.cpuMs ? t : m), { cpuMs: 0, wallMs: 0 });
  testInfo.annotations.push({
    type: 'frames',
    description: `longest task: ${Math.round(longest.cpuMs)} ms of CPU (${Math.round(longest.wallMs)} ms of wall time); longest frame ${Math.round(watch.longestFrame)} ms, ${watch.over200} frames over 200 ms`,
  });
  expect(
    tasks.filter((t) => t.cpuMs > TASK_CPU_MS).map((t) => `${Math.round(t.cpuMs)} ms of CPU`),
    'tasks of the page over the limit',
  ).toEqual([]);
});

test('Cancel is heard while the dataset is handed to the page; the dataset shown stays', async ({
  dateline,
  page,
}) => {
  test.setTimeout(300_000);
  // The handover is a transfer of columns, then a few parts in which the page makes 4,000 events
  // each: at 60,000 events it is over before a click arrives. The page here takes each of the
  // worker's messages 400 ms late (all of them, so their order stays), as a slow page would, and
  // the handover lasts seconds.
  await page.addInitScript({
    content: `{
      const Native = window.Worker;
      window.Worker = class extends Native {
        set onmessage(handle) {
          super.onmessage = (e) => setTimeout(() => handle.call(this, e), 400);
        }
      };
    }`,
  });
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickContent('handover.csv', largeCsv(60_000));
  await expect(io.progress).toContainText(/Preparing events for the views/, { timeout: 200_000 });
  await io.cancelButton.click();
  await expect(io.progress).toHaveCount(0);
  await expect(io.eventCount).toHaveText(`${seed.events.length} events`);
  await expect(io.datasetTitle).not.toContainText('handover');
});

test('a title of three million characters is shown cut, with a note, and kept whole', async ({
  dateline,
  page,
}, testInfo) => {
  const io = new ImportPage(page);
  await dateline.goto();
  const title = `${'A headline that never ends, '.repeat(110_000)}last`;
  expect(title.length).toBeGreaterThan(3_000_000);
  await io.pickContent(
    'long-title.csv',
    `id,title,start,lat,lon\nlong,"${title}",2025-02-27,30.04,31.23\nshort,A short title,2025-02-28,30.04,31.23\n`,
  );
  await io.expectEvents(2);
  // The list, the timeline and the details show its start; the details say how long it is.
  const option = dateline.listOption('long');
  expect((await option.textContent())!.length).toBeLessThan(1000);
  const label = dateline.timelineItem('long');
  await expect(label).toBeVisible();
  expect((await label.textContent())!.length).toBeLessThan(1000);
  await dateline.selectInList('long');
  const { details } = dateline.views;
  await expect(details.root.getByTestId('title-cut')).toContainText(
    `This title is ${title.length.toLocaleString('en-US')} characters long: the page shows its first 500 characters`,
  );
  // Selecting another event and back is as quick as any.
  await dateline.selectInList('short');
  await expect(details.article).toHaveAttribute('data-event-id', 'short');
  await dateline.selectInList('long');
  await expect(details.article).toHaveAttribute('data-event-id', 'long');
  // Kept whole: the Dateline JSON export holds every character.
  const download = await io.export('Dateline JSON');
  const saved = testInfo.outputPath('long-title.json');
  await download.saveAs(saved);
  const exported = JSON.parse(readFileSync(saved, 'utf8')) as {
    events: Array<{ id: string; title: string }>;
  };
  expect(exported.events.find((e) => e.id === 'long')!.title).toBe(title);
});
