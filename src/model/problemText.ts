// A load report's problem in the reader's language: its sentence (`problem.<code>` with the values
// it names), where it is (row, item, id, column or field) and a group's line, as parts. The data a
// sentence names (a cell, an id, a column's name) is a part of its own, to be shown in its own
// bidi isolate; a clause (a date reader's reason inside an importer's sentence, "row 12") is a
// sentence of its own, in the same language. Counts are formatted by the messages, in the
// reader's digits.
import type { Problem } from './dataset';
import { argKind, codeOf, termKey, type Said } from './problemCodes';
import type { ProblemGroup } from './problemGroups';
import { formatCount } from './readerLocale';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Text of the UI, a value from the data, or a clause of its own. */
export type Part = string | { readonly data: string } | { readonly said: Said };

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000([^\uE001]*)\uE001/;

/** Kinds of the values of the place and group lines (not importers' sentences). */
const LINE_TERMS: Record<string, string> = { 'where.collection': 'collection' };

/** The parts of a sentence with its values. */
export function saidParts(said: Said, t: Translate): Part[] {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(said.args)) {
    const kind = LINE_TERMS[said.code] === name ? 'term' : argKind(said.code, name);
    const key = kind === 'term' ? termKey(String(value)) : undefined;
    if (typeof value === 'number') values[name] = value;
    else if (key) values[name] = t(key);
    else values[name] = `${OPEN}${name}${CLOSE}`;
  }
  return t(`problem.${said.code}`, values)
    .split(MARK)
    .map((part, i): Part => {
      if (i % 2 === 0) return part;
      const value = said.args[part];
      return typeof value === 'object' ? { said: value } : { data: String(value ?? '') };
    })
    .filter((p) => p !== '');
}

/** A problem's sentence (read from its message if it came without a code). */
export function sentenceOf(p: Problem): Said {
  return p.code !== undefined ? { code: p.code, args: p.args ?? {} } : codeOf(p.message);
}

/** The item a problem is about: "row 12", "events[3]", or its collection. */
function itemOf(p: Problem): Said {
  if (p.row !== undefined) return { code: 'where.row', args: { row: p.row } };
  if (p.index !== undefined)
    return { code: 'where.item', args: { collection: p.collection, index: p.index } };
  return { code: 'where.collection', args: { collection: p.collection } };
}

/** Where a problem is: "row 12 “pse123” · column event_date", "events[3] “a” · time.start". */
export function locationOf(p: Problem, withId = true): Said {
  let where: Said = itemOf(p);
  if (p.id && withId) where = { code: 'location.withId', args: { where, id: p.id } };
  if (p.column !== undefined) return { code: 'location.column', args: { where, column: p.column } };
  if (p.field) return { code: 'location.field', args: { where, field: p.field } };
  return where;
}

const EXAMPLES = 3;

/**
 * A group of problems as one line: "2,070 rows · column event_date: “31-12-19” is not a date…
 * (e.g. rows 3, 9, 14, …)", each part in the reader's language.
 */
export function groupParts(g: ProblemGroup, t: Translate): Part[] {
  const first = g.problems[0]!;
  // One problem: where it is (without its id, as a group's line leaves ids out) and what.
  if (g.count === 1)
    return [{ said: locationOf(first, false) }, t('problem.colon'), { said: sentenceOf(first) }];
  const examples = g.problems.slice(0, EXAMPLES);
  const rows = examples.every((p) => p.row !== undefined);
  const more = g.count > examples.length ? 'More' : '';
  const separator = t('problem.group.separator');
  const head = t(rows ? 'problem.group.rows' : 'problem.group.items', {
    count: g.count,
    n: formatCount(g.count, true),
  });
  const where =
    first.column !== undefined
      ? t('problem.location.columnName', { column: `${OPEN}column${CLOSE}` })
      : first.field !== undefined
        ? `${OPEN}field${CLOSE}`
        : undefined;
  // The line is put together from translated pieces; only the data in them is marked.
  const exampleText = rows
    ? t(`problem.group.exampleRows${more}`, {
        rows: examples.map((p) => formatCount(p.row!)).join(separator),
      })
    : t(`problem.group.exampleItems${more}`, {
        items: examples.map((p) => `${OPEN}item:${g.problems.indexOf(p)}${CLOSE}`).join(separator),
      });
  const headText = where === undefined ? head : t('problem.group.where', { head, where });
  const line = t('problem.group.line', {
    head: headText,
    message: `${OPEN}message${CLOSE}`,
    examples: exampleText,
  });
  return line
    .split(MARK)
    .map((part, i): Part => {
      if (i % 2 === 0) return part;
      if (part === 'message') return { said: sentenceOf(first) };
      if (part === 'column') return { data: first.column ?? '' };
      if (part === 'field') return { data: first.field ?? '' };
      if (part.startsWith('item:')) return { said: itemOf(g.problems[Number(part.slice(5))]!) };
      return part;
    })
    .filter((p) => p !== '');
}

/**
 * Whether a value has no letter to take its direction from ("2025-02-30", "-90"): an isolate
 * with `dir=auto` would take the page's, and a right-to-left page would show "30-02-2025".
 */
export function ltrOnly(value: string): boolean {
  return !/\p{L}/u.test(value);
}

/** The parts as plain text, each value between Unicode isolates (for notices, which are text): left to right when it has no letter. */
export function partsText(parts: readonly Part[], t: Translate): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if ('data' in p) return `${ltrOnly(p.data) ? '\u2066' : '\u2068'}${p.data}\u2069`;
      return partsText(saidParts(p.said, t), t);
    })
    .join('');
}
