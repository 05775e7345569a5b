import { describe, expect, it } from 'vitest';
import { buildEarlyDataScript } from './vite-plugin-early-data';

/**
 * Runs the built script as index.html would, on a page at `href` whose <meta> names the import
 * worker's file `worker` (or none); returns what it fetched and the workers it started.
 */
function runOnPage(script: string, href: string, worker?: string) {
  const url = new URL(href);
  const fetched: string[] = [];
  const started: Array<{ url: string; options: { type?: string; name?: string } }> = [];
  const window: Record<string, unknown> = {};
  const fetch = (target: string) => {
    fetched.push(target);
    return Promise.resolve(new Response('{}'));
  };
  class Worker {
    onmessage: unknown = null;
    onerror: unknown = null;
    constructor(at: URL, options: { type?: string; name?: string }) {
      started.push({ url: at.href, options });
    }
  }
  const document = {
    baseURI: href,
    querySelector: (selector: string) =>
      worker !== undefined && selector === 'meta[name="dateline-import-worker"]'
        ? { getAttribute: (name: string) => (name === 'content' ? worker : null) }
        : null,
  };
  new Function('window', 'location', 'document', 'fetch', 'Worker', script)(
    window,
    url,
    document,
    fetch,
    Worker,
  );
  const early = window.datelineEarlyData as { href: string } | undefined;
  return { fetched, started, href: early?.href ?? null };
}

const REFUSED = [
  '//127.0.0.2/imports/x.csv',
  'javascript:alert(1)',
  'local:abcdef123',
  'imports/x.csv',
];

describe('the early start built into index.html', () => {
  it('starts the download of a link’s dataset the app accepts, and only of that', async () => {
    const script = await buildEarlyDataScript();
    const page = 'http://127.0.0.1:4173/';
    expect(runOnPage(script, `${page}?data=/imports/events.csv`)).toEqual({
      fetched: ['http://127.0.0.1:4173/imports/events.csv'],
      started: [],
      href: 'http://127.0.0.1:4173/imports/events.csv',
    });
    for (const refused of REFUSED) {
      expect(runOnPage(script, `${page}?data=${encodeURIComponent(refused)}`)).toEqual({
        fetched: [],
        started: [],
        href: null,
      });
    }
    expect(runOnPage(script, page)).toEqual({ fetched: [], started: [], href: null });
  }, 30_000);

  it('starts the import worker the page names instead, with the request in its name', async () => {
    const script = await buildEarlyDataScript();
    const page = 'https://example.org/app/';
    const file = 'assets/import.worker-abc.js';
    const run = runOnPage(script, `${page}?data=${encodeURIComponent('./data/é x.parquet')}`, file);
    expect(run.fetched).toEqual([]);
    expect(run.href).toBe('https://example.org/app/data/%C3%A9%20x.parquet');
    expect(run.started).toHaveLength(1);
    expect(run.started[0]!.url).toBe('https://example.org/app/assets/import.worker-abc.js');
    expect(run.started[0]!.options.type).toBe('module');
    expect(JSON.parse(run.started[0]!.options.name!)).toEqual({
      type: 'fetch',
      href: 'https://example.org/app/data/%C3%A9%20x.parquet',
      name: 'é x.parquet',
      baseUrl: 'https://example.org/app/',
      ask: 'unsure',
    });
    for (const refused of REFUSED) {
      const none = runOnPage(script, `${page}?data=${encodeURIComponent(refused)}`, file);
      expect(none).toEqual({ fetched: [], started: [], href: null });
    }
  }, 30_000);

  it('leaves a link with its own column mapping to the app, which sends it', async () => {
    const script = await buildEarlyDataScript();
    const run = runOnPage(
      script,
      'http://127.0.0.1:4173/?data=/imports/chron.csv&cols=start:when',
      'assets/import.worker-abc.js',
    );
    expect(run.started).toEqual([]);
    expect(run.fetched).toEqual(['http://127.0.0.1:4173/imports/chron.csv']);
  }, 30_000);
});
