// Every problem an importer or the loader makes carries a code and its values, and the catalogues
// say it: each code has its key in English, Arabic and Hebrew; the English catalogue writes each
// sentence back as the importer wrote it (the `message` itself is unchanged); the Arabic report
// has no English sentence left, and counts in Arabic-Indic digits.
import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import ar from '../i18n/ar.json';
import en from '../i18n/en.json';
import he from '../i18n/he.json';
import { loadDataset } from '../model/load';
import type { Problem } from '../model/dataset';
import {
  codeOf,
  PROBLEM_CODES,
  PROBLEM_SHAPES,
  TERMS,
  termKey,
  UNKNOWN_CODE,
} from '../model/problemCodes';
import { describeGroup, groupProblems } from '../model/problemGroups';
import {
  groupParts,
  locationOf,
  partsText,
  sentenceOf,
  type Translate,
} from '../model/problemText';
import { describeLocation } from '../model/dataset';
import { importDataset } from './index';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** A translator over one catalogue, as the app's i18next-icu formats it. */
function translator(catalogue: Tree, locale: string): Translate {
  const messages = flatten(catalogue);
  return (key, values = {}) => {
    const message = messages.get(key);
    if (message === undefined) throw new Error(`no ${key} in the ${locale} catalogue`);
    return String(new IntlMessageFormat(message, locale).format(values));
  };
}

const english = translator(en as Tree, 'en');
const arabic = translator(ar as Tree, 'ar-EG');
const hebrew = translator(he as Tree, 'he');
/** Text without the isolates that wrap each value from the data. */
const plain = (s: string) => s.replace(/[\u2066\u2068\u2069]/g, '');
/** The date reader quotes with ASCII quotation marks, the catalogue as quote() does. */
const curly = (s: string) => s.replace(/"([^"]*)"/g, '“$1”');

const say = (p: Problem, t: Translate) => plain(partsText([{ said: sentenceOf(p) }], t));
const where = (p: Problem, t: Translate) => plain(partsText([{ said: locationOf(p) }], t));

const fixture = (name: string) =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/** The problems of every bad-row fixture, and of a few files broken on purpose. */
function corpus(): Problem[] {
  const files = [
    'acled-bad-row.csv',
    'acled-monadic.csv',
    'calendar-bad-row.ics',
    'dateline-bad-row.csv',
    'dateline-bad-row.json',
    'events-bad-row.geojson',
    'gdelt-bad-row.export.CSV',
    'placemarks-bad-row.kml',
    'storymap-bad-row.json',
    'timelinejs-bad-row.csv',
    'timelinejs-bad-row.json',
    'timelinejs2-bad-row.json',
    'timemap-bad-row.json',
  ];
  const problems = files.flatMap(
    (name) => importDataset(fixture(name), { fileName: name }).report.problems,
  );
  const csv = [
    'id,title,start,end,place,lat,lon,actors,approximate,precision',
    'a,First,2025-02-30,,Gaza,31.5,34.4,,,',
    'b,Second,soon,,Gaza,31.5,34.4,,maybe,',
    'c,Third,2025-03-01,2025-02-01,Rafah,95,34.2,Qatar:broker,,weekly',
    'a,Fourth,2025-13-01,,Gaza,31.5,,,,',
    'e,,2025-03-04,,,,,,,',
  ].join('\n');
  problems.push(...importDataset(csv, { fileName: 'bad.csv' }).report.problems);
  const json = {
    format: 'dateline/1',
    language: 'not a tag!',
    actors: [{ id: 'A B', name: 'x', kind: 'state' }],
    sources: [{ id: 'wire', title: 'Wire', publisher: 'W', published: 'yesterday' }],
    events: [
      {
        id: 'e1',
        title: 'T',
        type: 'visit',
        status: 'occurred',
        time: { start: '2025', precision: 'year' },
        actors: [{ actor: 'nobody', role: 'party' }],
      },
      {
        id: 'e2',
        title: '',
        type: 'meeting',
        status: 'occurred',
        time: { start: 3, precision: 'day' },
      },
      {
        id: 'e3',
        title: 'T',
        type: 'visit',
        status: 'occurred',
        time: { start: '2025-02', precision: 'day' },
        place: 'nowhere',
      },
      {
        id: 'e1',
        title: 'T',
        type: 'visit',
        status: 'occurred',
        time: { start: '2025', precision: 'year' },
      },
    ],
  };
  problems.push(...loadDataset(json, 'bad.json').report.problems);
  problems.push(...loadDataset({ format: 'dateline/2', events: [] }, 'two.json').report.problems);
  return problems;
}

const PROBLEMS = corpus();

