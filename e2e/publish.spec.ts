// `npm run publish -- <dataset file> <out dir>`: a static folder that a plain static server
// (sirv) serves, which opens its own dataset (not the bundled one), describes itself for CMSs
// (oembed.json, linked from the page) and carries the detailed outlines and the static hosts'
// headers.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, seed, test } from './fixtures';

// The app's port plus 200: plus 100 is the DuckDB service of query-source.spec, which may run at once.
const PORT = Number(process.env.DATELINE_E2E_PORT ?? 4173) + 200;
const ORIGIN = `http://127.0.0.1:${PORT}`;

let server: ChildProcess | undefined;
let out = '';
const TITLE = 'A published dataset: four events';
const EVENTS = seed.events.slice(0, 4);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-publish-'));
  const file = join(dir, 'four events.json');
  writeFileSync(file, JSON.stringify({ ...seed, title: TITLE, events: EVENTS }));
  out = join(dir, 'site');
  // The app is built already (e2e runs after the build).
  execFileSync('npx', ['tsx', 'scripts/publish.ts', file, out, '--skip-build'], {
    stdio: 'pipe',
  });
  // sirv's own script under this Node, so that killing it stops the server (npx would not).
  server = spawn(
    process.execPath,
    ['node_modules/sirv-cli/bin.js', out, '--port', String(PORT), '--host', '127.0.0.1'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(ORIGIN)).ok) return;
    } catch {
      // not yet up
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`sirv did not start on ${ORIGIN}`);
});

test.afterAll(() => {
  server?.kill();
});

test('the published folder, served by a plain static server, opens its own dataset', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${ORIGIN}/`);
  await expect(page.getByTestId('event-count')).toHaveText(`${EVENTS.length} events`, {
    timeout: 60_000,
  });
  await expect(page.locator('.dl-dataset-title')).toHaveText(TITLE);
  await expect(page).toHaveTitle(`${TITLE} · Dateline`);
  await expect(page.locator('[data-basemap]')).toHaveAttribute('data-basemap', /^(50m|10m)$/, {
    timeout: 60_000,
  });
  expect(requests).toContain(`${ORIGIN}/data/four-events.json`);
  expect(requests.some((u) => u.includes('gaza-ceasefire-2025-02.json'))).toBe(false);
  expect(existsSync(join(out, 'data', 'gaza-ceasefire-2025-02.json'))).toBe(false);

  // The detailed outlines are in the folder and load when zoomed in to a place.
  await page.goto(`${ORIGIN}/?map=31.5000,34.4000,9`);
  await expect(page.locator('[data-basemap]')).toHaveAttribute('data-basemap', '10m', {
    timeout: 60_000,
  });

  // The oEmbed description, linked from the page, embeds this folder's page.
  const href = await page
    .locator('link[rel=alternate][type="application/json+oembed"]')
    .getAttribute('href');
  expect(href).toBe('oembed.json');
  const oembed = (await (await page.request.get(`${ORIGIN}/${href}`)).json()) as Record<
    string,
    unknown
  >;
  expect(oembed).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Dateline' });
  expect(oembed.html).toMatch(/^<iframe src="\.\/\?embed=1" title="A published dataset/);
  // Static hosts that read _headers send the policy with frame-ancestors (embeds allowed).
  expect(readFileSync(join(out, '_headers'), 'utf8')).toMatch(
    /Content-Security-Policy: default-src 'self';.*frame-ancestors \*/,
  );
});
