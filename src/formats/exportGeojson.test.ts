// Export as GeoJSON, then import. What GeoJSON holds: everything CSV does (see
// exportCsv.test.ts) plus summaryHtml and media; an unplaced event is a feature with
// `geometry: null`; a geocoded place says where it came from. What it cannot hold: evidence; actor ids, kinds, aliases and memberOf; a
// claim by an actor who takes part in no exported event (it comes back as a source); sources
// beyond their title; place ids, radius and note; the dataset's extra.
import { describe, it, expect } from 'vitest';
import type { Dataset, DatelineEvent } from '../model/dataset';
import { exportEvents, importDataset } from './index';
import { richDataset } from './richDataset';
import { whatCsvHolds } from './whatCsvHolds';

/** What CSV holds, plus the formatted summary and the media. */
function whatGeojsonHolds(e: DatelineEvent, d: Dataset) {
  return { ...whatCsvHolds(e, d), summaryHtml: e.summaryHtml, media: e.media };
}

const holds = (d: Dataset) => d.events.map((e) => whatGeojsonHolds(e, d));

describe('GeoJSON export', () => {
  it('round-trips every field GeoJSON can hold, and the dataset’s title and description', () => {
    const dataset = richDataset();
    const file = exportEvents('geojson', dataset, dataset.events);
    const back = importDataset(file.text, { fileName: 'export.geojson' });
    expect(back.format).toBe('geojson');
    expect(back.report.problems).toEqual([]);
    expect(holds(back.dataset)).toEqual(holds(dataset));
    expect(back.dataset.title).toBe(dataset.title);
    expect(back.dataset.description).toBe(dataset.description);
  });

  it('writes extra keys named like fields the import reads as extra.<key>, even when unused', () => {
    const dataset = richDataset();
    const bare = dataset.eventById.get('a-month')!;
    const extra = { summary: 's', description: 'd', location: 'l', name: 'n', 'extra.x': 'x' };
    const event = { ...bare, extra };
    const file = exportEvents('geojson', dataset, [event]);
    const props = (JSON.parse(file.text) as { features: Array<{ properties: object }> })
      .features[0]!.properties;
    expect(Object.keys(props)).toEqual(
      expect.arrayContaining([
        'extra.summary',
        'extra.description',
        'extra.location',
        'extra.name',
        'extra.extra.x',
      ]),
    );
    const back = importDataset(file.text, { fileName: 'x.geojson' });
    expect(back.report.problems).toEqual([]);
    expect(back.dataset.events[0]).toMatchObject({ summary: '', place: null, extra });
  });

  it('writes Points for placed events and null geometry for the others', () => {
    const dataset = richDataset();
    const file = exportEvents('geojson', dataset, dataset.events);
    expect(file.mime).toBe('application/geo+json');
    expect(file.extension).toBe('geojson');
    const doc = JSON.parse(file.text) as {
      type: string;
      features: Array<{ id: string; geometry: unknown }>;
    };
    expect(doc.type).toBe('FeatureCollection');
    const geometry = Object.fromEntries(doc.features.map((f) => [f.id, f.geometry]));
    expect(geometry['talks-resume']).toEqual({ type: 'Point', coordinates: [31.2357, 30.0444] });
    expect(geometry['night-strike']).toEqual({ type: 'Point', coordinates: [-18.4241, -33.9249] });
    expect(geometry['a-year']).toBeNull();
  });

  it('says which places Dateline found by name, only on those features', () => {
    const dataset = richDataset();
    const doc = JSON.parse(exportEvents('geojson', dataset, dataset.events).text) as {
      features: Array<{ id: string; properties: Record<string, unknown> }>;
    };
    const props = (id: string) => doc.features.find((f) => f.id === id)!.properties;
    expect(props('night-strike')).toMatchObject({
      geocoded_from: 'South',
      geocoded_match: 'South (area)',
      geocoded_by: 'alias',
    });
    expect(props('talks-resume')).not.toHaveProperty('geocoded_from');
    expect(props('talks-resume')).not.toHaveProperty('geocoded_by');
  });
});
