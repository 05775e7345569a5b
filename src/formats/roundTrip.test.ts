// Each format imported, exported as Dateline JSON and imported again: the same events, with every
// field and every key of extra, so nothing an importer read is lost on the way out.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { exportEvents, importDataset } from './index';

const FILES = [
  'timemap.json',
  'timelinejs2.json',
  'storymap.json',
  'placemarks.kml',
  'calendar.ics',
  'gdelt.export.CSV',
];

describe.each(FILES)('round trip: %s', (name) => {
  it('exports as Dateline JSON and imports back to the same events', () => {
    const first = importDataset(
      readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'),
      { fileName: name },
    );
    const file = exportEvents('dateline-json', first.dataset, first.dataset.events);
    const second = importDataset(file.text, { fileName: `${name}.json` });
    expect(second.report.problems).toEqual([]);
    const strip = ({ index: _i, ...e }: (typeof first.dataset.events)[number]) => e;
    expect(second.dataset.events.map(strip)).toEqual(first.dataset.events.map(strip));
    // The export writes the sources events cite (their claims); a timemap event's other sources
    // stay listed in its extra.sources.
    const cited = new Set(first.dataset.events.map((e) => e.claim.by));
    expect([...second.dataset.sources.values()]).toEqual(
      [...first.dataset.sources.values()].filter((s) => cited.has(s.id)),
    );
    expect([...second.dataset.actors.values()]).toEqual([...first.dataset.actors.values()]);
  });
});
