// Hostile input, importer by importer (issue 12): HTML or text per field, every key kept, exports
// that either write the file or say which event and field they could not write.
import { describe, expect, it } from 'vitest';
import type { DatelineEvent } from '../model/dataset';
import { loadDataset } from '../model/load';
import { parseCsv } from './csv';
import { hasMarkup } from './html';
import { ExportError, exportEvents, importDataset } from './index';
import { importGeojson } from './geojson';
import { importIcal } from './ical';
import { importTimelineCsv } from './timelineCsv';
import { importTimelineJson } from './timelineJson';

const PHISH = '<a href="https://phish.example/login">Verify your account</a>';
const ESCAPED = '&lt;a href="https://phish.example/login"&gt;Verify your account&lt;/a&gt;';

describe('HTML or text', () => {
  it('takes only tags of HTML elements for markup, not an address in angle brackets', () => {
    expect(hasMarkup('Reply to Smith <smith@example.org>')).toBe(false);
    expect(hasMarkup('a <Unknown> b')).toBe(false);
    expect(hasMarkup('<a href="x">y</a>')).toBe(true);
    expect(hasMarkup('x<br>y')).toBe(true);
    expect(hasMarkup(ESCAPED)).toBe(false);
  });

  it('reads an escaped link in a TimelineJS caption and credit as text, never as HTML', () => {
    const r = importTimelineJson(
      {
        events: [
          {
            unique_id: 'e',
            start_date: { year: '2025' },
            text: { headline: 'Talks <b>resume</b>' },
            media: { url: 'https://example.org/a.jpg', caption: ESCAPED, credit: ESCAPED },
          },
        ],
      },
      { fileName: 'escaped.json' },
    );
    const e = r.dataset.events[0]!;
    expect(e.media).toEqual([{ url: 'https://example.org/a.jpg', caption: PHISH, credit: PHISH }]);
    // The headline's HTML is kept and marked as HTML; the escaped caption is not HTML at all.
    expect(e.extra).toEqual({ 'text.headline': 'Talks <b>resume</b>' });
    expect(e.extraHtml).toEqual(['text.headline']);
  });

  it('marks a TimelineJS sheet’s HTML caption as HTML, under its column', () => {
    const r = importTimelineCsv(
      parseCsv(
        'Year,Headline,Media,Media Caption\n2025,A,https://example.org/a.jpg,"Photo <i>by</i> AP"\n',
      ),
      { fileName: 'sheet.csv' },
    );
    const e = r.dataset.events[0]!;
    expect(e.media![0]!.caption).toBe('Photo by AP');
    expect(e.extra).toEqual({ 'Media Caption': 'Photo <i>by</i> AP' });
    expect(e.extraHtml).toEqual(['Media Caption']);
  });

  it('reads an iCalendar X-ALT-DESC as the HTML summary, DESCRIPTION as text', () => {
    const r = importIcal(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//t//EN',
        'BEGIN:VEVENT',
        'UID:x',
        'SUMMARY:Talks',
        'DTSTART;VALUE=DATE:20250227',
        'DESCRIPTION:Reply to Smith <smith@example.org>',
        'X-ALT-DESC;FMTTYPE=text/html:<p>Talks <b>resume</b></p>',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n'),
      { fileName: 'c.ics' },
    );
    const e = r.dataset.events[0]!;
    expect(e.summary).toBe('Reply to Smith <smith@example.org>');
    expect(e.summaryHtml).toBe('<p>Talks <b>resume</b></p>');
    expect(e.extra?.['X-ALT-DESC']).toBeUndefined();
  });
});

