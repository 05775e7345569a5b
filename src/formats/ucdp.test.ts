import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { parseCsv } from './csv';
import { detectFormat } from './index';
import type { ImportOptions } from './types';
import { importUcdp, sideKind, ucdpTime, WHERE_PRECISIONS } from './ucdp';

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

function imp(csv: string, opts: Partial<ImportOptions> = {}) {
  return importUcdp(parseCsv(csv), { fileName: 'ged.csv', ...opts });
}

const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

const HEADER =
  'id,type_of_violence,dyad_name,side_a,side_b,source_office,where_prec,where_coordinates,country,latitude,longitude,date_prec,date_start,date_end,best,low,high';

/** A Sampleland row (invented) with the given codes and dates. */
const row = (id: number, o: Partial<Record<'tov' | 'wp' | 'dp' | 'start' | 'end', string>> = {}) =>
  [
    id,
    o.tov ?? '1',
    'Government of Sampleland - Sample Rebel Front',
    'Government of Sampleland',
    'Sample Rebel Front',
    'Sample Tribune',
    o.wp ?? '1',
    'Ridgeford',
    'Sampleland',
    '13.6279',
    '25.3494',
    o.dp ?? '1',
    o.start ?? '2024-05-11',
    o.end ?? o.start ?? '2024-05-11',
    '5',
    '4',
    '9',
  ].join(',');

describe('UCDP GED: a real row', () => {
  const r = () => imp(fixture('ucdp-ged.csv'));

  it('is detected and loads with no problem', () => {
    expect(detectFormat(fixture('ucdp-ged.csv'), 'GEDEvent_v24_1.csv')).toBe('ucdp-ged-csv');
    expect(where(r())).toEqual([]);
    expect(r().report.eventsAccepted).toBe(1);
  });

  it('maps sides, time, place, deaths and sources', () => {
    const e = r().dataset.eventById.get('175957')!;
    expect(e).toMatchObject({
      title: 'One-sided violence in Erez crossing',
      type: 'military',
      time: { start: '2002-03-01', precision: 'day', approximate: false },
      place: {
        name: 'Erez crossing, Israel',
        lat: 31.5582,
        lon: 34.544839,
        precision: 'area',
        radiusKm: 25,
      },
      actors: [
        { actor: 'government-of-israel', role: 'party' },
        { actor: 'civilians', role: 'target' },
      ],
      claim: { by: 'agence-france-presse', status: 'reported' },
      tags: ['One-sided violence'],
    });
    expect(e.summary).toBe(
      'Government of Israel - Civilians. Deaths: 1 (best estimate; low 1, high 1). Place: Gaza Strip village near the Erez crossing. Place precision 2: within about 25 km of the point.',
    );
    expect(e.extra).toMatchObject({
      relid: 'ISR-2002-3-666-4',
      date_prec: '1',
      where_prec: '2',
      best: '1',
      source_original: 'Palestinian medical sources',
    });
    const d = r().dataset;
    expect(d.actors.get('government-of-israel')!.kind).toBe('state');
    expect(d.actors.get('civilians')!.kind).toBe('people');
    expect(d.sources.has('reuters-news')).toBe(true);
  });
});

describe('UCDP GED: precision codes', () => {
  it.each([
    ['1', '2024-05-11', '2024-05-11', { start: '2024-05-11', approximate: false }],
    [
      '2',
      '2024-05-11',
      '2024-05-14',
      { start: '2024-05-11', end: '2024-05-14', approximate: true },
    ],
    ['3', '2024-05-06', '2024-05-12', { end: '2024-05-12', approximate: true }],
    ['4', '2024-05-01', '2024-05-31', { end: '2024-05-31', approximate: true }],
    ['5', '2024-01-01', '2024-12-31', { end: '2024-12-31', approximate: true }],
  ])('date_prec %s: %s to %s', (code, start, end, time) => {
    expect(ucdpTime(start, end, code)).toMatchObject({ precision: 'day', ...time });
  });

  it('says what date_prec meant in the time text', () => {
    expect(ucdpTime('2024-05-06', '2024-05-12', '3')).toMatchObject({
      text: 'UCDP date precision 3: some day within the week, 2024-05-06 to 2024-05-12',
    });
  });

  it.each(Object.entries(WHERE_PRECISIONS))('where_prec %s', (code, { precision, radiusKm }) => {
    const r = imp(`${HEADER}\n${row(1, { wp: code })}\n`);
    expect(where(r)).toEqual([]);
    expect(r.dataset.events[0]!.place).toMatchObject({ precision, radiusKm });
  });

  it('warns on an unknown where_prec and reads the place as the town', () => {
    const r = imp(`${HEADER}\n${row(1, { wp: '9' })}\n`);
    expect(r.dataset.events[0]!.place).toMatchObject({ precision: 'city' });
    expect(where(r)).toEqual([
      'warning row 2 “1” · column where_prec: where_prec “9” is not one of 1–7; reading it as 1 (the place)',
    ]);
  });

  it('reads state-based sides as parties, one-sided violence’s side_b as target', () => {
    const r = imp(`${HEADER}\n${row(1)}\n${row(2, { tov: '3' })}\n`);
    expect(r.dataset.eventById.get('1')!.actors.map((a) => a.role)).toEqual(['party', 'party']);
    expect(r.dataset.eventById.get('2')!.actors.map((a) => a.role)).toEqual(['party', 'target']);
    expect(sideKind('Sample Rebel Front')).toBe('armed-group');
  });

  it('rejects a row whose date does not parse, naming the column, and loads the rest', () => {
    const r = imp(`${HEADER}\n${row(1)}\n${row(2, { start: 'soon' })}\n`);
    expect(r.report.eventsAccepted).toBe(1);
    expect(where(r)).toEqual([
      expect.stringMatching(/^error row 3 “2” · column date_start: “soon” is not a date/),
    ]);
  });

  it('reads dates a US spreadsheet re-saved (3/31/2024)', () => {
    const r = imp(
      `${HEADER}\n${row(1, { start: '3/31/2024' })}\n${row(2, { start: '4/2/2024' })}\n`,
    );
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['2024-03-31', '2024-04-02']);
  });
});
