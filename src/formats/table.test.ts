import { describe, it, expect } from 'vitest';
import { describeLocation } from '../model/dataset';
import { importDataset, previewColumns } from './index';
import { joinPlaceName } from './table';

const where = (r: ReturnType<typeof importDataset>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

describe('a CSV with named columns', () => {
  it('loads date,event,source, the source claiming each event', () => {
    const r = importDataset(
      'date,event,source\n1946-01-03,First session,UN Archives\n1946-02-01,Trygve Lie elected,UN Archives\n',
      { fileName: 'chronology.csv' },
    );
    expect(r.format).toBe('columns-csv');
    expect(where(r)).toEqual([]);
    const [a] = r.dataset.events;
    expect(a).toMatchObject({
      title: 'First session',
      time: { start: '1946-01-03', precision: 'day' },
      claim: { by: 'un-archives', status: 'reported' },
    });
    expect(r.dataset.sources.get('un-archives')!.title).toBe('UN Archives');
  });

  it('names a place by its columns joined, not by its coordinates', () => {
    const r = importDataset(
      'event_date,headline,town/city,admin1,country,latitude,longitude\n2024-03-15,Clash,Omdurman,Khartoum,Sudan,15.64,32.48\n',
      { fileName: 'x.csv' },
    );
    const e = r.dataset.events[0]!;
    expect(r.dataset.places.get(e.placeKey!)).toMatchObject({
      name: 'Omdurman, Khartoum, Sudan',
      lat: 15.64,
      lon: 32.48,
    });
  });

  it('reads actor1 and actor2 as actors, and a URL column as the source', () => {
    const r = importDataset(
      'date,title,actor1,actor2,url\n2024-01-01,Talks,Hamas,Israel,https://www.example.org/a\n',
      { fileName: 'x.csv' },
    );
    const e = r.dataset.events[0]!;
    expect(e.actors).toEqual([
      { actor: 'hamas', role: 'party' },
      { actor: 'israel', role: 'party' },
    ]);
    expect(r.dataset.sources.get(e.claim.by)).toMatchObject({
      title: 'example.org',
      url: 'https://www.example.org/a',
    });
  });

  it('titles events from the place when no column is a title, warning once', () => {
    const r = importDataset(
      'time,place,latitude,longitude,mag\n2024-01-01T10:00Z,10km SSW of Idyllwild,33.6,-116.7,4.5\n2024-01-02,Ridgecrest,35.6,-117.7,3\n',
      {
        fileName: 'quakes.csv',
      },
    );
    expect(r.dataset.events.map((e) => e.title)).toEqual(['10km SSW of Idyllwild', 'Ridgecrest']);
    expect(r.dataset.events[0]!.extra).toEqual({ mag: '4.5' });
    expect(where(r)).toEqual([
      'warning dataset: no column is read as the title; each event is titled from its summary or its place',
    ]);
  });

  it('rejects every row with a reason when no column is the date', () => {
    const r = importDataset('title,place\nA,Cairo\nB,Gaza\n', { fileName: 'x.csv' });
    expect(r.report.eventsAccepted).toBe(0);
    expect(r.report.eventsRejected).toBe(2);
    expect(where(r)[0]).toMatch(
      /^warning dataset: no column is read as the date; the columns are title, place/,
    );
  });

  it('reads through a given mapping, and names the columns the file lacks', () => {
    const r = importDataset('when,what,notes\n2024-05-01,Visit,Said so\n', {
      fileName: 'x.csv',
      columns: { start: ['When'], title: ['what'], summary: ['notes'], url: ['link'] },
    });
    expect(r.dataset.events[0]).toMatchObject({ title: 'Visit', summary: 'Said so' });
    expect(where(r)).toEqual([
      'warning dataset: the column mapping names columns this file does not have (link); they are left out',
    ]);
  });
});

describe('dates decided per column', () => {
  it('reads a day-first column as day first, from the values that settle it', () => {
    const r = importDataset('date,title\n03/01/1946,A\n17/02/1946,B\n', { fileName: 'x.csv' });
    expect(r.dataset.events.map((e) => e.time.start)).toEqual(['1946-01-03', '1946-02-17']);
  });

  it('reads epoch milliseconds in a column named time', () => {
    const r = importDataset(JSON.stringify([{ title: 'Quake', time: 1704103200000 }]), {
      fileName: 'q.json',
    });
    expect(r.dataset.events[0]!.time).toMatchObject({ start: '2024-01-01T10:00:00Z' });
  });
});

describe('dates that are only partly written', () => {
  const imp = (csv: string) => importDataset(csv, { fileName: 'cabinet.csv' });
  const messages = (r: ReturnType<typeof imp>) =>
    r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

  it('reads a row whose end is not a date without its end, keeping the words', () => {
    const r = imp('Appointee,Start Date,End Date\nDick Thornburgh,8/12/1988,Bush admin\n');
    const e = r.dataset.events[0]!;
    expect(e.time).toEqual({
      start: '1988-08-12',
      precision: 'day',
      approximate: false,
      text: '8/12/1988 – Bush admin',
    });
    expect(e.extra).toMatchObject({ 'End Date': 'Bush admin' });
    expect(messages(r)).toContain(
      'warning row 2 “row-2-2” · column End Date: “Bush admin” is not a date; write it as 2025, 2025-02, 2025-02-27 or 2025-02-27T14:30; the event is read without an end',
    );
  });

  it('places a row whose start is not a date at its end, approximate, with both cells’ words', () => {
    const r = imp('Appointee,Start Date,End Date\nLauro Cavazos,Reagan admin,12/15/1990\n');
    const e = r.dataset.events[0]!;
    expect(e.time).toEqual({
      start: '1990-12-15',
      precision: 'day',
      approximate: true,
      text: 'Reagan admin – 12/15/1990',
    });
    expect(e.extra).toMatchObject({ 'Start Date': 'Reagan admin' });
    expect(messages(r).join('\n')).toContain(
      'is placed at its end date (“12/15/1990”) and marked approximate',
    );
  });

  it('still rejects a row with neither date readable', () => {
    const r = imp('Appointee,Start Date,End Date\nA,Reagan admin,Bush admin\nB,1/20/1989,\n');
    expect(r.dataset.events).toHaveLength(1);
    expect(r.report.eventsRejected).toBe(1);
  });

  it('takes two-digit years’ century from a year column beside the date', () => {
    const r = imp(
      'current_name,date,year\nDevils Tower,9/24/06,1906\nPinnacles,1/11/00,2000\nNo year,3/28/58,\n',
    );
    expect(r.dataset.events.map((e) => e.time.start).sort()).toEqual([
      '1906-09-24',
      '1958-03-28',
      '2000-01-11',
    ]);
    expect(messages(r).join('\n')).toContain(
      'take their century from the column year where its year ends in the same two digits, else are read as 1950–2049',
    );
  });
});

describe('a JSON array of flat objects', () => {
  it('goes through the same column recognition', () => {
    const r = importDataset(
      JSON.stringify([
        { name: 'Battle of Hastings', date: '1066-10-14', lat: 50.91, lng: 0.49, tags: ['war'] },
        { name: 'Domesday Book', date: '1086', lat: 51.5, lng: -0.12 },
      ]),
      { fileName: 'events.json' },
    );
    expect(r.format).toBe('columns-json');
    expect(r.dataset.events.map((e) => [e.title, e.time.start, e.tags])).toEqual([
      ['Battle of Hastings', '1066-10-14', ['war']],
      ['Domesday Book', '1086', []],
    ]);
  });

  it('reads the one array of records an object holds, and names items by index', () => {
    const r = importDataset(JSON.stringify({ data: [{ title: 'A', date: 'soon' }] }), {
      fileName: 'x.json',
    });
    expect(r.format).toBe('columns-json');
    expect(where(r)[0]).toMatch(/^error events\[0\] “a-1” · date: “soon” is not a date/);
  });
});

describe('previewColumns', () => {
  it('shows the header, first rows, the guess and why it is unsure', () => {
    const p = previewColumns('date,event,source\n2024-01-01,A,B\n2024-01-02,C,D\n', 'x.csv')!;
    expect(p).toMatchObject({
      format: 'columns-csv',
      header: ['date', 'event', 'source'],
      rows: [
        ['2024-01-01', 'A', 'B'],
        ['2024-01-02', 'C', 'D'],
      ],
      total: 2,
      mapping: { start: ['date'], title: ['event'], source: ['source'] },
      unsure: ['the title is guessed from the column “event”'],
    });
  });

  it('is sure of Dateline CSV, and has nothing to say of other formats', () => {
    expect(previewColumns('title,start\nA,2024\n')!.unsure).toEqual([]);
    expect(previewColumns('{"type":"FeatureCollection","features":[]}')).toBeNull();
  });
});

describe('joinPlaceName', () => {
  it('joins parts, skipping empty and repeated ones', () => {
    expect(joinPlaceName(['Gaza', '', 'Gaza', 'Gaza Strip', 'Palestine'])).toBe(
      'Gaza, Gaza Strip, Palestine',
    );
  });
});