describe('every key kept', () => {
  it('GeoJSON: a property, a feature’s foreign member and the collection’s, named __proto__', () => {
    const doc = JSON.parse(
      '{"type":"FeatureCollection","__proto__":{"c":1},"features":[{"type":"Feature","__proto__":"member",' +
        '"geometry":null,"properties":{"title":"A","start":"2025","__proto__":"property"}}]}',
    ) as Record<string, unknown>;
    const r = importGeojson(doc, { fileName: 'p.geojson' });
    const e = r.dataset.events[0]!;
    expect(Object.hasOwn(e.extra!, '__proto__')).toBe(true);
    expect(Object.hasOwn(r.dataset.extra!, '__proto__')).toBe(true);
    expect(r.dataset.extra!['__proto__']).toEqual({ c: 1 });
    // The property and the member share a name: both are kept, the member under its own.
    expect(Object.getPrototypeOf(e.extra)).toBe(Object.prototype);
    const out = JSON.parse(exportEvents('geojson', r.dataset, r.dataset.events).text) as {
      features: Array<{ properties: object }>;
    };
    expect(Object.hasOwn(out.features[0]!.properties, '__proto__')).toBe(true);
  });

  it('TimelineJS JSON: a top-level field and an event field named __proto__', () => {
    const doc = JSON.parse(
      '{"__proto__":"top","events":[{"start_date":{"year":"2025"},"text":{"headline":"A"},"__proto__":"field"}]}',
    ) as Record<string, unknown>;
    const r = importTimelineJson(doc, { fileName: 't.json' });
    expect(r.dataset.extra!['__proto__']).toBe('top');
    expect(Object.hasOwn(r.dataset.events[0]!.extra!, '__proto__')).toBe(true);
    expect(r.dataset.events[0]!.extra!['__proto__']).toBe('field');
  });

  it('a CSV header named __proto__', () => {
    const r = importDataset('id,title,start,__proto__\na,A,2025,kept\n', { fileName: 'p.csv' });
    expect(r.dataset.events[0]!.extra!['__proto__']).toBe('kept');
    expect(Object.hasOwn(r.dataset.events[0]!.extra!, '__proto__')).toBe(true);
    expect(exportEvents('csv', r.dataset, r.dataset.events).text).toContain('__proto__');
  });
});

describe('exports', () => {
  it('write an event whose extra was nested 100,000 deep (the loader cut it)', () => {
    const text =
      `{"format":"dateline/1","title":"T","events":[{"id":"deep","title":"Deep","type":"other",` +
      `"status":"occurred","time":{"start":"2025","precision":"year"},"extra":{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`;
    const r = importDataset(text, { fileName: 'deep.json' });
    for (const format of ['dateline-json', 'csv', 'geojson', 'timelinejs-json'] as const) {
      expect(() => exportEvents(format, r.dataset, r.dataset.events)).not.toThrow();
    }
  });

  it('a GeoJSON property nested 100,000 deep is kept to 64 levels, with a warning', () => {
    const doc = JSON.parse(
      `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":` +
        `{"id":"d","title":"D","start":"2025","deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]}`,
    ) as Record<string, unknown>;
    const r = importGeojson(doc, { fileName: 'd.geojson' });
    expect(String(r.dataset.events[0]!.extra!.deep)).toContain('nested more than 64 levels deep');
    expect(r.report.problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', index: 0, field: 'deep' }),
    );
  });

  it('say which event and field they could not write', () => {
    const { dataset } = loadDataset(
      {
        format: 'dateline/1',
        title: 'T',
        events: [
          {
            id: 'ok',
            title: 'OK',
            type: 'other',
            status: 'occurred',
            time: { start: '2025', precision: 'year' },
          },
          {
            id: 'bad',
            title: 'Bad',
            type: 'other',
            status: 'occurred',
            time: { start: '2025', precision: 'year' },
          },
        ],
      },
      't.json',
    );
    // A value built after loading (not from a file) that JSON cannot write.
    const bad = { ...dataset!.eventById.get('bad')!, extra: { big: 10n } } as DatelineEvent;
    const events = [dataset!.eventById.get('ok')!, bad];
    expect(() => exportEvents('dateline-json', dataset!, events)).toThrow(ExportError);
    expect(() => exportEvents('dateline-json', dataset!, events)).toThrow(
      /Could not write the Dateline JSON file: event “bad”, field extra\.big: /,
    );
  });
});
