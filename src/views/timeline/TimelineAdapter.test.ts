// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Timeline } from 'vis-timeline/esnext';
import type { DatelineEvent } from '../../model/dataset';
import { fixtureDataset } from '../../test-utils/fixture';
import type { TimeWindow } from '../../url/types';
import type { LinkedViewReports } from '../linked/LinkedView';
import { TimelineAdapter } from './TimelineAdapter';

type Reports = LinkedViewReports<TimeWindow>;

let container: HTMLDivElement;
let adapter: TimelineAdapter;
let reports: {
  selected: ReturnType<typeof vi.fn<Reports['selected']>>;
  hovered: ReturnType<typeof vi.fn<Reports['hovered']>>;
  settled: ReturnType<typeof vi.fn<Reports['settled']>>;
};

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  reports = {
    selected: vi.fn<Reports['selected']>(),
    hovered: vi.fn<Reports['hovered']>(),
    settled: vi.fn<Reports['settled']>(),
  };
  adapter = new TimelineAdapter(container);
  adapter.connect(reports);
});

afterEach(() => {
  adapter.destroy();
  document.body.innerHTML = '';
});

const events = () => fixtureDataset().events;
/** vis-timeline reports a window 200 ms after a move without animation, at the end of one with. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe('TimelineAdapter', () => {
  it('reports a zoom with its own buttons as a move by the user', async () => {
    adapter.setEvents(events());
    await settle();
    reports.settled.mockClear();
    adapter.zoom(0.5);
    await settle();
    expect(reports.settled).toHaveBeenLastCalledWith(expect.anything(), true);
  });

  it('does not report its own fit as a move by the user', async () => {
    adapter.setEvents(events());
    await settle();
    expect(reports.settled).toHaveBeenCalled();
    expect(reports.settled.mock.calls.every(([, byUser]) => byUser === false)).toBe(true);
  });

  it('changes items for vis-timeline to draw in its next redraw, and leaves its internals as they were', () => {
    const timeline = (
      adapter as unknown as {
        timeline: {
          itemSet: Record<string, unknown>;
          body: { emitter: { emit: (event: string) => void } };
        };
      }
    ).timeline;
    const { itemSet } = timeline;
    const proto = Object.getPrototypeOf(itemSet) as { redraw: () => boolean };
    const redraw = vi.spyOn(proto, 'redraw');
    const emit = vi.spyOn(timeline.body.emitter, 'emit');
    adapter.setEvents(events());
    adapter.showDateRange({ start: events()[0]!.earliest, end: events()[1]!.latest });
    adapter.highlight([events()[0]!.id]);
    // Not drawn at once, set by set (nor item by item)…
    expect(redraw).not.toHaveBeenCalled();
    // …but asked for, for the next frame…
    expect(emit).toHaveBeenCalledWith('_change', expect.anything());
    // …and vis-timeline's own methods are back.
    expect(Object.hasOwn(itemSet, 'redraw')).toBe(false);
    for (const group of Object.values(itemSet.groups as object))
      expect(Object.hasOwn(group as object, '_checkIfVisible')).toBe(false);
    expect(adapter.heldCount).toBe(events().length);
    redraw.mockRestore();
  });

  it('selects the selected event again when it comes back after being filtered out', () => {
    const setSelection = vi.spyOn(Timeline.prototype, 'setSelection');
    const all = events();
    adapter.setEvents(all);
    adapter.select('talks', false);
    adapter.setEvents(all.filter((e) => e.id !== 'talks'));
    setSelection.mockClear();
    adapter.setEvents(all);
    expect(setSelection).toHaveBeenLastCalledWith(['talks']);
    setSelection.mockRestore();
  });

  it('holds only what the window can show when there are many events', async () => {
    const DAY = 86_400_000;
    const [model] = events();
    if (!model) throw new Error('the fixture has no events');
    const many: DatelineEvent[] = Array.from({ length: 5000 }, (_, i) => ({
      ...model,
      id: `e${i}`,
      title: `Event ${i}`,
      earliest: i * DAY,
      latest: i * DAY + DAY - 1,
    }));
    adapter.setEvents(many);
    await settle();
    expect(adapter.drawing).toBe('density');
    expect(container.dataset.drawing).toBe('density');
    // The band is the adapter's own buttons; vis-timeline holds no slice and no event.
    expect(
      container.querySelectorAll('.vis-panel.vis-center button.dl-bin').length,
    ).toBeGreaterThan(5);
    expect(container.querySelectorAll('.vis-item')).toHaveLength(0);
    expect(adapter.heldCount).toBe(0);

    adapter.showView({ start: 100 * DAY, end: 110 * DAY });
    await settle();
    expect(adapter.drawing).toBe('items');
    expect(container.querySelectorAll('.dl-bin')).toHaveLength(0);
    // The window's ten days and half a window either side, not five thousand.
    expect(adapter.heldCount).toBeGreaterThanOrEqual(10);
    expect(adapter.heldCount).toBeLessThan(40);

    // A selection far outside the window is added, and the window moves to it.
    adapter.select('e4000', true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { start, end } = adapter.getWindow();
    expect(start).toBeLessThan(4000 * DAY);
    expect(end).toBeGreaterThan(4000 * DAY);
    expect(adapter.holds('e4000')).toBe(true);
    expect(adapter.holds('e100')).toBe(false);
  });
});
