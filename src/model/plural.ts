// Counts in words: "1 event", "16 events", "1,204 events". English only for now; the strings
// move to an i18n catalogue (with Intl.PluralRules) in a later issue.

import { once } from './once';

const grouped = once(() => new Intl.NumberFormat('en-US'));

/**
 * `n` and the word for that many: `plural(1, 'event')` is "1 event", `plural(3, 'event')`
 * "3 events"; `many` for a word whose plural is not `one` + "s". With `group`, thousands are
 * grouped ("1,204 events").
 */
export function plural(
  n: number,
  one: string,
  { many = `${one}s`, group = false }: { many?: string; group?: boolean } = {},
): string {
  return `${group ? grouped().format(n) : n} ${n === 1 ? one : many}`;
}
