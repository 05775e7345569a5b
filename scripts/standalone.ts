// Builds the standalone page's template: the whole app as ONE HTML file (its script and styles
// inline, the favicon a data URL, the world-atlas 50m outlines inside the script), with a place
// for the dataset (src/standalone/pageData.ts) that the app's "Export… → Standalone page" and
// `npm run publish` fill. It opens from file:// and fetches nothing: the build's mode,
// `standalone`, runs the text search, map clusters and basemap on the page (no worker file) and
// hides what needs more files (Open data, the drop zone, Embed). Its policy allows its one inline
// script and one inline style by hash and connects nowhere.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build, type InlineConfig, type Plugin, type Rolldown } from 'vite';
import { DATA_PLACEHOLDER } from '../src/standalone/pageData.ts';
import { REFERRER_POLICY, scriptHash } from './csp.ts';

/** The template's name in the built app (dist/), where the export fetches it. */
export const STANDALONE_TEMPLATE = 'dateline-standalone.html';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTLINES_MODULE = /[/\\]src[/\\]views[/\\]map[/\\]embeddedOutlines\.ts$/;

/** Gives src/views/map/embeddedOutlines.ts the 50m outlines (the app's own file gives none). */
function embeddedOutlinesPlugin(): Plugin {
  return {
    name: 'dateline-standalone-outlines',
    enforce: 'pre',
    load(id) {
      if (!OUTLINES_MODULE.test(id)) return null;
      return "export { default as EMBEDDED_OUTLINES } from 'world-atlas/countries-50m.json';";
    },
  };
}

export function standaloneBuildConfig(): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    mode: 'standalone',
    base: './',
    logLevel: 'warn',
    publicDir: false,
    plugins: [react(), embeddedOutlinesPlugin()],
    build: {
      write: false,
      target: 'es2022',
      cssCodeSplit: false,
      modulePreload: false,
      chunkSizeWarningLimit: 4000,
      // Images and fonts inside the page; the outline files the app fetches stay out (the page
      // carries the 50m outlines in its script and never asks for a file).
      assetsInlineLimit: (file) => !file.endsWith('.json'),
      rolldownOptions: { output: { codeSplitting: false } },
    },
  };
}

/** The page's policy: its one script and one style by hash, images from anywhere, no requests. */
export function standalonePolicy(scriptHashes: string[], styleHashes: string[]): string {
  return [
    ['default-src', "'none'"],
    ['script-src', scriptHashes.join(' ')],
    ['style-src', styleHashes.join(' ')],
    // Leaflet's and the build's small images are data URLs; a media thumbnail loads from its
    // own host only when the reader asks for it.
    ['img-src', 'data: blob: https: http:'],
    ['font-src', 'data:'],
    ['connect-src', "'none'"],
    ['worker-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
  ]
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/**
 * Script text that can sit inside a <script> element: `</script` would end it and `<!--` change
 * how it is parsed. In a bundle both only occur in string, template and regular-expression
 * literals, where `\x3C` means `<`.
 */
export function inlineScriptText(code: string): string {
  return code.replace(/<(?=!--|\/script)/gi, '\\x3C');
}

function replaceOnce(html: string, pattern: RegExp, by: string, what: string): string {
  const found = html.match(new RegExp(pattern, 'g')) ?? [];
  if (found.length !== 1)
    throw new Error(`standalone page: expected one ${what}, found ${found.length}`);
  return html.replace(pattern, () => by);
}

/** Inlines the build's script and styles into its page and adds the policy and data place. */
export function inlinePage(html: string, js: string, css: string, favicon: string): string {
  const code = inlineScriptText(js.trim());
  if (/<\/style/i.test(css)) throw new Error('standalone page: "</style" in the styles');
  const style = css.trim();
  const policy = standalonePolicy([scriptHash(code)], [scriptHash(style)]);
  let page = html.replace(/\s*<!--[\s\S]*?-->/g, '');
  page = replaceOnce(
    page,
    /<script type="module"[^>]*src="[^"]*"[^>]*><\/script>\s*/,
    '',
    'script',
  );
  page = replaceOnce(page, /<link rel="stylesheet"[^>]*>\s*/, '', 'stylesheet');
  page = replaceOnce(
    page,
    /<link rel="icon"[^>]*>/,
    `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${Buffer.from(favicon).toString('base64')}" />`,
    'icon',
  );
  page = replaceOnce(
    page,
    /<meta charset="UTF-8" \/>/i,
    `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />\n    <meta name="referrer" content="${REFERRER_POLICY}" />`,
    'charset',
  );
  page = replaceOnce(page, /<\/head>/, `    <style>${style}</style>\n  </head>`, 'head');
  return replaceOnce(
    page,
    /<\/body>/,
    `    ${DATA_PLACEHOLDER}\n    <script type="module">${code}</script>\n  </body>`,
    'body',
  );
}

/** Builds the template (about two seconds): the app in standalone mode, as one page. */
export async function buildStandaloneTemplate(): Promise<string> {
  const result = await build(standaloneBuildConfig());
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const files = outputs.flatMap((o) => o.output);
  const entries = files.filter((f) => f.type === 'chunk' && f.isEntry);
  if (entries.length !== 1 || entries[0]!.type !== 'chunk')
    throw new Error(`standalone page: expected one entry script, found ${entries.length}`);
  const html = files.find((f) => f.type === 'asset' && f.fileName === 'index.html');
  const css = files.filter((f) => f.type === 'asset' && f.fileName.endsWith('.css'));
  if (!html || html.type !== 'asset' || css.length !== 1 || css[0]!.type !== 'asset')
    throw new Error('standalone page: the build gave no page or not one stylesheet');
  const text = (a: Rolldown.OutputAsset) =>
    typeof a.source === 'string' ? a.source : Buffer.from(a.source).toString('utf8');
  const favicon = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8');
  return inlinePage(text(html), entries[0]!.code, text(css[0]!), favicon);
}

/** Writes the template beside the built app (dist/), where the export fetches it. */
export function standalonePagePlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'dateline-standalone-page',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await writeFile(join(outDir, STANDALONE_TEMPLATE), await buildStandaloneTemplate());
    },
  };
}
