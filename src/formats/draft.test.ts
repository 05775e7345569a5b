import { describe, it, expect } from 'vitest';
import { loadDataset } from '../model/load';
import { baseName, Draft } from './draft';
import { ImportError } from './errors';
import type { RawEvent } from './types';
import type { Problem } from '../model/dataset';

/** The problems without their code and values (problemCodes.test.ts tests those), to compare. */
function sayless(problems: readonly Problem[]): Problem[] {
  return problems.map(({ code: _code, args: _args, ...p }) => p);
}

const event = (id: string, over: Partial<RawEvent> = {}): RawEvent => ({
  id,
  title: id,
  type: 'other',
  time: { start: '2025', precision: 'year' },
  status: 'occurred',
  claim: { by: '', status: 'reported' },
  ...over,
});

/** Events claimed by the draft's file source, so that they load. */
const owned =
  (draft: Draft) =>
  (id: string, over: Partial<RawEvent> = {}): RawEvent =>
    event(id, { claim: { by: draft.fileSource(), status: 'reported' }, ...over });

describe('baseName', () => {
  it.each([
    ['events.csv', 'events'],
    ['data/events.v2.csv', 'events.v2'],
    ['C:\\exports\\acled.csv', 'acled'],
    ['.hidden', '.hidden'],
    ['noext', 'noext'],
  ])('%s → %s', (file, name) => {
    expect(baseName(file)).toBe(name);
  });
});

describe('Draft', () => {
  it('builds dateline/1 with only the actors and sources that added events use', () => {
    const draft = new Draft('dateline-csv', { fileName: 'f.csv' });
    const kept = event('kept', {
      actors: [{ actor: draft.actor('Hamas', 'organisation'), role: 'party' }],
    });
    draft.claimBy(kept, 'Reuters');
    draft.add(kept, { collection: 'events', row: 2 });
    const dropped = event('dropped', {
      actors: [{ actor: draft.actor('Ghost', 'people'), role: 'party' }],
    });
    draft.claimBy(dropped, 'Ghost Wire');
    draft.source('Kept anyway');
    draft.add(
      event('other', { claim: { by: draft.fileSource(), status: 'reported' } }),
      {
        collection: 'events',
        row: 3,
      },
      [draft.source('Kept anyway')],
    );
    const doc = draft.build();
    expect(doc.title).toBe('f.csv');
    expect((doc.actors as Array<{ id: string }>).map((a) => a.id)).toEqual(['hamas']);
    expect((doc.sources as Array<{ id: string }>).map((s) => s.id)).toEqual([
      'kept-anyway',
      'import-f-csv',
      'reuters',
    ]);
    expect(kept.claim?.by).toBe('reuters');
  });

  it('claims for an actor when one of that name exists', () => {
    const draft = new Draft('dateline-csv', { fileName: 'f.csv' });
    const e = event('e');
    draft.claimBy(e, 'Qatar');
    draft.add(e, { collection: 'events', row: 2 });
    draft.add(
      event('f', { actors: [{ actor: draft.actor('Qatar', 'state'), role: 'mediator' }] }),
      {
        collection: 'events',
        row: 3,
      },
    );
    draft.build();
    expect(e.claim?.by).toBe('qatar');
  });

  it('moves the loader’s problems to rows and columns, and sorts by row', () => {
    const draft = new Draft('dateline-csv', { fileName: 'f.csv' }, (field) =>
      field.startsWith('time') ? { column: 'Start' } : {},
    );
    const ev = owned(draft);
    draft.warn({ collection: 'events', row: 9 }, 'mapper warning');
    draft.add(ev('a'), { collection: 'events', row: 5 });
    draft.add(ev('b', { time: { start: '2025-02', precision: 'day' } }), {
      collection: 'events',
      row: 7,
    });
    const { report } = draft.finish(loadDataset(draft.build(), 'f.csv'));
    expect(sayless(report.problems)).toEqual([
      {
        severity: 'error',
        collection: 'events',
        row: 7,
        id: 'b',
        column: 'Start',
        field: 'time.start',
        message: expect.stringContaining('written to the month'),
      },
      { severity: 'warning', collection: 'events', row: 9, message: 'mapper warning' },
    ]);
  });

  it('keeps a row whose id an earlier row has under a derived id, with a warning', () => {
    const draft = new Draft('dateline-csv', { fileName: 'f.csv' }, (field) =>
      field === 'id' ? { column: 'ID' } : {},
    );
    const ev = owned(draft);
    draft.add(ev('a'), { collection: 'events', row: 5 });
    draft.add(ev('a-2'), { collection: 'events', row: 6 });
    draft.add(ev('a'), { collection: 'events', row: 7 });
    const { dataset, report } = draft.load();
    expect(report.eventsAccepted).toBe(3);
    expect(dataset.events.map((e) => e.id)).toEqual(['a', 'a-2', 'a-3']);
    expect(sayless(report.problems)).toEqual([
      {
        severity: 'warning',
        collection: 'events',
        row: 7,
        id: 'a-3',
        column: 'ID',
        field: 'id',
        message: 'id “a” is already used by row 5; this one is kept as “a-3”',
      },
    ]);
  });

  it('never gives two distinct actor names one id; another spelling is an alias', () => {
    const draft = new Draft('acled-csv', { fileName: 'f.csv' });
    const long = 'Military Forces of Sampleland (2019-) Presidential Guard Northern Command';
    const a = draft.actor(`${long} Unit One`, 'state');
    const b = draft.actor(`${long} Unit Two`, 'state');
    const c = draft.actor('Sample Front', 'armed-group');
    const d = draft.actor('Sample-Front', 'armed-group');
    expect(new Set([a, b, c, d]).size).toBe(4);
    expect(d).toBe('sample-front-2');
    expect(draft.actor('SAMPLE  front', 'state')).toBe(c);
    draft.add(
      owned(draft)('e', {
        actors: [a, b, c, d].map((actor) => ({ actor, role: 'party' })),
      }),
      { collection: 'events', row: 2 },
    );
    const { dataset } = draft.load();
    expect(dataset.actors.get(a)!.name).toBe(`${long} Unit One`);
    expect(dataset.actors.get(b)!.name).toBe(`${long} Unit Two`);
    expect(dataset.actors.get(c)).toMatchObject({
      name: 'Sample Front',
      kind: 'armed-group',
      aliases: ['SAMPLE  front'],
    });
  });

  it('counts the rows it rejected with the loader’s', () => {
    const draft = new Draft('dateline-csv', { fileName: 'f.csv' });
    draft.reject({ collection: 'events', row: 2 }, 'no date');
    const { report } = draft.load();
    expect(report.eventsRejected).toBe(1);
    expect(report.eventsAccepted).toBe(0);
  });

  it('throws ImportError when the loader cannot make a dataset', () => {
    const draft = new Draft('dateline-json', { fileName: 'f.json' });
    expect(() => draft.finish(loadDataset(null, 'f.json'))).toThrow(ImportError);
  });

  it('asks the geocoder once per name and country, and says when there is none', () => {
    const asked: string[] = [];
    const draft = new Draft('acled-csv', {
      fileName: 'a.csv',
      geocode: (name, country) => {
        asked.push(`${name}/${country}`);
        return null;
      },
    });
    draft.geocode('Rafah', 'Palestine');
    draft.geocode('Rafah', 'Palestine');
    draft.geocode('Rafah', 'Egypt');
    expect(asked).toEqual(['Rafah/Palestine', 'Rafah/Egypt']);
    expect(new Draft('acled-csv', { fileName: 'a.csv' }).geocode('Rafah')).toBeUndefined();
  });
});
