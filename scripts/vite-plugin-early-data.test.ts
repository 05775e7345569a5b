import { describe, expect, it } from 'vitest';
import { buildEarlyDataScript } from './vite-plugin-early-data';

/** Runs the built script as index.html would, on a page at `href`; returns what it fetched. */
function runOnPage(script: string, href: string) {
  const url = new URL(href);
  const fetched: string[] = [];
  const window: Record<string, unknown> = {};
  const fetch = (target: string) => {
    fetched.push(target);
    return Promise.resolve(new Response('{}'));
  };
  new Function('window', 'location', 'document', 'fetch', script)(
    window,
    url,
    { baseURI: href },
    fetch,
  );
  const early = window.datelineEarlyData as { href: string } | undefined;
  return { fetched, href: early?.href ?? null };
}

describe('the early download built into index.html', () => {
  it('starts the download of a link’s dataset the app accepts, and only of that', async () => {
    const script = await buildEarlyDataScript();
    const page = 'http://127.0.0.1:4173/';
    expect(runOnPage(script, `${page}?data=/imports/events.csv`)).toEqual({
      fetched: ['http://127.0.0.1:4173/imports/events.csv'],
      href: 'http://127.0.0.1:4173/imports/events.csv',
    });
    for (const refused of [
      '//127.0.0.2/imports/x.csv',
      'javascript:alert(1)',
      'local:abcdef123',
      'imports/x.csv',
    ]) {
      expect(runOnPage(script, `${page}?data=${encodeURIComponent(refused)}`)).toEqual({
        fetched: [],
        href: null,
      });
    }
    expect(runOnPage(script, page)).toEqual({ fetched: [], href: null });
  }, 30_000);
});
