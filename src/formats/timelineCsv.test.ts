import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { describeLocation } from '../model/dataset';
import { yearStart } from '../model/time';
import { parseCsv } from './csv';
import { importTimelineCsv } from './timelineCsv';

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

const HEADER =
  'Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background';

function imp(csv: string) {
  return importTimelineCsv(parseCsv(csv), { fileName: 'timeline.csv' });
}

const where = (r: ReturnType<typeof imp>) =>
  r.report.problems.map((p) => `${p.severity} ${describeLocation(p)}: ${p.message}`);

describe('TimelineJS CSV: the fixture', () => {
  it('loads every event row with no problems', () => {
    const r = imp(fixture('timelinejs.csv'));
    expect(where(r)).toEqual([]);
    expect(r.report.eventsAccepted).toBe(3);
  });

  it('takes the title row as the dataset title and description, the HTML kept', () => {
    const { dataset } = imp(fixture('timelinejs.csv'));
    expect(dataset.title).toBe('Gaza ceasefire: end of phase one');
    expect(dataset.description).toBe(
      'Events reported in one Caliber.Az article (citing Turkish media), February 2025.',
    );
    expect(dataset.extra?.descriptionHtml).toBe(
      '<p>Events reported in one Caliber.Az article (citing Turkish media), <i>February 2025</i>.</p>',
    );
  });

  it('keeps era rows in the dataset’s extra.eras', () => {
    const { dataset } = imp(fixture('timelinejs.csv'));
    expect(dataset.extra?.eras).toEqual([
      { title: 'Ceasefire, phase one', start: '2025-01-19', end: '2025-03-01' },
    ]);
  });

  it('maps an event row: dates, display date, headline, HTML text, media, group, background', () => {
    const { dataset } = imp(fixture('timelinejs.csv'));
    const e = dataset.eventById.get('talks-on-the-next-phase-of-the-ceasefire-begin-in-cairo-4')!;
    expect(e).toMatchObject({
      title: 'Talks on the next phase of the ceasefire begin in Cairo',
      summary:
        'Negotiations between Israel and Hamas on the next phase began on February 27 in Cairo, Egypt, the article reports.',
      summaryHtml:
        '<p>Negotiations between Israel and Hamas on the next phase <b>began on February 27</b> in Cairo, Egypt, the article reports.</p>',
      media: [
        {
          url: 'https://example.org/media/cairo-talks.jpg',
          caption: 'Example image & caption',
          credit: 'Example Agency',
          thumbnail: 'https://example.org/media/cairo-talks-thumb.jpg',
        },
      ],
      type: 'other',
      status: 'occurred',
      time: { start: '2025-02-27', precision: 'day', approximate: false, text: '27 February' },
      place: null,
      tags: ['Negotiations'],
      claim: { by: 'import-timeline-csv', status: 'reported' },
      extra: { Background: '#f4efe6' },
    });
    const month = dataset.events.find((x) => x.title.startsWith('Hamas rejects'))!;
    expect(month.time).toMatchObject({ start: '2025-02', precision: 'month' });
    expect(month.summary).toBe(
      'The article says Hamas “has rejected” any compromise; it does not date the rejection.',
    );
    expect(month.summaryHtml).toBeUndefined();
  });

  it('rejects the row with no year, by row and column', () => {
    const r = imp(fixture('timelinejs-bad-row.csv'));
    expect(r.report.eventsAccepted).toBe(3);
    expect(r.report.eventsRejected).toBe(1);
    expect(where(r)).toEqual([
      'error row 7 “u-s-envoy-steve-witkoff-expected-in-the-region-7” · column Year: no date: the year is empty',
    ]);
  });
});

