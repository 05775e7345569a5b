// @vitest-environment jsdom
// The contract with vis-timeline's internals: a real Timeline (jsdom), checked for every private
// field and piece of DOM that visInternals.ts relies on. When an upgrade moves one, this fails
// with its name, instead of the app silently drawing item by item again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataSet } from 'vis-data/esnext';
import { Timeline } from 'vis-timeline/esnext';
import {
  axisWidthOf,
  changeItemsWithoutDrawing,
  itemPanelOf,
  missingInternals,
  scrollStackTo,
  stackScroll,
  tapTarget,
} from './visInternals';

const DAY = 86_400_000;
let container: HTMLDivElement;
let items: DataSet<{ id: string; content: string; start: number }, 'id'>;
let timeline: Timeline;

beforeEach(() => {
  // jsdom lays nothing out, and vis-timeline skips drawing an invisible (0 px wide) timeline.
  vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(800);
  container = document.createElement('div');
  document.body.append(container);
  items = new DataSet([{ id: 'a', content: 'a', start: 0 }]);
  timeline = new Timeline(container, items as never, { start: -DAY, end: DAY });
  timeline.redraw();
});

afterEach(() => {
  timeline.destroy();
  container.remove();
  vi.restoreAllMocks();
});

describe('vis-timeline internals Dateline relies on', () => {
  it('are all there', () => {
    expect(missingInternals(timeline, container)).toEqual([]);
  });

  it('are named when missing', () => {
    const internals = timeline as unknown as { itemSet?: unknown };
    const itemSet = internals.itemSet;
    internals.itemSet = undefined;
    itemPanelOf(container).classList.remove('vis-center');
    expect(missingInternals(timeline, container)).toEqual([
      'Timeline.itemSet',
      'an item drawn as .vis-item in .vis-panel.vis-center',
      'the .vis-panel.vis-center element',
    ]);
    internals.itemSet = itemSet;
  });

  it('the item panel is found, and the width vis-timeline gave it read from its style', () => {
    const panel = itemPanelOf(container);
    const width = axisWidthOf(panel, container);
    expect(width).toBeGreaterThan(0);
    expect(panel.style.width).toBe(`${width}px`);
  });

  it('items change without a redraw now, one is asked for, and vis-timeline’s methods are back', () => {
    const internals = timeline as unknown as {
      itemSet: { redraw: () => boolean; groups: Record<string, object> };
      body: { emitter: { emit: (event: string) => void } };
    };
    const redraw = vi.spyOn(
      Object.getPrototypeOf(internals.itemSet) as { redraw: () => boolean },
      'redraw',
    );
    const emit = vi.spyOn(internals.body.emitter, 'emit');
    changeItemsWithoutDrawing(timeline, () => {
      items.add({ id: 'b', content: 'b', start: DAY / 2 });
      items.remove('a');
    });
    expect(redraw).not.toHaveBeenCalled();
    expect(emit).toHaveBeenCalledWith('_change', expect.anything());
    expect(Object.hasOwn(internals.itemSet, 'redraw')).toBe(false);
    for (const group of Object.values(internals.itemSet.groups))
      expect(Object.hasOwn(group, '_checkIfVisible')).toBe(false);
    expect(items.getIds()).toEqual(['b']);
    redraw.mockRestore();
  });

  it('reads and sets how far the stack of items is scrolled, within its range', () => {
    const core = timeline as unknown as {
      props: { scrollTop: number; scrollTopMin: number };
    };
    const redraw = vi.spyOn(timeline as unknown as Record<string, () => void>, '_redraw');
    // jsdom lays nothing out: give the stack 100 px more than the panel shows.
    core.props.scrollTopMin = -100;
    core.props.scrollTop = -100;
    expect(stackScroll(timeline)).toEqual({ offset: 100, range: 100 });
    vi.spyOn(
      timeline as unknown as Record<string, () => number>,
      '_updateScrollTop',
    ).mockImplementation(() => {
      core.props.scrollTop = Math.max(-100, Math.min(0, core.props.scrollTop));
      return core.props.scrollTop;
    });
    scrollStackTo(timeline, 40);
    expect(stackScroll(timeline)).toEqual({ offset: 40, range: 100 });
    scrollStackTo(timeline, 500);
    expect(stackScroll(timeline).offset).toBe(100);
    expect(redraw).toHaveBeenCalled();
  });

  it('finds the node a tap landed on, inside hammer.js’s wrapper or not', () => {
    const node = document.createElement('span');
    expect(tapTarget({ srcEvent: { target: node } })).toBe(node);
    expect(tapTarget({ target: node })).toBe(node);
    expect(tapTarget(undefined)).toBeNull();
  });
});
