// The page object for the app's shell at any size and from the keyboard: the views' boxes, the
// skip links, the header's menu, the details sheet (peek, half, full), the shortcuts dialog, and
// what has focus. Used by layout.spec.ts, keyboard.spec.ts and accessibility.spec.ts.
import { expect, type Locator, type Page } from '@playwright/test';

/** A box on the page, in CSS px of the viewport. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The view regions, in the order they are read and tabbed through. */
export const REGIONS = ['skip', 'header', 'filters', 'list', 'map', 'timeline', 'details'] as const;
export type Region = (typeof REGIONS)[number] | 'dialog' | 'other' | 'body';

export class ShellPage {
  readonly skipLinks: Locator;
  readonly header: Locator;
  readonly menuToggle: Locator;
  readonly menuPanel: Locator;
  readonly filters: Locator;
  readonly search: Locator;
  readonly clearFilters: Locator;
  readonly list: Locator;
  readonly mapSection: Locator;
  readonly mapCanvas: Locator;
  readonly timelineSection: Locator;
  readonly timelineCanvas: Locator;
  /** The timeline's rows: its canvas less the time axis. */
  readonly timelineRows: Locator;
  readonly timelineToolbar: Locator;
  readonly details: Locator;
  readonly sheetHandle: Locator;
  readonly shortcutsButton: Locator;
  readonly shortcutsDialog: Locator;

  constructor(readonly page: Page) {
    this.skipLinks = page.getByRole('navigation', { name: 'Skip links' }).getByRole('link');
    this.header = page.locator('.dl-header');
    this.menuToggle = page.getByTestId('menu-toggle');
    this.menuPanel = page.getByTestId('menu-panel');
    this.filters = page.getByRole('region', { name: 'Filters' });
    this.search = this.filters.getByRole('searchbox', { name: 'Search' });
    this.clearFilters = this.filters.getByRole('button', { name: 'Clear filters' });
    this.list = page.getByTestId('event-list');
    this.mapSection = page.getByRole('region', { name: 'Map' });
    this.mapCanvas = page.locator('.dl-map .leaflet-container');
    this.timelineSection = page.getByRole('region', { name: 'Timeline' });
    this.timelineCanvas = page.getByTestId('timeline');
    this.timelineRows = this.timelineCanvas.locator('.vis-panel.vis-center');
    this.timelineToolbar = page.getByRole('toolbar', { name: 'Timeline zoom' });
    this.details = page.getByTestId('details');
    this.sheetHandle = this.details.locator('.dl-sheet-handle');
    this.shortcutsButton = page.getByTestId('shortcuts-button');
    this.shortcutsDialog = page.getByTestId('shortcuts-dialog');
  }

  sheetSizeButton(size: 'peek' | 'half' | 'full'): Locator {
    return this.details.getByTestId(`sheet-${size}`);
  }

  /** The viewport's size in CSS px. */
  viewport(): { width: number; height: number } {
    const v = this.page.viewportSize();
    if (!v) throw new Error('the page has no viewport size');
    return v;
  }

  async box(locator: Locator): Promise<Box> {
    const b = await locator.boundingBox();
    if (!b) throw new Error(`no box for ${String(locator)}`);
    return b;
  }

