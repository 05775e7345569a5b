// Export as Dateline JSON, then import: everything `dateline/1` has comes back, for the events
// exported and the actors, places and sources they use. It can hold every field.
import { describe, it, expect } from 'vitest';
import type { Dataset } from '../model/dataset';
import { rawEvent } from './exportDatelineJson';
import { exportEvents, importDataset } from './index';
import { richDataset } from './richDataset';

function roundTrip(dataset: Dataset, ids?: string[]) {
  const events = ids ? dataset.events.filter((e) => ids.includes(e.id)) : dataset.events;
  const file = exportEvents('dateline-json', dataset, events);
  const back = importDataset(file.text, { fileName: `export.${file.extension}` });
  return { file, back, events };
}

describe('Dateline JSON export', () => {
  it('is JSON of format dateline/1, named as such', () => {
    const { file, back } = roundTrip(richDataset());
    expect(file.mime).toBe('application/json');
    expect(file.extension).toBe('json');
    expect(back.format).toBe('dateline-json');
    expect(back.report.problems).toEqual([]);
  });

  it('round-trips every event field, the dataset’s title, description and extra', () => {
    const dataset = richDataset();
    const { back } = roundTrip(dataset);
    expect(back.dataset.events.map(rawEvent)).toEqual(dataset.events.map(rawEvent));
    expect(back.dataset.title).toBe(dataset.title);
    expect(back.dataset.description).toBe(dataset.description);
    expect(back.dataset.extra).toEqual(dataset.extra);
  });

  it('keeps the language the dataset declares', () => {
    const { back } = roundTrip({ ...richDataset(), language: 'ar' });
    expect(back.dataset.language).toBe('ar');
    expect(roundTrip(richDataset()).back.dataset.language).toBeUndefined();
  });

  it('keeps only the actors, places and sources the events use, with whole memberOf chains', () => {
    const dataset = richDataset();
    const { back } = roundTrip(dataset);
    expect([...back.dataset.actors.keys()]).toEqual(['state-a', 'gov-a', 'minister-a', 'mediator']);
    expect([...back.dataset.actors.values()]).toEqual(
      [...back.dataset.actors.keys()].map((id) => dataset.actors.get(id)),
    );
    expect(back.dataset.places.get('cairo')).toEqual(dataset.places.get('cairo'));
    expect(back.dataset.places.has('unused-place')).toBe(false);
    expect([...back.dataset.sources.values()]).toEqual([dataset.sources.get('wire')]);
  });

  it('exports only the events it is given', () => {
    const { back } = roundTrip(richDataset(), ['night-strike']);
    expect(back.dataset.events.map((e) => e.id)).toEqual(['night-strike']);
    // State A takes part; the Government of A claims it; nothing else is needed.
    expect([...back.dataset.actors.keys()]).toEqual(['state-a', 'gov-a']);
    expect(back.dataset.sources.size).toBe(0);
    expect([...back.dataset.places.values()].every((p) => p.inline)).toBe(true);
  });
});
