// The import worker's share of a Parquet load, in Node: the same code the worker runs, timed by
// phase, CPU (process.cpuUsage: what the machine's load does not stretch) and wall, for the row
// path (each row through the CSV field readers and the loader, then the event table built from
// event objects) and the column path (./../../src/formats/columnar/columnImport.ts). The files
// are scripts/gen-parquet.ts's, written to bench-results/data if missing.
//
//   npx tsx scripts/bench/workerImport.ts --events 100000,1000000 [--path columns|rows|both]
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parquetFile } from '../gen-parquet';
import { DATA } from './config';
import { readParquet } from '../../src/formats/columnar/parquet';
import { importColumnar, importColumnarAsColumns } from '../../src/formats/columnar';
import { columnDatasetParts, datasetParts } from '../../src/data/datasetParts';

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '100000' },
    path: { type: 'string', default: 'both' },
    /** Leave out hyparquet's read alone (its garbage would be collected in the paths' time). */
    'skip-read': { type: 'boolean', default: false },
  },
});

interface Timed {
  cpuMs: number;
  wallMs: number;
}

async function timed<T>(run: () => Promise<T> | T): Promise<[T, Timed]> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return [value, { cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall }];
}

const show = (label: string, t: Timed) =>
  console.log(
    `  ${label.padEnd(44)} CPU ${Math.round(t.cpuMs).toLocaleString('en').padStart(7)} ms   wall ${Math.round(t.wallMs).toLocaleString('en').padStart(7)} ms`,
  );

/** Every part, each through a structured clone with its transfers, as postMessage makes them. */
function handOver(parts: Iterable<{ part: unknown; transfer: Transferable[] }>): number {
  let n = 0;
  for (const { part, transfer } of parts) {
    structuredClone(part, { transfer });
    n++;
  }
  return n;
}

async function main() {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, ${cpus().length} CPUs`,
  );
  for (const events of args.events.split(',').map(Number)) {
    const { path, name } = parquetFile(DATA, events);
    const bytes = new Uint8Array(readFileSync(path));
    console.log(
      `\n${events.toLocaleString('en')} events (${name}, ${(bytes.length / 2 ** 20).toFixed(1)} MB)`,
    );
    if (!args['skip-read']) {
      const buffer = bytes.slice().buffer;
      const [, read] = await timed(() => readParquet(buffer));
      show("hyparquet's read alone", read);
    }
    const opts = { fileName: name };
    if (args.path !== 'columns') {
      const [rows, rowsT] = await timed(() => importColumnar(bytes, 'parquet', opts));
      show('row path: read, rows, loader', rowsT);
      const [, partsT] = await timed(() => handOver(datasetParts(rows.dataset, rows.report)));
      show('row path: index, table, handover', partsT);
      show('row path: the worker in all', {
        cpuMs: rowsT.cpuMs + partsT.cpuMs,
        wallMs: rowsT.wallMs + partsT.wallMs,
      });
    }
    if (args.path !== 'rows') {
      const [cols, colsT] = await timed(() => importColumnarAsColumns(bytes, 'parquet', opts));
      if (!('columns' in cols)) throw new Error(`the column path declined: ${cols.declined}`);
      show('column path: read, columns, index, table', colsT);
      const [, partsT] = await timed(() => handOver(columnDatasetParts(cols.columns)));
      show('column path: handover', partsT);
      show('column path: the worker in all', {
        cpuMs: colsT.cpuMs + partsT.cpuMs,
        wallMs: colsT.wallMs + partsT.wallMs,
      });
    }
    console.log(
      `  load average after: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  }
}

void main();
