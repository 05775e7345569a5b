import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { importIcal } from './ical';

const FIXTURE = readFileSync(new URL('fixtures/calendar.ics', import.meta.url), 'utf8');

const imp = (text: string) => importIcal(text, { fileName: 'calendar.ics' });
const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

const cal = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

describe('iCalendar: RFC 5545’s own examples (the fixture)', () => {
  it('loads every VEVENT with no problem', () => {
    const r = imp(FIXTURE);
    expect(where(r)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(4);
  });

  it('reads UTC times, unfolds lines and unescapes text', () => {
    const e = imp(FIXTURE).dataset.eventById.get('uid1-example-com')!;
    expect(e).toMatchObject({
      title: 'Networld+Interop Conference',
      summary:
        'Networld+Interop Conference and Exhibit\nAtlanta World Congress Center\nAtlanta, Georgia',
      time: { start: '1996-09-18T14:30Z', end: '1996-09-20T22:00Z', precision: 'minute' },
      status: 'occurred',
      tags: ['CONFERENCE'],
    });
    expect(e.extra).toMatchObject({ STATUS: 'CONFIRMED', DTSTAMP: '19960704T120000Z' });
  });

  it('gives a TZID time the offset of the file’s VTIMEZONE, and GEO and URL', () => {
    const { dataset } = imp(FIXTURE);
    const e = dataset.eventById.get('guid-1.example.com')!;
    // The RFC's America/New_York starts in October 1998: before it, its first TZOFFSETFROM holds.
    expect(e.time).toMatchObject({
      start: '1998-03-12T08:30-04:00',
      end: '1998-03-12T09:30-04:00',
    });
    expect(e.place).toMatchObject({
      name: '1CP Conference Room 4350',
      lat: 37.386013,
      lon: -122.082932,
      precision: 'exact',
    });
    expect(dataset.sources.get(e.claim.by)).toMatchObject({
      url: 'http://example.com/pub/calendars/jsmith/mytime.ics',
      publisher: 'example.com',
    });
  });

  it('reads an all-day DTEND as the day after the last one', () => {
    const e = imp(FIXTURE).dataset.eventById.get('20070423t123432z-541111-example-com')!;
    expect(e.time).toMatchObject({ start: '2007-06-28', end: '2007-07-08', precision: 'day' });
  });
});

describe('iCalendar: times and zones', () => {
  it('reads an IANA TZID the file does not define from the time zone data, summer and winter', () => {
    const r = imp(
      cal(
        ...vevent('UID:a', 'SUMMARY:Summer', 'DTSTART;TZID=Europe/Berlin:20240701T120000'),
        ...vevent('UID:b', 'SUMMARY:Winter', 'DTSTART;TZID=Europe/Berlin:20240115T120000'),
      ),
    );
    expect(r.dataset.eventById.get('a')!.time.start).toBe('2024-07-01T12:00+02:00');
    expect(r.dataset.eventById.get('b')!.time.start).toBe('2024-01-15T12:00+01:00');
    expect(r.dataset.eventById.get('a')!.extra!.timeZone).toMatch(/^Europe\/Berlin \(not defined/);
    expect(where(r)).toEqual([]);
  });

  it('warns about a floating time and an unknown zone, reading both as UTC', () => {
    const r = imp(
      cal(
        ...vevent('UID:f', 'SUMMARY:Floating', 'DTSTART:20240701T120000'),
        ...vevent(
          'UID:w',
          'SUMMARY:Windows zone',
          'DTSTART;TZID=Romance Standard Time:20240701T120000',
        ),
      ),
    );
    expect(r.dataset.events.map((e) => e.time.start)).toEqual([
      '2024-07-01T12:00Z',
      '2024-07-01T12:00Z',
    ]);
    expect(where(r)).toEqual([
      'warning events[0] “f” · DTSTART: a floating time (no time zone): read as UTC',
      'warning events[1] “w” · DTSTART: time zone “Romance Standard Time” is neither defined in the file nor known; the time is read as UTC',
    ]);
  });

  it('reads DURATION as the end, imports a repeating event once and says so', () => {
    const r = imp(
      cal(
        ...vevent(
          'UID:weekly',
          'SUMMARY:Briefing',
          'DTSTART:20240102T090000Z',
          'DURATION:PT1H30M',
          'RRULE:FREQ=WEEKLY;COUNT=10',
        ),
      ),
    );
    const e = r.dataset.events[0]!;
    expect(e.time).toMatchObject({ start: '2024-01-02T09:00Z', end: '2024-01-02T10:30Z' });
    expect(e.extra!.RRULE).toBe('FREQ=WEEKLY;COUNT=10');
    expect(where(r)).toEqual([
      'warning events[0] “weekly” · RRULE: a repeating event: only its first occurrence is imported (RRULE kept in extra)',
    ]);
  });
});

describe('iCalendar: fields', () => {
  it('reads an HTML description as text, keeping it as written, ORGANIZER as host, CANCELLED as a tag', () => {
    const r = imp(
      cal(
        ...vevent(
          'UID:x',
          'SUMMARY:Press conference',
          'DTSTART:20240301T100000Z',
          'DESCRIPTION:<p>Ministers <b>speak</b></p>',
          'ORGANIZER;CN=Foreign Ministry:mailto:press@example.org',
          'STATUS:CANCELLED',
          'CATEGORIES:politics,press',
          'X-NEWSROOM-DESK:Foreign',
        ),
      ),
    );
    const e = r.dataset.events[0]!;
    // DESCRIPTION is text (RFC 5545): tags in it are read as text once, never rendered as HTML.
    expect(e.summaryHtml).toBeUndefined();
    expect(e.extra).toMatchObject({ DESCRIPTION: '<p>Ministers <b>speak</b></p>' });
    expect(e).toMatchObject({
      summary: 'Ministers speak',
      actors: [{ actor: 'foreign-ministry', role: 'host' }],
      tags: ['politics', 'press', 'cancelled'],
    });
    expect(e.extra).toMatchObject({ 'X-NEWSROOM-DESK': 'Foreign', STATUS: 'CANCELLED' });
  });

  it('reads TENTATIVE as expected and an event still to come as scheduled', () => {
    const r = imp(
      cal(
        ...vevent('UID:t', 'SUMMARY:Maybe', 'DTSTART;VALUE=DATE:20240301', 'STATUS:TENTATIVE'),
        ...vevent('UID:s', 'SUMMARY:Later', 'DTSTART;VALUE=DATE:29990301'),
      ),
    );
    expect(r.dataset.eventById.get('t')!.status).toBe('expected');
    expect(r.dataset.eventById.get('s')!.status).toBe('scheduled');
  });
});

describe('iCalendar: problems by VEVENT and property, nothing dropped silently', () => {
  it('rejects an event without DTSTART and keeps a repeated UID under a derived id', () => {
    const r = imp(
      cal(
        ...vevent('UID:same', 'SUMMARY:One', 'DTSTART:20240101T000000Z'),
        ...vevent('UID:nostart', 'SUMMARY:No start'),
        ...vevent('UID:same', 'SUMMARY:Two', 'DTSTART:20240102T000000Z'),
        ...vevent('UID:geo', 'SUMMARY:Far', 'DTSTART:20240102T000000Z', 'GEO:95.5;10'),
      ),
    );
    expect(r.report.eventsAccepted).toBe(2);
    expect(where(r)).toEqual([
      'error events[1] “nostart” · DTSTART: no DTSTART: an event needs a start',
      'warning events[2] “same-3” · UID: id “same” is also used by events[0]; this one is “same-3”',
      'error events[3] “geo” · GEO: latitude 95.5 is not between -90 and 90',
    ]);
  });

  it('reads the events around one that breaks the calendar, and names it', () => {
    const r = imp(
      cal(
        ...vevent('UID:ok1', 'SUMMARY:Before', 'DTSTART:20240101T000000Z'),
        ...vevent('UID:bad', 'SUMMARY:Broken', 'A LINE WITH NO COLON'),
        ...vevent('UID:ok2', 'SUMMARY:After', 'DTSTART:20240103T000000Z'),
      ),
    );
    expect(r.dataset.events.map((e) => e.id)).toEqual(['ok1', 'ok2']);
    const problems = where(r);
    expect(problems[0]).toMatch(/^warning dataset: the calendar does not parse as a whole/);
    expect(problems[1]).toMatch(/^error events\[1\]: this VEVENT does not parse: /);
    expect(problems).toHaveLength(2);
  });

  it('rejects an event whose value cannot be read, naming the property', () => {
    const r = imp(
      cal(
        ...vevent('UID:ok', 'SUMMARY:Fine', 'DTSTART:20240101T000000Z'),
        ...vevent('UID:bad', 'SUMMARY:Broken', 'DTSTART:2024-01-01 noon'),
      ),
    );
    expect(r.dataset.events.map((e) => e.id)).toEqual(['ok']);
    expect(where(r)).toEqual([
      expect.stringMatching(/^error events\[1\] · DTSTART: DTSTART cannot be read: /),
    ]);
  });
});

describe('iCalendar: LOCATION without GEO', () => {
  it('is geocoded, and an unknown one kept in extra with a warning', () => {
    const r = importIcal(
      cal(
        ...vevent('UID:a', 'SUMMARY:Talks', 'DTSTART:20250227T100000Z', 'LOCATION:Doha'),
        ...vevent('UID:b', 'SUMMARY:Call', 'DTSTART:20250227T100000Z', 'LOCATION:Room 4'),
      ),
      {
        fileName: 'calendar.ics',
        geocode: (name) =>
          name === 'Doha'
            ? {
                lat: 25.285,
                lon: 51.531,
                precision: 'city',
                matched: 'Doha, Qatar',
                by: 'geonames',
              }
            : null,
      },
    );
    expect(r.dataset.eventById.get('a')!.place).toMatchObject({ name: 'Doha', lat: 25.285 });
    expect(r.dataset.eventById.get('b')!.place).toBeNull();
    expect(r.dataset.eventById.get('b')!.extra).toMatchObject({ LOCATION: 'Room 4' });
    expect(where(r)).toEqual([
      'warning events[1] “b” · LOCATION: the geocoder does not know “Room 4”; the event has no place (the name is kept in extra)',
    ]);
  });
});
