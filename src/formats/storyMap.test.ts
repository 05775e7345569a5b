import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { importStoryMap } from './storyMap';

const fixture = () =>
  JSON.parse(readFileSync(new URL('fixtures/storymap.json', import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;

const imp = (doc: Record<string, unknown>) => importStoryMap(doc, { fileName: 'story.json' });
const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);
const story = (...slides: unknown[]) => ({ storymap: { slides } });
const slide = (date: unknown, headline: string, location?: Record<string, unknown>) => ({
  date,
  text: { headline, text: `<p>${headline}.</p>` },
  ...(location && { location }),
});

describe('StoryMapJS: the fixture (Knight Lab’s Mark Twain)', () => {
  it('takes the overview slide as the title and every other slide as an event', () => {
    const r = imp(fixture());
    expect(where(r)).toEqual([]);
    expect(r.dataset.title).toBe('Mark Twain JSON');
    expect(r.dataset.description).toMatch(/^Samuel Langhorne Clemens/);
    expect(r.report.eventsAccepted).toBe(4);
    expect(r.dataset.events[0]).toMatchObject({
      title: 'Florida, Missouri',
      time: { start: '1835', precision: 'year' },
      place: { name: 'Florida, Missouri', lat: 39.491711, lon: -91.79326 },
    });
    expect(r.dataset.events[0]!.extra).toMatchObject({ 'location.zoom': '12' });
  });
});

describe('StoryMapJS: slides as people write them', () => {
  it('reads free-text dates, keeping the words, and a later overview slide as an event', () => {
    const r = imp(
      story(
        { type: 'overview', text: { headline: 'Katrina' } },
        slide('Aug 29 2005', 'Landfall', { lat: '29.3', lon: '-89.6', name: 'Buras' }),
        { ...slide('c. 1850', 'Founded'), type: 'overview' },
      ),
    );
    expect(where(r)).toEqual([]);
    const [founded, landfall] = r.dataset.events;
    expect(landfall).toMatchObject({
      time: { start: '2005-08-29', precision: 'day', text: 'Aug 29 2005' },
      place: { name: 'Buras', lat: 29.3, lon: -89.6 },
    });
    expect(founded!.time).toMatchObject({ start: '1850', approximate: true });
  });

  it('rejects a slide without a date or with a date lacking its year, naming the slide', () => {
    const r = imp(
      story(
        { type: 'overview', text: { headline: 'Story' } },
        slide(null, 'Itinerant Printer'),
        slide('The next morning', 'Tropical depression'),
        slide('1865', 'San Francisco', { lat: 137.7, lon: -122.4 }),
        slide('1866', 'Hawaii'),
      ),
    );
    expect(r.report.eventsAccepted).toBe(1);
    expect(where(r)).toEqual([
      'error events[1] · date: this slide (“Itinerant Printer”) has no date; a Dateline event needs one',
      expect.stringMatching(
        /^error events\[2\] · date: slide \(“Tropical depression”\): .*The next morning/,
      ),
      'error events[3] “san-francisco-4” · location.lat: latitude 137.7 is not between -90 and 90',
    ]);
  });
});
