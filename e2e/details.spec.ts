// The details panel traces an event to its source: the quote inside its paragraph, the whole
// source a click away, when and where in the source's words, and who stands behind the claim.
import { expect, findEvent, placeKeyOf, seed, test, type SeedEvent } from './fixtures';

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** "2025-02-27" → "27 Feb 2025", the way the details panel writes a day. */
function dayText(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function sourceOf(id: string) {
  const source = seed.sources.find((s) => s.id === id);
  if (!source?.text) throw new Error(`source “${id}” has no text`);
  return { ...source, text: source.text };
}

/** The paragraph of the source around an event's first quote, split at the quote. */
function firstQuoteInParagraph(e: SeedEvent) {
  const ev = e.evidence?.[0];
  if (!ev) throw new Error(`${e.id} has no evidence`);
  const { text } = sourceOf(ev.source);
  const paraStart = text.lastIndexOf('\n', ev.start - 1) + 1;
  const nl = text.indexOf('\n', ev.end);
  const paraEnd = nl === -1 ? text.length : nl;
  return {
    quote: ev.quote,
    before: text.slice(paraStart, ev.start),
    after: text.slice(ev.end, paraEnd),
    headline: text.slice(0, text.indexOf('\n')),
    isFirstParagraph: paraStart === 0,
  };
}

test.beforeEach(async ({ dateline }) => {
  await dateline.goto();
});

test('the quote is shown highlighted inside its paragraph of the source', async ({ dateline }) => {
  // An event whose quote has words of its paragraph on both sides, short enough to show whole.
  const event = findEvent('quote with context on both sides', (e) => {
    if (!e.evidence?.[0]) return false;
    const p = firstQuoteInParagraph(e);
    return p.before.length > 0 && p.after.length > 0 && p.before.length + p.after.length < 600;
  });
  const p = firstQuoteInParagraph(event);
  await dateline.selectInList(event.id);
  await expect(dateline.quoteMark.first()).toHaveText(p.quote);
  await expect(dateline.quoteText.first()).toContainText(p.before + p.quote + p.after);
});

test('"Show the whole source" shows the whole article, headline included', async ({ dateline }) => {
  const event = findEvent(
    'quote outside the first paragraph',
    (e) => !!e.evidence?.[0] && !firstQuoteInParagraph(e).isFirstParagraph,
  );
  const p = firstQuoteInParagraph(event);
  await dateline.selectInList(event.id);
  await expect(dateline.quoteText.first()).not.toContainText(p.headline);

  await dateline.showWholeSource.first().click();
  await expect(dateline.quoteText.first()).toContainText(p.headline);
  await expect(dateline.quoteText.first()).toContainText(p.before + p.quote + p.after);
  await expect(dateline.quoteMark.first()).toHaveText(p.quote);
});

test('When gives the source’s words and the resolved date', async ({ dateline }) => {
  const exact = findEvent(
    'exact single-day event with the source’s words for its time',
    (e) => !e.time.approximate && e.time.precision === 'day' && !e.time.end && !!e.time.text,
  );
  await dateline.selectInList(exact.id);
  await expect(dateline.when).toContainText(exact.time.text ?? '');
  await expect(dateline.when).toContainText(dayText(exact.time.start));
  await expect(dateline.when).not.toContainText('approximately');

  const approximate = findEvent(
    'approximate single-day event',
    (e) => !!e.time.approximate && e.time.precision === 'day' && !e.time.end && !!e.time.text,
  );
  await dateline.selectInList(approximate.id);
  await expect(dateline.when).toContainText(approximate.time.text ?? '');
  await expect(dateline.when).toContainText(`approximately ${dayText(approximate.time.start)}`);
});

test('Where says so when the source gives no place, and names the place when it does', async ({
  dateline,
}) => {
  const unplaced = findEvent('event without a place', (e) => placeKeyOf(e) === null);
  await dateline.selectInList(unplaced.id);
  await expect(dateline.where).toHaveText('The source gives no place.');

  const placed = findEvent('event at a listed place', (e) => typeof e.place === 'string');
  const place = seed.places.find((x) => x.id === placed.place);
  await dateline.selectInList(placed.id);
  await expect(dateline.where).toContainText(place?.name ?? '(unknown place)');
  await expect(dateline.where).not.toContainText('no place');
});

test('the claim line says who claims or reports the event', async ({ dateline }) => {
  const actorName = (id: string) => seed.actors.find((a) => a.id === id)?.name;
  const publisher = (id: string) => seed.sources.find((s) => s.id === id)?.publisher;

  const claimed = findEvent(
    'statement claimed by Hamas',
    (e) =>
      e.type === 'statement' && e.claim.status === 'claimed' && actorName(e.claim.by) === 'Hamas',
  );
  await dateline.selectInList(claimed.id);
  await expect(dateline.claim).toHaveText('Claimed by Hamas');

  const reported = findEvent(
    'event reported by a source',
    (e) => e.claim.status === 'reported' && publisher(e.claim.by) !== undefined,
  );
  await dateline.selectInList(reported.id);
  await expect(dateline.claim).toHaveText(`Reported by ${publisher(reported.claim.by)}`);
  expect(publisher(reported.claim.by)).toBe('Caliber.Az');
});
