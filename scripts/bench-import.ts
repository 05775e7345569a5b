// Import time of large tables, in Node, through the same `importDataset` the import worker runs:
// a Dateline CSV, a CSV with named columns (read through the column mapping) and an ACLED-shaped
// export, each of 100,000 rows by default, made from the generated dataset (seed 1).
//
//   npm run bench:import                      # 100,000 rows, 3 runs each
//   npm run bench:import -- --rows 10000 --runs 1
//
// Prints a table (median of the runs) and writes bench-results/bench-import.json. Figures, not
// pass/fail; the README's Performance section quotes them.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { toCsv } from '../src/formats/csv';
import { exportEvents, importDataset } from '../src/formats/index';
import type { Dataset } from '../src/model/dataset';
import { loadDataset } from '../src/model/load';
import { generateDataset } from './generate';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench-results/bench-import.json' },
  },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);

function generated(rows: number): Dataset {
  const { dataset } = loadDataset(generateDataset({ events: rows, seed: 1 }), 'generated.json');
  if (!dataset) throw new Error('the generated dataset did not load');
  return dataset;
}

/** The events as a sheet a newsroom keeps: its own column names, place split into admin columns. */
function namedColumnsCsv(d: Dataset): string {
  const rows = [
    [
      'date',
      'headline',
      'notes',
      'town/city',
      'admin1',
      'country',
      'lat',
      'lng',
      'actor1',
      'actor2',
      'source',
    ],
  ];
  for (const e of d.events) {
    const place = e.placeKey === null ? undefined : d.places.get(e.placeKey);
    const [a1, a2] = e.actors.map((a) => d.actors.get(a.actor)?.name ?? a.actor);
    rows.push([
      e.time.start.slice(0, 10),
      e.title,
      e.summary,
      place?.name ?? '',
      place ? 'Region' : '',
      place ? 'Country' : '',
      place ? String(place.lat) : '',
      place ? String(place.lon) : '',
      a1 ?? '',
      a2 ?? '',
      d.sources.get(e.claim.by)?.title ?? '',
    ]);
  }
  return toCsv(rows);
}

/** ACLED's export columns, dates written day first as an Excel re-save writes them. */
function acledCsv(d: Dataset): string {
  const header = [
    'event_id_cnty',
    'event_date',
    'year',
    'time_precision',
    'disorder_type',
    'event_type',
    'sub_event_type',
    'actor1',
    'assoc_actor_1',
    'inter1',
    'actor2',
    'assoc_actor_2',
    'inter2',
    'interaction',
    'civilian_targeting',
    'iso',
    'region',
    'country',
    'admin1',
    'admin2',
    'admin3',
    'location',
    'latitude',
    'longitude',
    'geo_precision',
    'source',
    'source_scale',
    'notes',
    'fatalities',
    'tags',
    'timestamp',
  ];
  const types = [
    'Battles',
    'Protests',
    'Riots',
    'Explosions/Remote violence',
    'Strategic developments',
  ];
  const rows = [header];
  d.events.forEach((e, i) => {
    const place = e.placeKey === null ? undefined : d.places.get(e.placeKey);
    const [y, m, day] = e.time.start.slice(0, 10).split('-');
    const [a1, a2] = e.actors.map((a) => d.actors.get(a.actor)?.name ?? a.actor);
    rows.push([
      `XYZ${i}`,
      `${day}/${m}/${y}`,
      y!,
      String(1 + (i % 3)),
      'Political violence',
      types[i % types.length]!,
      'Armed clash',
      a1 ?? 'Unidentified Armed Group',
      '',
      String(1 + (i % 8)),
      a2 ?? '',
      '',
      a2 ? String(1 + ((i + 3) % 8)) : '',
      '12',
      '',
      '999',
      'Middle East',
      'Country',
      'Region',
      '',
      '',
      place?.name ?? 'Somewhere',
      String(place?.lat ?? 31.5),
      String(place?.lon ?? 34.45),
      '1',
      d.sources.get(e.claim.by)?.title ?? 'Source',
      'National',
      e.summary,
      String(i % 5),
      '',
      '1700000000',
    ]);
  });
  return toCsv(rows);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const d = generated(ROWS);
const files: Array<[name: string, fileName: string, text: string]> = [
  ['Dateline CSV', 'events.csv', exportEvents('csv', d, d.events).text],
  ['CSV with named columns', 'sheet.csv', namedColumnsCsv(d)],
  ['ACLED export CSV', 'acled-export.csv', acledCsv(d)],
];

const results = files.map(([name, fileName, text]) => {
  const times: number[] = [];
  let loaded = 0;
  let format = '';
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const r = importDataset(text, { fileName });
    times.push(performance.now() - t0);
    loaded = r.report.eventsAccepted;
    format = r.format;
  }
  return {
    name,
    format,
    rows: ROWS,
    loaded,
    mb: text.length / 1e6,
    ms: median(times),
    runs: times,
  };
});

console.log(
  `Import in Node (median of ${RUNS}), ${ROWS.toLocaleString('en-US')} rows, ${os.cpus()[0]?.model ?? ''}`,
);
console.log('file                     format        MB   loaded      ms');
for (const r of results) {
  console.log(
    `${r.name.padEnd(24)} ${r.format.padEnd(12)} ${r.mb.toFixed(1).padStart(5)} ${String(r.loaded).padStart(8)} ${Math.round(r.ms).toString().padStart(7)}`,
  );
}
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(
  args.out,
  JSON.stringify(
    { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results },
    null,
    2,
  ),
);
console.log(`Written to ${args.out}`);
