import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { actorKind, GDELT_LAYOUTS, importGdelt, looksLikeGdelt, MACHINE_CODED_TAG } from './gdelt';

const FIXTURE = readFileSync(new URL('fixtures/gdelt.export.CSV', import.meta.url), 'utf8');
const ROWS = FIXTURE.trim().split('\n');

const imp = (text: string) => importGdelt(text, { fileName: '20250807220000.export.CSV' });
const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

/** A fixture row with some columns (by GDELT 2.0 name) changed. */
function row(n: number, change: Record<string, string> = {}): string {
  const cells = ROWS[n]!.split('\t');
  for (const [name, value] of Object.entries(change)) {
    cells[GDELT_LAYOUTS[61]!.indexOf(name)] = value;
  }
  return cells.join('\t');
}

describe('GDELT: the layouts', () => {
  it('names 61 columns for 2.0 and 58 (57 without SOURCEURL) for 1.0', () => {
    expect(GDELT_LAYOUTS[61]).toHaveLength(61);
    expect(GDELT_LAYOUTS[61]!.slice(-3)).toEqual(['ActionGeo_FeatureID', 'DATEADDED', 'SOURCEURL']);
    expect(GDELT_LAYOUTS[61]![56]).toBe('ActionGeo_Lat');
    expect(GDELT_LAYOUTS[58]).toHaveLength(58);
    expect(GDELT_LAYOUTS[58]!).not.toContain('ActionGeo_ADM2Code');
    expect(GDELT_LAYOUTS[57]).toHaveLength(57);
  });

  it('recognises an export by its first line, and nothing else', () => {
    expect(looksLikeGdelt(FIXTURE)).toBe(true);
    expect(looksLikeGdelt('title,start\nA,2025')).toBe(false);
    expect(looksLikeGdelt(['a', ...ROWS[0]!.split('\t').slice(1)].join('\t'))).toBe(false);
  });
});

