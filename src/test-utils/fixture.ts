// A small valid dataset for unit tests of the store and the views' pure helpers.
import type { Dataset } from '../model/dataset';
import { loadDataset } from '../model/load';

export const SOURCE_TEXT =
  'First paragraph says talks began.\nSecond paragraph: the envoy is expected soon.';

export function fixtureDataset(): Dataset {
  const { dataset, report } = loadDataset(
    {
      format: 'dateline/1',
      title: 'Fixture',
      actors: [
        { id: 'state-a', name: 'State A', kind: 'state' },
        { id: 'gov-a', name: 'Government of A', kind: 'government', memberOf: 'state-a' },
        { id: 'leader-a', name: 'Leader of A', kind: 'person', memberOf: 'gov-a' },
      ],
      places: [
        { id: 'city', name: 'City', lat: 30, lon: 31, precision: 'city' },
        { id: 'region', name: 'Region', lat: 30, lon: 38, precision: 'region', radiusKm: 800 },
      ],
      sources: [{ id: 'src', title: 'Article', publisher: 'Wire', text: SOURCE_TEXT }],
      events: [
        {
          id: 'talks',
          title: 'Talks begin',
          type: 'negotiation',
          status: 'occurred',
          time: { start: '2025-02-27', precision: 'day' },
          place: 'city',
          actors: [{ actor: 'leader-a', role: 'party' }],
          claim: { by: 'src', status: 'reported' },
          evidence: [{ source: 'src', quote: 'talks began', start: 21, end: 32 }],
        },
        {
          id: 'envoy',
          title: 'Envoy expected',
          type: 'visit',
          status: 'expected',
          time: {
            start: '2025-02-28',
            end: '2025-03-07',
            precision: 'day',
            approximate: true,
            text: 'soon',
          },
          place: 'region',
          claim: { by: 'src', status: 'reported' },
        },
        {
          id: 'statement',
          title: 'A statement',
          type: 'statement',
          status: 'occurred',
          time: { start: '2025-02-26', precision: 'day' },
          place: 'city',
          claim: { by: 'state-a', status: 'claimed' },
        },
        {
          id: 'nowhere',
          title: 'No place given',
          type: 'other',
          status: 'occurred',
          time: { start: '2025-02', precision: 'month', approximate: true },
          place: null,
          claim: { by: 'src', status: 'reported' },
        },
      ],
    },
    'fixture.json',
  );
  if (!dataset || report.problems.length) {
    throw new Error(`fixture does not load: ${JSON.stringify(report.problems)}`);
  }
  return dataset;
}
