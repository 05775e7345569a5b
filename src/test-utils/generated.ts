// Generated datasets for unit tests that need more events than the fixture (the same generator
// as the benchmark's), loaded once per size and seed.
import { generateDataset } from '../../scripts/generate';
import type { Dataset } from '../model/dataset';
import { loadDataset } from '../model/load';

const loaded = new Map<string, Dataset>();

export function generatedDataset(events: number, seed = 1): Dataset {
  const key = `${events}:${seed}`;
  let d = loaded.get(key);
  if (!d) {
    d =
      loadDataset(generateDataset({ events, seed }), `generated-${key}.json`).dataset ?? undefined;
    if (!d) throw new Error(`the generated dataset of ${events} events did not load`);
    loaded.set(key, d);
  }
  return d;
}
