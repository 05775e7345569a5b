// @vitest-environment jsdom
// The address bar's history as the user makes it: each selection is an entry of its own, even
// when a filter or a move changed the address a moment before; and the address is written after
// the change's frame, in order.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../store';
import { fixtureDataset } from '../test-utils/fixture';
import { afterPaint, historyWriter } from './historyWriter';
import { startUrlSync } from './sync';

const report = { file: 'fixture.json', problems: [], eventsAccepted: 4, eventsRejected: 0 };
let stop: () => void = () => undefined;
let store: AppStore;

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  store = createAppStore();
  store.getState().setLoaded(fixtureDataset(), report);
  // Written at once here; when they are written is the last block's subject.
  stop = startUrlSync(
    store,
    async () => true,
    (write) => write(),
  );
});

afterEach(() => stop());

const eventInAddress = () => new URLSearchParams(window.location.search).get('event');

describe('startUrlSync', () => {
  it('gives each selection its own entry, even right after a filter changed the address', () => {
    const [a, b] = fixtureDataset().events;
    const start = window.history.length;
    store.getState().select(a!.id, 'list');
    expect(eventInAddress()).toBe(a!.id);
    // A filter waits to be written (at most one address change per 400 ms)…
    store.getState().setFilters({ q: 'talks' });
    // …and a selection comes before it is.
    store.getState().select(b!.id, 'timeline');
    expect(window.history.length).toBe(start + 2);
    expect(eventInAddress()).toBe(b!.id);
    expect(new URLSearchParams(window.location.search).get('q')).toBe('talks');
  });

  it('writes the waiting filter into the entry being left, with that entry’s own selection', async () => {
    const [a, b] = fixtureDataset().events;
    store.getState().select(a!.id, 'list');
    store.getState().setFilters({ q: 'talks' });
    store.getState().select(b!.id, 'timeline');
    const back = new Promise((resolve) =>
      window.addEventListener('popstate', resolve, { once: true }),
    );
    window.history.back();
    await back;
    const left = new URLSearchParams(window.location.search);
    expect(left.get('event')).toBe(a!.id);
    expect(left.get('q')).toBe('talks');
  });
});

describe('historyWriter', () => {
  /** A `later` that writes when the test says the frame was painted. */
  function frames() {
    const pending: Array<() => void> = [];
    return {
      later: (write: () => void) => void pending.push(write),
      paint: () => pending.splice(0).forEach((write) => write()),
    };
  }

  it('writes after the frame, in order, pushes and replaces alike', async () => {
    const { later, paint } = frames();
    const writer = historyWriter(window, later);
    writer.push('?event=a');
    writer.replace('?event=a&q=x');
    writer.push('?event=b');
    expect(window.location.search).toBe('');
    expect(writer.address()).toBe('?event=b');
    paint();
    expect(window.location.search).toBe('?event=b');
    const back = new Promise((resolve) =>
      window.addEventListener('popstate', resolve, { once: true }),
    );
    window.history.back();
    await back;
    expect(window.location.search).toBe('?event=a&q=x');
  });

  it('folds a replace into the write that waits before it: one navigation, not two', () => {
    const { later, paint } = frames();
    const writer = historyWriter(window, later);
    const push = vi.spyOn(window.history, 'pushState');
    const replace = vi.spyOn(window.history, 'replaceState');
    writer.push('?event=a');
    writer.replace('?event=a&view=1');
    writer.replace('?event=a&view=2');
    expect(writer.address()).toBe('?event=a&view=2');
    paint();
    expect(push).toHaveBeenCalledTimes(1);
    expect(replace).not.toHaveBeenCalled();
    expect(window.location.search).toBe('?event=a&view=2');
    // A replace with nothing waiting replaces the entry.
    writer.replace('?event=a&view=3');
    paint();
    expect(replace).toHaveBeenCalledTimes(1);
    expect(push).toHaveBeenCalledTimes(1);
    expect(window.location.search).toBe('?event=a&view=3');
    push.mockRestore();
    replace.mockRestore();
  });

  it('writes nothing the address will be already, and forgets what waits when Back moves it', () => {
    const { later, paint } = frames();
    const writer = historyWriter(window, later);
    const start = window.history.length;
    writer.push('');
    expect(writer.address()).toBe('');
    writer.push('?event=a');
    writer.push('?event=a');
    writer.drop();
    paint();
    expect(window.history.length).toBe(start);
    expect(window.location.search).toBe('');
  });

  it('a selection reaches the address bar after the next paint, and the stop writes what waits', async () => {
    stop();
    const { later, paint } = frames();
    stop = startUrlSync(store, async () => true, later);
    const [a, b] = fixtureDataset().events;
    store.getState().select(a!.id, 'list');
    expect(eventInAddress()).toBeNull();
    paint();
    expect(eventInAddress()).toBe(a!.id);
    store.getState().select(b!.id, 'list');
    stop();
    expect(eventInAddress()).toBe(b!.id);
    // The page's own `later`: after a frame, or at most a tenth of a second.
    stop = startUrlSync(store, async () => true, afterPaint);
    store.getState().select(a!.id, 'list');
    await expect.poll(eventInAddress, { timeout: 1000 }).toBe(a!.id);
  });
});
