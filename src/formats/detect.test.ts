import { describe, it, expect } from 'vitest';
import { csvFormatsOf, sniff } from './detect';
import { detectFormat } from './index';

describe('detectFormat: JSON by its shape', () => {
  it.each([
    ['{"format":"dateline/1","title":"t","events":[]}', 'dateline-json'],
    ['{"format":"dateline/2","events":[]}', 'dateline-json'],
    ['{"title":"t","events":[{"id":"a","time":{"start":"2025"}}]}', 'dateline-json'],
    ['{"events":[{"start_date":{"year":"2025"}}]}', 'timelinejs-json'],
    ['{"title":{"text":{"headline":"T"}},"events":[]}', 'timelinejs-json'],
    ['{"type":"FeatureCollection","features":[]}', 'geojson'],
    ['{"type":"Feature","geometry":null,"properties":{}}', 'geojson'],
    ['\ufeff  {"type":"FeatureCollection","features":[]}', 'geojson'],
  ])('%s → %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('wraps a single Feature in a FeatureCollection', () => {
    const f = { type: 'Feature', geometry: null, properties: {} };
    expect(sniff(JSON.stringify(f))).toEqual({
      format: 'geojson',
      json: { type: 'FeatureCollection', features: [f] },
    });
  });

  it.each([
    ['{"events": [', /^it is not valid JSON \(/],
    ['[1, 2]', /^it is JSON, an array of 2 numbers, not a list of events/],
    [
      '{"type":"Topology","arcs":[]}',
      /^it is JSON of another shape \(an object with keys type, arcs\): not an array of events, no "format": "dateline\/1", no TimelineJS/,
    ],
    [
      '<?xml version="1.0"?>\n<!-- x -->\n<gpx xmlns="x">',
      /^it is XML \(a <gpx> document\), but not KML/,
    ],
    ['<!DOCTYPE html><html>', /^it is a web page \(HTML\)/],
  ])('says why %s is none', (text, reason) => {
    const s = sniff(text);
    expect(s.format).toBeNull();
    expect(s.format === null && s.reason).toMatch(reason);
  });
});

describe('detectFormat: CSV by its header', () => {
  it.each([
    ['event_id_cnty,event_date,latitude\n', 'acled-csv'],
    ['event_date,event_type,actor1\n', 'acled-csv'],
    ['Year,Month,Day,Headline,Text\n', 'timelinejs-csv'],
    [' YEAR ; headline\n', 'timelinejs-csv'],
    ['title,start\n', 'dateline-csv'],
    ['id;title;date\n', 'dateline-csv'],
  ])('%j → %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('lists every CSV format a header fits', () => {
    expect(csvFormatsOf(['title', 'start', 'year', 'headline'])).toEqual([
      'timelinejs-csv',
      'dateline-csv',
    ]);
  });

  it('breaks a tie with the file name, else takes the more specific format', () => {
    const text = 'Year,Headline,title,start\n';
    expect(detectFormat(text, 'my-timeline.csv')).toBe('timelinejs-csv');
    expect(detectFormat(text, 'events.csv')).toBe('timelinejs-csv');
    const acledAndDateline = 'event_id_cnty,event_date,title,start\n';
    expect(detectFormat(acledAndDateline, 'events.csv')).toBe('acled-csv');
  });

  it('says which header it found when none fits', () => {
    const s = sniff('a,b,c,d,e,f,g\n1,2,3,4,5,6,7\n');
    expect(s.format === null && s.reason).toBe(
      'its first line (a, b, c, d, e, f, …) names no column Dateline recognises: it needs at least a date column (date, start, event_date…) and a title (title, headline, event…); a TimelineJS sheet has Year and Headline, an ACLED export event_id_cnty and event_date',
    );
  });

  it('says when the first line is data, not a header', () => {
    const s = sniff('20240101\t1234\tUSA\t45.2\n20240102\t1235\tFRA\t2.1\n');
    expect(s.format === null && s.reason).toBe(
      'it is tab-separated text whose first line (20240101, 1234, USA, 45.2) is data, not a header: Dateline needs a first line naming the columns (a date column such as date or start, a title…)',
    );
  });

  it('reads any other header with a recognised column through the column mapping', () => {
    expect(detectFormat('date,event,source\n')).toBe('columns-csv');
    expect(detectFormat('title,date,actor1,url\n')).toBe('columns-csv');
    expect(detectFormat('[{"date":"2024","name":"A"}]')).toBe('columns-json');
    expect(detectFormat('{"rows":[{"date":"2024"}],"meta":{}}')).toBe('columns-json');
  });

  it('uses the extension to explain a file named JSON that is not', () => {
    const s = sniff('title\nnot json', 'data.json');
    expect(s.format === null && s.reason).toBe(
      'it is named as JSON but does not start with { or [',
    );
  });

  it('content wins over the extension', () => {
    expect(detectFormat('title,start\nA,2025\n', 'data.json')).toBe('dateline-csv');
    expect(detectFormat('{"type":"FeatureCollection","features":[]}', 'data.csv')).toBe('geojson');
  });

  it('finds nothing in an empty file', () => {
    expect(sniff('  \n')).toEqual({ format: null, reason: 'the file is empty' });
  });
});

describe('detectFormat: UCDP GED', () => {
  it('reads a header with date_start, side_a, side_b and a precision code as UCDP GED', () => {
    expect(
      detectFormat('id,side_a,side_b,date_prec,date_start,date_end\n1,A,B,1,2024-01-01,'),
    ).toBe('ucdp-ged-csv');
    // Without a precision code it is not taken for UCDP GED; its columns still name a date.
    expect(detectFormat('id,side_a,side_b,date_start\n1,A,B,2024-01-01')).toBe('columns-csv');
  });
});

describe('detectFormat: timemap, TimelineJS 2, StoryMapJS, KML, iCalendar and GDELT', () => {
  const gdeltLine = (columns: number) =>
    ['1256322772', '20250708', ...Array.from({ length: columns - 2 }, () => '')].join('\t');

  it.each([
    [
      '[{"id":"1","description":"d","date":"01/02/2020","latitude":"1","longitude":"2","sources":[],"associations":[]}]',
      'timemap-json',
    ],
    ['{"timeline":{"headline":"T","date":[{"startDate":"2012,1,26"}]}}', 'timelinejs2-json'],
    ['{"storymap":{"slides":[]}}', 'storymap-json'],
    ['<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>', 'kml'],
    ['<kml:kml xmlns:kml="http://www.opengis.net/kml/2.2"></kml:kml>', 'kml'],
    ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', 'ical'],
    [`${gdeltLine(61)}\n${gdeltLine(61)}\n`, 'gdelt'],
    [gdeltLine(58), 'gdelt'],
    [gdeltLine(57), 'gdelt'],
  ])('%s → %s', (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });

  it('leaves other JSON arrays and other XML alone, saying what the file looks like', () => {
    expect(detectFormat('[{"title":"A","date":"2020"}]')).toBe('columns-json');
    expect(sniff('<?xml version="1.0"?><gpx></gpx>')).toEqual({
      format: null,
      reason:
        'it is XML (a <gpx> document), but not KML (it has no <kml> element), the only XML Dateline reads',
    });
    expect(detectFormat(gdeltLine(60))).toBeNull();
  });
});
