// Every catalogue holds exactly the keys of en.json; every message parses as ICU in its
// language, uses the same arguments as the English, gives each plural every category the
// language's rules have, and formats for the counts that pick each of them.
import { IntlMessageFormat } from 'intl-messageformat';
import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import he from './he.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The message's arguments, and its plurals' argument and categories. */
function shape(ast: MessageFormatElement[]) {
  const args = new Set<string>();
  const plurals: Array<{ arg: string; options: string[] }> = [];
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number) args.add(el.value);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        args.add(el.value);
        if (el.type === TYPE.plural)
          plurals.push({ arg: el.value, options: Object.keys(el.options) });
        for (const option of Object.values(el.options)) walk(option.value);
      }
    }
  };
  walk(ast);
  return { args, plurals };
}

const CATALOGUES = { en, ar, he } as Record<string, Tree>;
const english = flatten(en);

/** Values that are the same in every language: names, symbols and key names. */
const UNTRANSLATED = new Set([
  'app.brand',
  'filters.openEnd',
  'filters.sentenceEnd',
  'progress.colon',
  'columns.nth',
  'timeline.help.arrows.how',
  'timeline.help.page.how',
  'timeline.help.upDown.how',
  // Hebrew writes these as English does.
  'filters.comma',
  'filters.listSeparator',
  'timeline.help.zoom.how',
  'area.box',
  'playback.playhead',
  'playback.playheadAt',
  // A problem's sentence that Dateline cannot read (its English as it is), and the shapes that
  // only join translated parts.
  'problem.unknown',
  'problem.colon',
  'problem.where.collection',
  'problem.location.field',
  'problem.group.where',
  'problem.group.line',
  'problem.group.separator',
]);

describe.each(Object.keys(CATALOGUES))('the %s catalogue', (language) => {
  const messages = flatten(CATALOGUES[language]!);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

  it('has every key of en.json and no other', () => {
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('parses every message as ICU, with the English arguments and full plurals', () => {
    const wrong: string[] = [];
    for (const [key, message] of messages) {
      const ast = new IntlMessageFormat(message, language).getAst();
      const { args, plurals } = shape(ast);
      const englishArgs = shape(new IntlMessageFormat(english.get(key)!, 'en').getAst()).args;
      const mine = [...args].sort().join(',');
      const theirs = [...englishArgs].sort().join(',');
      if (mine !== theirs) wrong.push(`${key}: arguments ${mine}, English ${theirs}`);
      // A plural that only picks out exact counts (`=1 {…} other {…}`) needs no categories.
      for (const plural of plurals.filter((p) => p.options.some((o) => !/^=|^other$/.test(o)))) {
        for (const category of categories)
          if (!plural.options.includes(category))
            wrong.push(`${key}: {${plural.arg}} has no ${category}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('formats every message for counts of each plural category', () => {
    for (const [key, message] of messages) {
      const format = new IntlMessageFormat(message, language);
      const { args } = shape(format.getAst());
      for (const count of [0, 1, 2, 3, 11, 100, 1204]) {
        const values = Object.fromEntries([...args].map((a) => [a, count]));
        const text = format.format(values);
        expect({ key, text }).toEqual({ key, text: expect.not.stringMatching(/[{}]/) });
      }
    }
  });

  it.runIf(language !== 'en')('translates every message (none left as the English)', () => {
    const same = [...messages].filter(
      ([key, m]) => m === english.get(key) && !UNTRANSLATED.has(key),
    );
    expect(same.map(([key]) => key)).toEqual([]);
  });
});
