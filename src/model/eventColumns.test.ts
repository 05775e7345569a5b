// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { datasetParts, DatasetReceiver } from '../data/datasetParts';
import { generatedDataset } from '../test-utils/generated';
import { groupByPlace } from '../views/map/places';
import { eventIdsOf } from '../views/map/markerIcons';
import { buildTimeIndex } from '../views/timeline/windowing';
import { unplacedCountOf } from '../store/selectors';
import type { Dataset, DatelineEvent } from './dataset';
import { columnsOf, lazyEvents, shownRowsOf } from './eventColumns';
import { EventMaker } from './eventTable';
import { applyFilters } from './filter/apply';
import { eventIndexOf } from './filter/eventIndex';
import { textSource } from './filter/textIndex';
import { NO_FILTERS } from './filter/types';

/** The dataset as the page gets it from the import worker: columns, structured-cloned. */
function handedOver(d: Dataset): Dataset {
  const receiver = new DatasetReceiver();
  const report = { file: 'x', problems: [], eventsAccepted: d.events.length, eventsRejected: 0 };
  for (const { part, transfer } of datasetParts(d, report))
    receiver.take(structuredClone(part, { transfer }));
  return receiver.finish().dataset;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a lazy array of events', () => {
  const source = generatedDataset(50).events;
  const make = vi.fn<(i: number) => DatelineEvent>((i) => source[i]!);
  const lazy = lazyEvents(source.length, make);

  it('is an array of the same events, made only as they are read', () => {
    make.mockClear();
    expect(Array.isArray(lazy)).toBe(true);
    expect(lazy.length).toBe(source.length);
    expect(make).not.toHaveBeenCalled();
    expect(lazy[7]).toBe(source[7]);
    expect(make).toHaveBeenCalledTimes(1);
    expect(lazy[source.length]).toBeUndefined();
    expect(lazy[-1]).toBeUndefined();
    expect(lazy.at(-1)).toBe(source.at(-1));
    expect([...lazy]).toEqual([...source]);
    expect(lazy.slice(3, 9)).toEqual(source.slice(3, 9));
    expect(lazy.map((e) => e.id)).toEqual(source.map((e) => e.id));
    expect(lazy.indexOf(source[20]!)).toBe(20);
    expect(lazy.includes(source[49]!)).toBe(true);
    expect(lazy.find((e) => e.id === source[30]!.id)).toBe(source[30]);
    expect(Object.keys(lazy)).toEqual(Object.keys(source));
    expect(3 in lazy).toBe(true);
    expect(50 in lazy).toBe(false);
  });

  it('cannot be changed', () => {
    expect(() => {
      (lazy as unknown as unknown[])[0] = null;
    }).toThrow(TypeError);
    expect(() => (lazy as unknown as unknown[]).push(null)).toThrow(TypeError);
    expect(lazy[0]).toBe(source[0]);
  });
});

