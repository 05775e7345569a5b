// Puts the early download of a linked dataset (src/data/earlyStart.ts) into index.html as an
// inline script, compiled from the typed module at build time (and when the dev server serves
// the page), so the page and the app accept the same ?data= forms from one source
// (src/url/dataRef.ts) instead of a hand-kept copy. In a build it also writes the page's
// Content-Security-Policy (./csp.ts), which allows that inline script by its hash, into a <meta>
// tag and into the static hosts' headers file (_headers). The dev server sends no policy: Vite's
// client and React Refresh run inline scripts of their own.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';
import { IMPORT_WORKER_META } from '../src/data/earlyData.ts';
import {
  headerPolicy,
  HEADERS_PLACEHOLDER,
  inlineScripts,
  metaPolicy,
  REFERRER_POLICY,
  scriptHash,
} from './csp.ts';

const ENTRY = fileURLToPath(new URL('../src/data/earlyStart.ts', import.meta.url));

/** Where the page's <meta> names the import worker's file, until the file is known. */
const WORKER_PLACEHOLDER = '%DATELINE_IMPORT_WORKER%';
/** The import worker as the dev server serves it (what `new Worker(new URL(...))` becomes). */
const DEV_WORKER = '/src/data/import.worker.ts?worker_file&type=module';
/** The import worker's file in a build's output. */
const BUILT_WORKER = /(?:^|\/)import\.worker-[\w-]+\.js$/;

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

/**
 * The early script, after a <meta> naming the import worker's file (src/data/earlyStart.ts
 * starts it): the file is known only once the app is bundled, so the meta holds a placeholder
 * until `importWorkerMetaPlugin` fills it in.
 */
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
        return [
          {
            tag: 'meta',
            attrs: { name: IMPORT_WORKER_META, content: WORKER_PLACEHOLDER },
            injectTo: 'head',
          },
          { tag: 'script', children: await script, injectTo: 'head' },
        ];
      },
    },
  };
}

/**
 * Names the import worker's file in the page's <meta>: the built file (found in the bundle; the
 * build fails if it is not, rather than ship a page whose early start silently never runs), or
 * the dev server's address for it.
 */
export function importWorkerMetaPlugin(): Plugin {
  return {
    name: 'dateline-import-worker-meta',
    transformIndexHtml: {
      order: 'post',
      handler(html, { path, bundle }) {
        if (path !== '/index.html' || !html.includes(WORKER_PLACEHOLDER)) return;
        let file = DEV_WORKER;
        if (bundle) {
          const built = Object.keys(bundle).find((name) => BUILT_WORKER.test(name));
          if (!built) throw new Error('vite-plugin-early-data: no import worker in the bundle');
          file = built;
        }
        return html.replace(WORKER_PLACEHOLDER, file);
      },
    },
  };
}

/**
 * The page with its policy in a <meta> tag, right after the charset (or first in <head>): before
 * any script, since a policy given by a <meta> governs only what follows it.
 */
export function withPolicyMeta(html: string): { html: string; hashes: string[] } {
  const hashes = inlineScripts(html).map(scriptHash);
  const meta =
    `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(hashes)}" />\n` +
    `    <meta name="referrer" content="${REFERRER_POLICY}" />`;
  const anchor = /<meta\s+charset[^>]*>/i.exec(html) ?? /<head[^>]*>/i.exec(html);
  if (!anchor) throw new Error('vite-plugin-early-data: the page has no <head>');
  const end = anchor.index + anchor[0].length;
  const firstScript = html.search(/<script\b/i);
  if (firstScript >= 0 && firstScript < end)
    throw new Error('vite-plugin-early-data: a script comes before the policy could');
  return { html: `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`, hashes };
}

/**
 * The Content-Security-Policy of the built page: hashed from the page as built (order "post":
 * every script Vite adds is in it by then), and the same policy in `_headers` for static hosts.
 */
export function contentSecurityPolicyPlugin(): Plugin {
  let outDir = 'dist';
  let hashes: string[] | undefined;
  return {
    name: 'dateline-csp',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { path }) {
        if (path !== '/index.html') return;
        const page = withPolicyMeta(html);
        hashes = page.hashes;
        return page.html;
      },
    },
    async closeBundle() {
      if (!hashes) return;
      const file = join(outDir, '_headers');
      const template = await readFile(file, 'utf8').catch(() => null);
      if (template === null) return;
      await writeFile(file, template.replaceAll(HEADERS_PLACEHOLDER, headerPolicy(hashes)));
    },
  };
}
