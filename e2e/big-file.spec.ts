// Big inputs keep the page drawing (issue 12.4): a 50 MB CSV opens while the page draws every
// frame (the worker hands the dataset over in parts, the views' first state is made ahead in
// slices, and the page builds nothing long); a title or a cell of millions of characters is
// shown cut, with a note, and kept whole; a file larger than a browser can read is refused
// before it is read.
import { closeSync, openSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { largeCsv, rowsForBytes } from '../scripts/largeCsv';
import { eventsText, expect, READY, seed, test } from './fixtures';
import { startTaskTrace, stopFrameWatch, stopTaskTrace, watchFrames } from './frames.po';
import { HEADER_CSS } from './header.po';
import { ImportPage } from './import.po';

/**
 * The most CPU time one task of the page may take while the file opens, well within the issue's
 * 200 ms frame (the rest of a frame is the browser's style, layout and paint, and a busy machine
 * stretches CPU time too). Measured as the thread's own CPU time in each task (a trace's `tdur`),
 * not wall time: this check runs beside other work on two shared cores, where a task of 100 ms
 * of the page's own work can take a second of wall time. The task that shows the dataset took
 * 160–280 ms of CPU here while the views built their first state in it, and about 70 ms once
 * that is made ahead in slices (docs/i12-frames.md).
 */
const TASK_CPU_MS = 120;

/** The events of the Dateline JSON export of what is shown, saved at `path`. */
async function exportedEvents(io: ImportPage, path: string) {
  const download = await io.export('Dateline JSON');
  await download.saveAs(path);
  const exported = JSON.parse(readFileSync(path, 'utf8')) as {
    events: Array<{ id: string; title: string; summary?: string; extra?: { notes?: string } }>;
  };
  return exported.events;
}

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
  await io.recordProgress();
  await io.fileInput.setInputFiles(path);
  await expect(io.progress).toContainText(/Reading rows: [\d,]+ of/, READY);
  await expect(io.eventCount).toHaveText(count, { timeout: 800_000 });
  // Every step of the load said how far it was, the handover to the page included (which is
  // short now that the page makes no event object in it: it is read from the record).
  expect(await io.progressSeen()).toContainEqual(
    expect.stringMatching(/Preparing events for the views: [\d,]+ of [\d,]+/),
  );
  await dateline.waitUntilShown(rows);
  await page.waitForTimeout(1000);
  const tasks = await stopTaskTrace(browser);
  const watch = await stopFrameWatch(page);
  const longest = tasks.reduce((m, t) => (t.cpuMs > m.cpuMs ? t : m), {
    cpuMs: 0,
    wallMs: 0,
    inside: [] as string[],
  });
  testInfo.annotations.push({
    type: 'frames',
    description: `longest task: ${Math.round(longest.cpuMs)} ms of CPU (${Math.round(longest.wallMs)} ms of wall time; ${longest.inside.join(', ')}); longest frame ${Math.round(watch.longestFrame)} ms, ${watch.over200} frames over 200 ms`,
  });
  // A long task says when it ran (from the trace's first long task), for how long and in what.
  const first = tasks[0]?.at ?? 0;
  expect(
    tasks
      .filter((t) => t.cpuMs > TASK_CPU_MS)
      .map(
        (t) =>
          `${Math.round(t.cpuMs)} ms of CPU (${Math.round(t.wallMs)} ms of wall time, ` +
          `${Math.round((t.at - first) / 1000)} ms after the first long task; ${t.inside.join(', ')})`,
      ),
    'tasks of the page over the limit',
  ).toEqual([]);
});

test('Cancel is heard while the dataset is handed to the page; the dataset shown stays', async ({
  dateline,
  page,
}) => {
  test.setTimeout(300_000);
  // The handover is a transfer of columns, then a few parts that the page counts (it makes no
  // event object until one is read): at 60,000 events it is over before a click arrives. The page here takes each of the
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
  const exported = await exportedEvents(io, testInfo.outputPath('long-title.json'));
  expect(exported.find((e) => e.id === 'long')!.title).toBe(title);
});

test('a 30 MB cell is shown cut, with a note, clicks stay quick, and the data keeps it whole', async ({
  dateline,
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const io = new ImportPage(page);
  await dateline.goto();
  const cell = (word: string) => `${`${word} `.repeat((30 * 2 ** 20) / (word.length + 1))}end`;
  const notes = cell('note');
  const summary = cell('summary');
  expect(notes.length).toBeGreaterThan(30_000_000);
  // Over Playwright's 50 MB for a file given as a buffer: written, and picked by its path.
  const path = testInfo.outputPath('long-cells.csv');
  writeFileSync(
    path,
    [
      'id,title,summary,start,lat,lon,notes',
      `long-summary,A long summary,"${summary}",2025-02-26,30.04,31.23,short note`,
      `long-notes,Long notes,A short summary,2025-02-27,30.04,31.23,"${notes}"`,
      'short,A short event,Short,2025-02-28,30.04,31.23,',
    ].join('\n'),
  );
  await io.openDialog();
  await io.fileInput.setInputFiles(path);
  await io.expectEvents(3);
  const { details } = dateline.views;
  // Each selection shows its details at once: the page lays out their start, not 30 million
  // characters (which took 17–32 s), and says how long the field is.
  for (const [id, note] of [
    ['long-notes', 'value-cut'],
    ['long-summary', 'summary-cut'],
  ] as const) {
    const started = Date.now();
    await dateline.selectInList(id);
    await expect(details.article).toHaveAttribute('data-event-id', id);
    await expect(details.root.getByTestId(note)).toContainText(
      `is ${(id === 'long-notes' ? notes : summary).length.toLocaleString('en-US')} characters long: the page shows its first 50,000 characters`,
    );
    const shown = await details.article.evaluate((el) => el.textContent?.length ?? 0);
    expect(shown, `${id}: characters in the details`).toBeLessThan(200_000);
    testInfo.annotations.push({ type: id, description: `details in ${Date.now() - started} ms` });
  }
  await dateline.selectInList('short');
  await expect(details.article).toHaveAttribute('data-event-id', 'short');
  // Kept whole: the Dateline JSON export holds every character of both cells.
  const exported = await exportedEvents(io, testInfo.outputPath('long-cells.json'));
  expect(exported.find((e) => e.id === 'long-notes')!.extra!.notes).toBe(notes);
  expect(exported.find((e) => e.id === 'long-summary')!.summary).toBe(summary);
});

test('a file larger than a browser can read is refused before it is read, with the size it can take', async ({
  dateline,
  page,
}, testInfo) => {
  const io = new ImportPage(page);
  await dateline.goto();
  // A sparse file: 540 MB long, nothing written, so the test costs no disk and no time.
  const path = testInfo.outputPath('too-large.csv');
  closeSync(openSync(path, 'w'));
  truncateSync(path, 540 * 2 ** 20);
  expect(statSync(path).size).toBe(566_231_040);
  await io.openDialog();
  await io.fileInput.setInputFiles(path);
  await expect(io.notices.filter({ hasText: 'too-large.csv' })).toContainText(
    'too-large.csv is 566 MB: larger than a browser can read as one text (536 MB). Split it into smaller files and open them one at a time.',
  );
  // Nothing was read: no progress, and the dataset on show stays.
  await expect(io.progress).toHaveCount(0);
  await expect(io.eventCount).toHaveText(eventsText(seed.events.length));
});
