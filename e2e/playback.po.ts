// Page objects for issue 14's playback and map area: the playback control in the timeline's bar
// (play, steps, the options button with mode, speed and loop, stop, the playhead), the map's area buttons and drawing a
// rectangle, the filters' Map area section; and a small dataset of eight placed days that makes
// what a playback or an area holds easy to tell. Used by playback.spec.ts and map-area.spec.ts.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { READY } from './readiness';

/** The rule set of WCAG 2.2 AA and axe's best practices (as accessibility.spec.ts). */
const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every violation of WCAG 2.2 AA and best practice in the whole page, by rule and target. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG22_AA).analyze();
  expect(results.passes.length, 'axe checked the page').toBeGreaterThan(0);
  return results.violations.map((v) => ({
    rule: v.id,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

// ---------------------------------------------------------------------------------------------
// The dataset: one event a day from 1 to 8 March 2025, two per place (Gaza, Cairo, Doha, Suva),
// and one with no place on 4 March.

export const PLACES = {
  gaza: { name: 'Gaza City', lat: 31.5017, lon: 34.4668 },
  cairo: { name: 'Cairo', lat: 30.0444, lon: 31.2357 },
  doha: { name: 'Doha', lat: 25.2854, lon: 51.531 },
  suva: { name: 'Suva', lat: -18.1416, lon: 178.4419 },
} as const;

type PlaceId = keyof typeof PLACES;

export const DAYS: ReadonlyArray<{ id: string; day: string; place: PlaceId | null }> = [
  { id: 'e1-gaza', day: '2025-03-01', place: 'gaza' },
  { id: 'e2-cairo', day: '2025-03-02', place: 'cairo' },
  { id: 'e3-doha', day: '2025-03-03', place: 'doha' },
  { id: 'e4-nowhere', day: '2025-03-04', place: null },
  { id: 'e5-suva', day: '2025-03-05', place: 'suva' },
  { id: 'e6-gaza', day: '2025-03-06', place: 'gaza' },
  { id: 'e7-cairo', day: '2025-03-07', place: 'cairo' },
  { id: 'e8-doha', day: '2025-03-08', place: 'doha' },
];

export function daysDataset(): string {
  return JSON.stringify({
    format: 'dateline/1',
    title: 'Eight days',
    actors: [{ id: 'wire', name: 'Wire', kind: 'organisation' }],
    places: Object.entries(PLACES).map(([id, p]) => ({ id, ...p, precision: 'city' })),
    sources: [{ id: 'src', title: 'Wire report', publisher: 'Wire' }],
    events: DAYS.map((d) => ({
      id: d.id,
      title: `Event ${d.id}`,
      type: 'statement',
      status: 'occurred',
      time: { start: d.day, precision: 'day' },
      ...(d.place ? { place: d.place } : { place: null }),
      actors: [{ actor: 'wire', role: 'party' }],
      claim: { by: 'src', status: 'reported' },
    })),
  });
}

/** Opens the app on the eight days (served with `serveDataset` first) with a link's query. */
export async function openDays(page: Page, query: string): Promise<void> {
  await page.goto(`/?${query}`);
  await expect(page.getByTestId('event-count')).toContainText('8 events', READY);
}

/** The ids of the events whose day ends after `from` and starts before `to` (ms). */
export function idsBetween(from: number, to: number): string[] {
  return DAYS.filter((d) => {
    const start = Date.parse(`${d.day}T00:00Z`);
    return start <= to && start + 86_400_000 - 1 >= from;
  }).map((d) => d.id);
}

// ---------------------------------------------------------------------------------------------

export class PlaybackControl {
  readonly root: Locator;
  readonly play: Locator;
  readonly stepBack: Locator;
  readonly stepForward: Locator;
  /** The button that shows and hides the mode, speed and loop. */
  readonly options: Locator;
  readonly mode: Locator;
  readonly speed: Locator;
  readonly loop: Locator;
  readonly stop: Locator;
  readonly playhead: Locator;
  /** The playhead's line on the timeline. */
  readonly playheadLine: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('group', { name: 'Playback' });
    this.play = this.root.getByTestId('playback-play');
    this.stepBack = this.root.getByRole('button', { name: 'Step back' });
    this.stepForward = this.root.getByRole('button', { name: 'Step forward' });
    this.options = this.root.getByRole('button', { name: 'Playback options' });
    this.mode = this.root.getByLabel('Mode');
    this.speed = this.root.getByLabel('Speed');
    this.loop = this.root.getByLabel('Loop');
    this.stop = this.root.getByRole('button', { name: 'Stop playback' });
    this.playhead = this.root.getByTestId('playback-playhead');
    this.playheadLine = page.locator('.vis-custom-time.dl-playhead');
  }

  /** Shows (or hides) the mode, speed and loop. */
  async showOptions(shown = true): Promise<void> {
    // A build from before the options button (the bench comparing two builds) shows them always.
    if ((await this.options.count()) === 0) return;
    if ((await this.options.getAttribute('aria-expanded')) !== String(shown))
      await this.options.click();
    await expect(this.mode).toBeVisible({ visible: shown });
  }

  async setMode(mode: 'Window' | 'Cumulative'): Promise<void> {
    await this.showOptions();
    await this.mode.selectOption({ label: mode });
    await this.showOptions(false);
  }

  async setSpeed(
    speed: '1 day per second' | '1 week per second' | '1 month per second' | 'Whole span in 30 s',
  ): Promise<void> {
    await this.showOptions();
    await this.speed.selectOption({ label: speed });
    await this.showOptions(false);
  }

  async expectPlaying(playing: boolean): Promise<void> {
    await expect(this.root).toHaveAttribute('data-playing', String(playing));
    await expect(this.play).toHaveText(playing ? /Pause/ : /Play/);
  }

  /** The playhead as the control says it: "Mar 4, 2025, 12:00 UTC". */
  async playheadText(): Promise<string> {
    return (await this.playhead.textContent()) ?? '';
  }

  /** The link's `play` parameter, as the address bar holds it now. */
  async linkPlay(): Promise<string | null> {
    return new URL(this.page.url()).searchParams.get('play');
  }

  /** Waits until the address bar's `play` parameter matches. */
  async expectLinkPlay(value: string | RegExp): Promise<void> {
    await expect.poll(() => this.linkPlay(), READY).toMatch(value);
  }
}

export class MapAreaControls {
  readonly filterToView: Locator;
  readonly draw: Locator;
  readonly hint: Locator;
  /** The area in force, drawn on the map. */
  readonly shownArea: Locator;
  // The filters' Map area section.
  readonly section: Locator;
  readonly description: Locator;
  readonly unplaced: Locator;
  readonly clear: Locator;

  constructor(readonly page: Page) {
    const tools = page.getByRole('toolbar', { name: 'Map area' });
    this.filterToView = tools.getByRole('button', { name: 'Filter to this map view' });
    this.draw = tools.getByRole('button', { name: 'Draw an area' });
    this.hint = page.locator('.dl-area-hint');
    this.shownArea = page.locator('.leaflet-container path.dl-area');
    this.section = page.locator('details', {
      has: page.locator('summary', { hasText: 'Map area' }),
    });
    this.description = page.getByTestId('area-description');
    this.unplaced = page.getByTestId('area-unplaced');
    this.clear = page.getByTestId('clear-area');
  }

  async openSection(): Promise<void> {
    if ((await this.section.getAttribute('open')) === null)
      await this.section.locator('summary').click();
  }

  /** Turns on draw mode and drags from one point of the page to another (CSS px). */
  async drawRectangle(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    await this.draw.click();
    await expect(this.draw).toHaveAttribute('aria-pressed', 'true');
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await this.page.mouse.move(to.x, to.y, { steps: 4 });
    await this.page.mouse.up();
  }

  /** The link's `area` parameter, as the address bar holds it now. */
  async linkArea(): Promise<string | null> {
    return new URL(this.page.url()).searchParams.get('area');
  }
}
