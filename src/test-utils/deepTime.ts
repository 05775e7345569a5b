// A dataset across eras for tests of dates before 1 CE and beyond what a JS Date holds.
import type { Dataset } from '../model/dataset';
import { loadDataset } from '../model/load';

/** Events at year precision (with an optional end), in the order given. */
export function deepTimeDataset(
  events: ReadonlyArray<readonly [string, string, string?]>,
): Dataset {
  const { dataset } = loadDataset(
    {
      format: 'dateline/1',
      title: 'Deep time',
      sources: [{ id: 'wire', title: 'Wire', publisher: 'Wire' }],
      events: events.map(([id, start, end]) => ({
        id,
        title: id,
        type: 'other',
        status: 'occurred',
        time: { start, ...(end && { end }), precision: start.includes('-', 1) ? 'day' : 'year' },
        claim: { by: 'wire', status: 'reported' },
      })),
    },
    'deep-time.json',
  );
  if (!dataset) throw new Error('the deep-time test dataset did not load');
  return dataset;
}
