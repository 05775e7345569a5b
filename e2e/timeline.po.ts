// The page object for the timeline (vis-timeline, with the app's density band): its items by
// event, scrolling its stack to an item (with the wheel over its scroll bar: elsewhere the wheel
// zooms), the "N more above/below" markers, zooming with its own buttons, dragging it, eras, the
// legend and help, and what it draws. Used by the specs and by the benchmark (scripts/bench/), so both drive the same view.
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

/** Where each event's label is against the visible band of the stack. */
export interface LabelVisibility {
  /** Wholly inside the band. */
  visible: string[];
  /** In the window's time but cut off above or below the band. */
  above: string[];
  below: string[];
  /** Outside the window's time (left or right of the band). */
  outside: string[];
}

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
  /** The stack's scroll bar (drawn only when the stack is taller than the panel). */
  readonly scrollbar: Locator;
  /** "▲ N more above" and "▼ N more below": the items scrolled out of view, counted. */
  readonly moreAbove: Locator;
  readonly moreBelow: Locator;
  /** The eras' bands and their labels. */
  readonly eras: Locator;
  readonly eraLabels: Locator;
  readonly legend: Locator;
  readonly helpButton: Locator;
  readonly help: Locator;

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
    this.scrollbar = this.root.locator('.dl-stack-scrollbar');
    // In the view's header, next to the stack.
    const view = page.locator('section.dl-timeline');
    this.moreAbove = view.getByTestId('timeline-more-above');
    this.moreBelow = view.getByTestId('timeline-more-below');
    this.eras = this.root.locator('.vis-item.vis-background.dl-era');
    this.eraLabels = this.root.locator('.dl-era-label');
    this.legend = page.getByRole('list', { name: 'Timeline legend' });
    this.helpButton = view.getByRole('button', { name: 'Help', exact: true });
    this.help = page.locator('.dl-timeline-help-panel');
  }

  /** The bar under an event's box that covers the time its date gives (a day, a span). */
  spanBar(eventId: string): Locator {
    return this.item(eventId).locator('.dl-item-span');
  }

  /** The vertical line vis-timeline draws from an event's box down to its instant on the axis. */
  async anchorX(eventId: string): Promise<number> {
    return this.root.evaluate((root, id) => {
      const label = root.querySelector(`.dl-item-label[data-event-id="${CSS.escape(id)}"]`);
      const box = label?.closest('.vis-item');
      if (!box) throw new Error(`no item for ${id}`);
      const r = box.getBoundingClientRect();
      return r.left + r.width / 2;
    }, eventId);
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

  /**
   * Every label against the visible band: wholly in it, cut off above or below it (in the
   * window's time), or outside the window's time. 1 px of rounding is forgiven.
   */
  async labelVisibility(): Promise<LabelVisibility> {
    return this.panel.evaluate((panel, labelCss) => {
      const p = panel.getBoundingClientRect();
      const out = { visible: [], above: [], below: [], outside: [] } as {
        visible: string[];
        above: string[];
        below: string[];
        outside: string[];
      };
      for (const label of panel.querySelectorAll<HTMLElement>(labelCss)) {
        const r = (label.closest('.vis-item') ?? label).getBoundingClientRect();
        const id = label.dataset.eventId ?? '';
        if (r.right <= p.left || r.left >= p.right) out.outside.push(id);
        else if (r.top < p.top - 1) out.above.push(id);
        else if (r.bottom > p.bottom + 1) out.below.push(id);
        else out.visible.push(id);
      }
      return out;
    }, TIMELINE_CSS.label);
  }

  /** The number a "more" marker shows (0 when it is not shown). */
  async moreCount(where: 'above' | 'below'): Promise<number> {
    const marker = where === 'above' ? this.moreAbove : this.moreBelow;
    if (!(await marker.isVisible())) return 0;
    const text = (await marker.textContent()) ?? '';
    const n = /(\d+) more/.exec(text)?.[1];
    if (n === undefined) throw new Error(`the ${where} marker says “${text}”`);
    return Number(n);
  }

  /**
   * Asserts that every label is visible or counted: the labels cut off above and below the band
   * are as many as the visible markers say (and the markers show when there are any).
   */
  async expectEveryLabelVisibleOrCounted(): Promise<LabelVisibility> {
    let last: LabelVisibility | undefined;
    await expect(async () => {
      const v = await this.labelVisibility();
      last = v;
      expect({
        above: await this.moreCount('above'),
        below: await this.moreCount('below'),
      }).toEqual({ above: v.above.length, below: v.below.length });
    }).toPass(READY);
    return last as LabelVisibility;
  }

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
   * Scrolls the stack of items with the mouse wheel over its scroll bar, as a user would, until
   * the event's box is wholly inside the visible panel, and returns the box. (The timeline
   * scrolls its stack itself, so Playwright's own scrolling into view cannot reach a hidden
   * item; elsewhere on the timeline the wheel zooms.)
   */
  async reveal(eventId: string): Promise<Locator> {
    await expect(async () => {
      const { hiddenAbove, hiddenBelow } = await this.overflow(eventId);
      if (hiddenAbove <= 0 && hiddenBelow <= 0) return;
      const bar = await this.scrollbar.boundingBox();
      if (!bar) throw new Error(`${eventId} is cut off, and the timeline shows no scroll bar`);
      await this.page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
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
