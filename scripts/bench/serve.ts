// The benchmark's build, data and server: the app built into bench-results/dist (with hidden
// source maps, for --profile), the generated datasets in bench-results/data (made once per
// generator version), both served from one origin (the data at /bench/), as `?data=` requires.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { generateDataset } from '../generate';
import { DATA, DIST, SEED } from './config';
import { log, sizeLabel } from './util';

export function build(dist = DIST): void {
  log(`building into ${dist} …`);
  const r = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '--outDir',
      dist,
      '--emptyOutDir',
      '--sourcemap',
      'hidden',
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

/** Ids of a dataset file's events that have a place (only those reach the map). */
export function placedIdsOf(path: string): Set<string> {
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    events: Array<{ id: string; place?: unknown }>;
  };
  return new Set(data.events.filter((e) => e.place != null).map((e) => e.id));
}

/** The dataset file for n events, generated unless a file newer than the generator exists. */
export function dataFile(n: number): { name: string; path: string; bytes: number } {
  mkdirSync(DATA, { recursive: true });
  const name = `events-${sizeLabel(n)}.json`;
  const path = join(DATA, name);
  const generator = statSync('scripts/generate.ts').mtimeMs;
  if (!existsSync(path) || statSync(path).mtimeMs < generator) {
    log(`generating ${path} (${n} events, seed ${SEED}) …`);
    writeFileSync(path, JSON.stringify(generateDataset({ events: n, seed: SEED })));
  }
  return { name, path, bytes: statSync(path).size };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** dist/ at /, the generated data at /bench/: one origin, as the app's `?data=` requires. */
export function serve(dist = DIST): Promise<{ server: Server; origin: string }> {
  const roots: Array<[string, string]> = [
    ['/bench/', resolve(DATA)],
    // The clustered canvas peer page (./peer.ts) and the two libraries it loads as they ship.
    ['/peer/lib/leaflet/', resolve('node_modules/leaflet/dist')],
    ['/peer/lib/supercluster/', resolve('node_modules/supercluster/dist')],
    ['/peer/', resolve('scripts/bench/peer')],
    ['/', resolve(dist)],
  ];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, root] = roots.find(([p]) => path.startsWith(p)) ?? roots[1]!;
    let file = normalize(join(root, path.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      ok({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}