describe('TimelineJS CSV: dates and times', () => {
  it.each([
    ['2025,2,27,14:30,,,,', '2025-02-27T14:30', undefined, 'minute'],
    ['2025,2,27,9 PM,,,,', '2025-02-27T21:00', undefined, 'hour'],
    ['2025,2,26,,2025,2,28,', '2025-02-26', '2025-02-28', 'day'],
    ['2025,,,,2026,,,', '2025', '2026', 'year'],
  ])('%s', (dates, start, end, precision) => {
    const r = imp(`${HEADER}\n${dates},,A,,,,,,,,\n`);
    expect(r.report.problems).toEqual([]);
    expect(r.dataset.events[0]!.time).toEqual({
      start,
      ...(end && { end }),
      precision,
      approximate: false,
    });
  });

  it('names the column of a bad part', () => {
    expect(where(imp(`${HEADER}\n2025,13,1,,,,,,,A,,,,,,,,\n`))).toEqual([
      'error row 2 “a-2” · column Month: month 13 is out of range (1–12)',
    ]);
    expect(where(imp(`${HEADER}\n2025,1,1,25:00,,,,,,A,,,,,,,,\n`))).toEqual([
      'error row 2 · column Time: “25:00” has no hour 25',
    ]);
    expect(where(imp(`${HEADER}\n2025,1,1,,2025,,3,,,A,,,,,,,,\n`))).toEqual([
      'error row 2 “a-2” · column End Month: end date: a day needs a month',
    ]);
  });

  it('reads years before 1 CE as TimelineJS shows them (-500 is 500 BCE)', () => {
    const r = imp(`${HEADER}\n-500,,,,-44,3,15,,,Battle,,,,,,,,\n`);
    expect(where(r)).toEqual([
      'warning row 2 “battle-2” · column End Year: start and end are written to different precisions; both are read to the year',
    ]);
    expect(r.dataset.events[0]!.time).toMatchObject({ start: '-0499', end: '-0043' });
    expect(r.dataset.events[0]!.earliest).toBe(yearStart(-499));
  });

  it('reads an end given to another precision at the coarser one, with a warning', () => {
    const r = imp(`${HEADER}\n2025,2,27,,2025,3,,,,A,,,,,,,,\n`);
    expect(r.dataset.events[0]!.time).toMatchObject({
      start: '2025-02',
      end: '2025-03',
      precision: 'month',
    });
    expect(where(r)).toEqual([
      'warning row 2 “a-2” · column Year: start and end are written to different precisions; both are read to the month',
    ]);
  });
});

describe('TimelineJS CSV: text, media and types', () => {
  it('keeps a headline’s HTML in extra and shows its text', () => {
    const e = imp(`${HEADER}\n2025,,,,,,,,,<b>Bold</b> move,,,,,,,,\n`).dataset.events[0]!;
    expect(e.title).toBe('Bold move');
    expect(e.extra).toEqual({ Headline: '<b>Bold</b> move' });
  });

  it('keeps media that is not an http(s) URL in extra, with a warning', () => {
    const r = imp(
      `${HEADER}\n2025,,,,,,,,,A,,"<blockquote class=""twitter-tweet"">x</blockquote>",AP,Cap,,,,\n`,
    );
    const e = r.dataset.events[0]!;
    expect(e.media).toBeUndefined();
    expect(e.extra).toEqual({
      Media: '<blockquote class="twitter-tweet">x</blockquote>',
      'Media Caption': 'Cap',
      'Media Credit': 'AP',
    });
    expect(where(r)).toEqual([
      'warning row 2 “a-2” · column Media: media is not an http(s) URL (an embed or a local file?); it is kept in extra',
    ]);
  });

  it('titles a row with no headline from its text, and warns', () => {
    const r = imp(`${HEADER}\n2025,,,,,,,,,,<p>Only text here.</p>,,,,,,,\n`);
    expect(r.dataset.events[0]!.title).toBe('Only text here.');
    expect(where(r)[0]).toMatch(/column Headline: no headline; using “Only text here.”/);
  });

  it('reads a row of another Type as an event, keeping the Type in extra', () => {
    const r = imp(`${HEADER}\n2025,,,,,,,,,A,,,,,,slide,,\n`);
    expect(r.dataset.events[0]!.extra).toEqual({ Type: 'slide' });
    expect(where(r)).toEqual([
      'warning row 2 “a-2” · column Type: Type “slide” is not title or era; the row is read as an event',
    ]);
  });

  it('leaves out an era without usable dates, with a warning', () => {
    const r = imp(`${HEADER}\n2025,,,,,,,,,Era,,,,,,era,,\n`);
    expect(r.dataset.extra).toBeUndefined();
    expect(where(r)).toEqual([
      'warning row 2 · column End Year: era “Era” is left out: its end: there is no year',
    ]);
  });

  it('titles the dataset with the file name when there is no title row', () => {
    expect(imp(`${HEADER}\n2025,,,,,,,,,A,,,,,,,,\n`).dataset.title).toBe('timeline');
  });
});
