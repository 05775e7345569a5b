// Measures the pure filtering module at 1k, 10k and 100k generated events, in Node (no browser):
//   npm run bench:filters
// Prints a table and writes bench-results/filters.json. Figures, not pass/fail: the targets
// live in the README's Performance section.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { applyFilters } from '../src/model/filter/apply';
import { buildEventIndex } from '../src/model/filter/eventIndex';
import { buildTextIndex, searchText, type TextIndex } from '../src/model/filter/textIndex';
import { NO_FILTERS, type Filters } from '../src/model/filter/types';
import { loadDataset } from '../src/model/load';
import { generate } from './generate';

const RUNS = 25;

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2) };
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const results: Record<string, unknown>[] = [];
for (const n of [1_000, 10_000, 100_000]) {
  const raw = generate(n, 1);
  let dataset = null as ReturnType<typeof loadDataset>['dataset'];
  const loadMs = time(() => {
    dataset = loadDataset(raw, `generated-${n}.json`).dataset;
  });
  if (!dataset) throw new Error('generated dataset did not load');
  const d = dataset;
  let index = buildEventIndex(d);
  const indexMs = time(() => {
    index = buildEventIndex(d);
  });
  let text = null as TextIndex | null;
  const textIndexMs = time(() => {
    text = buildTextIndex(d);
  });
  const cases: Record<string, Partial<Filters>> = {
    actor: { actors: ['actor-3'] },
    'two actors, all': { actors: ['actor-1', 'actor-2'], actorMode: 'all' },
    'actor + members': { actors: ['actor-0'], includeMembers: true },
    'date range': { from: '2021-03-01', to: '2021-06-30' },
    text: { q: 'ceasefire deleg' },
    'everything at once': {
      actors: ['actor-1'],
      types: ['statement'],
      from: '2020-01-01',
      q: 'talks',
    },
  };
  const row: Record<string, unknown> = {
    events: n,
    loadMs: +loadMs.toFixed(1),
    indexMs: +indexMs.toFixed(1),
    textIndexMs: +textIndexMs.toFixed(1),
  };
  for (const [name, f] of Object.entries(cases)) {
    const filters = { ...NO_FILTERS, ...f };
    // The text query is searched apart (in the page's worker for a large dataset): its own row.
    const q = filters.q.trim();
    const hits = q && text ? searchText(text, q) : null;
    if (q && text) {
      const t = text;
      row[`${name} (search)`] = stats(
        Array.from({ length: RUNS }, () => time(() => searchText(t, q))),
      );
    }
    applyFilters(index, filters, hits); // warm-up
    row[name] = stats(
      Array.from({ length: RUNS }, () => time(() => applyFilters(index, filters, hits))),
    );
  }
  results.push(row);
}

console.log('Filtering (Node, ms; median / p95 of %d runs)', RUNS);
for (const r of results) {
  const cells = Object.entries(r).map(([k, v]) =>
    typeof v === 'object' && v
      ? `${k}: ${(v as { median: number }).median} / ${(v as { p95: number }).p95}`
      : `${k}: ${String(v)}`,
  );
  console.log(`  ${cells.join(' | ')}`);
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/filters.json',
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, runs: RUNS, results }, null, 2)}\n`,
);
console.log('wrote bench-results/filters.json');
