// What the importers' property tests feed them: hostile text (script payloads, escaped links,
// angle-bracket addresses, formula cells, quotes and line breaks), keys that an object would
// swallow (`__proto__`, `constructor`), dates good and bad, and the checks every importer must
// pass whatever it is given. Test code only: never imported by the app.
import * as fc from 'fast-check';
import { expect } from 'vitest';
import type { Dataset, LoadReport } from '../../model/dataset';

/** Cases per property: a few hundred in `npm test`, 10,000 in `npm run fuzz`. */
export const RUNS = Number(process.env.DATELINE_FUZZ_RUNS ?? 200);

export const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="https://phish.example/login">Verify your account</a>',
  '&lt;a href="https://phish.example/login"&gt;Verify your account&lt;/a&gt;',
  'Reply to Smith <smith@example.org>',
  '<b>bold</b> &amp; <i>italic</i>',
  '=HYPERLINK("https://phish.example")',
  '"quoted, with a comma"',
  'two\nlines',
  '__proto__',
  '{"__proto__": {"polluted": true}}',
  '<svg onload=alert(1)>',
  'javascript:alert(1)',
  '\u202eevil\u202c',
];

/** Text a field may hold: hostile payloads, arbitrary strings, and the two mixed. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.tuple(fc.constantFrom(...PAYLOADS), fc.string({ maxLength: 10 })).map(([a, b]) => a + b),
);

/** A key an imported object or header may have, the ones objects swallow first among them. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'),
  fc
    .string({ minLength: 1, maxLength: 12 })
    .map((s) => `x-${s.replace(/[\s"\\]/g, '_')}`)
    .filter((s) => s.trim() === s),
);

/** A day some rows give well (ISO) and others badly. */
export const dayParts = fc.record({
  year: fc.integer({ min: 1900, max: 2100 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDay = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** A date cell: usually a day, sometimes junk a row must be rejected for. */
export const dateCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: dayParts.map(isoDay) },
  { weight: 1, arbitrary: hostileText },
);

export interface ImportResult {
  dataset: Dataset;
  report: LoadReport;
}

/**
 * What every importer owes its input: each of `rows` rows is loaded or counted as rejected, and
 * no text field is turned into markup (`summaryHtml` and `extraHtml` only where the format has
 * HTML fields).
 */
export function expectAccounted(
  result: ImportResult,
  rows: number,
  opts: { htmlFields?: boolean } = {},
): void {
  const { dataset, report } = result;
  expect(dataset.events.length).toBe(report.eventsAccepted);
  expect(report.eventsAccepted + report.eventsRejected).toBe(rows);
  for (const p of report.problems) expect(p.message.length).toBeLessThanOrEqual(1100);
  if (!opts.htmlFields) {
    for (const e of dataset.events) {
      expect(e.summaryHtml).toBeUndefined();
      expect(e.extraHtml).toBeUndefined();
    }
  }
}

/** Whether `key` is an own key of the event's `extra` holding `value` (as text). */
export function expectKept(
  extra: Readonly<Record<string, unknown>> | undefined,
  key: string,
  value: string,
): void {
  if (value.trim() === '') return;
  expect(extra && Object.hasOwn(extra, key), `extra keeps the key ${JSON.stringify(key)}`).toBe(
    true,
  );
  expect(String(extra![key]).trim()).toBe(value.trim());
}
