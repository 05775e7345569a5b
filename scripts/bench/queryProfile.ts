// What a filter change costs the query service, part by part: the three questions the page asks
// when an actor is ticked (`/facets`, `/events` for the timeline's window, `/events?bbox=` for the
// map's bounds), each run on its own and timed (wall and the process's CPU), several times, on the
// service's own prepared database (prepared first when it is not yet).
//
//   npx tsx scripts/bench/queryProfile.ts bench-results/data/events-1000k.parquet [--runs 5]
import { cpuUsage } from 'node:process';
import { parseArgs } from 'node:util';
import { openEventsDatabase } from '../serve-data/database';
import { events, facets } from '../serve-data/queries';
import { readEventsQuery, readFiltersQuery } from '../serve-data/request';
import { DATA } from './config';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5' },
    threads: { type: 'string', default: '2' },
    memory: { type: 'string', default: '2GB' },
    actors: { type: 'string', default: 'hamas' },
  },
});
const RUNS = Number(values.runs);
const started = performance.now();
const db = await openEventsDatabase(positionals[0]!, {
  cacheDir: DATA,
  threads: Number(values.threads),
  memoryLimit: values.memory,
  onProgress: (m) => console.log(m),
});
console.log(`opened in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// The page's questions after ticking one actor, with the whole span in view (as at load).
const a = `actors=${values.actors}`;
const span = `start=1262304000000&end=1735689600000&slices=48&cell=7.5`;
const parts: Array<[string, () => Promise<unknown>]> = [
  ['facets', () => run((c) => facets(c, readFiltersQuery(new URLSearchParams(a))))],
  [
    'events (window)',
    () => run((c) => events(c, readEventsQuery(new URLSearchParams(`${a}&${span}`)))),
  ],
  [
    'events (map bbox)',
    () =>
      run((c) =>
        events(
          c,
          readEventsQuery(
            new URLSearchParams(`${a}&bbox=-180,-85,180,85&limit=2000&slices=1&cell=7.5`),
          ),
        ),
      ),
  ],
  ['facets (no filter)', () => run((c) => facets(c, readFiltersQuery(new URLSearchParams(''))))],
];

async function run<T>(work: (c: Awaited<ReturnType<typeof db.connect>>) => Promise<T>) {
  const c = await db.connect();
  try {
    return await work(c);
  } finally {
    c.closeSync();
  }
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
for (const [name, work] of parts) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const c0 = cpuUsage();
    const t0 = performance.now();
    await work();
    wall.push(performance.now() - t0);
    const c1 = cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  console.log(
    `${name.padEnd(20)} wall median ${median(wall).toFixed(0)} ms (min ${Math.min(...wall).toFixed(0)}), CPU median ${median(cpu).toFixed(0)} ms`,
  );
}
const { readFileSync } = await import('node:fs');
console.log(`load ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
db.close();
