import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { acledTime, actorKind, eventType, importAcled, readAcledDate } from './acled';
import { parseCsv } from './csv';
import type { ImportOptions } from './types';

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

function imp(csv: string, opts: Partial<ImportOptions> = {}) {
  return importAcled(parseCsv(csv), { fileName: 'acled.csv', ...opts });
}

const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

const HEADER =
  'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,inter1,actor2,inter2,location,country,latitude,longitude,geo_precision,source,notes';

describe('ACLED: the fixture', () => {
  it('loads every row with no problems', () => {
    const r = imp(fixture('acled.csv'));
    expect(where(r)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(5);
  });

  it('maps a row: id, title, summary, time, place, actors, claim, tags, extra', () => {
    const { dataset } = imp(fixture('acled.csv'));
    const e = dataset.eventById.get('xmp1001')!;
    expect(e).toMatchObject({
      title: 'Peaceful protest in Port Sample',
      summary:
        'Invented sample row: students and workers marched in the city centre over fuel prices. No injuries were reported.',
      type: 'other',
      status: 'occurred',
      time: { start: '2024-06-25', precision: 'day', approximate: false },
      place: { name: 'Port Sample, Sampleland', lat: 12.1021, lon: 30.2113, precision: 'city' },
      actors: [
        { actor: 'protesters-sampleland', role: 'party' },
        { actor: 'students-sampleland', role: 'participant' },
        { actor: 'labor-group-sampleland', role: 'participant' },
      ],
      claim: { by: 'sample-daily', status: 'reported' },
      tags: ['Protests', 'Peaceful protest', 'crowd size=hundreds'],
    });
    expect(e.extra).toEqual({
      year: '2024',
      time_precision: '1',
      disorder_type: 'Demonstrations',
      event_type: 'Protests',
      sub_event_type: 'Peaceful protest',
      inter1: '6',
      interaction: '60',
      iso: '999',
      region: 'Northern Africa',
      country: 'Sampleland',
      admin1: 'Port Sample',
      admin2: 'Harbour',
      admin3: 'Old Quarter',
      geo_precision: '1',
      source: 'Sample Daily; Sample Radio',
      source_scale: 'National',
      fatalities: '0',
      timestamp: '1719878400',
    });
    expect(dataset.actors.get('protesters-sampleland')!.kind).toBe('people');
    expect([...dataset.sources.keys()]).toEqual(
      expect.arrayContaining(['sample-daily', 'sample-radio']),
    );
  });

  it('maps battles, attacks on civilians and agreements', () => {
    const { dataset } = imp(fixture('acled.csv'));
    const clash = dataset.eventById.get('xmp2001')!;
    expect(clash.type).toBe('military');
    expect(clash.actors).toEqual([
      { actor: 'military-forces-of-sampleland-2019', role: 'party' },
      { actor: 'sample-rebel-front', role: 'party' },
    ]);
    expect(dataset.actors.get('military-forces-of-sampleland-2019')!.kind).toBe('state');
    expect(dataset.actors.get('sample-rebel-front')!.kind).toBe('armed-group');
    const attack = dataset.eventById.get('xmp2002')!;
    expect(attack.actors).toEqual([
      { actor: 'unidentified-armed-group-sampleland', role: 'party' },
      { actor: 'civilians-sampleland', role: 'target' },
      { actor: 'farmers-sampleland', role: 'participant' },
    ]);
    expect(attack.place).toMatchObject({ precision: 'region' });
    expect(attack.time).toMatchObject({ start: '2024-04', precision: 'month', approximate: true });
    expect(dataset.eventById.get('xmp2003')!.type).toBe('agreement');
    expect(dataset.eventById.get('xmp1002')!.place).toMatchObject({ precision: 'area' });
  });

  it('rejects the bad row by row and column, and loads the rest', () => {
    const r = imp(fixture('acled-bad-row.csv'));
    expect(r.report.eventsAccepted).toBe(5);
    expect(r.report.eventsRejected).toBe(1);
    expect(where(r)).toEqual([
      'error row 7 “xmp2004” · column latitude: latitude 123.4 is not between -90 and 90',
    ]);
  });
});

describe('ACLED: time precision', () => {
  it('1: the day itself', () => {
    expect(acledTime('2024-03-15', '1')).toEqual({
      start: '2024-03-15',
      precision: 'day',
      approximate: false,
    });
  });

  it('2: an approximate day, spanning the week around the date', () => {
    expect(acledTime('2024-03-01', '2')).toEqual({
      start: '2024-02-27',
      end: '2024-03-04',
      precision: 'day',
      approximate: true,
      text: 'ACLED time precision 2: some day in the week around 2024-03-01',
    });
  });

  it('3: an approximate month', () => {
    expect(acledTime('2024-03-15', '3')).toEqual({
      start: '2024-03',
      precision: 'month',
      approximate: true,
      text: 'ACLED time precision 3: some day in the month (coded as 2024-03-15)',
    });
  });

  it.each([
    ['15-03-2024', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    ['15 March 2024', '2024-03-15'],
    ['2024-03-15', '2024-03-15'],
  ])('reads event_date %s day first', (text, iso) => {
    expect(readAcledDate(text)).toEqual({ iso, resolution: 'day' });
  });
});

describe('ACLED: codes', () => {
  it.each([
    ['1', 'state'],
    ['State forces', 'state'],
    ['2', 'armed-group'],
    ['3', 'armed-group'],
    ['Identity militia', 'armed-group'],
    ['5', 'people'],
    ['Protesters', 'people'],
    ['7', 'people'],
    ['8', 'organisation'],
    ['', 'organisation'],
  ])('inter %j → %s', (inter, kind) => {
    expect(actorKind(inter)).toBe(kind);
  });

  it.each([
    ['Battles', 'Armed clash', 'military'],
    ['Explosions/Remote violence', 'Air/drone strike', 'military'],
    ['Violence against civilians', 'Attack', 'military'],
    ['Strategic developments', 'Agreement', 'agreement'],
    ['Strategic developments', 'Arrests', 'other'],
    ['Protests', 'Peaceful protest', 'other'],
    ['Riots', 'Mob violence', 'other'],
  ])('%s / %s → %s', (type, sub, expected) => {
    expect(eventType(type, sub)).toBe(expected);
  });
});

describe('ACLED: rows it cannot use, and defaults', () => {
  it('rejects a row with no event_date, naming the column', () => {
    const r = imp(`${HEADER}\nXMP1,,1,Protests,Peaceful protest,A,6,,,Town,Land,1,2,1,S,n\n`);
    expect(where(r)).toEqual([
      'error row 2 “xmp1” · column event_date: no date: event_date is empty',
    ]);
  });

  it('claims for the file when there is no source, and warns on an unknown geo_precision', () => {
    const r = imp(
      `${HEADER}\nXMP1,2024-01-02,1,Protests,Peaceful protest,A,6,,,Town,Land,1,2,9,,n\n`,
    );
    const e = r.dataset.events[0]!;
    expect(e.claim.by).toBe('import-acled-csv');
    expect(e.place).toMatchObject({ precision: 'city' });
    expect(where(r)).toEqual([
      'warning row 2 “xmp1” · column geo_precision: geo_precision “9” is not 1, 2 or 3; reading it as 1 (the town)',
    ]);
  });

  it('geocodes a location without coordinates, with the country as a hint', () => {
    const r = imp(
      `${HEADER}\nXMP1,2024-01-02,1,Riots,Mob violence,A,5,,,Ridgeford,Sampleland,,,1,S,n\n`,
      {
        geocode: (name, country) =>
          name === 'Ridgeford' && country === 'Sampleland'
            ? { lat: 13.6, lon: 25.3, precision: 'city', matched: 'Ridgeford', by: 'geonames' }
            : null,
      },
    );
    expect(r.dataset.events[0]!.place).toMatchObject({
      name: 'Ridgeford, Sampleland',
      geocoded: { query: 'Ridgeford', matched: 'Ridgeford', by: 'geonames' },
    });
  });

  it('treats actor2 as the target when civilians are targeted', () => {
    const r = imp(
      `${HEADER},civilian_targeting\nXMP1,2024-01-02,1,Explosions/Remote violence,Shelling/artillery/missile attack,A,1,B,4,T,L,1,2,1,S,n,Civilian targeting\n`,
    );
    expect(r.dataset.events[0]!.actors.map((a) => a.role)).toEqual(['party', 'target']);
  });
});

describe('ACLED: event_date as files write it', () => {
  const row = (id: string, date: string) =>
    `${id},${date},1,Battles,Armed clash,A,1,B,2,Town,Country,1,2,1,Src,`;

  it('reads an ambiguous column day first, as ACLED writes dates, and says so', () => {
    const r = imp(`${HEADER}\n${row('x1', '03-01-2020')}\n${row('x2', '04-02-2020')}\n`);
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['2020-01-03', '2020-02-04']);
    expect(where(r)).toEqual([
      'warning events · column event_date: “event_date”: no date has a day above 12, so dates such as “03-01-2020” could be day or month first; read day first, as this format usually writes them',
    ]);
  });

  it('follows the file when its own values say month first (an Excel re-save)', () => {
    const r = imp(`${HEADER}\n${row('x1', '1/3/2020')}\n${row('x2', '1/25/2020')}\n`);
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['2020-01-03', '2020-01-25']);
    expect(where(r)).toEqual([]);
  });

  it('reads two-digit years with the pivot, and says so', () => {
    const r = imp(`${HEADER}\n${row('x1', '31-12-19')}\n`);
    expect(r.dataset.events[0]!.time.start).toBe('2019-12-31');
    expect(where(r)).toEqual([
      'warning events · column event_date: “event_date”: two-digit years (“31-12-19”) are read as 1950–2049',
    ]);
  });
});
