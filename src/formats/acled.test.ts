import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { acledTime, actorKind, eventType, importAcled, readAcledDate } from './acled';
import { ActorKinds, readableType } from './acledCodes';
import { parseCsv } from './csv';
import { importDataset } from './index';
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

describe('ACLED: a monadic export (one row per actor)', () => {
  const r = () => imp(fixture('acled-monadic.csv'));

  it('merges the rows of one event into one event with both sides, and says so once', () => {
    const { dataset, report } = r();
    expect(report.eventsAccepted).toBe(7);
    expect(report.eventsRejected).toBe(0);
    expect(dataset.eventById.get('xmp3001')!.actors).toEqual([
      { actor: 'military-forces-of-sampleland-2019', role: 'party' },
      { actor: 'sample-rebel-front', role: 'party' },
    ]);
    expect(dataset.eventById.get('xmp3002')!.actors).toEqual([
      { actor: 'sample-rebel-front', role: 'party' },
      { actor: 'civilians-sampleland', role: 'target' },
      { actor: 'farmers-sampleland', role: 'participant' },
    ]);
    expect(dataset.eventById.get('xmp3001')!.extra).toMatchObject({
      inter1: 'State forces',
      'inter1 (row 3)': 'Rebel group',
    });
    expect(where({ dataset, report })).toEqual([
      'warning dataset: 4 rows repeat the event_id_cnty of an earlier row with the same date, place and notes (a monadic export: one row per actor), e.g. rows 3, 5, 10, 12; each was merged into that event with its actors',
      'warning row 8 “xmp3004-2” · column event_id_cnty: id “xmp3004” is already used by row 7; this one is kept as “xmp3004-2”',
    ]);
  });

  it('keeps a row whose id repeats for another reason, under a derived id', () => {
    const { dataset } = r();
    expect(dataset.eventById.get('xmp3004')!.time.start).toBe('2024-08-12');
    expect(dataset.eventById.get('xmp3004-2')).toMatchObject({
      time: { start: '2024-08-14' },
      summary: expect.stringContaining('a second roadside bomb'),
    });
  });

  it('reads one town coded at three geo_precisions as one name, each event at its own precision', () => {
    const { dataset } = r();
    const place = (id: string) => {
      const e = dataset.eventById.get(id)!;
      return dataset.places.get(e.placeKey!)!;
    };
    expect(place('xmp3001')).toMatchObject({ name: 'Ridgeford, Sampleland', precision: 'city' });
    expect(place('xmp3002')).toMatchObject({ name: 'Ridgeford, Sampleland', precision: 'area' });
    expect(place('xmp3003')).toMatchObject({ name: 'Ridgeford, Sampleland', precision: 'region' });
  });

  it('gives an army coded as external forces abroad and state forces at home the kind state', () => {
    const { dataset } = r();
    expect(dataset.actors.get('military-forces-of-otherland-2020')!.kind).toBe('state');
    expect(dataset.actors.get('sample-rebel-front')!.kind).toBe('armed-group');
    expect(dataset.actors.get('civilians-sampleland')!.kind).toBe('people');
  });

  it('merges a dyadic row repeated with its sides swapped without duplicating actors', () => {
    const row = (a1: string, i1: string, a2: string, i2: string, source: string) =>
      `XMP9,2024-01-02,1,Battles,Armed clash,${a1},${i1},${a2},${i2},Town,Land,1,2,1,${source},same notes`;
    const r2 = imp(
      `${HEADER}\n${row('Army', '1', 'Front', '2', 'S1')}\n${row('Front', '2', 'Army', '1', 'S2')}\n`,
    );
    expect(r2.report.eventsAccepted).toBe(1);
    expect([...r2.dataset.sources.keys()]).toEqual(['s1', 's2']);
    expect(r2.dataset.events[0]!.actors).toEqual([
      { actor: 'army', role: 'party' },
      { actor: 'front', role: 'party' },
    ]);
  });
});

describe('ACLED: an old schema (before 2019)', () => {
  const r = () => imp(fixture('acled-old-schema.csv'));

  it('loads every row, upper-case headers and day-first dates included', () => {
    const { dataset, report } = r();
    expect(where({ dataset, report })).toEqual([]);
    expect(report.eventsAccepted).toBe(7);
    expect(dataset.eventById.get('xmp101')!.time).toEqual({
      start: '2009-03-14',
      precision: 'day',
      approximate: false,
    });
  });

  it('reads ally_actor as associated actors and the old event types', () => {
    const { dataset } = r();
    const battle = dataset.eventById.get('xmp101')!;
    expect(battle).toMatchObject({
      title: 'Battle, no change of territory in Ridgeford',
      type: 'military',
      tags: ['Battle-No change of territory'],
    });
    expect(battle.actors).toEqual([
      { actor: 'military-forces-of-sampleland-2005-2010', role: 'party' },
      { actor: 'ridgeford-communal-militia-sampleland', role: 'participant' },
      { actor: 'sample-rebel-front', role: 'party' },
    ]);
    expect(dataset.eventById.get('xmp102')).toMatchObject({
      title: 'Remote violence in Ridgeford',
      type: 'military',
      actors: [
        { actor: 'sample-rebel-front', role: 'party' },
        { actor: 'civilians-sampleland', role: 'target' },
      ],
    });
    expect(dataset.eventById.get('xmp103')!.actors).toContainEqual({
      actor: 'teachers-sampleland',
      role: 'participant',
    });
    expect(dataset.eventById.get('xmp104')!.type).toBe('military');
    expect(dataset.eventById.get('xmp105')!.type).toBe('other');
    expect(dataset.eventById.get('xmp107')!.time).toMatchObject({
      start: '2009-09',
      approximate: true,
    });
    expect(dataset.eventById.get('xmp101')!.extra).toMatchObject({ GWNO: '999', FATALITIES: '6' });
  });
});

