// Text search as you type: no Enter; case and accents do not matter; it looks in titles,
// summaries, quotes, actors' names and aliases and places' names; every word must match; clearing
// the box shows everything again. Expected sets come from the seed file (./filters.expected.ts).
import { expect, readSeed, test } from './fixtures';
import {
  FilterModel,
  model,
  TEXT_FIELDS,
  wordOnlyIn,
  words,
  type FilterSeed,
  type TextField,
} from './filters.expected';
import { FiltersPanel } from './filters.po';

const total = model.data.events.length;
const countWith = (q: string) => model.ids({ q }).length;

/** Every distinct word of a field of the seed's events, five letters or more. */
const wordsOf = (field: TextField) =>
  [...new Set(model.data.events.flatMap((e) => words(model.searchableText(e)[field])))].filter(
    (w) => w.length >= 5,
  );

/** A title word whose first three letters find more events than the whole word, and which finds some, not all. */
function wordThatNarrowsAsTyped(): string {
  const found = wordsOf('title').find((w) => {
    const whole = countWith(w);
    return whole > 0 && whole < countWith(w.slice(0, 3)) && countWith(w.slice(0, 3)) < total;
  });
  if (!found) throw new Error('no title word of the seed narrows further as it is typed');
  return found;
}

/** The same letters in capitals with accents on the vowels: "cairo" → "CÁÍRÓ". */
function shout(word: string): string {
  const accents: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };
  return [...word]
    .map((c) => accents[c] ?? c)
    .join('')
    .toUpperCase();
}

test.describe('with the seed dataset', () => {
  test.beforeEach(async ({ dateline }) => {
    await dateline.goto();
  });

  test('the results follow each letter typed, without pressing Enter', async ({ dateline }) => {
    const filters = new FiltersPanel(dateline);
    const word = wordThatNarrowsAsTyped();
    await filters.typeSearch(word.slice(0, 3));
    await filters.expectShown({ q: word.slice(0, 3) });
    await filters.search.pressSequentially(word.slice(3), { delay: 20 });
    await filters.expectShown({ q: word });
    await expect(filters.search).toBeFocused();
  });

  test('capitals and accents in the query do not matter', async ({ dateline }) => {
    const filters = new FiltersPanel(dateline);
    const word = wordOnlyIn('place');
    const loud = shout(word);
    expect(loud, 'the query differs from the word in case and accents').not.toBe(word);
    expect(model.ids({ q: loud })).toEqual(model.ids({ q: word }));
    await filters.typeSearch(loud);
    await filters.expectShown({ q: word });
  });

  test('it searches titles, summaries, quotes, actors’ names and aliases, and places’ names', async ({
    dateline,
  }) => {
    const filters = new FiltersPanel(dateline);
    const actors = model.data.actors;
    const cases: Array<[string, string]> = [
      ...TEXT_FIELDS.filter((f) => f !== 'actors').map((f): [string, string] => [f, wordOnlyIn(f)]),
      [
        'actor name',
        wordOnlyIn(
          'actors',
          actors.map((a) => a.name),
        ),
      ],
      [
        'actor alias',
        wordOnlyIn(
          'actors',
          actors.flatMap((a) => a.aliases ?? []),
        ),
      ],
    ];
    for (const [where, word] of cases) {
      await test.step(`${where}: “${word}”`, async () => {
        await filters.search.fill('');
        await filters.typeSearch(word);
        await filters.expectShown({ q: word });
      });
    }
  });

  test('every word of the query must match', async ({ dateline }) => {
    const filters = new FiltersPanel(dateline);
    const all = wordsOf('title');
    const pair = all
      .flatMap((a) => all.map((b) => [a, b] as const))
      .find(([a, b]) => {
        const both = countWith(`${a} ${b}`);
        return both > 0 && both < countWith(a) && both < countWith(b);
      });
    if (!pair) throw new Error('no two title words of the seed share only some events');
    const q = pair.join(' ');
    await filters.typeSearch(q);
    await filters.expectShown({ q });
  });

  test('clearing the search shows every event again', async ({ dateline, page }) => {
    const filters = new FiltersPanel(dateline);
    const word = wordOnlyIn('title');
    await filters.typeSearch(word);
    await filters.expectShown({ q: word });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect(filters.search).toHaveValue('');
    await filters.expectShown({});
  });
});

test('accents in the data do not matter either (a variant with accented words)', async ({
  dateline,
}) => {
  // A copy of the seed where one event's summary has accented words. Each needs its accents
  // folded to be found: "cafe" is too short for a near match, and "elysee" is two letters away.
  const data = readSeed() as FilterSeed;
  const [first] = data.events;
  if (!first) throw new Error('the seed has no events');
  first.summary = `${first.summary ?? ''} Envoys were also said to have met at a café near the Élysée.`;
  const variant = new FilterModel(data);
  await dateline.serveDataset(data);
  await dateline.goto(data.events.length);

  const filters = new FiltersPanel(dateline);
  for (const q of ['cafe', 'CAFE', 'elysee']) {
    expect(variant.ids({ q }), q).toEqual([first.id]);
    await filters.search.fill('');
    await filters.typeSearch(q);
    await filters.expectShown({ q }, variant);
  }
});
