// Puts the early download of a linked dataset (src/data/earlyStart.ts) into index.html as an
// inline script, compiled from the typed module at build time (and when the dev server serves
// the page), so the page and the app accept the same ?data= forms from one source
// (src/url/dataRef.ts) instead of a hand-kept copy.
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';

const ENTRY = fileURLToPath(new URL('../src/data/earlyStart.ts', import.meta.url));

/** The entry as one self-contained, minified classic script. */
export async function buildEarlyDataScript(): Promise<string> {
  const result = await build({
    configFile: false,
    root: fileURLToPath(new URL('..', import.meta.url)),
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      copyPublicDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: ENTRY, formats: ['iife'], name: 'datelineEarlyData' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk) throw new Error(`vite-plugin-early-data: no script built from ${ENTRY}`);
  // It goes into the page as the text of a <script> element, which this would end early.
  if (/<\/script/i.test(chunk.code))
    throw new Error('vite-plugin-early-data: "</script" in the script');
  return chunk.code.trim();
}

export function earlyDataPlugin(): Plugin {
  let script: Promise<string> | undefined;
  return {
    name: 'dateline-early-data',
    transformIndexHtml: {
      order: 'pre',
      async handler(_html, { path }) {
        // The app's page only (not the benchmark's pages, which measure their own downloads).
        if (path !== '/index.html') return;
        script ??= buildEarlyDataScript();
        return [{ tag: 'script', children: await script, injectTo: 'head' }];
      },
    },
  };
}
