// The page object for the timeline (vis-timeline, with the app's density band): its items by
// event, scrolling its stack to an item, zooming with its own buttons, dragging it, and what it
// draws. Used by the specs and by the benchmark (scripts/bench/), so both drive the same view.
import { expect, type Locator, type Page } from '@playwright/test';
import { READY } from './readiness';

const cssString = (s: string) => JSON.stringify(s);

/** CSS the benchmark also needs inside the page, where there are no locators. */
export const TIMELINE_CSS = {
  root: '[data-testid=timeline]',
  /** The panel that shows the window's items (it clips the stack when it is taller). */
  panel: '[data-testid=timeline] .vis-panel.vis-center',
  label: '.dl-item-label[data-event-id]',
  /** What counts as drawn: an event's item (box, range or point) or a density band slice. */
  drawn: ['.vis-item.vis-box', '.vis-item.vis-range', '.vis-item.vis-point', '.dl-bin']
    .map((c) => `[data-testid=timeline] ${c}`)
    .join(', '),
  /** The label of an event's box while it is selected. */
  selectedLabel: (eventId: string) =>
    `[data-testid=timeline] .vis-item.vis-selected .dl-item-label[data-event-id=${cssString(eventId)}]`,
} as const;

/** One box of the timeline that a click at (x, y) reaches. */
export interface ClickableItem {
  id: string;
  x: number;
  y: number;
}

