import { describe, expect, it } from 'vitest';
import { looksLikeDatelineJson } from './importOnPage';

describe('looksLikeDatelineJson', () => {
  it.each([
    '{"format":"dateline/1","events":[]}',
    '\uFEFF  {\n  "title": "T",\n  "format" : "dateline/1"',
    '{"title": "A long title", "description": "…", "format": "dateline/1", "events": [',
  ])('reads %j on the page', (head) => expect(looksLikeDatelineJson(head)).toBe(true));

  it.each([
    ['a TimelineJS file', '{"title": {"text": {"headline": "x"}}, "events": [{"start_date":'],
    ['GeoJSON', '{"type": "FeatureCollection", "features": []}'],
    ['a CSV file', 'id,title,format\n1,x,"dateline/1"'],
    ['another version', '{"format": "dateline/2"}'],
    [
      'the words inside a string',
      '{"title": "about \\"format\\": \\"dateline/1\\"", "events": []}',
    ],
    ['a JSON array', '[{"format": "dateline/1"}]'],
  ])('leaves %s to the worker', (_, head) => expect(looksLikeDatelineJson(head)).toBe(false));
});
