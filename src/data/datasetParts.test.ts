import { describe, expect, it } from 'vitest';
import { importDataset } from '../formats';
import { buildEventIndex, eventIndexOf } from '../model/filter/eventIndex';
import { importColumnar, importColumnarAsColumns } from '../formats/columnar';
import { largeParquet } from '../../scripts/gen-parquet';
import { columnDatasetParts, datasetParts, DatasetReceiver, EVENTS_PER_PART } from './datasetParts';

/** A CSV of `n` rows, some of them bad (a date that does not parse every 7th row). */
function csv(n: number): string {
  const rows = ['id,title,start,precision,status,type,lat,lon,actors'];
  for (let i = 0; i < n; i++)
    rows.push(
      `e${i},Event ${i},${i % 7 === 3 ? 'soon' : `2024-0${1 + (i % 9)}-1${i % 10}`},day,occurred,other,30.0,31.2,Actor ${i % 5}:party`,
    );
  return rows.join('\n');
}

describe('a dataset handed over in parts', () => {
  const { dataset, report } = importDataset(csv(EVENTS_PER_PART * 2 + 17), { fileName: 'x.csv' });

  it('comes together as the same dataset, report and index, every part a structured clone', () => {
    const receiver = new DatasetReceiver();
    let parts = 0;
    let last = { done: 0, total: 0 };
    for (const { part, transfer } of datasetParts(dataset, report)) {
      parts++;
      last = receiver.take(structuredClone(part, { transfer }));
    }
    // The head, the columns, a part per slice of events, one of problems.
    expect(parts).toBe(1 + 1 + Math.ceil(dataset.events.length / EVENTS_PER_PART) + 1);
    expect(dataset.events.length).toBeGreaterThan(EVENTS_PER_PART);
    expect(last).toEqual({ done: dataset.events.length, total: dataset.events.length });
    const { dataset: got, problems } = receiver.finish();
    expect(problems).toEqual(report.problems);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(got.events.map((e) => e.id)).toEqual(dataset.events.map((e) => e.id));
    got.events.forEach((e, i) =>
      expect(Object.entries(e)).toEqual(Object.entries(dataset.events[i]!)),
    );
    expect([...got.actors.keys()]).toEqual([...dataset.actors.keys()]);
    expect([...got.places.keys()]).toEqual([...dataset.places.keys()]);
    expect(got.eventById.get('e10')).toBe(got.events.find((e) => e.id === 'e10'));
    expect(got.span).toEqual(dataset.span);
    // The page adopts the worker's index instead of building one.
    const adopted = eventIndexOf(got);
    const built = buildEventIndex(got);
    expect(adopted.dataset).toBe(got);
    expect(adopted.postings).toEqual(built.postings);
    expect(adopted.linkActor).toEqual(built.linkActor);
    expect(adopted.earliest).toEqual(built.earliest);
    expect([...adopted.actorNumber]).toEqual([...built.actorNumber]);
  });

  it('refuses events that come before their columns', () => {
    const receiver = new DatasetReceiver();
    const [head, , events] = [...datasetParts(dataset, report)];
    receiver.take(head!.part);
    expect(() => receiver.take(events!.part)).toThrow(/before their columns/);
  });

  it('refuses to finish with a part missing', () => {
    const receiver = new DatasetReceiver();
    const all = [...datasetParts(dataset, report)];
    all.filter((_, i) => i !== 3).forEach(({ part }) => receiver.take(part));
    expect(() => receiver.finish()).toThrow(/incomplete/);
  });
});

describe('a Parquet file imported column-wise, handed over in parts', () => {
  it('comes together as the dataset the row path gives, every part a structured clone', async () => {
    const bytes = largeParquet(EVENTS_PER_PART + 500);
    const rows = await importColumnar(bytes, 'parquet', { fileName: 'events.parquet' });
    const imported = await importColumnarAsColumns(bytes, 'parquet', {
      fileName: 'events.parquet',
    });
    if (!('columns' in imported)) throw new Error(`declined: ${imported.declined}`);
    const receiver = new DatasetReceiver();
    for (const { part, transfer } of columnDatasetParts(imported.columns))
      receiver.take(structuredClone(part, { transfer }));
    const { dataset: got, problems } = receiver.finish();
    expect(problems).toEqual(rows.report.problems);
    expect(got.events).toEqual(rows.dataset.events);
    expect([...got.actors]).toEqual([...rows.dataset.actors]);
    expect([...got.places]).toEqual([...rows.dataset.places]);
    expect([...got.sources]).toEqual([...rows.dataset.sources]);
    expect(got.span).toEqual(rows.dataset.span);
    expect(eventIndexOf(got).postings).toEqual(buildEventIndex(got).postings);
  });
});
