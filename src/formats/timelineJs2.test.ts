import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { importTimelineJs2, partsOf } from './timelineJs2';

const fixture = () =>
  JSON.parse(readFileSync(new URL('fixtures/timelinejs2.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

const imp = (doc: Record<string, unknown>) => importTimelineJs2(doc, { fileName: 'tl.json' });
const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);
const timeline = (date: unknown[], more: Record<string, unknown> = {}) => ({
  timeline: { headline: 'A history', text: '<p>Intro</p>', type: 'default', date, ...more },
});

describe('TimelineJS 2: the fixture (Knight Lab’s example)', () => {
  it('loads every date with its title slide, text, media and end date', () => {
    const r = imp(fixture());
    expect(where(r)).toEqual([]);
    expect(r.dataset.title).toBe('Sh*t People Say');
    expect(r.dataset.description).toBe('People say stuff');
    const e = r.dataset.eventById.get('sh-t-politicians-say-1')!;
    expect(e).toMatchObject({
      title: 'Sh*t Politicians Say',
      time: { start: '2012-01-26', end: '2012-01-27', precision: 'day' },
      media: [{ url: 'http://youtu.be/u4XpeU9erbg' }],
    });
    expect(e.summaryHtml).toMatch(/^<p>In true political fashion/);
    expect(r.dataset.eventById.get('sh-t-girls-say-3')!.media).toEqual([
      {
        url: 'http://youtu.be/u-yLGIH7W9Y',
        caption: 'Writers & Creators: Kyle Humphrey & Graydon Sheppard',
      },
    ]);
  });
});

describe('TimelineJS 2: dates, eras, tags', () => {
  it('splits "year,month,day[,hour,minute]" into parts', () => {
    expect(partsOf('1963,8,9')).toEqual({ year: '1963', month: '8', day: '9' });
    expect(partsOf('1963,8,9,14,30')).toMatchObject({ hour: '14', minute: '30' });
    expect(partsOf(1963)).toEqual({ year: '1963' });
    expect(partsOf('')).toEqual({});
  });

  it('reads times, BCE years, tags as tags and eras into extra', () => {
    const r = imp(
      timeline(
        [
          { startDate: '1963,8,28,14,0', headline: 'March on Washington', tag: 'Civil rights' },
          { startDate: '-500', headline: 'Founding', id: 'founding' },
        ],
        { era: [{ startDate: '1954', endDate: '1968', headline: 'Movement era' }] },
      ),
    );
    expect(where(r)).toEqual([]);
    const [founding, march] = r.dataset.events;
    expect(march).toMatchObject({
      time: { start: '1963-08-28T14:00', precision: 'minute' },
      tags: ['Civil rights'],
    });
    expect(founding!.id).toBe('founding');
    expect(founding!.time.precision).toBe('year');
    expect(r.dataset.extra).toMatchObject({
      eras: [{ title: 'Movement era', start: '1954', end: '1968' }],
      type: 'default',
    });
  });

  it('rejects a date it cannot read by index and field, and keeps unknown keys', () => {
    const r = imp(
      timeline([
        { startDate: '2012,13,1', headline: 'Bad month' },
        { startDate: '', headline: 'No date' },
        { startDate: '2012', headline: 'Fine', classname: 'big' },
        'text',
      ]),
    );
    expect(r.report.eventsAccepted).toBe(1);
    expect(r.dataset.events[0]!.extra).toEqual({ classname: 'big' });
    expect(where(r)).toEqual([
      'error events[0] “bad-month-1” · startDate: month 13 is out of range (1–12)',
      'error events[1] “no-date-2” · startDate: no date: the year is empty',
      'error events[3]: an event must be an object',
    ]);
  });
});
