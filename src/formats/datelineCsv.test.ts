import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { parseCsv } from './csv';
import { importDatelineCsv } from './datelineCsv';
import type { GeocodeFn, ImportOptions } from './types';

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

function imp(csv: string, opts: Partial<ImportOptions> = {}) {
  return importDatelineCsv(parseCsv(csv), { fileName: 'events.csv', ...opts });
}

const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

describe('Dateline CSV: the fixture', () => {
  it('loads every row with no problems', () => {
    const r = imp(fixture('dateline.csv'));
    expect(where(r)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(5);
    expect(r.dataset.title).toBe('events');
  });

  it('maps every column', () => {
    const { dataset } = imp(fixture('dateline.csv'));
    const e = dataset.eventById.get('witkoff-expected-in-region')!;
    expect(e).toMatchObject({
      title: 'U.S. envoy Steve Witkoff expected in the region to join the talks',
      type: 'visit',
      status: 'expected',
      time: {
        start: '2025-02-28',
        end: '2025-03-07',
        precision: 'day',
        approximate: true,
        text: '“in the coming days”',
      },
      place: { name: 'The region (Middle East)', lat: 30.5, lon: 38, precision: 'region' },
      actors: [
        { actor: 'steve-witkoff', role: 'participant' },
        { actor: 'united-states', role: 'participant' },
      ],
      claim: { by: 'caliber-az', status: 'reported' },
      tags: ['envoys'],
    });
    expect(e.extra).toBeUndefined();
    expect(dataset.actors.get('steve-witkoff')).toMatchObject({
      name: 'Steve Witkoff',
      kind: 'organisation',
    });
    expect(dataset.sources.get('caliber-az')).toMatchObject({
      title: 'Caliber.Az',
      publisher: 'Caliber.Az',
    });
    const talks = dataset.eventById.get('israeli-qatari-us-officials-talks')!;
    expect(talks.summary).toBe('The article says the officials "are engaging in intensive talks".');
    expect(talks.tags).toEqual(['negotiations', 'humanitarian aid']);
    expect(talks.place).toBeNull();
  });

  it('rejects the bad row by row and column, and loads the rest', () => {
    const r = imp(fixture('dateline-bad-row.csv'));
    expect(r.report.eventsAccepted).toBe(5);
    expect(r.report.eventsRejected).toBe(1);
    expect(where(r)).toEqual([
      'error row 7 “overnight-exchange” · column start: “overnight” is not a date; write it as 2025, 2025-02, 2025-02-27 or 2025-02-27T14:30',
    ]);
  });
});

describe('Dateline CSV: defaults for missing columns', () => {
  it('needs only title and start', () => {
    const r = imp('title,start\nTalks begin in Cairo,2025-02-27\n');
    expect(r.report.problems).toEqual([]);
    const [e] = r.dataset.events;
    expect(e).toMatchObject({
      id: 'talks-begin-in-cairo-2',
      title: 'Talks begin in Cairo',
      summary: '',
      type: 'other',
      status: 'occurred',
      time: { start: '2025-02-27', precision: 'day', approximate: false },
      place: null,
      actors: [],
      tags: [],
      claim: { by: 'import-events-csv', status: 'reported' },
    });
    expect(r.dataset.sources.get('import-events-csv')).toMatchObject({
      title: 'events.csv',
      publisher: 'Dateline CSV import',
    });
  });

  it('generates the same ids from the same file', () => {
    const csv = 'title,date\nA visit,2025\nA visit,2025\n';
    expect(imp(csv).dataset.events.map((e) => e.id)).toEqual(['a-visit-2', 'a-visit-3']);
    expect(imp(csv).dataset.events.map((e) => e.id)).toEqual(['a-visit-2', 'a-visit-3']);
  });

  it('infers the precision from how the date is written', () => {
    const r = imp(
      'title,start,end\nY,2025,\nM,2025-02,2025-03\nD,27 Feb 2025,\nT,2025-02-27 23:05,2025-02-28T01:00\n',
    );
    expect(r.dataset.events.map((e) => [e.title, e.time.start, e.time.precision])).toEqual([
      ['Y', '2025', 'year'],
      ['M', '2025-02', 'month'],
      ['D', '2025-02-27', 'day'],
      ['T', '2025-02-27T23:05', 'minute'],
    ]);
  });

  it('uses a stated precision, such as hour', () => {
    const r = imp('title,start,precision\nNight,2025-02-27T23:00,hour\n');
    expect(r.dataset.events[0]!.time.precision).toBe('hour');
  });

  it('titles an untitled row from its summary, and warns', () => {
    const r = imp('title,start,summary\n,2025,Officials met. They talked.\n');
    expect(r.dataset.events[0]!.title).toBe('Officials met. They talked.');
    expect(where(r)).toEqual([
      'warning row 2 “officials-met-they-talked-2” · column title: no title; using “Officials met. They talked.”',
    ]);
  });
});

describe('Dateline CSV: a bad end is reported, and the row loads without it', () => {
  it('keeps the start, the end cell in extra and both cells’ words', () => {
    const r = imp('title,start,end\nA,2025,later\n');
    expect(r.dataset.events[0]!.time).toMatchObject({ start: '2025', text: '2025 – later' });
    expect(r.dataset.events[0]!.extra).toEqual({ end: 'later' });
    expect(where(r)).toEqual([
      'warning row 2 “a-2” · column end: “later” is not a date; write it as 2025, 2025-02, 2025-02-27 or 2025-02-27T14:30; the event is read without an end',
    ]);
  });
});

describe('Dateline CSV: rows the importer cannot use are rejected with row, column and reason', () => {
  it.each([
    [
      'no date',
      'title,start\nA,\n',
      'row 2 “a-2” · column start',
      'no date: the event needs a start',
    ],
    [
      'a date that does not parse',
      'title,start\nA,soon\n',
      'row 2 “a-2” · column start',
      '“soon” is not a date',
    ],
    [
      'a latitude that is not a number',
      'title,start,lat,lon\nA,2025,north,31\n',
      'row 2 “a-2” · column lat',
      '“north” is not a number',
    ],
    [
      'a longitude out of range',
      'title,start,lat,lon\nA,2025,30,200\n',
      'row 2 “a-2” · column lon',
      'longitude 200 is not between -180 and 180',
    ],
    [
      'a latitude without a longitude',
      'title,start,lat,lon\nA,2025,30,\n',
      'row 2 “a-2” · column lon',
      'a place needs both latitude and longitude',
    ],
  ])('%s', (_label, csv, location, message) => {
    const r = imp(csv);
    expect(r.report.eventsRejected).toBe(1);
    expect(r.report.eventsAccepted).toBe(0);
    const [p] = r.report.problems;
    expect(p!.severity).toBe('error');
    expect(describeLocation(p!)).toBe(location);
    expect(p!.message).toContain(message);
  });

  it('tells the loader’s problems by row and column too', () => {
    const r = imp(
      'id,title,start,precision\nx,A,2025-02-01,day\nx,B,2025-02-01,day\ny,C,2025-02,day\n',
    );
    expect(where(r)).toEqual([
      'warning row 3 “x-2” · column id: id “x” is already used by row 2; this one is kept as “x-2”',
      'error row 4 “y” · column start: “2025-02” is written to the month but precision is “day”',
    ]);
    expect(r.report.eventsRejected).toBe(1);
  });

  it('counts rows by the spreadsheet, blank lines and quoted newlines included', () => {
    const r = imp('title,start,summary\n\nA,2025,"two\nlines"\n\nB,never,\n');
    expect(where(r)[0]).toMatch(/^error row 5 “b-5” · column start/);
  });
});

describe('Dateline CSV: values it cannot use are reported and kept', () => {
  it('an unknown type, status or claim status falls back, with a warning, the value in extra', () => {
    const r = imp('title,start,type,status,claim_status\nA,2025,Rumour,Ongoing,said\n');
    const e = r.dataset.events[0]!;
    expect([e.type, e.status, e.claim.status]).toEqual(['other', 'occurred', 'reported']);
    expect(e.extra).toEqual({ type: 'Rumour', status: 'Ongoing', claim_status: 'said' });
    expect(where(r)).toHaveLength(3);
    expect(where(r)[0]).toBe(
      'warning row 2 “a-2” · column type: type “Rumour” is not one of statement, negotiation, agreement, exchange, deadline, visit, military, humanitarian, other; using “other” (the value is kept in extra)',
    );
  });

  it('reads type and status case-insensitively', () => {
    const e = imp('title,start,type,status\nA,2025,Negotiation,SCHEDULED\n').dataset.events[0]!;
    expect([e.type, e.status]).toEqual(['negotiation', 'scheduled']);
  });

  it('reads approximate as yes/no, true/false, 1/0, x', () => {
    const r = imp(
      'title,start,approximate\nA,2025,yes\nB,2025,TRUE\nC,2025,x\nD,2025,0\nE,2025,maybe\n',
    );
    expect(r.dataset.events.map((e) => e.time.approximate)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(where(r)).toEqual([
      'warning row 6 “e-6” · column approximate: approximate “maybe” is not yes or no; reading it as no',
    ]);
  });

  it('keeps columns it has no place for in extra, as strings', () => {
    const r = imp('title,start,fatalities,Source URL,extra.title\nA,2025,3,https://x.org,orig\n');
    expect(r.dataset.events[0]!.extra).toEqual({
      fatalities: '3',
      'Source URL': 'https://x.org',
      title: 'orig',
    });
  });

  it('undoes the formula guard of its own export', () => {
    const e = imp("title,start\n'=1+1 is two,2025\n").dataset.events[0]!;
    expect(e.title).toBe('=1+1 is two');
  });

  it('warns when start and end have different precisions, reading both to the coarser', () => {
    const r = imp('title,start,end\nA,2025-02-27,2025-03\n');
    expect(r.dataset.events[0]!.time).toMatchObject({
      start: '2025-02',
      end: '2025-03',
      precision: 'month',
    });
    expect(where(r)).toEqual([
      'warning row 2 “a-2” · column start: start and end are written to different precisions; both are read to the month',
    ]);
  });

  it('slugifies an id that is not a slug, and warns', () => {
    const r = imp('id,title,start\nEvent 1,A,2025\n');
    expect(r.dataset.events[0]!.id).toBe('event-1');
    expect(where(r)).toEqual([
      'warning row 2 “event-1” · column id: id “Event 1” is not a lowercase slug; using “event-1”',
    ]);
  });
});

describe('Dateline CSV: actors and claims', () => {
  it('reads `;`-separated actors with optional roles, warning on unknown roles', () => {
    const r = imp(
      'title,start,actors\nA,2025,"Hamas: political bureau:spokesperson; Qatar:Mediator; Egypt; Israel:negotiator"\n',
    );
    expect(r.dataset.events[0]!.actors).toEqual([
      { actor: 'hamas-political-bureau', role: 'spokesperson' },
      { actor: 'qatar', role: 'mediator' },
      { actor: 'egypt', role: 'party' },
      { actor: 'israel', role: 'party' },
    ]);
    expect(r.dataset.actors.get('hamas-political-bureau')!.name).toBe('Hamas: political bureau');
    expect(where(r)).toEqual([
      'warning row 2 “a-2” · column actors: role “negotiator” of Israel is not one of party, mediator, host, spokesperson, subject, participant, target, observer; using party',
    ]);
  });

  it('claims for an actor the file names anywhere, else for a source of that name', () => {
    const r = imp('title,start,actors,claim_by\nA,2025,Hamas,Israel\nB,2025,Israel,Reuters\n');
    expect(r.dataset.events.map((e) => e.claim.by)).toEqual(['israel', 'reuters']);
    expect(r.dataset.sources.get('reuters')!.title).toBe('Reuters');
    expect(r.dataset.sources.has('israel')).toBe(false);
  });

  it('keeps only the actors and sources of rows that loaded', () => {
    const r = imp('title,start,lat,lon,actors,claim_by\nA,2025,95,0,Ghost,Ghost Wire\n');
    expect(r.dataset.actors.size).toBe(0);
    expect(r.dataset.sources.size).toBe(0);
  });
});

describe('Dateline CSV: delimiters and encodings', () => {
  it('reads a `;`-delimited file with decimal commas, BOM and CRLF', () => {
    const r = imp('\ufefftitle;start;lat;lon\r\nA;2025;30,04;31,24\r\n');
    expect(r.dataset.events[0]!.place).toEqual({
      name: '30.04, 31.24',
      lat: 30.04,
      lon: 31.24,
      precision: 'city',
    });
  });

  it('reports malformed quoting as a warning at its row', () => {
    const r = imp('title,start\nA,2025\nB,"2025\n');
    expect(where(r)[0]).toBe('warning row 3: the CSV is malformed here: Quoted field unterminated');
  });
});

describe('Dateline CSV: geocoding a place with no coordinates', () => {
  const geocode: GeocodeFn = (name, country) =>
    name === 'Cairo'
      ? {
          lat: 30.04,
          lon: 31.24,
          precision: 'city',
          matched: `Cairo, ${country ?? 'EG'}`,
          by: 'geonames',
        }
      : null;

  it('places the event where the geocoder says, and records that it did', () => {
    const r = imp('title,start,place,country\nA,2025,Cairo,Egypt\n', { geocode });
    expect(r.report.problems).toEqual([]);
    expect(r.dataset.events[0]!.place).toEqual({
      name: 'Cairo',
      lat: 30.04,
      lon: 31.24,
      precision: 'city',
      geocoded: { query: 'Cairo', matched: 'Cairo, Egypt', by: 'geonames' },
    });
  });

  it('asks once per name', () => {
    let calls = 0;
    const counting: GeocodeFn = (...args) => {
      calls++;
      return geocode(...args);
    };
    imp('title,start,place\nA,2025,Cairo\nB,2025,Cairo\n', { geocode: counting });
    expect(calls).toBe(1);
  });

  it('loads the event without a place when the geocoder does not know the name', () => {
    const r = imp('title,start,place\nA,2025,Atlantis\n', { geocode });
    expect(r.report.eventsAccepted).toBe(1);
    expect(r.dataset.events[0]!.place).toBeNull();
    expect(r.dataset.events[0]!.extra).toEqual({ place: 'Atlantis' });
    expect(where(r)).toEqual([
      'warning row 2 “a-2” · column place: the geocoder does not know “Atlantis”; the event has no place (the name is kept in extra)',
    ]);
  });

  it('says so when no geocoder was given', () => {
    const r = imp('title,start,place\nA,2025,Cairo\n');
    expect(r.dataset.events[0]!.place).toBeNull();
    expect(where(r)[0]).toContain('“Cairo” has no coordinates and no geocoder was given');
  });
});

describe('Dateline CSV: dates as sheets write them', () => {
  const times = (r: ReturnType<typeof imp>) =>
    r.dataset.events.map((e) => [e.id, e.time.start, e.time.end ?? null]);

  it('decides the day order once per column: one day above 12 settles it', () => {
    const r = imp('id,title,date\na,A,03/01/1946\nb,B,13/01/1946\n');
    expect(where(r)).toEqual([]);
    expect(times(r)).toEqual([
      ['a', '1946-01-03', null],
      ['b', '1946-01-13', null],
    ]);
  });

  it('an ambiguous column is read month first, with a warning naming it', () => {
    const r = imp('id,title,date\na,A,03/01/1946\nb,B,04/02/1946\n');
    expect(times(r)).toEqual([
      ['a', '1946-03-01', null],
      ['b', '1946-04-02', null],
    ]);
    expect(where(r)).toEqual([
      'warning events · column date: “date”: no date has a day above 12, so dates such as “03/01/1946” could be day or month first; read month first, as this format usually writes them',
    ]);
  });

  it('reads BCE years, EDTF uncertainty and spans written in one cell', () => {
    const r = imp(
      'id,title,start,end\nb,Battle,500 BC,\nc,Circa,1832~,\nd,Decades,18XX,\ns,Span,1917-1952,\ni,Interval,2025-01-01/2025-01-05,\nm,Months,April-May 1945,\n',
    );
    expect(where(r)).toEqual([]);
    const byId = (id: string) => r.dataset.eventById.get(id)!.time;
    expect(byId('b')).toMatchObject({ start: '-0499', precision: 'year' });
    expect(byId('c')).toMatchObject({ start: '1832', approximate: true, text: '1832~' });
    expect(byId('d')).toMatchObject({ start: '1800', end: '1899', approximate: true });
    expect(byId('s')).toMatchObject({ start: '1917', end: '1952', approximate: false });
    expect(byId('i')).toMatchObject({ start: '2025-01-01', end: '2025-01-05', precision: 'day' });
    expect(byId('m')).toMatchObject({ start: '1945-04', end: '1945-05', precision: 'month' });
  });

  it('reads a column holding only Excel day numbers, and says so', () => {
    const r = imp('id,title,date\na,A,45000\nb,B,45001\n');
    expect(times(r)).toEqual([
      ['a', '2023-03-15', null],
      ['b', '2023-03-16', null],
    ]);
    expect(where(r)).toEqual([
      'warning events · column date: “date” holds only numbers: read as Excel day numbers (45000 is 15 Mar 2023)',
    ]);
  });
});

describe('Dateline CSV: HTML in text cells', () => {
  it('reads HTML as plain text once, keeping the cell as written in extra, as text', () => {
    const r = imp(
      'id,title,summary,start\n' +
        'a,"<em>Talks</em>&nbsp;resume","<p>Delegations meet in <b>Cairo</b> &amp; Doha.</p>",2025-02-27\n' +
        'b,Tom &amp; Jerry,A &amp;lt;b&amp;gt; tag,2025-02-28\n' +
        'c,Plain,"Two lines\nkept as written",2025-03-01\n',
    );
    expect(where(r)).toEqual([]);
    const a = r.dataset.eventById.get('a')!;
    expect(a.title).toBe('Talks resume');
    expect(a.summary).toBe('Delegations meet in Cairo & Doha.');
    // summary is a text field: its tags never become markup to render (only summary_html is HTML).
    expect(a.summaryHtml).toBeUndefined();
    expect(a.extraHtml).toBeUndefined();
    expect(a.extra).toEqual({
      title: '<em>Talks</em>&nbsp;resume',
      summary: '<p>Delegations meet in <b>Cairo</b> &amp; Doha.</p>',
    });
    const b = r.dataset.eventById.get('b')!;
    expect(b.title).toBe('Tom & Jerry');
    expect(b.summary).toBe('A &lt;b&gt; tag'); // decoded once, never twice
    expect(b.summaryHtml).toBeUndefined();
    expect(r.dataset.eventById.get('c')!.summary).toBe('Two lines\nkept as written');
  });
});
