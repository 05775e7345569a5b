// The page object for the timeline's swimlanes (issue 14): the "Group by" select, the lanes'
// buttons (named "<lane>: N events. Expanded: press to collapse"), the copies of an event (one
// per lane it is in) and which of them are selected or highlighted, and each lane's density
// slices. Used by e2e/lanes.spec.ts and the benchmark (scripts/bench/), so both drive one view.
import { expect, type Locator, type Page } from '@playwright/test';
import { READY } from './readiness';

const cssString = (s: string) => JSON.stringify(s);

/** CSS the benchmark also needs inside the page. */
export const LANES_CSS = {
  root: '[data-testid=timeline]',
  select: '[data-testid=timeline-group-by]',
  laneButton: '[data-testid=timeline] button.dl-lane-toggle',
} as const;

export class LanesPage {
  readonly groupBy: Locator;
  readonly root: Locator;
  /** Every lane's button, in the order drawn (hidden members have none). */
  readonly laneButtons: Locator;
  /** Each lane's density slices (many events, zoomed out). */
  readonly laneBins: Locator;
  /** The slices' buttons that are in the tab order: one per lane's band. */
  readonly binTabStops: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator(LANES_CSS.root);
    this.groupBy = page.getByRole('combobox', { name: 'Group by' });
    this.laneButtons = page.locator(LANES_CSS.laneButton);
    this.laneBins = this.root.locator('.vis-item.vis-background.dl-lane-bin');
    this.binTabStops = this.root.locator('button.dl-lane-bin-label[tabindex="0"]');
  }

  /** Groups the timeline by this (`none`, `actor`, `type`…) and waits until it is drawn so. */
  async groupByValue(value: string): Promise<void> {
    await this.groupBy.selectOption(value);
    await this.expectGrouped(value);
  }

  async expectGrouped(value: string): Promise<void> {
    await expect(this.root).toHaveAttribute('data-lanes', value, READY);
    await expect(this.groupBy).toHaveValue(value);
  }

  /** A lane's button by the name it shows ("Hamas", "Other (3)", "(none)"). */
  lane(name: string): Locator {
    return this.laneButtons.filter({
      has: this.page.locator('.dl-lane-label', { hasText: new RegExp(`^${escape(name)}$`) }),
    });
  }

  /**
   * Scrolls the stack (the wheel over its scroll bar, as a user would) until a lane's row is
   * wholly in view, or as much of it as the panel holds: vis-timeline draws no item of a lane
   * out of view.
   */
  async revealLane(name: string): Promise<void> {
    const lane = this.lane(name);
    const panel = this.root.locator('.vis-panel.vis-center');
    const scrollbar = this.root.locator('.dl-stack-scrollbar');
    await expect(async () => {
      const [box, view] = [await lane.boundingBox(), await panel.boundingBox()];
      if (!box || !view) throw new Error(`no lane ${name}`);
      const above = view.y - box.y;
      const below = box.y + box.height - (view.y + view.height);
      if ((above <= 1 && below <= 1) || (above > 1 && below > 1)) return;
      // The stack scrolled as far as it goes: what is cut off now stays so.
      const offset = Number(await this.root.getAttribute('data-stack-offset'));
      const range = Number(await this.root.getAttribute('data-stack-range'));
      if ((below > 1 && offset >= range) || (above > 1 && offset <= 0)) return;
      const bar = await scrollbar.boundingBox();
      if (!bar) throw new Error(`the lane ${name} is cut off, and there is no scroll bar`);
      await this.page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
      await this.page.mouse.wheel(0, above > 1 ? -above - 4 : below + 4);
      throw new Error(`the lane ${name} is not yet in view`);
    }).toPass(READY);
  }

  /** A lane's slice buttons, as drawn (named "<lane>: N events, <dates>: zoom in"). */
  binsOf(lane: string): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^${escape(lane)}: \\d`) });
  }

  /** The names of the lanes drawn, top to bottom. */
  async laneNames(): Promise<string[]> {
    return this.laneButtons.locator('.dl-lane-label').allTextContents();
  }

  /** The copies of an event's item (their labels), one per lane it is drawn in. */
  copies(eventId: string): Locator {
    return this.root.locator(`.vis-item:has(.dl-item-label[data-event-id=${cssString(eventId)}])`);
  }

  /**
   * The lanes in which an event's copies are drawn now (their names, sorted); with `state`
   * ('.vis-selected', '.dl-highlight') only copies so marked. Only lanes in view draw items.
   */
  async lanesOf(eventId: string, state = ''): Promise<string[]> {
    return this.page.evaluate(
      ({ id, marked }) => {
        const root = document.querySelector('[data-testid=timeline]') as HTMLElement;
        const labels = [...root.querySelectorAll('.vis-labelset .vis-label')].map((l) => ({
          box: l.getBoundingClientRect(),
          name: l.querySelector('.dl-lane-label')?.textContent ?? '',
        }));
        const names = new Set<string>();
        const copies = root.querySelectorAll(
          `.vis-item${marked}:not(.vis-background) .dl-item-label[data-event-id="${CSS.escape(id)}"]`,
        );
        for (const label of copies) {
          // A lane's label is as tall as its row: the copy is in the lane level with it.
          const box = label.getBoundingClientRect();
          const y = (box.top + box.bottom) / 2;
          const lane = labels.find((l) => l.box.top <= y && y < l.box.bottom);
          if (lane) names.add(lane.name);
        }
        return [...names].sort();
      },
      { id: eventId, marked: state },
    );
  }

  /** The lanes holding an event's copies: every lane is scrolled into view in turn. */
  async lanesHolding(eventId: string, state = ''): Promise<string[]> {
    const found = new Set<string>();
    for (const name of await this.laneNames()) {
      await this.revealLane(name);
      for (const lane of await this.lanesOf(eventId, state)) found.add(lane);
    }
    return [...found].sort();
  }

  /** A copy of the event wholly inside the visible panel (a click or hover reaches it). */
  async copyInView(eventId: string): Promise<Locator> {
    const panel = await this.root.locator('.vis-panel.vis-center').boundingBox();
    const labels = this.copies(eventId).locator('.dl-item-label');
    for (let i = 0; i < (await labels.count()); i++) {
      const box = await labels.nth(i).boundingBox();
      if (panel && box && box.y >= panel.y && box.y + box.height <= panel.y + panel.height)
        return labels.nth(i);
    }
    throw new Error(`no copy of ${eventId} is in view on the timeline`);
  }

  async clickCopyInView(eventId: string): Promise<void> {
    await (await this.copyInView(eventId)).click();
  }

  /** Every drawn copy of the event is selected (or highlighted), and at least `min` are drawn. */
  async expectDrawnCopiesMarked(eventId: string, state: string, min: number): Promise<void> {
    await expect(async () => {
      const all = await this.lanesOf(eventId);
      expect(all.length).toBeGreaterThanOrEqual(min);
      expect(await this.lanesOf(eventId, state)).toEqual(all);
    }).toPass(READY);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