describe('events handed over as columns', () => {
  const d = generatedDataset(3000);
  const got = handedOver(d);

  it('make no event object for the views’ first passes', () => {
    const made = vi.spyOn(EventMaker.prototype, 'event');
    const visible = applyFilters(eventIndexOf(got), NO_FILTERS, null).visible;
    expect(visible).toBe(got.events);
    const groups = groupByPlace(visible, got.places);
    for (const g of groups.values()) eventIdsOf.get(g);
    const time = buildTimeIndex(visible);
    const unplaced = unplacedCountOf.get(visible);
    const text = textSource(got, columnsOf(got))(0, got.events.length);
    expect(groups.size).toBeGreaterThan(10);
    expect(time.earliest.length).toBe(3000);
    expect(unplaced).toBeGreaterThan(0);
    expect(text.ends.length).toBeGreaterThan(0);
    expect(made).not.toHaveBeenCalled();
    // A view that shows an event makes that one (and the same object when asked again).
    const e = got.eventById.get(d.events[123]!.id);
    expect(e).toBe(got.events[123]);
    expect(made).toHaveBeenCalledTimes(2);
  });

  it('give the same events, ids and views’ passes as the objects they came from', () => {
    expect(got.events.map((e) => Object.entries(e))).toEqual(
      d.events.map((e) => Object.entries(e)),
    );
    expect(got.eventById.size).toBe(d.eventById.size);
    expect([...got.eventById.keys()]).toEqual([...d.eventById.keys()]);
    expect(got.eventById.get('no such id')).toBeUndefined();
    expect(got.eventById.has(d.events[5]!.id)).toBe(true);

    const theirs = columnsOf(got);
    const ours = columnsOf(d);
    expect(theirs).not.toBe(ours);
    for (let row = 0; row < d.events.length; row++) {
      expect(theirs.id(row)).toBe(ours.id(row));
      expect(theirs.title(row)).toBe(ours.title(row));
      expect(theirs.summary(row)).toBe(ours.summary(row));
      expect(theirs.evidenceText(row)).toBe(ours.evidenceText(row));
      expect(theirs.approximate(row)).toBe(ours.approximate(row));
      const key = (c: typeof theirs) => (c.placeNo[row]! < 0 ? null : c.placeKeys[c.placeNo[row]!]);
      expect(key(theirs)).toBe(d.events[row]!.placeKey);
      expect(key(ours)).toBe(d.events[row]!.placeKey);
      expect(theirs.rowOf(d.events[row]!.id)).toBe(row);
      expect(ours.rowOf(d.events[row]!.id)).toBe(row);
    }
    expect(textSource(got, theirs)(0, 3000)).toEqual(textSource(d)(0, 3000));
    expect(textSource(d, ours)(100, 2000)).toEqual(textSource(d)(100, 2000));
  });

  it('find each id’s row whether the id map was made in slices, part-made, or at once', () => {
    // More events than one slice of the id map holds.
    const big = generatedDataset(20_000);
    const n = big.events.length;
    for (const dataset of [handedOver(big), big]) {
      const columns = columnsOf(dataset);
      const steps = columns.rowsSteps();
      // Part of it in slices (the warm-up), then a lookup makes the rest at once.
      expect(steps.next().done).toBe(false);
      expect(columns.rowOf(dataset.events[n - 1]!.id)).toBe(n - 1);
      // The slices, resumed, find the work done and end.
      expect(steps.next().done).toBe(true);
      for (let row = 0; row < n; row += 7) expect(columns.rowOf(dataset.events[row]!.id)).toBe(row);
      expect(columns.rowOf('no such id')).toBe(-1);
    }
    // Made in slices to the end, with no lookup between.
    const fresh = columnsOf(handedOver(big));
    const steps = fresh.rowsSteps();
    let slices = 0;
    while (!steps.next().done) slices++;
    expect(slices).toBeGreaterThan(0);
    for (let row = 0; row < n; row += 13) expect(fresh.rowOf(big.events[row]!.id)).toBe(row);
  });

  it('group by place and index time as the event objects do, filtered or not', () => {
    const index = eventIndexOf(got);
    const filters = [NO_FILTERS, { ...NO_FILTERS, types: ['military' as const] }];
    for (const f of filters) {
      const visible = applyFilters(index, f, null).visible;
      expect(shownRowsOf(visible)).toBeDefined();
      // The same events as plain objects (an array the columns do not know): the objects' road.
      const plain = visible.map((e) => e);
      expect(shownRowsOf(plain)).toBeUndefined();

      const byRows = groupByPlace(visible, got.places);
      const byObjects = groupByPlace(plain, got.places);
      expect([...byRows.keys()]).toEqual([...byObjects.keys()]);
      for (const [key, g] of byRows) {
        const o = byObjects.get(key)!;
        expect(g.place).toBe(o.place);
        expect([...g.events]).toEqual(o.events);
        expect(eventIdsOf.get(g)).toBe(eventIdsOf.get(o));
      }
      const a = buildTimeIndex(visible);
      const b = buildTimeIndex(plain);
      expect([...a.earliest]).toEqual([...b.earliest]);
      expect([...a.latests]).toEqual([...b.latests]);
      expect(a.maxSpan).toBe(b.maxSpan);
      expect(a.latest).toBe(b.latest);
      expect(unplacedCountOf.get(visible)).toBe(unplacedCountOf.get(plain));
    }
    const protests = applyFilters(index, filters[1]!, null).visible;
    expect(protests.length).toBeGreaterThan(0);
    expect(protests.every((e) => e.type === 'military')).toBe(true);
  });

  it('make no event object for a filter result either: its rows are read, its objects when read', () => {
    const late = handedOver(generatedDataset(9000, 2));
    const index = eventIndexOf(late);
    const made = vi.spyOn(EventMaker.prototype, 'event');
    const f = { ...NO_FILTERS, types: ['military' as const], from: '2021-01-01' };
    const visible = applyFilters(index, f, null).visible;
    const shown = shownRowsOf(visible)!;
    expect(shown.rows!.length).toBe(visible.length);
    expect(visible.length).toBeGreaterThan(10);
    groupByPlace(visible, late.places);
    buildTimeIndex(visible);
    unplacedCountOf.get(visible);
    expect(made).not.toHaveBeenCalled();
    // The rows are the ones the filters let through, in the dataset's order.
    const expected = late.events.flatMap((e, row) =>
      e.type === 'military' && e.latest >= Date.parse('2021-01-01') ? [row] : [],
    );
    expect([...shown.rows!]).toEqual(expected);
    made.mockClear();
    expect(visible[3]).toBe(late.events[expected[3]!]);
    expect(made).toHaveBeenCalledWith(expected[3]);
    // Counted with no filter on once per dataset: the same counts, not made again.
    const none = applyFilters(index, NO_FILTERS, null);
    expect(applyFilters(index, NO_FILTERS, null).counts).toBe(none.counts);
    expect(applyFilters(index, { ...NO_FILTERS, includeMembers: true }, null).counts).not.toBe(
      none.counts,
    );
    expect([...none.counts.types.values()].reduce((x, y) => x + y, 0)).toBe(9000);
  });
});
