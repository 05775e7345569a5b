// A load report's problems grouped by what went wrong, so that 2,070 rows rejected for the same
// reason read as one line ("2,070 rows · column event_date: “31-12-19” is not a date…, e.g. rows
// 3, 9, 14") instead of 2,070. Problems group when they have the same severity, column (or field)
// and message once the values quoted in it (“…”) are set aside.
import type { Problem } from './dataset';

export interface ProblemGroup {
  severity: Problem['severity'];
  /** The column or field the problems are about, when they name one. */
  where?: string;
  /** The first problem's message, as an example of the others. */
  message: string;
  count: number;
  /** The problems of the group, in file order. */
  problems: Problem[];
}

const EXAMPLES = 3;

/** Where an item is, without its id or field: "row 3", "events[2]". */
function itemOf(p: Problem): string {
  if (p.row !== undefined) return `row ${p.row}`;
  return p.index === undefined ? p.collection : `${p.collection}[${p.index}]`;
}

/** Groups problems, biggest group first; errors before warnings at equal size. */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const p of problems) {
    const where = p.column !== undefined ? `column ${p.column}` : p.field;
    const shape = p.message.replace(/“[^”]*”/g, '“…”').replace(/\d+/g, '#');
    const key = `${p.severity}\u0000${where ?? ''}\u0000${shape}`;
    let g = groups.get(key);
    if (!g) {
      g = { severity: p.severity, message: p.message, count: 0, problems: [] };
      if (where !== undefined) g.where = where;
      groups.set(key, g);
    }
    g.count++;
    g.problems.push(p);
  }
  const rank = (g: ProblemGroup) => (g.severity === 'error' ? 0 : 1);
  return [...groups.values()].sort((a, b) => b.count - a.count || rank(a) - rank(b));
}

const count = (n: number) => n.toLocaleString('en-US');

/** One group as a line: "2,070 rows · column event_date: … (e.g. rows 3, 9, 14, …)". */
export function describeGroup(g: ProblemGroup): string {
  const where = g.where ? ` · ${g.where}` : '';
  const examples = g.problems.slice(0, EXAMPLES).map(itemOf);
  if (g.count === 1) return `${examples[0]}${where}: ${g.message}`;
  const rows = examples.every((e) => e.startsWith('row '));
  const shown = rows ? `rows ${examples.map((e) => e.slice(4)).join(', ')}` : examples.join(', ');
  const more = g.count > examples.length ? ', …' : '';
  return `${count(g.count)} ${rows ? 'rows' : 'items'}${where}: ${g.message} (e.g. ${shown}${more})`;
}

/**
 * The column most rejected rows failed on, when it accounts for most of them: where the column
 * mapping step may help.
 */
export function mostFailedColumn(problems: readonly Problem[], rejected: number): string | null {
  const byColumn = new Map<string, number>();
  for (const p of problems) {
    if (p.severity !== 'error' || p.column === undefined) continue;
    byColumn.set(p.column, (byColumn.get(p.column) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of byColumn) if (!best || entry[1] > best[1]) best = entry;
  return best && rejected > 0 && best[1] > rejected / 2 ? best[0] : null;
}
