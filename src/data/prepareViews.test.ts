// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../store';
import { selectUnplacedCount, selectVisibleEvents, unplacedCountOf } from '../store/selectors';
import { generatedDataset } from '../test-utils/generated';
import { fixtureDataset } from '../test-utils/fixture';
import { eventIdsOf } from '../views/map/markerIcons';
import { groupByPlace } from '../views/map/places';
import { laneIndexesSteps, timeIndexOf } from '../views/timeline/windowing';
import { laneLayoutOf, laneLayoutSteps } from '../model/lanes';
import { PREPARE_FROM_EVENTS, prepareViews } from './prepareViews';

const report = { file: 'generated.json', eventsAccepted: 0, eventsRejected: 0, problems: [] };

describe('prepareViews', () => {
  const dataset = generatedDataset(PREPARE_FROM_EVENTS);

  it('makes the first draw’s passes ahead, where the views then find them, with progress', async () => {
    const store = createAppStore();
    store.getState().setLoaded(fixtureDataset(), report);
    const progress: Array<[number, number]> = [];
    await prepareViews(store, dataset, 'none', {
      sliceMs: 0,
      onProgress: (done, total) => progress.push([done, total]),
    });
    // A view still on the dataset shown before asks for its events meanwhile.
    selectVisibleEvents(store.getState());
    store.getState().replaceDataset(dataset, report, 'Dateline JSON', null);
    const visible = selectVisibleEvents(store.getState());
    expect(visible).toHaveLength(dataset.events.length);
    // Each pass was made for this very array: nothing runs again when the views draw.
    expect(timeIndexOf.has(visible)).toBe(true);
    expect(unplacedCountOf.has(visible)).toBe(true);
    const groups = groupByPlace(visible, dataset.places);
    expect(groups.size).toBeGreaterThan(0);
    for (const g of groups.values()) expect(eventIdsOf.has(g)).toBe(true);
    expect(selectUnplacedCount(store.getState())).toBe(
      dataset.events.filter((e) => e.placeKey === null).length,
    );
    // Progress goes from nothing to everything, in the events of every pass.
    const total = progress[0]![1];
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(total % dataset.events.length).toBe(0);
  });

  it('lays out the timeline’s lanes ahead when it is grouped', async () => {
    const store = createAppStore();
    store.getState().setGroupBy('actor');
    await prepareViews(store, dataset, 'none', { sliceMs: 0 });
    store.getState().setLoaded(dataset, report);
    const visible = selectVisibleEvents(store.getState());
    const context = { actors: dataset.actors, places: dataset.places };
    // Made before: found with nothing left to do.
    expect(laneLayoutSteps(visible, 'actor', context).next().done).toBe(true);
    const layout = laneLayoutOf(visible, 'actor', context);
    expect(laneIndexesSteps(layout, visible).next().done).toBe(true);
  });

  it('keeps the store’s filters when asked to (a link’s)', async () => {
    const store = createAppStore();
    store.getState().setFilters({ types: ['negotiation'] });
    await prepareViews(store, dataset, 'keep', { sliceMs: 0 });
    store.getState().setLoaded(dataset, report);
    const visible = selectVisibleEvents(store.getState());
    expect(visible.every((e) => e.type === 'negotiation')).toBe(true);
    expect(timeIndexOf.has(visible)).toBe(true);
  });

  it('stops between slices once cancelled, and shows nothing', async () => {
    const store = createAppStore();
    const controller = new AbortController();
    const run = prepareViews(store, generatedDataset(PREPARE_FROM_EVENTS, 2), 'none', {
      sliceMs: 0,
      signal: controller.signal,
      onProgress: (done) => {
        if (done > 0) controller.abort(new Error('cancelled'));
      },
    });
    await expect(run).rejects.toThrow('cancelled');
    expect(store.getState().dataset).toBeNull();
  });

  it('leaves a small dataset to the first draw', async () => {
    const store = createAppStore();
    let called = false;
    await prepareViews(store, fixtureDataset(), 'none', { onProgress: () => (called = true) });
    expect(called).toBe(false);
  });
});

describe('eventIdsOf', () => {
  it('lists a place’s events as data-events does, once per group', () => {
    const d = fixtureDataset();
    const city = groupByPlace(d.events, d.places).get('city')!;
    expect(eventIdsOf.get(city)).toBe('statement talks');
    expect(eventIdsOf.has(city)).toBe(true);
  });
});