export class TimelinePage {
  readonly root: Locator;
  readonly panel: Locator;
  readonly labels: Locator;
  /** The time axis' labels (years, months, days), as vis-timeline draws them. */
  readonly axisLabels: Locator;
  /** vis-timeline draws a box item as three `.vis-item`s (box, dot, line): these are the boxes. */
  readonly selectedItems: Locator;
  /** The density band (many events, zoomed out): a toolbar of slices of time. */
  readonly densityBand: Locator;
  /** Its slices: buttons named by their count and dates ("1,204 events, … : zoom in"). */
  readonly densitySlices: Locator;
  readonly zoomInButton: Locator;
  /** The panel under the items that holds the time axis: a drag there never starts on an item. */
  readonly axisPanel: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator(TIMELINE_CSS.root);
    this.panel = page.locator(TIMELINE_CSS.panel);
    this.labels = this.root.locator(TIMELINE_CSS.label);
    // vis-timeline also keeps hidden `.vis-measure` texts in the axis to measure characters.
    this.axisLabels = this.root.locator('.vis-time-axis .vis-text:not(.vis-measure)');
    this.selectedItems = this.root.locator('.vis-item.vis-selected:has(.dl-item-label)');
    this.densityBand = this.root.getByRole('toolbar', { name: /^Events over time/ });
    this.densitySlices = this.densityBand.getByRole('button', { name: /events?, .*: zoom in$/ });
    this.zoomInButton = page.getByRole('button', { name: 'Zoom in on the timeline' });
    this.axisPanel = this.root.locator('.vis-panel.vis-bottom');
  }

  // --- Locators ---------------------------------------------------------------------------------

  /** The box of an event: the `.vis-item` holding its label (not its dot or line). */
  item(eventId: string): Locator {
    return this.root.locator(`.vis-item:has(.dl-item-label[data-event-id=${cssString(eventId)}])`);
  }

  // --- Readiness ---------------------------------------------------------------------------------

  /**
   * Waits until the timeline has drawn what it shows: the app sets `data-drawing` once it gave
   * vis-timeline the window's content (every event, the window's items, or a density band).
   */
  async waitUntilDrawn(timeout = READY.timeout): Promise<void> {
    await expect(this.root).toHaveAttribute('data-drawing', /^(all|items|density)$/, { timeout });
  }

  /** How the timeline draws now: 'all', 'items' or 'density' (null before the first draw). */
  async drawing(): Promise<string | null> {
    return this.root.getAttribute('data-drawing');
  }

  // --- Scrolling the stack ----------------------------------------------------------------------

  /** How many pixels of an event's box lie above and below the visible panel. */
  async overflow(eventId: string) {
    const [box, panel] = await Promise.all([
      this.item(eventId).boundingBox(),
      this.panel.boundingBox(),
    ]);
    if (!box || !panel) throw new Error('the timeline is not drawn');
    return {
      hiddenAbove: panel.y - box.y,
      hiddenBelow: box.y + box.height - (panel.y + panel.height),
      panel,
    };
  }

  /** Whether an event's box is wholly inside the timeline's visible rows. */
  /** The ids of events whose timeline box lies outside the panel's width (in time). */
  async itemsOutsideWindow(): Promise<string[]> {
    const panel = await this.panel.boundingBox();
    if (!panel) throw new Error('the timeline is not drawn');
    const boxes = await this.labels.evaluateAll((labels) =>
      labels.map((label) => {
        const item = label.closest('.vis-item') ?? label;
        const r = item.getBoundingClientRect();
        return { id: (label as HTMLElement).dataset.eventId ?? '', left: r.left, right: r.right };
      }),
    );
    return boxes
      .filter((b) => b.right < panel.x || b.left > panel.x + panel.width)
      .map((b) => b.id);
  }

  async isInView(eventId: string): Promise<boolean> {
    const { hiddenAbove, hiddenBelow } = await this.overflow(eventId);
    return hiddenAbove <= 0 && hiddenBelow <= 0;
  }

  /**
   * Scrolls the stack of items with the mouse wheel, as a user would, until the event's box is
   * wholly inside the visible panel, and returns the box. (vis-timeline scrolls its stack itself,
   * so Playwright's own scrolling into view cannot reach a hidden item.)
   */
  async reveal(eventId: string): Promise<Locator> {
    await expect(async () => {
      const { hiddenAbove, hiddenBelow, panel } = await this.overflow(eventId);
      if (hiddenAbove <= 0 && hiddenBelow <= 0) return;
      await this.page.mouse.move(panel.x + 4, panel.y + panel.height / 2);
      await this.page.mouse.wheel(0, hiddenAbove > 0 ? -hiddenAbove - 8 : hiddenBelow + 8);
      throw new Error(`${eventId} is not yet in view on the timeline`);
    }).toPass();
    return this.item(eventId);
  }

  async select(eventId: string): Promise<void> {
    await (await this.reveal(eventId)).click();
  }

  /**
   * The unselected boxes wholly inside the panel that a click at their left part reaches (no
   * other box, line or control lies over that point), in the order drawn.
   */
  async clickableItems(): Promise<ClickableItem[]> {
    return this.panel.evaluate((panel, labelCss) => {
      const p = panel.getBoundingClientRect();
      const found: Array<{ id: string; x: number; y: number }> = [];
      for (const label of panel.querySelectorAll<HTMLElement>(labelCss)) {
        const item = label.closest('.vis-item');
        const id = label.dataset.eventId;
        if (!item || !id || item.classList.contains('vis-selected')) continue;
        const r = item.getBoundingClientRect();
        if (r.left < p.left || r.right > p.right || r.top < p.top || r.bottom > p.bottom) continue;
        const x = r.left + Math.min(r.width / 2, 20);
        const y = r.top + r.height / 2;
        if (!item.contains(document.elementFromPoint(x, y))) continue;
        found.push({ id, x, y });
      }
      return found;
    }, TIMELINE_CSS.label);
  }

  // --- Zooming and dragging ---------------------------------------------------------------------

  /** The scale, in pixels per millisecond (the app keeps it on the timeline for its CSS). */
  async scale(): Promise<number> {
    return this.root.evaluate((el) =>
      Number(getComputedStyle(el).getPropertyValue('--dl-px-per-ms')),
    );
  }

  /**
   * Zooms in with the + button and waits until the zoom has finished: the button zooms in by
   * two, with a short animation, and the scale is the app's own record of where it is.
   */
  async zoomIn(): Promise<void> {
    const before = await this.scale();
    await this.zoomInButton.click();
    await expect.poll(async () => (await this.scale()) / before, READY).toBeCloseTo(2, 3);
    // vis-timeline reports the settled window in the frame of its last step: let it pass.
    await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }

  /**
   * Zooms in until the timeline draws events one by one rather than as a density band (it does
   * so once the window holds few enough events).
   */
  async zoomToItems(): Promise<void> {
    for (let step = 0; step < 16; step++) {
      if ((await this.drawing()) !== 'density') return;
      await this.zoomIn();
    }
    await expect(this.root).not.toHaveAttribute('data-drawing', 'density');
  }

  /** Drags the time axis sideways by `dx` pixels, as a user pans it with the mouse. */
  async drag(dx: number): Promise<void> {
    const axis = await this.axisPanel.boundingBox();
    if (!axis) throw new Error('the timeline axis is not drawn');
    const y = axis.y + axis.height / 2;
    const x = axis.x + axis.width / 2 - dx / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y, { steps: 12 });
    await this.page.mouse.up();
  }

  // --- The density band -------------------------------------------------------------------------

  /** The band's slices as drawn: their span (ms) and the count their name gives. */
  async densityCounts(): Promise<Array<{ start: number; end: number; count: number }>> {
    return this.densitySlices.evaluateAll((els) =>
      els.map((el) => ({
        start: Number((el as HTMLElement).dataset.start),
        end: Number((el as HTMLElement).dataset.end),
        count: Number(el.getAttribute('aria-label')?.split(' ')[0]?.replaceAll(',', '')),
      })),
    );
  }

  /**
   * A slice wholly in view (the band also draws slices beyond the window's edges, clipped): the
   * middle one of those, so a click on it lands on it.
   */
  async densitySliceInView(): Promise<Locator> {
    const panel = await this.panel.boundingBox();
    if (!panel) throw new Error('the timeline is not drawn');
    const boxes = await this.densitySlices.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
    );
    const inView = boxes.flatMap((b, i) =>
      b.left >= panel.x && b.right <= panel.x + panel.width ? [i] : [],
    );
    const middle = inView[Math.floor(inView.length / 2)];
    if (middle === undefined) throw new Error('no density slice wholly in view');
    return this.densitySlices.nth(middle);
  }
}
