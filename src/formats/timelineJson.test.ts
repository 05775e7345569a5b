import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { resolvedTime } from '../model/describe';
import { importDataset } from './index';
import { importTimelineJson } from './timelineJson';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

function imp(doc: Record<string, unknown>) {
  return importTimelineJson(doc, { fileName: 'timeline.json' });
}

const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

describe('TimelineJS JSON: the fixture', () => {
  it('loads every event with no problems', () => {
    const r = imp(fixture('timelinejs.json'));
    expect(where(r)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(4);
  });

  it('takes the title, keeps eras and maps an event fully', () => {
    const { dataset } = imp(fixture('timelinejs.json'));
    expect(dataset.title).toBe('Gaza ceasefire: end of phase one');
    expect(dataset.extra?.eras).toEqual([
      { title: 'Ceasefire, phase one', start: '2025-01-19', end: '2025-03-01' },
    ]);
    expect(dataset.eventById.get('talks-begin-cairo')).toMatchObject({
      title: 'Talks on the next phase of the ceasefire begin in Cairo',
      summaryHtml: expect.stringContaining('<b>began on February 27</b>'),
      summary: expect.stringContaining('began on February 27 in Cairo'),
      time: { start: '2025-02-27', precision: 'day', approximate: false, text: '27 February' },
      media: [
        {
          url: 'https://example.org/media/cairo-talks.jpg',
          caption: 'Example image & caption',
          credit: 'Example Agency',
          thumbnail: 'https://example.org/media/cairo-talks-thumb.jpg',
        },
      ],
      tags: ['Negotiations'],
      extra: { 'media.alt': 'An example image', background: '{"color":"#f4efe6"}' },
    });
    expect(dataset.eventById.get('officials-talks')!.time).toEqual({
      start: '2025-02-26',
      end: '2025-02-28',
      precision: 'day',
      approximate: false,
      text: 'this week (ongoing)',
    });
  });

  it('rejects the bad event by its index and field', () => {
    const r = imp(fixture('timelinejs-bad-row.json'));
    expect(r.report.eventsAccepted).toBe(4);
    expect(r.report.eventsRejected).toBe(1);
    expect(where(r)).toEqual([
      'error events[4] “witkoff-expected” · start_date.month: month 13 is out of range (1–12)',
    ]);
  });
});

describe('TimelineJS JSON: the { timeline: { slides } } shape of TimelineJS3’s examples', () => {
  const doc = {
    timeline: {
      slides: [
        { type: 'overview', text: { headline: 'Mark Twain', text: '<p>A life</p>' } },
        {
          start_date: { year: '1900', month: '01', day: '05' },
          location: { lat: 39.49, lon: -91.79, name: 'Florida, Missouri', zoom: 12 },
          text: { headline: 'Born' },
        },
        { start_date: { year: '1963' }, location: { lat: 91, lon: 0 }, text: { headline: 'Bad' } },
        { start_date: { year: '1915' }, text: { headline: 'Nowhere' } },
      ],
    },
  };

  it('is detected as TimelineJS JSON, its overview slide the title', () => {
    const r = importDataset(JSON.stringify(doc), { fileName: 'marktwain.json' });
    expect(r.format).toBe('timelinejs-json');
    expect(r.dataset.title).toBe('Mark Twain');
    expect(r.dataset.events.map((e) => e.title)).toEqual(['Born', 'Nowhere']);
  });

  it('places each slide at its location, keeping the location’s other fields', () => {
    const r = imp(doc);
    const born = r.dataset.events.find((e) => e.title === 'Born')!;
    expect(r.dataset.places.get(born.placeKey!)).toMatchObject({
      name: 'Florida, Missouri',
      lat: 39.49,
      lon: -91.79,
    });
    expect(born.extra).toMatchObject({ 'location.zoom': '12' });
    expect(r.dataset.events.find((e) => e.title === 'Nowhere')!.placeKey).toBeNull();
    expect(where(r).join('\n')).toMatch(/location\.lat/);
  });
});

describe('TimelineJS JSON: rules', () => {
  const ev = (over: Record<string, unknown>) => ({
    start_date: { year: 2025 },
    text: { headline: 'A' },
    ...over,
  });

  it('reads hours and minutes', () => {
    const r = imp({
      events: [
        ev({ start_date: { year: 2025, month: 2, day: 27, hour: 23 } }),
        ev({ start_date: { year: '2025', month: '2', day: '27', hour: '9', minute: '5' } }),
      ],
    });
    expect(r.dataset.events.map((e) => [e.time.start, e.time.precision])).toEqual([
      ['2025-02-27T09:05', 'minute'],
      ['2025-02-27T23:00', 'hour'],
    ]);
  });

  it('rejects an event that is not an object, or has no start year', () => {
    const r = imp({ events: ['x', ev({ start_date: { month: 2 } })] });
    expect(where(r)).toEqual([
      'error events[0]: an event must be an object',
      'error events[1] “a-2” · start_date.year: no date: the year is empty',
    ]);
  });

  it('keeps a repeated unique_id under a derived id, named by index and TimelineJS field', () => {
    const r = imp({
      events: [ev({ unique_id: 'a' }), ev({ unique_id: 'a', text: { headline: 'B' } })],
    });
    expect(where(r)).toEqual([
      'warning events[1] “a-2” · unique_id: id “a” is already used by events[0]; this one is kept as “a-2”',
    ]);
  });

  it('slugifies a unique_id that is not a slug, with a warning', () => {
    const r = imp({ events: [ev({ unique_id: 'Slide 1' })] });
    expect(r.dataset.events[0]!.id).toBe('slide-1');
    expect(where(r)).toEqual([
      'warning events[0] “slide-1” · unique_id: unique_id “Slide 1” is not a lowercase slug; using “slide-1”',
    ]);
  });

  it('keeps unknown top-level fields in the dataset’s extra and reads the title as text', () => {
    const r = imp({ scale: 'human', title: { text: { headline: '<b>T</b>' } }, events: [ev({})] });
    expect(r.dataset.title).toBe('T');
    expect(r.dataset.extra).toEqual({ scale: 'human' });
  });

  it('names an era problem by its path', () => {
    const r = imp({ eras: [{ start_date: { year: 2025 }, text: { headline: 'E' } }], events: [] });
    expect(where(r)).toEqual([
      'warning dataset · eras[0].end_date.year: era “E” is left out: its end: there is no year',
    ]);
  });

  it('reads a protocol-relative media URL as https', () => {
    const r = imp({
      events: [
        ev({ media: { url: '//www.youtube.com/watch?v=abc', thumbnail: '//i.ytimg.com/t.jpg' } }),
      ],
    });
    expect(r.dataset.events[0]!.media).toEqual([
      { url: 'https://www.youtube.com/watch?v=abc', thumbnail: 'https://i.ytimg.com/t.jpg' },
    ]);
  });
});

describe('TimelineJS JSON: deep time (cut from TimelineJS3’s own samples)', () => {
  it('loads a timeline from 5411 BCE to 1985, each year as TimelineJS shows it', () => {
    const r = imp(fixture('timelinejs-bce.json'));
    expect(where(r)).toEqual([]);
    const { events } = r.dataset;
    expect(events.map((e) => e.time.start)).toEqual([
      '-5409',
      '-2009',
      '-0257',
      '1815-12-10',
      '1952',
      '1985',
    ]);
    expect(resolvedTime(events[0]!)).toBe('5410 BCE');
    expect(resolvedTime(events[2]!)).toBe('258 BCE');
  });

  it('loads cosmological years to the year, with their true bounds', () => {
    const r = imp(fixture('timelinejs-cosmological.json'));
    expect(where(r)).toEqual([]);
    const [bang, reionization] = r.dataset.events;
    expect(resolvedTime(bang!)).toBe('13.8 billion BCE');
    expect(resolvedTime(reionization!)).toBe('13.65 billion BCE – 12.8 billion BCE');
    expect(bang!.earliest).toBeLessThan(-4e20);
  });
});
