import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { importTimemap, looksLikeTimemap } from './timemap';

const fixture = () =>
  JSON.parse(readFileSync(new URL('fixtures/timemap.json', import.meta.url), 'utf8')) as unknown[];

const imp = (items: unknown[]) => importTimemap(items, { fileName: 'timemap.json' });
const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

/** An event as Forensic Architecture's timemap API serves it (datasheet-server's deeprows). */
const apiEvent = (over: Record<string, unknown> = {}) => ({
  id: '12',
  description: 'Shelling near the school. Two houses hit.',
  date: '08/29/2014',
  time: '14:30',
  location: 'Ilovaisk',
  latitude: '47.9239',
  longitude: '38.1967',
  associations: ['Type/Shelling', 'Perpetrator/Armed forces of X'],
  sources: ['SRC-3', 'SRC-9'],
  ...over,
});

describe('timemap: what is a timemap export', () => {
  it('is an array whose first object has a description, a date and sources or associations', () => {
    expect(looksLikeTimemap(fixture())).toBe(true);
    expect(looksLikeTimemap([apiEvent()])).toBe(true);
    expect(looksLikeTimemap([{ title: 'A', date: '2020-01-01', lat: 1, lon: 2 }])).toBe(false);
    expect(looksLikeTimemap([{ description: 'A', date: '01/01/2020' }])).toBe(false);
    expect(looksLikeTimemap([])).toBe(false);
  });
});

describe('timemap: Bellingcat’s export (the fixture)', () => {
  it('loads every event with no problem', () => {
    const r = imp(fixture());
    expect(where(r)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(6);
  });

  it('reads MM/DD/YYYY, the place, filters as tags and sources as sources', () => {
    const { dataset } = imp(fixture());
    const e = dataset.eventById.get('civ0001')!;
    expect(e).toMatchObject({
      title: 'Apartment block hit.',
      time: { start: '2022-02-24', precision: 'day', approximate: false },
      place: { name: 'Chuhuiv, south of Kharkiv', lat: 49.85005, lon: 36.659031 },
      tags: ['Type of area affected: Residential', 'Weapon System: Unknown'],
      claim: { by: 'src-exists-civ0001-1', status: 'reported' },
    });
    expect(e.summary).toMatch(/^Apartment block hit\. Crater is very large/);
    expect(dataset.sources.get('src-exists-civ0001-9')).toMatchObject({
      title: 'Image 3: deceased man after apartment block hit by missile',
      publisher: 'twitter.com',
      url: 'https://twitter.com/AFP/status/1496778152387178508',
    });
    // Every source of the event stays tied to it.
    expect((e.extra!.sources as string).split('\n')).toEqual([
      'src_exists_CIV0001_1 · Bombing in the city · https://twitter.com/Michael1Sheldon/status/1496717647089651716',
      'src_exists_CIV0001_8 · Apartment block hit by missile · https://twitter.com/anadoluagency/status/1496768205314007040?s=20&t=Au5uUu8TJjhHwjyynyG4ww',
      'src_exists_CIV0001_9 · Image 3: deceased man after apartment block hit by missile · https://twitter.com/AFP/status/1496778152387178508',
    ]);
  });

  it('keeps a hidden source as a source without an address', () => {
    const { dataset } = imp(fixture());
    expect(dataset.eventById.get('civ0003')!.claim.by).toBe('srchidden');
    expect(dataset.sources.get('srchidden')).toMatchObject({
      title: 'Source hidden',
      note: 'The export gives its path as “HIDDEN”.',
    });
    expect(dataset.sources.get('srchidden')!.url).toBeUndefined();
  });

  it('claims an event with no source for the file', () => {
    const { dataset } = imp(fixture());
    expect(dataset.eventById.get('civ0098')!.claim.by).toBe('import-timemap-json');
  });
});

describe('timemap: the API shape', () => {
  it('reads time, associations naming who acted as actors, and source ids', () => {
    const r = imp([apiEvent()]);
    expect(where(r)).toEqual([]);
    const e = r.dataset.eventById.get('12')!;
    expect(e).toMatchObject({
      title: 'Shelling near the school.',
      time: { start: '2014-08-29T14:30', precision: 'minute' },
      actors: [{ actor: 'armed-forces-of-x', role: 'party' }],
      tags: ['Type: Shelling'],
      claim: { by: 'src-3', status: 'reported' },
    });
    expect(r.dataset.sources.get('src-9')).toMatchObject({
      note: 'The export names this source by its id only.',
    });
  });

  it('reads the whole date column day first when a value says so, and says it', () => {
    const r = imp([apiEvent({ date: '24/08/2014' }), apiEvent({ id: '13', date: '05/09/2014' })]);
    expect(r.dataset.eventById.get('13')!.time.start).toBe('2014-09-05T14:30');
    expect(where(r)).toEqual([]);
  });

  it('warns, naming the column, when no value settles the order and reads month first', () => {
    const r = imp([apiEvent({ date: '05/09/2014' })]);
    expect(r.dataset.events[0]!.time.start).toBe('2014-05-09T14:30');
    expect(where(r)).toEqual([
      expect.stringMatching(/^warning dataset · date: “date”: no date has a day above 12/),
    ]);
  });

  it('keeps every other key in extra, "__proto__" included', () => {
    const item = JSON.parse(
      JSON.stringify({ ...apiEvent(), comments: 'Verified by two analysts.' }).replace(
        /}$/,
        ',"__proto__":"kept"}',
      ),
    ) as Record<string, unknown>;
    const e = imp([item]).dataset.events[0]!;
    expect(e.extra).toMatchObject({ comments: 'Verified by two analysts.' });
    expect(Object.getOwnPropertyDescriptor(e.extra, '__proto__')?.value).toBe('kept');
  });
});

describe('timemap: problems by index and field, nothing dropped silently', () => {
  it('rejects a missing or impossible date and bad coordinates, and loads the rest', () => {
    const r = imp([
      apiEvent({ id: 'a', date: '' }),
      apiEvent({ id: 'b', date: '02/30/2014' }),
      apiEvent({ id: 'c', latitude: '47.9', longitude: '' }),
      apiEvent({ id: 'd' }),
      'not an event',
    ]);
    expect(r.report.eventsAccepted).toBe(1);
    expect(r.report.eventsRejected).toBe(4);
    expect(where(r)).toEqual([
      'error events[0] “a” · date: no date: “date” is empty',
      expect.stringMatching(/^error events\[1\] “b” · date: .*30/),
      'error events[2] “c” · longitude: a place needs both latitude and longitude',
      'error events[4]: a timemap event must be an object',
    ]);
  });

  it('keeps a repeated id under a derived id, with a warning', () => {
    const r = imp([apiEvent(), apiEvent()]);
    expect(r.dataset.events.map((e) => e.id).sort()).toEqual(['12', '12-2']);
    expect(where(r)).toEqual([
      'warning events[1] “12-2” · id: id “12” is also used by events[0]; this one is “12-2”',
    ]);
  });

  it('keeps an association it cannot read, with a warning', () => {
    const r = imp([apiEvent({ associations: ['Type/Shelling', 42] })]);
    expect(r.dataset.events[0]!.extra!.associations).toBe('[42]');
    expect(where(r)).toEqual([
      'warning events[0] “12” · associations: 1 of associations could not be read as a filter; kept in extra',
    ]);
  });
});
