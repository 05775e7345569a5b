// The benchmark's rows for issue 14: frames while a playback plays (window and cumulative mode,
// the whole span in 30 s, so every event enters during the run), and the map area filter
// ("Filter to this map view" after a zoom of the map, alternately in and out, so each sample
// changes what is shown). Driven through the e2e page objects (e2e/playback.po.ts).
import { MapAreaControls, PlaybackControl } from '../../e2e/playback.po';
import { CLICK } from './config';
import { frameGaps, type Series } from './report';
import { newSeries, sample, type BenchPage } from './samplers';
import { sleep } from './util';

/** How long each mode plays. */
export const PLAY_MS = 4000;

/** The animation frames of a playback's run, as the pans report theirs. */
export interface PlaybackFrames {
  frames: number;
  p95FrameMs: number | null;
  medianFrameMs: number | null;
  framesOver50ms: number;
  longestFrameMs: number | null;
  /** How far the playhead got, as the control says it. */
  reached: string;
}

/** Plays for PLAY_MS in `mode`, sampling the page's animation frames, then stops the playback. */
export async function playFrames(
  b: BenchPage,
  mode: 'Window' | 'Cumulative',
): Promise<PlaybackFrames> {
  const playback = new PlaybackControl(b.page);
  await playback.setMode(mode);
  await playback.setSpeed('Whole span in 30 s');
  await b.quiet();
  await b.page.evaluate(() => window.datelineBench!.startFrames());
  await playback.play.click(CLICK);
  await sleep(PLAY_MS);
  const frames = await b.page.evaluate(() => window.datelineBench!.stopFrames());
  await playback.play.click(CLICK);
  const reached = await playback.playheadText();
  await playback.stop.click(CLICK);
  await b.quiet();
  return {
    ...frameGaps(frames),
    reached,
  };
}

/**
 * "Filter to this map view", `n` samples: before each, the map zooms one step (in, then out,
 * alternately; not measured), so each filter shows another set of events.
 */
export async function filterByMapArea(b: BenchPage, n: number): Promise<Series> {
  const series = newSeries();
  const area = new MapAreaControls(b.page);
  // Leaflet's own buttons (a cluster's name also says "zoom in").
  const zoomIn = b.map.root.locator('.leaflet-control-zoom-in');
  await zoomIn.click();
  await b.map.waitForZoomToSettle();
  await b.quiet();
  for (let k = 0; k < n; k++) {
    await (k % 2 === 0 ? zoomIn : b.map.zoomOutButton).click();
    await b.map.waitForZoomToSettle();
    await b.quiet();
    const ok = await sample(
      series,
      b,
      `filter to the map view (${k % 2 ? 'out' : 'in'})`,
      async () => {
        await b.arm();
        await area.filterToView.click(CLICK);
        return b.settle();
      },
    );
    if (!ok) break;
  }
  return series;
}
