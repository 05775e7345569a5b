// Export as TimelineJS JSON, then import. What TimelineJS holds: id (unique_id), title
// (headline), summary (text; line breaks as <br>), summaryHtml, the time (the same instants and
// precision; a time with an offset comes back in UTC) and its text (display_date), the first
// media, the first tag (group), the dataset's title, description and eras.
// What it cannot hold: type, status, approximate, place, actors, claim, evidence, other tags and
// media, extra.
import { describe, it, expect } from 'vitest';
import type { Dataset, DatelineEvent } from '../model/dataset';
import { parsePartialDate } from '../model/time';
import { dateObject } from './exportTimelineJson';
import { exportEvents, importDataset } from './index';
import { richDataset } from './richDataset';

function whatTimelineHolds(e: DatelineEvent) {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    earliest: e.earliest,
    latest: e.latest,
    precision: e.time.precision,
    text: e.time.text,
    media: e.media?.slice(0, 1),
    group: e.tags[0],
  };
}

const holds = (d: Dataset) => d.events.map(whatTimelineHolds);

describe('TimelineJS JSON export', () => {
  it('round-trips every field TimelineJS can hold', () => {
    const dataset = richDataset();
    const file = exportEvents('timelinejs-json', dataset, dataset.events);
    const back = importDataset(file.text, { fileName: 'timeline.json' });
    expect(back.format).toBe('timelinejs-json');
    expect(back.report.problems).toEqual([]);
    expect(holds(back.dataset)).toEqual(holds(dataset));
    const html = (d: Dataset) => d.eventById.get('talks-resume')!.summaryHtml;
    expect(html(back.dataset)).toBe(html(dataset));
    expect(back.dataset.title).toBe(dataset.title);
    expect(back.dataset.description).toBe(dataset.description);
    expect(back.dataset.extra?.eras).toEqual(dataset.extra?.eras);
  });

  it('escapes plain text as HTML and writes summaryHtml as it is', () => {
    const dataset = richDataset();
    const doc = JSON.parse(exportEvents('timelinejs-json', dataset, dataset.events).text) as {
      title: { text: { headline: string } };
      events: Array<{ unique_id: string; text: { headline: string; text?: string } }>;
    };
    expect(doc.title.text.headline).toBe('Talks &amp; truce — a test');
    const byId = Object.fromEntries(doc.events.map((e) => [e.unique_id, e.text]));
    expect(byId['night-strike']).toEqual({
      headline: '=HYPERLINK(&quot;http://evil&quot;,&quot;click&quot;) strike',
      text: '-1 line<br>with a newline, a &quot;quote&quot; and a; semicolon',
    });
    expect(byId['talks-resume']!.text).toBe('<p>Talks <b>resume</b>, officials say.</p>');
  });

  it('writes date parts at the event’s precision, times with an offset in UTC', () => {
    const d = (iso: string) =>
      parsePartialDate(iso) as Exclude<ReturnType<typeof parsePartialDate>, string>;
    expect(dateObject(d('2025'), 'year')).toEqual({ year: '2025' });
    expect(dateObject(d('2025-02'), 'month')).toEqual({ year: '2025', month: '2' });
    expect(dateObject(d('2025-02-27T10:00'), 'hour')).toEqual({
      year: '2025',
      month: '2',
      day: '27',
      hour: '10',
    });
    expect(dateObject(d('2025-03-01T01:30:15+02:00'), 'minute')).toEqual({
      year: '2025',
      month: '2',
      day: '28',
      hour: '23',
      minute: '30',
      second: '15',
    });
  });
});