  /** How many px the page is wider than the screen (0: no sideways scrolling). */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /** How many px the page is taller than the screen (0: it does not scroll). */
  async verticalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  }

  /**
   * Visible controls and text blocks whose box sticks out of the screen sideways, or is cut by
   * a box that hides its overflow: text that could only be read by scrolling in two directions.
   * The map and the timeline (two-dimensional by nature) are left out.
   */
  async cutOff(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [];
      const width = window.innerWidth;
      const twoD = '.leaflet-container, .dl-timeline-canvas';
      const els = document.querySelectorAll<HTMLElement>(
        'button, input, select, summary, label, a, h1, h2, h3, p, dt, dd, li, blockquote',
      );
      for (const el of els) {
        if (el.closest(twoD) || el.closest('.dl-sr-only') || el.closest('.dl-skip-links')) continue;
        if (el.closest('dialog:not([open])')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden') continue;
        const name = `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
        if (r.left < -1 || r.right > width + 1) {
          out.push(`${name}: ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
          continue;
        }
        // Cut sideways by an ancestor that hides overflow (ellipsis titles say all in `title`).
        for (let a = el.parentElement; a; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (s.overflowX === 'visible') continue;
          const ar = a.getBoundingClientRect();
          if (s.overflowX === 'hidden' && (r.right > ar.right + 1 || r.left < ar.left - 1)) {
            if (!el.title && !a.title) out.push(`${name}: cut by ${a.className}`);
          }
          break;
        }
      }
      return out;
    });
  }

  /** Visible interactive things smaller than `least` px either way (WCAG 2.5.8). */
  async smallTargets(least: number): Promise<string[]> {
    return this.page.evaluate((min) => {
      const small: string[] = [];
      const sel =
        'button, a[href], input, select, summary, [role=option], [role=button], .leaflet-marker-icon';
      for (const el of document.querySelectorAll<HTMLElement>(sel)) {
        // Links inside a sentence (the map's attribution) are exempt: they are text.
        if (el.closest('.leaflet-control-attribution, .dl-skip-links, .dl-sr-only')) continue;
        if (el.closest('dialog:not([open])')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (getComputedStyle(el).visibility === 'hidden') continue;
        if (r.bottom < 0 || r.top > document.documentElement.scrollHeight) continue;
        if (r.width < min || r.height < min) {
          const name = el.getAttribute('aria-label') ?? el.textContent ?? el.className;
          small.push(
            `${el.tagName.toLowerCase()} “${name.trim().slice(0, 40)}”: ${Math.round(r.width)}×${Math.round(r.height)}`,
          );
        }
      }
      return small;
    }, least);
  }

  /** The region the focused element is in, and a short name for it. */
  async focused(): Promise<{ region: Region; name: string; id: string }> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return { region: 'body' as const, name: 'body', id: '' };
      const regions: Array<[string, string]> = [
        ['dialog', 'dialog[open]'],
        ['skip', '.dl-skip-links'],
        ['header', '.dl-header'],
        ['filters', '.dl-filters'],
        ['list', '.dl-list'],
        ['map', '.dl-map'],
        ['timeline', '.dl-timeline'],
        ['details', '.dl-details'],
      ];
      const region = regions.find(([, s]) => el.closest(s))?.[0] ?? 'other';
      const name =
        el.getAttribute('aria-label') ??
        (el.textContent ?? '').trim().slice(0, 40) ??
        el.tagName.toLowerCase();
      return { region: region as never, name: name || el.tagName.toLowerCase(), id: el.id };
    });
  }

  /** Presses Tab `count` times from the page's start and says where each stop was. */
  async tabStops(count: number): Promise<Array<{ region: Region; name: string; id: string }>> {
    // Tab goes on from where focus last was: start it from a mark at the top of the page.
    await this.page.evaluate(() => {
      window.scrollTo(0, 0);
      const mark = document.createElement('span');
      mark.id = 'dl-test-start';
      mark.tabIndex = -1;
      document.body.prepend(mark);
      mark.focus();
    });
    const stops: Array<{ region: Region; name: string; id: string }> = [];
    for (let i = 0; i < count; i++) {
      await this.page.keyboard.press('Tab');
      if (i === 0)
        await this.page.evaluate(() => document.getElementById('dl-test-start')?.remove());
      stops.push(await this.focused());
    }
    return stops;
  }

  async expectFocusIn(region: Region): Promise<void> {
    await expect.poll(async () => (await this.focused()).region).toBe(region);
  }

  /** The sheet's height and where its top is, in px. */
  async sheet(): Promise<{ top: number; height: number }> {
    const b = await this.box(this.details);
    return { top: b.y, height: b.height };
  }

  /** Opens the header's menu (narrow screens) with a click. */
  async openMenu(): Promise<void> {
    await this.menuToggle.click();
    await expect(this.menuToggle).toHaveAttribute('aria-expanded', 'true');
  }
}
