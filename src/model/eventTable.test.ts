import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../scripts/generate';
import { richDataset } from '../formats/richDataset';
import type { Dataset, DatelineEvent } from './dataset';
import { EventMaker, eventTableOf, tableTransferables } from './eventTable';
import {
  buildEventIndex,
  indexColumnsOf,
  transferablesOf,
  type EventIndexColumns,
} from './filter/eventIndex';
import { loadDataset } from './load';

/** The events made back from the table after a real structured clone with its transfers. */
function throughColumns(d: Dataset): EventMaker {
  const index = indexColumnsOf(buildEventIndex(d));
  const table = eventTableOf(d.events);
  const transfer = [...transferablesOf(index), ...tableTransferables(table)];
  const sent = structuredClone({ index, table }, { transfer });
  // Transferred, not copied: the sender's buffers are gone.
  expect(table.index.byteLength).toBe(0);
  return new EventMaker(sent.table, sent.index);
}

/** Every own key and value, `undefined` ones included, so a field left out is seen. */
const fieldsOf = (e: DatelineEvent) => Object.entries(e);

describe('events held as columns', () => {
  it('gives back every field of every event of a dataset that uses every field', () => {
    const d = richDataset();
    const maker = throughColumns(d);
    expect(maker.n).toBe(d.events.length);
    d.events.forEach((e, i) => expect(fieldsOf(maker.event(i))).toEqual(fieldsOf(e)));
  });

  it('gives back generated events, and their keys as written (__proto__ in extra too)', () => {
    const doc = generateDataset({ events: 3000, seed: 5, places: 60 });
    const events = doc.events as Record<string, unknown>[];
    events[7]!.extra = JSON.parse('{"__proto__": "kept", "n": 1}');
    events[9]!.tags = [];
    const d = loadDataset(doc, 'g.json').dataset!;
    const maker = throughColumns(d);
    d.events.forEach((e, i) => expect(fieldsOf(maker.event(i))).toEqual(fieldsOf(e)));
    const withProto = d.events.findIndex((e) => e.index === 7);
    expect(Object.hasOwn(maker.event(withProto).extra!, '__proto__')).toBe(true);
  });

  it('makes each event once, and events like one another share their values', () => {
    const d = loadDataset(generateDataset({ events: 500, seed: 2, places: 5 }), 'g.json').dataset!;
    const maker = throughColumns(d);
    expect(maker.event(3)).toBe(maker.event(3));
    const timeOf = (i: number) => JSON.stringify(d.events[i]!.time);
    const sameTime = d.events.findIndex((_, i) => i > 0 && timeOf(i) === timeOf(i - 1));
    expect(sameTime).toBeGreaterThan(0);
    expect(maker.event(sameTime).time).toBe(maker.event(sameTime - 1).time);
    expect(maker.event(sameTime).startDate).toBe(maker.event(sameTime - 1).startDate);
    const placed = d.events.filter((e) => e.placeKey !== null).length;
    const keys = new Set(d.events.map((_, i) => maker.event(i).placeKey));
    expect(keys.size).toBeLessThan(placed);
  });

  it('keeps texts whole across the slices of a string column', () => {
    const [first] = richDataset().events;
    const events = Array.from({ length: 70_000 }, (_, i) => ({
      ...first!,
      id: `e${i}`,
      title: `Event ${i}`,
      actors: [],
    }));
    const table = eventTableOf(events);
    expect(table.title.chunks.length).toBe(2);
    const n = events.length;
    const index = {
      ...{ n, linkStart: new Uint32Array(n + 1), type: new Uint8Array(n) },
      ...{ status: new Uint8Array(n), earliest: new Float64Array(n), latest: new Float64Array(n) },
    } as EventIndexColumns;
    const maker = new EventMaker(table, index);
    for (const i of [0, 65_535, 65_536, 65_537, events.length - 1]) {
      expect(maker.event(i).title).toBe(`Event ${i}`);
      expect(maker.event(i).id).toBe(`e${i}`);
    }
  });
});