describe('problem codes', () => {
  it('reads every problem of the bad files and the loader back into a code', () => {
    expect(PROBLEMS.length).toBeGreaterThan(30);
    const unread = PROBLEMS.filter((p) => p.code === undefined || p.code === UNKNOWN_CODE);
    expect(unread.map((p) => p.message)).toEqual([]);
    // And the codes are many, not one catch-all.
    expect(new Set(PROBLEMS.map((p) => p.code)).size).toBeGreaterThan(20);
  });

  it('keeps each English message exactly as the importers wrote it', () => {
    const messages = new Set(PROBLEMS.map((p) => p.message));
    for (const message of [
      'unknown actor “nobody”',
      '“2025-02” is written to the month but precision is “day”',
      'unknown place “nowhere”',
      'duplicate id: events[0] already uses “e1”',
      '“format” must be “dateline/1”; found “dateline/2”',
      '“language” must be a BCP 47 language tag such as "ar" or "en-GB"; found “not a tag!”, ignored',
      '“yesterday” is not an ISO 8601 date',
      'must be a lowercase slug: letters, digits and - _ .',
      'must not be empty',
      'Invalid input: expected string, received number',
      '“soon” is not a date; write it as 2025, 2025-02, 2025-02-27 or 2025-02-27T14:30',
      'latitude 95 is not between -90 and 90',
      'precision “weekly” is not one of year, month, day, hour, minute; using day, read from the date',
      '“2025-02-30” has no day 30 in that month',
      'id “xmp3004” is already used by row 7; this one is kept as “xmp3004-2”',
      '2 events have no claim; attributed to “Wire”, the dataset’s first source, as reported (events[0], events[2])',
    ])
      expect(messages).toContain(message);
  });

  it('gives zod’s issues the code of their kind', () => {
    const codes = new Set(PROBLEMS.map((p) => p.code));
    for (const code of ['zod.invalid_type', 'zod.invalid_value', 'schema.slug', 'schema.empty'])
      expect(codes).toContain(code);
    // The ISO reader quotes with ASCII quotation marks.
    expect(codeOf('"2025-13" has no month 13')).toEqual({
      code: 'date.noMonth',
      args: { value: '2025-13', month: 13 },
    });
    expect(codeOf('Invalid option: expected one of "a"|"b"')).toEqual({
      code: 'zod.invalid_value',
      args: { values: '"a"|"b"' },
    });
  });

  it('has a key for every code and term in every catalogue', () => {
    for (const [name, catalogue] of Object.entries({ en, ar, he })) {
      const keys = flatten(catalogue as Tree);
      const missing = [
        ...PROBLEM_CODES.map((code) => `problem.${code}`),
        ...TERMS.map((term) => termKey(term)!),
      ].filter((key) => !keys.has(key));
      expect({ name, missing }).toEqual({ name, missing: [] });
    }
  });

  it('writes every shape back in English from the catalogue, and reads it back', () => {
    const sample: Record<string, string> = {
      data: 'x-1',
      number: '12',
      term: 'day',
      reason: 'the date is empty',
      where: 'row 12',
    };
    for (const shape of PROBLEM_SHAPES) {
      const message = shape.en.replace(
        /\{(\w+)(?:, (number|term|reason|where))?\}/g,
        (_all, name: string, kind?: string) =>
          name === 'collection' ? 'events' : sample[kind ?? 'data']!,
      );
      const said = codeOf(message);
      expect({ message, code: said.code }).toEqual({ message, code: shape.code });
      expect(plain(partsText([{ said }], english))).toBe(message);
    }
  });

  it('says every problem in English as its message says it, place and groups too', () => {
    for (const p of PROBLEMS) {
      expect(curly(say(p, english))).toBe(curly(p.message));
      expect(where(p, english)).toBe(describeLocation(p));
    }
    for (const g of groupProblems(PROBLEMS))
      expect(curly(plain(partsText(groupParts(g, english), english)))).toBe(
        curly(describeGroup(g)),
      );
  });

  it.each([
    ['Arabic', arabic],
    ['Hebrew', hebrew],
  ])('leaves no English sentence in %s', (_language, t) => {
    // The words an English sentence is made of (the file's own field names, such as “format”
    // or SUMMARY, stay as the file writes them).
    const englishWords =
      /\b(is|not|the|must|has|have|using|kept|read|no|event|row|unknown|already|found)\b/;
    for (const p of PROBLEMS) {
      const said = sentenceOf(p);
      // The values from the data are what the file holds; only the sentence around them is ours.
      const ours = partsText([{ said }], t).replace(/[\u2066\u2068][^\u2069]*\u2069/g, '');
      expect({ message: p.message, ours }).toEqual({
        message: p.message,
        ours: expect.not.stringMatching(englishWords),
      });
    }
  });

  it('writes row numbers in Arabic-Indic digits in Arabic', () => {
    const row = PROBLEMS.find((p) => p.row === 7)!;
    expect(where(row, arabic)).toMatch(/^الصف ٧/);
    expect(where(row, hebrew)).toMatch(/^שורה 7/);
  });
});
