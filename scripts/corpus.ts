// The corpus figure: every file in corpus/ through the same `importDataset` the import worker
// runs (without the geocoder, which places rows but never rejects one), and per file its format,
// its rows, the rows that loaded and the reasons the others did not, grouped. Ends with the
// total "rows loaded / rows in the files", the figure the README quotes.
//
//   npm run corpus                 # a table for the terminal
//   npm run corpus -- --markdown   # the same as a Markdown table, for the README
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCsv, isBlankRow } from '../src/formats/csv';
import { FORMAT_NAMES, importDataset, UnsupportedFormatError } from '../src/formats/index';
import { describeGroup, groupProblems } from '../src/model/problemGroups';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: 'corpus' },
    markdown: { type: 'boolean', default: false },
  },
});

/** The events a file holds, counted without importing it, so refused files count too. */
function rowsIn(text: string): number {
  const clean = text.replace(/^\uFEFF/, '').trimStart();
  if (/^BEGIN:VCALENDAR/i.test(clean)) return (clean.match(/^BEGIN:VEVENT/gim) ?? []).length;
  if (clean.startsWith('<')) return (clean.match(/<Placemark[\s>]/g) ?? []).length;
  if (clean.startsWith('{') || clean.startsWith('[')) {
    const json: unknown = JSON.parse(clean);
    if (Array.isArray(json)) return json.length;
    const o = json as Record<string, unknown>;
    for (const key of ['events', 'features'])
      if (Array.isArray(o[key])) return (o[key] as unknown[]).length;
    const nested = (o.timeline ?? o.storymap) as Record<string, unknown> | undefined;
    if (Array.isArray(nested?.date)) return nested.date.length;
    // A slide of type "overview" is the story's title, not an event (StoryMapJS, TimelineJS3).
    if (Array.isArray(nested?.slides))
      return (nested.slides as Array<{ type?: unknown } | null>).filter(
        (s) => s?.type !== 'overview',
      ).length;
    return 1;
  }
  return parseCsv(clean).rows.filter((r) => !isBlankRow(r)).length;
}

interface Row {
  file: string;
  format: string;
  rows: number;
  loaded: number;
  reasons: string[];
}

const files = readdirSync(args.dir)
  .filter((f) => !/\.md$/i.test(f))
  .sort();
const results: Row[] = files.map((file) => {
  const text = readFileSync(join(args.dir, file), 'utf8');
  const rows = rowsIn(text);
  try {
    const { format, report } = importDataset(text, { fileName: file });
    const groups = groupProblems(report.problems).filter((g) => g.severity === 'error');
    return {
      file,
      format: FORMAT_NAMES[format],
      rows,
      loaded: report.eventsAccepted,
      reasons: groups.slice(0, 3).map(describeGroup),
    };
  } catch (err) {
    const why = err instanceof UnsupportedFormatError ? err.reason : String(err);
    return { file, format: 'refused', rows, loaded: 0, reasons: [why] };
  }
});

const total = results.reduce((n, r) => n + r.rows, 0);
const loaded = results.reduce((n, r) => n + r.loaded, 0);
const share = total === 0 ? 0 : (100 * loaded) / total;
const figure = `${loaded} of ${total} rows loaded (${share.toFixed(1)}%), ${results.filter((r) => r.format === 'refused').length} of ${results.length} files refused`;

if (args.markdown) {
  console.log('| file | format | rows | loaded | why the others did not |');
  console.log('| --- | --- | --: | --: | --- |');
  for (const r of results) {
    const why = r.reasons
      .map((x) => x.replace(/</g, '&lt;'))
      .join('<br>')
      .replace(/\|/g, '\\|');
    console.log(`| ${r.file} | ${r.format} | ${r.rows} | ${r.loaded} | ${why} |`);
  }
  console.log(`| **total** | | **${total}** | **${loaded}** | **${share.toFixed(1)}%** |`);
} else {
  for (const r of results) {
    console.log(`${r.file}\n  ${r.format}: ${r.loaded} of ${r.rows} rows loaded`);
    for (const why of r.reasons) console.log(`  - ${why}`);
  }
  console.log(`\nTotal: ${figure}`);
}
