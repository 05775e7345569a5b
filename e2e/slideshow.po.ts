// Page object for a story seen inside a frame (issue 13: `?embed=1&story=…` is a slide show):
// the story panel and the one selection every view shows, found from any root — the page itself
// or an iframe's FrameLocator — since the embed's views live in another site's frame.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { placeKeyOf, type SeedEvent } from './seed';

export class StorySlides {
  readonly panel: Locator;
  readonly count: Locator;
  readonly previous: Locator;
  readonly next: Locator;
  readonly leave: Locator;
  readonly step: Locator;
  readonly text: Locator;
  readonly map: Locator;
  readonly timeline: Locator;
  readonly sidebar: Locator;

  constructor(readonly root: Page | FrameLocator) {
    this.panel = root.getByTestId('story-panel');
    this.count = root.getByTestId('story-count');
    this.previous = root.getByTestId('story-previous');
    this.next = root.getByTestId('story-next');
    this.leave = root.getByTestId('story-leave');
    this.step = root.getByTestId('story-step');
    this.text = this.step.getByTestId('story-text');
    this.map = root.locator('.dl-map');
    this.timeline = root.locator('.dl-timeline');
    this.sidebar = root.locator('.dl-sidebar');
  }

  async expectAt(step: number, of: number): Promise<void> {
    await expect(this.count).toHaveText(`Step ${step} of ${of}`);
    await expect(this.panel.locator('progress')).toHaveAttribute('value', String(step));
  }

  /** `event` is the one selection of the timeline, the map, the list and the details. */
  async expectSelected(event: SeedEvent): Promise<void> {
    const { root } = this;
    const timelineSelected = root.locator('.vis-item.vis-selected .dl-item-label[data-event-id]');
    await expect(timelineSelected).toHaveCount(1);
    await expect(timelineSelected).toHaveAttribute('data-event-id', event.id);
    const markers = root.locator('.leaflet-marker-icon[data-place].dl-selected');
    const place = placeKeyOf(event);
    if (place === null) await expect(markers).toHaveCount(0);
    else await expect(markers).toHaveAttribute('data-place', place);
    const options = root.locator('[role=option][data-event-id][aria-selected=true]');
    await expect(options).toHaveCount(1);
    await expect(options).toHaveAttribute('data-event-id', event.id);
    await expect(root.locator('article[data-event-id]')).toHaveAttribute('data-event-id', event.id);
  }

  /**
   * How much of the step's box is cut off: by its own scrolling (content taller than the box)
   * and by any box around it up to the page; 0 when every line of the step text is shown.
   */
  clipped(): Promise<number> {
    return this.step.evaluate((step) => {
      let cut = step.scrollHeight - step.clientHeight;
      const box = step.getBoundingClientRect();
      for (let el = step.parentElement; el && el !== document.body; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowY === 'visible') continue;
        const outer = el.getBoundingClientRect();
        cut += Math.max(0, box.bottom - outer.bottom) + Math.max(0, outer.top - box.top);
      }
      return Math.max(0, Math.round(cut));
    });
  }

  /** A sideways swipe of a finger on the story panel, from x `from` to x `to` (CSS px). */
  async swipe(from: number, to: number): Promise<void> {
    for (const [type, x] of [
      ['pointerdown', from],
      ['pointerup', to],
    ] as const)
      await this.panel.dispatchEvent(type, {
        pointerType: 'touch',
        pointerId: 9,
        isPrimary: true,
        clientX: x,
        clientY: 40,
      });
  }
}
