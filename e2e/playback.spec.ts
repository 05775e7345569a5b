// Playback (issue 14): the play control sweeps the timeline's window across the events; in
// window mode the map, the list and the header count hold the events in the window up to the
// playhead, in cumulative mode everything up to it; a link opens paused at its playhead; the
// control works from the keyboard, steps with reduced motion, and axe finds nothing. The dataset
// is eight days of events (./playback.po.ts), with the map on the Middle East.
import { expect, test } from './fixtures';
import {
  axeViolations,
  openDays,
  DAYS,
  daysDataset,
  idsBetween,
  PlaybackControl,
} from './playback.po';

const DAY = 86_400_000;
const START = Date.parse('2025-03-01T00:00Z');
/** The map on Gaza, Cairo and Doha (Suva, in the Pacific, is out of view). */
const MAP = 'map=28.0000,41.0000,5';
/** A two-day timeline window: in window mode, the playback keeps the timeline's width. */
const WINDOW = 't=2025-03-01T00:00Z..2025-03-03T00:00Z';
const PLACED = new Set(DAYS.filter((d) => d.place && d.place !== 'suva').map((d) => d.id));

test.beforeEach(async ({ dateline }) => {
  await dateline.serveDataset(daysDataset());
});

/** The list, the header count and the map hold exactly `ids`. */
async function expectHeld(
  { list, map, header }: Pick<import('./fixtures').Views, 'list' | 'map' | 'header'>,
  ids: string[],
) {
  await expect.poll(() => list.renderedIds()).toEqual(ids);
  await expect(header.page.getByTestId('event-count')).toHaveText(
    ids.length === 8 ? '8 events' : `${ids.length} of 8 events`,
  );
  for (const id of PLACED) await expect(map.markerOf(id)).toHaveCount(ids.includes(id) ? 1 : 0);
}

test('window mode: stepping and playing move the window; the map and list hold its events', async ({
  page,
  list,
  map,
  header,
}) => {
  await openDays(page, `${MAP}&${WINDOW}`);
  const playback = new PlaybackControl(page);
  await expect(playback.stop).toHaveCount(0);
  await playback.setMode('Window');
  // The first step starts a playback at the first event's day, and moves it a day.
  await playback.stepForward.click();
  await playback.stepForward.click();
  await expect(playback.playhead).toHaveText('3 Mar 2025, 00:00 UTC');
  await expect(playback.playheadLine).toBeVisible();
  // The window is the timeline's two days, the playhead at nine tenths of it.
  const p = START + 2 * DAY;
  await expectHeld({ list, map, header }, idsBetween(p - 1.8 * DAY, p));
  await playback.expectLinkPlay('window,day,2025-03-03T00:00Z');
  await expect
    .poll(() => new URL(page.url()).searchParams.get('t'))
    .toBe('2025-03-01T04:48Z..2025-03-03T04:48Z');

  // Playing moves on by itself; paused, what is held is the window up to where it stopped.
  const before = await list.renderedIds();
  await playback.play.click();
  await playback.expectPlaying(true);
  await expect.poll(() => list.renderedIds(), { timeout: 10_000 }).not.toEqual(before);
  await playback.play.click();
  await playback.expectPlaying(false);
  // The address bar is written throttled: read the playhead once two reads 600 ms apart agree.
  let last: string | null = null;
  await expect
    .poll(
      async () => {
        const now = await playback.linkPlay();
        const stable = now !== null && now === last;
        last = now;
        return stable;
      },
      { intervals: [600], timeout: 10_000 },
    )
    .toBe(true);
  const play = last ?? '';
  const at = Date.parse(play.split(',')[2] ?? '');
  expect(at).toBeGreaterThan(p);
  await expectHeld({ list, map, header }, idsBetween(at - 1.8 * DAY, at));

  // Stop: every event again.
  await playback.stop.click();
  await expectHeld(
    { list, map, header },
    DAYS.map((d) => d.id),
  );
  await expect(playback.playheadLine).toHaveCount(0);
  await expect.poll(() => playback.linkPlay()).toBeNull();
});

test('cumulative mode holds everything up to the playhead, and marks what just entered', async ({
  page,
  list,
  map,
  header,
}) => {
  await openDays(page, MAP);
  const playback = new PlaybackControl(page);
  await playback.setMode('Cumulative');
  for (let i = 0; i < 4; i++) await playback.stepForward.click();
  await expect(playback.playhead).toHaveText('5 Mar 2025, 00:00 UTC');
  await expectHeld({ list, map, header }, idsBetween(START, START + 4 * DAY));
  await playback.stepForward.click();
  // 6 March: a second event at Gaza, whose marker is drawn as just entered.
  await expectHeld({ list, map, header }, idsBetween(START, START + 5 * DAY));
  await expect(map.markerOf('e6-gaza')).toHaveClass(/dl-entered/);
  await playback.stepBack.click();
  await playback.stepBack.click();
  await expectHeld({ list, map, header }, idsBetween(START, START + 3 * DAY));
  await playback.expectLinkPlay('cumulative,day,2025-03-04T00:00Z');
});

test('a link opens paused at its playhead, in its mode and speed', async ({
  page,
  list,
  map,
  header,
}) => {
  await openDays(page, `${MAP}&play=cumulative,week,2025-03-03T12:00Z,loop`);
  const playback = new PlaybackControl(page);
  await playback.expectPlaying(false);
  await expect(playback.playhead).toHaveText('3 Mar 2025, 12:00 UTC');
  await expect(playback.mode).toHaveValue('cumulative');
  await expect(playback.speed).toHaveValue('week');
  await expect(playback.loop).toBeChecked();
  const held = idsBetween(START, Date.parse('2025-03-03T12:00Z'));
  await expectHeld({ list, map, header }, held);
  // Still there a moment later: a link never starts playing by itself.
  await page.waitForTimeout(1200);
  await expect(playback.playhead).toHaveText('3 Mar 2025, 12:00 UTC');
  expect(await list.renderedIds()).toEqual(held);
  await playback.expectLinkPlay('cumulative,week,2025-03-03T12:00Z,loop');
});

test('the control works from the keyboard, and axe finds no violation', async ({ page }) => {
  await openDays(page, MAP);
  const playback = new PlaybackControl(page);
  await playback.play.focus();
  await page.keyboard.press('Space');
  await playback.expectPlaying(true);
  await page.keyboard.press('Space');
  await playback.expectPlaying(false);
  // The options open from their button and follow it in the Tab order; Escape closes them.
  await playback.options.focus();
  await page.keyboard.press('Enter');
  await expect(playback.options).toHaveAttribute('aria-expanded', 'true');
  for (const next of [playback.mode, playback.speed, playback.loop]) {
    await page.keyboard.press('Tab');
    await expect(next).toBeFocused();
  }
  await page.keyboard.press('Space');
  await playback.expectLinkPlay(/,loop$/);
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(playback.mode).toBeHidden();
  await expect(playback.options).toBeFocused();
});

test('with reduced motion the playhead steps a day at a time', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDays(page, MAP);
  const playback = new PlaybackControl(page);
  await playback.play.click();
  await expect(playback.playhead).toHaveText('2 Mar 2025, 00:00 UTC', { timeout: 5000 });
  await expect(playback.playhead).toHaveText('3 Mar 2025, 00:00 UTC', { timeout: 5000 });
  await playback.play.click();
  await expect(playback.playhead).toHaveText(/00:00 UTC$/);
});
