// @vitest-environment jsdom
// The address bar's history as the user makes it: each selection is an entry of its own, even
// when a filter or a move changed the address a moment before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppStore, type AppStore } from '../store';
import { fixtureDataset } from '../test-utils/fixture';
import { startUrlSync } from './sync';

const report = { file: 'fixture.json', problems: [], eventsAccepted: 4, eventsRejected: 0 };
let stop: () => void = () => undefined;
let store: AppStore;

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  store = createAppStore();
  store.getState().setLoaded(fixtureDataset(), report);
  stop = startUrlSync(store, async () => true);
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