describe('GDELT: the fixture', () => {
  it('loads every row, each machine-coded, with no problem', () => {
    const r = imp(FIXTURE);
    expect(where(r)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(6);
    expect(r.dataset.description).toMatch(/machine-coded .* no person has checked them/);
    for (const e of r.dataset.events) {
      expect(e.tags).toContain(MACHINE_CODED_TAG);
      expect(e.extra?.coding).toBe('machine (GDELT)');
    }
  });

  it('maps actors, the CAMEO root code, ActionGeo and SOURCEURL', () => {
    const { dataset } = imp(FIXTURE);
    const e = dataset.eventById.get('gdelt-1256322778')!;
    expect(e).toMatchObject({
      title: 'UNITED ARAB EMIRATES: consult → UNITED STATES',
      type: 'negotiation',
      time: { start: '2025-07-31', precision: 'day', approximate: false },
      place: {
        name: 'Washington, District of Columbia, United States',
        lat: 38.8951,
        lon: -77.0364,
        precision: 'city',
      },
      actors: [
        { actor: 'united-arab-emirates', role: 'party' },
        { actor: 'united-states', role: 'party' },
      ],
      claim: { by: 'www-wdrb-com', status: 'reported' },
      tags: [MACHINE_CODED_TAG, 'Consult'],
    });
    expect(dataset.actors.get('united-arab-emirates')).toMatchObject({ kind: 'state' });
    expect(dataset.sources.get('www-wdrb-com')).toMatchObject({ title: 'www.wdrb.com' });
    // Every column Dateline has no field for is kept, under its GDELT name.
    expect(e.extra).toMatchObject({
      EventCode: '040',
      GoldsteinScale: '1.0',
      Actor1Geo_FullName: 'Kyiv, Kyyiv, Misto, Ukraine',
      SOURCEURL: expect.stringMatching(/^https:\/\/www\.wdrb\.com\/news\//),
      DATEADDED: '20250807220000',
    });
  });

  it('reads ActionGeo_Type as the place precision, and type 0 as no place', () => {
    const { dataset } = imp(FIXTURE);
    expect(dataset.eventById.get('gdelt-1256322772')!.place).toMatchObject({
      name: 'Togo',
      precision: 'country',
    });
    expect(dataset.eventById.get('gdelt-1256322785')!.place).toMatchObject({ precision: 'city' });
    expect(dataset.eventById.get('gdelt-1256322794')!.place).toBeNull();
    const adm1 = imp(row(0, { ActionGeo_Type: '5', GLOBALEVENTID: '7' }));
    expect(adm1.dataset.eventById.get('gdelt-7')!.place).toMatchObject({ precision: 'region' });
  });

  it('titles an event without a first actor, and gives a CAMEO 4-digit code its root', () => {
    const { dataset } = imp(FIXTURE);
    const e = dataset.eventById.get('gdelt-1256322794')!;
    expect(e.title).toBe('Unnamed actor: demand → CORPORATION');
    expect(e.type).toBe('statement');
    expect(e.summary).toMatch(/CAMEO 1031/);
    expect(dataset.actors.get('corporation')).toMatchObject({ kind: 'organisation' });
  });
});

describe('GDELT: problems by row and column, nothing dropped silently', () => {
  it('rejects a row cut short, naming the row and the count', () => {
    const cut = ROWS[1]!.split('\t').slice(0, 45).join('\t');
    const r = imp([ROWS[0], cut, ROWS[2], ''].join('\n'));
    expect(r.report.eventsAccepted).toBe(2);
    expect(where(r)).toEqual([
      'error row 2: this line has 45 columns; the others have 61 (a GDELT 2.0 export)',
    ]);
  });

  it('rejects an impossible SQLDATE and a latitude out of range, by column', () => {
    const r = imp(
      [
        row(0, { SQLDATE: '2025078', GLOBALEVENTID: '1' }),
        row(1, { ActionGeo_Lat: '138.9', GLOBALEVENTID: '2' }),
        row(2, { GLOBALEVENTID: '3' }),
      ].join('\n'),
    );
    expect(r.report.eventsAccepted).toBe(1);
    expect(where(r)).toEqual([
      'error row 1 “gdelt-1” · column SQLDATE: SQLDATE “2025078” is not a date written YYYYMMDD',
      'error row 2 “gdelt-2” · column ActionGeo_Lat: latitude 138.9 is not between -90 and 90',
    ]);
  });

  it('keeps a repeated GLOBALEVENTID under a derived id, with a warning', () => {
    const r = imp([ROWS[0], ROWS[0]].join('\r\n'));
    expect(r.report.eventsAccepted).toBe(2);
    expect(r.dataset.events.map((e) => e.id).sort()).toEqual([
      'gdelt-1256322772',
      'gdelt-1256322772-2',
    ]);
    expect(where(r)).toEqual([
      'warning row 2 “gdelt-1256322772-2” · column GLOBALEVENTID: id “gdelt-1256322772” is also used by row 1; this one is “gdelt-1256322772-2”',
    ]);
  });

  it('warns about a root code CAMEO does not have, and keeps the event as “other”', () => {
    const r = imp(row(0, { EventRootCode: '27', EventCode: '271' }));
    expect(r.dataset.events[0]!.type).toBe('other');
    expect(where(r)).toEqual([
      'warning row 1 “gdelt-1256322772” · column EventRootCode: EventRootCode “27” is not a CAMEO root code (01–20); type “other”',
    ]);
  });

  it('reads a GDELT 1.0 line (58 columns, no ADM2 codes)', () => {
    const v1 = ROWS[1]!.split('\t').filter((_, i) => ![39, 47, 55].includes(i));
    expect(v1).toHaveLength(58);
    const r = imp(v1.join('\t'));
    expect(where(r)).toEqual([]);
    expect(r.dataset.events[0]!.place).toMatchObject({ lat: 38.8951, lon: -77.0364 });
    expect(r.dataset.description).toMatch(/^GDELT 1\.0 events/);
  });
});

describe('GDELT: actor kinds', () => {
  it('reads the CAMEO type code, else a bare country code as the state', () => {
    expect(actorKind('USAGOV', 'USA', 'GOV')).toBe('government');
    expect(actorKind('COP', '', 'COP')).toBe('state');
    expect(actorKind('REB', '', 'REB')).toBe('armed-group');
    expect(actorKind('MED', '', 'MED')).toBe('media');
    expect(actorKind('FRA', 'FRA', '')).toBe('state');
    expect(actorKind('', '', '')).toBe('organisation');
  });
});
