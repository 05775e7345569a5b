// A dataset that uses every field `dateline/1` has, for the export and round-trip tests.
import type { Dataset } from '../model/dataset';
import { loadDataset } from '../model/load';

export const RICH_SOURCE_TEXT = 'Officials said talks would resume in Cairo next week.';

export function richDataset(): Dataset {
  const { dataset, report } = loadDataset(
    {
      format: 'dateline/1',
      title: 'Talks & truce — a test',
      description: 'Every field, <b>escaped</b> where it must be.',
      extra: {
        eras: [{ title: 'Phase one', start: '2025-01-19', end: '2025-03-01' }],
      },
      actors: [
        { id: 'state-a', name: 'State A', kind: 'state' },
        { id: 'gov-a', name: 'Government of A', kind: 'government', memberOf: 'state-a' },
        { id: 'minister-a', name: 'Minister of A', kind: 'person', memberOf: 'gov-a' },
        { id: 'mediator', name: 'The Mediator', kind: 'organisation', aliases: ['Broker'] },
        { id: 'unused', name: 'Unused actor', kind: 'people' },
      ],
      places: [
        { id: 'cairo', name: 'Cairo, Egypt', lat: 30.0444, lon: 31.2357, precision: 'city' },
        { id: 'unused-place', name: 'Nowhere', lat: 0, lon: 0, precision: 'country' },
      ],
      sources: [
        {
          id: 'wire',
          title: 'Wire report',
          publisher: 'Wire',
          url: 'https://example.org/wire',
          text: RICH_SOURCE_TEXT,
        },
        { id: 'unused-source', title: 'Unused', publisher: 'Nobody' },
      ],
      events: [
        {
          id: 'talks-resume',
          title: 'Talks resume in Cairo',
          summary: 'Talks resume, officials say.',
          summaryHtml: '<p>Talks <b>resume</b>, officials say.</p>',
          media: [
            {
              url: 'https://example.org/a.jpg',
              caption: 'Delegates & guests',
              credit: 'Example',
              thumbnail: 'https://example.org/a-thumb.jpg',
            },
          ],
          type: 'negotiation',
          time: { start: '2025-03-03', end: '2025-03-05', precision: 'day', text: 'next week' },
          status: 'scheduled',
          place: 'cairo',
          actors: [
            { actor: 'minister-a', role: 'party' },
            { actor: 'mediator', role: 'mediator' },
          ],
          claim: { by: 'wire', status: 'reported' },
          evidence: [{ source: 'wire', quote: 'talks would resume in Cairo', start: 15, end: 42 }],
          tags: ['negotiations', 'cairo'],
          extra: { fatalities: '0', title: 'an extra key named like a column', Notes: '=2+2' },
        },
        {
          id: 'night-strike',
          title: '=HYPERLINK("http://evil","click") strike',
          summary: '-1 line\nwith a newline, a "quote" and a; semicolon',
          type: 'military',
          time: { start: '2025-02-27T23:05+02:00', precision: 'minute', approximate: true },
          status: 'occurred',
          place: {
            name: 'South of the river',
            lat: -33.9249,
            lon: -18.4241,
            precision: 'area',
            geocoded: { query: 'South', matched: 'South (area)', by: 'alias' },
          },
          actors: [{ actor: 'state-a', role: 'party' }],
          claim: { by: 'gov-a', status: 'claimed' },
          tags: [],
        },
        {
          id: 'hourly',
          title: 'An hour',
          type: 'statement',
          time: { start: '2025-02-27T10:00', precision: 'hour' },
          status: 'occurred',
          claim: { by: 'mediator', status: 'disputed' },
        },
        {
          id: 'a-year',
          title: 'A year, no place',
          type: 'other',
          time: { start: '2024', end: '2025', precision: 'year', approximate: true },
          status: 'expected',
          claim: { by: 'wire', status: 'confirmed' },
          tags: ['long'],
        },
        {
          id: 'a-month',
          title: 'A month',
          type: 'deadline',
          time: { start: '2025-02', precision: 'month' },
          status: 'occurred',
          claim: { by: 'wire', status: 'reported' },
        },
      ],
    },
    'rich.json',
  );
  if (!dataset || report.problems.length > 0) {
    throw new Error(`rich dataset does not load: ${JSON.stringify(report.problems)}`);
  }
  return dataset;
}
