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

  constructor(readonly page: Page) {
    this.root = page.locator(LANES_CSS.root);
    this.groupBy = page.getByRole('combobox', { name: 'Group by' });
    this.laneButtons = page.locator(LANES_CSS.laneButton);
    this.laneBins = this.root.locator('.vis-item.vis-background.dl-lane-bin');
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

  /** A lane's button by the lane's name ("Hamas", "Other (3)", "(none)"). */
  lane(name: string): Locator {
    return this.root.getByRole('button', {
      name: new RegExp(`^${escape(name)}(, member of [^:]+)?: `),
    });
  }

  /** The names of the lanes drawn, top to bottom. */
  async laneNames(): Promise<string[]> {
    return this.laneButtons.locator('.dl-lane-label').allTextContents();
  }

  /** The copies of an event's item (their labels), one per lane it is drawn in. */
  copies(eventId: string): Locator {
    return this.root.locator(`.vis-item:has(.dl-item-label[data-event-id=${cssString(eventId)}])`);
  }

  /** The lanes (vis-timeline groups) an event's copies are drawn in, by the lanes' names. */
  async lanesOf(eventId: string): Promise<string[]> {
    return this.page.evaluate((id) => {
      const root = document.querySelector('[data-testid=timeline]') as HTMLElement;
      const labels = [...root.querySelectorAll('.vis-label')].map((l) => ({
        box: l.getBoundingClientRect(),
        name: l.querySelector('.dl-lane-label')?.textContent ?? '',
      }));
      const names: string[] = [];
      for (const label of root.querySelectorAll(
        `.dl-item-label[data-event-id="${CSS.escape(id)}"]`,
      )) {
        // A lane's label spans its row's height: the copy is in the lane level with it.
        const box = label.getBoundingClientRect();
        const y = (box.top + box.bottom) / 2;
        const lane = labels.find((l) => l.box.top <= y && y < l.box.bottom);
        if (lane) names.push(lane.name);
      }
      return names.sort();
    }, eventId);
  }

  /** Clicks the first copy of an event. */
  async clickCopy(eventId: string, which = 0): Promise<void> {
    await this.copies(eventId).nth(which).locator('.dl-item-label').click();
  }

  async expectAllCopiesSelected(eventId: string, count: number): Promise<void> {
    await expect(this.copies(eventId)).toHaveCount(count);
    await expect(this.copies(eventId).and(this.root.locator('.vis-selected'))).toHaveCount(count);
  }

  async expectAllCopiesHighlighted(eventId: string, count: number): Promise<void> {
    await expect(this.copies(eventId).and(this.root.locator('.dl-highlight'))).toHaveCount(count);
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
