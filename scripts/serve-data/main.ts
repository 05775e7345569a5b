// `npm run serve-data -- <file.parquet|folder> [--port 4400] [--host 127.0.0.1]
//   [--origin http://localhost:5173] [--timeout-ms 10000] [--threads N] [--memory 2GB]
//   [--export-cap 1000000]`
// Serves a Parquet events table (Dateline CSV columns) to Dateline pages that open it with
// `?source=http://127.0.0.1:4400`. On loopback only unless --host says otherwise. See
// docs/i15-duckdb.md for the API and for running it for many users.
import { parseArgs } from 'node:util';
import { openEventsDatabase } from './database';
import { startService } from './server';

const USAGE =
  'usage: npm run serve-data -- <file.parquet|folder> [--port 4400] [--host 127.0.0.1] ' +
  '[--origin <app origin>]… [--timeout-ms 10000] [--threads N] [--memory 2GB] ' +
  '[--export-cap 1000000] [--quiet]';

function fail(message: string): never {
  console.error(`serve-data: ${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '4400' },
      host: { type: 'string', default: '127.0.0.1' },
      origin: { type: 'string', multiple: true },
      'timeout-ms': { type: 'string', default: '10000' },
      threads: { type: 'string' },
      memory: { type: 'string' },
      'cache-dir': { type: 'string' },
      'export-cap': { type: 'string', default: '1000000' },
      quiet: { type: 'boolean', default: false },
    },
  });
} catch (err) {
  fail((err as Error).message);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) fail('give one Parquet file or folder');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fail(`--port ${values.port} is not a port`);
const timeoutMs = Number(values['timeout-ms']);
if (!Number.isInteger(timeoutMs) || timeoutMs < 100) fail('--timeout-ms must be 100 or more');
const threads = values.threads === undefined ? undefined : Number(values.threads);
if (threads !== undefined && (!Number.isInteger(threads) || threads < 1))
  fail('--threads must be 1 or more');
const exportCap = Number(values['export-cap']);
if (!Number.isInteger(exportCap) || exportCap < 1) fail('--export-cap must be 1 or more');
// Without --origin, any page may read the answers: the service is on loopback and read-only, and
// a Dateline page may be served from any local port (vite's 5173, preview's 4173, a test's).
const origins = values.origin?.length ? values.origin : ['*'];

try {
  const started = performance.now();
  const db = await openEventsDatabase(positionals[0]!, {
    cacheDir: values['cache-dir'],
    threads,
    memoryLimit: values.memory,
    onProgress: (m) => console.log(m),
  });
  const { url } = await startService(db, {
    host: values.host,
    port,
    origins,
    timeoutMs,
    exportCap,
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Serving ${db.files.length} Parquet file(s) at ${url} (ready in ${seconds} s)`);
  console.log(`Open Dateline with ?source=${url}`);
} catch (err) {
  console.error(`serve-data: ${(err as Error).message}`);
  process.exit(1);
}
