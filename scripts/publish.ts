// `npm run publish -- <dataset file> <out dir> [--url https://…/] [--skip-build]`: a static folder
// that any static host serves (Netlify, GitHub Pages, S3, a newsroom's CMS folder): the built app
// (dist/, with the detailed outlines, the geocoder's data and the standalone page's template), the
// dataset as data/<its file name>, which the page opens by default (a meta tag,
// src/data/datasetUrl.ts), and an oEmbed description (oembed.json, linked from the page) that a
// CMS reads to embed it. See docs/i13-publish.md.
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { importDataset, FORMAT_NAMES } from '../src/formats/index.ts';
import { escapeHtml } from '../src/formats/html.ts';
import { EMBED_HEIGHT, embedTitle, iframeSnippet } from '../src/embed/snippet.ts';
import { DATASET_META } from '../src/data/datasetMeta.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const SEED = 'data/gaza-ceasefire-2025-02.json';
/** The widest the embed's layout is drawn for (the iframe itself is 100% wide). */
const EMBED_WIDTH = 1280;

/** Where the oEmbed description is, beside the page. */
export const OEMBED_FILE = 'oembed.json';

export interface OEmbed {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: 'Dateline';
  html: string;
  width: number;
  height: number;
}

/** The oEmbed "rich" description of a published dataset at `pageUrl` (absolute, or './'). */
export function oembedOf(title: string, pageUrl: string): OEmbed {
  return {
    version: '1.0',
    type: 'rich',
    title: embedTitle(title),
    provider_name: 'Dateline',
    html: iframeSnippet({ src: `${pageUrl}?embed=1`, title }),
    // The frame is as wide as the column it is put in (width 100%); oEmbed asks for a number.
    width: EMBED_WIDTH,
    height: EMBED_HEIGHT,
  };
}

/** The page naming its dataset and linking its oEmbed description, in its <head>. */
export function publishedPage(html: string, dataPath: string, oembedHref: string, title: string) {
  const tags =
    `  <meta name="${DATASET_META}" content="${escapeHtml(dataPath)}" />\n` +
    `    <link rel="alternate" type="application/json+oembed" href="${escapeHtml(oembedHref)}" title="${escapeHtml(embedTitle(title))}" />\n` +
    `  </head>`;
  if (!html.includes('</head>')) throw new Error('publish: the built page has no </head>');
  return html
    .replace('</head>', () => tags)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)} · Dateline</title>`);
}

/** A file name a URL path carries as it is: letters, digits, dot, dash, underscore. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '');
  return cleaned === '' ? 'dataset.json' : cleaned;
}

function usage(): never {
  console.error(
    'Usage: npm run publish -- <dataset file> <out dir> [--url https://example.org/dateline/] [--skip-build]',
  );
  process.exit(2);
}

async function main(argv: string[]) {
  const flags = new Set<string>(argv.filter((a) => a === '--skip-build'));
  const urlAt = argv.indexOf('--url');
  const url = urlAt >= 0 ? argv[urlAt + 1] : undefined;
  const positional = argv.filter(
    (a, i) => !flags.has(a) && a !== '--url' && (urlAt < 0 || i !== urlAt + 1),
  );
  if (positional.length !== 2) usage();
  const [datasetFile, outDir] = positional.map((p) => resolve(p)) as [string, string];
  if (url !== undefined && !/^https?:\/\/[^/]+(\/.*)?\/$/.test(url)) {
    console.error(`publish: --url must be an http(s) address ending in /, not "${url}"`);
    process.exit(2);
  }

  // The dataset is read as the app reads it, so what would not load is said now.
  const text = await readFile(datasetFile, 'utf8');
  const name = safeFileName(basename(datasetFile));
  const { format, dataset, report } = importDataset(text, { fileName: name });
  if (dataset.events.length === 0) {
    console.error(`publish: ${name}: no event loads (${report.problems[0]?.message ?? 'empty'})`);
    process.exit(1);
  }
  console.log(
    `${name} (${FORMAT_NAMES[format]}): ${report.eventsAccepted} events load, ${report.eventsRejected} rejected` +
      (report.problems.length > 0
        ? `, ${report.problems.length} problems listed in the page’s load report`
        : ''),
  );

  if (!flags.has('--skip-build')) await build({ root: ROOT, logLevel: 'warn' });
  await stat(join(DIST, 'index.html')).catch(() => {
    throw new Error('publish: dist/ has no built app (run without --skip-build)');
  });

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await cp(DIST, outDir, { recursive: true });
  // The bundled dataset is not this folder's (unless it is the one published).
  if (`data/${name}` !== SEED) await rm(join(outDir, SEED), { force: true });
  await mkdir(join(outDir, 'data'), { recursive: true });
  await writeFile(join(outDir, 'data', name), text);

  const page = url ?? './';
  const oembedHref = url ? `${url}${OEMBED_FILE}` : OEMBED_FILE;
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  await writeFile(
    join(outDir, 'index.html'),
    publishedPage(html, `data/${name}`, oembedHref, dataset.title),
  );
  await writeFile(
    join(outDir, OEMBED_FILE),
    `${JSON.stringify(oembedOf(dataset.title, page), null, 2)}\n`,
  );
  console.log(`Wrote ${outDir}: the app, data/${name}, ${OEMBED_FILE}, _headers.`);
  if (!url)
    console.log(
      `No --url given: ${OEMBED_FILE} embeds "./?embed=1"; give the address the folder will have (--url https://…/) for a CMS to embed it.`,
    );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