describe('ACLED: actor kinds from every row', () => {
  it('takes the most frequent code; external/other only when never coded otherwise', () => {
    const kinds = new ActorKinds();
    for (const code of ['8', '8', '8', '1']) kinds.add('Army', code, 'main');
    kinds.add('Militia', '3', 'main');
    kinds.add('Militia', '4', 'main');
    for (const code of ['7', '7', '7']) kinds.add('Militia', code, 'main');
    kinds.add('Abroad', 'External/Other forces', 'main');
    kinds.add('Helper', '1', 'associated');
    kinds.add('Tied', '6', 'main');
    kinds.add('Tied', '2', 'main');
    expect(kinds.kind('Army')).toBe('state');
    expect(kinds.kind('Militia')).toBe('people');
    expect(kinds.kind('Abroad')).toBe('organisation');
    expect(kinds.kind('Helper')).toBe('state');
    expect(kinds.kind('Tied')).toBe('armed-group');
    expect(kinds.kind('Unknown')).toBe('organisation');
  });

  it('gives an actor one kind whatever row it is first seen in', () => {
    const r = imp(
      `${HEADER}\n` +
        'XMP1,2024-01-02,1,Battles,Armed clash,Army of Otherland,8,Front,2,T,L,1,2,1,S,a\n' +
        'XMP2,2024-01-03,1,Battles,Armed clash,Army of Otherland,1,Front,2,T,L,1,2,1,S,b\n' +
        'XMP3,2024-01-04,1,Battles,Armed clash,Army of Otherland,1,Front,2,T,L,1,2,1,S,c\n',
    );
    expect(r.dataset.actors.get('army-of-otherland')!.kind).toBe('state');
  });
});

describe('ACLED: old event types', () => {
  it.each([
    ['Battle-No change of territory', 'Battle, no change of territory'],
    ['Battle-Government regains territory', 'Battle, government regains territory'],
    ['Remote violence', 'Remote violence'],
  ])('%s reads as “%s”', (type, title) => {
    expect(readableType(type)).toBe(title);
    expect(eventType(type, '')).toBe('military');
  });
});

describe('ACLED: as Excel re-saves it', () => {
  /** One protest row per date, with ids XMP1, XMP2… */
  const dated = (...dates: string[]) =>
    imp(
      `${HEADER}\n${dates
        .map((d, i) => `XMP${i + 1},${d},1,Protests,Peaceful protest,A,6,,,Town,Land,1,2,1,S,n`)
        .join('\n')}\n`,
    );

  it('loads the same events as the export it was saved from: ; BOM CRLF, 5-Aug-24, 12,1021', () => {
    const excel = importDataset(fixture('acled-excel.csv'), { fileName: 'acled-excel.csv' });
    const original = imp(fixture('acled.csv'));
    expect(excel.format).toBe('acled-csv');
    expect(excel.report.eventsAccepted).toBe(5);
    const pick = (d: typeof original.dataset) =>
      d.events.map((e) => ({ id: e.id, time: e.time, place: e.place, actors: e.actors }));
    expect(pick(excel.dataset)).toEqual(pick(original.dataset));
    expect(excel.report.problems.map((p) => `${describeLocation(p)}: ${p.message}`)).toEqual([
      'dataset · column event_date: “event_date”: two-digit years (“25-Jun-24”) are read as 1950–2049',
    ]);
  });

  it('reads 31-12-19 day first, and the whole column by what its days settle', () => {
    const r = dated('31-12-19', '05-08-19');
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['2019-08-05', '2019-12-31']);
  });

  it('says when no day settles the order, and reads it day first as ACLED writes', () => {
    const r = dated('05-08-2019', '06-09-2019');
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['2019-08-05', '2019-09-06']);
    expect(where(r)).toEqual([
      'warning dataset · column event_date: “event_date”: no date has a day above 12, so dates such as “05-08-2019” could be day or month first; read day first, as this format usually writes them',
    ]);
  });

  it('reads a month-first column when its days say so (a US spreadsheet re-save)', () => {
    const r = dated('12/31/2019', '08/05/2019');
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['2019-08-05', '2019-12-31']);
  });
});

describe('ACLED: event_date as files write it', () => {
  const row = (id: string, date: string) =>
    `${id},${date},1,Battles,Armed clash,A,1,B,2,Town,Country,1,2,1,Src,`;

  it('reads an ambiguous column day first, as ACLED writes dates, and says so', () => {
    const r = imp(`${HEADER}\n${row('x1', '03-01-2020')}\n${row('x2', '04-02-2020')}\n`);
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['2020-01-03', '2020-02-04']);
    expect(where(r)).toEqual([
      'warning dataset · column event_date: “event_date”: no date has a day above 12, so dates such as “03-01-2020” could be day or month first; read day first, as this format usually writes them',
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
      'warning dataset · column event_date: “event_date”: two-digit years (“31-12-19”) are read as 1950–2049',
    ]);
  });
});
