import { describe, it, expect } from 'vitest';
import { loadDataset } from '../model/load';
import { baseName, Draft } from './draft';
import { ImportError } from './errors';
import type { RawEvent } from './types';

const event = (id: string, over: Partial<RawEvent> = {}): RawEvent => ({
  id,
  title: id,
  type: 'other',
  time: { start: '2025', precision: 'year' },
  status: 'occurred',
  claim: { by: '', status: 'reported' },
  ...over,
});

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

  it('moves the loader’s problems to rows, rewrites event references and sorts by row', () => {
    const draft = new Draft('dateline-csv', { fileName: 'f.csv' }, (field) =>
      field === 'id' ? { column: 'ID' } : {},
    );
    draft.warn({ collection: 'events', row: 9 }, 'mapper warning');
    draft.add(event('a', { claim: { by: draft.fileSource(), status: 'reported' } }), {
      collection: 'events',
      row: 5,
    });
    draft.add(event('a', { claim: { by: draft.fileSource(), status: 'reported' } }), {
      collection: 'events',
      row: 7,
    });
    const { report } = draft.finish(loadDataset(draft.build(), 'f.csv'));
    expect(report.problems).toEqual([
      {
        severity: 'error',
        collection: 'events',
        row: 7,
        id: 'a',
        column: 'ID',
        field: 'id',
        message: 'duplicate id: row 5 already uses “a”',
      },
      { severity: 'warning', collection: 'events', row: 9, message: 'mapper warning' },
    ]);
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
