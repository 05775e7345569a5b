// Deep links: the address bar carries the whole view (selection, filters, timeline window, map
// view), so a link opened in another browser shows what the sender saw; Back and Forward walk
// through selections; "Copy link" and "Share this view" put such links on the clipboard; and a
// link that cannot be followed as written says why and still does what it can.
import { findEvent, placeKeyOf, READY, seed, type SeedEvent } from './fixtures';
import { expect, mapDifferences, test, timelineDifferences, type LinksPage } from './links.po';

const DAY = 86_400_000;

const actorName = (id: string): string => {
  const a = seed.actors.find((x) => x.id === id);
  if (!a) throw new Error(`the seed has no actor “${id}”`);
  return a.name;
};
const actorsOf = (e: SeedEvent): string[] => (e.actors ?? []).map((a) => a.actor);
/** "2025-02-27" (or "2025-02") shifted by whole days, as a UTC day. */
const dayOffset = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY).toISOString().slice(0, 10);

/**
 * Two events at different places that share an actor: filters that keep both leave two markers
 * on the map (enough to read its centre and zoom from the screen).
 */
function twoPlacedEventsWithAnActorInCommon() {
  const placed = seed.events.filter((e) => placeKeyOf(e) !== null);
  for (const s of placed)
    for (const t of placed) {
      if (placeKeyOf(s) === placeKeyOf(t)) continue;
      const shared = actorsOf(s).find((a) => actorsOf(t).includes(a));
      const other = actorsOf(s).find((a) => a !== shared);
      if (shared && other) return { s, t, shared, other };
    }
  throw new Error('the seed has no two placed events at different places with an actor in common');
}

/** Everything one browser shows of a view, to compare with another browser. */
async function viewShown(v: LinksPage) {
  return {
    filters: await v.filterControls(),
    timeline: await v.timelineShown(),
    map: await v.mapShown(),
  };
}

/** `fresh` shows the same selection, filter controls, counts, timeline window and map view. */
async function expectSameView(
  fresh: LinksPage,
  expected: Awaited<ReturnType<typeof viewShown>>,
  selected: SeedEvent,
) {
  await fresh.expectSelected(selected);
  // Each reading of a whole view takes a dozen calls into the page: on a busy machine one round
  // of them alone may outlast the short default, so these polls wait as long as a readiness wait.
  await expect.poll(() => fresh.filterControls(), READY).toEqual(expected.filters);
  await expect
    .poll(async () => timelineDifferences(await fresh.timelineShown(), expected.timeline), {
      message: 'the timeline shows the same window',
      ...READY,
    })
    .toEqual([]);
  await expect
    .poll(async () => mapDifferences(await fresh.mapShown(), expected.map), {
      message: 'the map shows the same centre and zoom',
      ...READY,
    })
    .toEqual([]);
  // The filter sections the link makes active are open, so one sees what is filtered.
  for (const actor of expected.filters.actors)
    await expect(fresh.actorCheckbox(actor)).toBeVisible();
  for (const type of expected.filters.types)
    await expect(fresh.facetCheckbox('types', type)).toBeVisible();
  if (expected.filters.from) await expect(fresh.dateFrom).toBeVisible();
}

test.describe('a link opened in a fresh browser', () => {
  test('restores the selection, the filters, the timeline window and the map view', async ({
    links,
    openFresh,
    page,
  }) => {
    const { s, t, shared, other } = twoPlacedEventsWithAnActorInCommon();
    const [first, last] = [s.time.start, t.time.start].sort();
    if (!first || !last) throw new Error('unreachable');
    await links.goto();

    // Use the app: select, filter, then move the timeline and the map.
    await links.selectInList(s.id);
    await links.expectSelectedAtRest(s);
    await links.searchFor(actorName(shared));
    await links.checkActor(shared);
    await links.checkActor(other);
    await links.checkFacet('types', s.type);
    await links.checkFacet('types', t.type);
    await links.setDates(dayOffset(first, -1), dayOffset(last, 1));
    await expect(links.eventCount).toHaveText(/^\d+ of \d+ events$/);
    await expect(links.marker(placeKeyOf(t) ?? '')).toBeAttached();

    await links.timelineZoomIn.click();
    await links.dragTimeline(-120);
    await links.zoomMapIn();
    await links.dragMap(-300, 120);
    await expect(page).toHaveURL(/[?&]t=[^&]+&map=/);
    const url = await links.settledUrl();
    await links.expectSelected(s);
    const shown = await viewShown(links);
    expect(shown.filters.actors).toEqual([shared, other].sort());

    const fresh = await openFresh(url);
    await expectSameView(fresh, shown, s);
  });
});

test.describe('a hand-written link', () => {
  test('?event=…&actors=…&from=…&to=…&q=… selects the event and applies the filters', async ({
    links,
    page,
  }) => {
    const { s: event } = twoPlacedEventsWithAnActorInCommon();
    const [a1, a2] = actorsOf(event);
    if (!a1 || !a2) throw new Error(`${event.id} needs two actors`);
    const from = dayOffset(event.time.start, -7);
    const to = dayOffset(event.time.start, 6);
    // The longest word of its title: a query the event itself matches.
    const q = event.title.split(/\W+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    await page.goto(`/?event=${event.id}&actors=${a1},${a2}&from=${from}&to=${to}&q=${q}`);

    await links.expectSelected(event);
    await expect(links.search).toHaveValue(q);
    for (const actor of [a1, a2]) {
      await expect(links.actorCheckbox(actor)).toBeVisible();
      await expect(links.actorCheckbox(actor)).toBeChecked();
    }
    await expect(links.dateFrom).toHaveValue(from);
    await expect(links.dateTo).toHaveValue(to);
    await expect(links.notices).toHaveCount(0);

    // Only events with one of the actors are shown, and the header counts what is shown.
    const withActors = seed.events.filter((e) => actorsOf(e).some((a) => a === a1 || a === a2));
    await expect(links.eventCount).toHaveText(/^\d+ of \d+ events$/);
    const count = Number((await links.eventCount.textContent())?.split(' ')[0]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(withActors.length);
    await expect(links.listCount).toHaveText(`${count} in time order`);
    const listed = await links.listOptions.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-event-id')),
    );
    expect(listed.filter((id) => !withActors.some((e) => e.id === id))).toEqual([]);
  });

  test('t=START..END and map=LAT,LON,ZOOM show exactly that window and map view', async ({
    links,
    page,
  }) => {
    const event = findEvent(
      'placed event on one exact day',
      (e) =>
        placeKeyOf(e) !== null && !e.time.approximate && e.time.precision === 'day' && !e.time.end,
    );
    // Its box stands at noon of its day; the window puts that a quarter of the way across.
    const noon = Date.parse(event.time.start) + DAY / 2;
    const instant = (ms: number) => `${new Date(ms).toISOString().slice(0, 16)}Z`;
    const t = `${instant(noon - DAY)}..${instant(noon + 3 * DAY)}`;
    const place = seed.places.find((p) => p.id === placeKeyOf(event));
    if (!place) throw new Error(`${event.id} is not at a listed place`);
    // One step further out than the map would zoom to reveal the event by itself.
    const zoom = 5;
    await page.goto(`/?event=${event.id}&t=${t}&map=${place.lat},${place.lon},${zoom}`);

    await links.expectSelected(event);
    await expect
      .poll(
        async () => {
          const shown = await links.timelineShown();
          return Math.abs((shown.items[event.id] ?? -1) - shown.width / 4);
        },
        { message: `${event.id} stands a quarter of the way across the timeline` },
      )
      .toBeLessThanOrEqual(2);
    await expect
      .poll(async () => Math.round((await links.mapShown()).zoom * 100) / 100, {
        message: 'the map shows the zoom of the link',
      })
      .toBe(zoom);
    const shown = await links.mapShown();
    expect(Math.abs(shown.lat - place.lat)).toBeLessThan(0.05);
    expect(Math.abs(shown.lon - place.lon)).toBeLessThan(0.05);
  });

  test('#event-<id>, as TimelineJS writes links, selects the event in every view', async ({
    links,
    page,
  }) => {
    const { t: event } = twoPlacedEventsWithAnActorInCommon();
    await page.goto(`/#event-${event.id}`);
    await links.expectSelected(event);
    await expect(links.eventCount).toHaveText(`${seed.events.length} events`);
    await expect(links.notices).toHaveCount(0);
  });
});

test.describe('Back and Forward', () => {
  test.beforeEach(async ({ links }) => {
    await links.goto();
  });

  test('Back restores the earlier selection in every view, Forward the later one', async ({
    links,
    page,
  }) => {
    const { s: a, t: b } = twoPlacedEventsWithAnActorInCommon();
    const start = await links.historyLength();
    await links.selectInList(a.id);
    await links.expectSelectedAtRest(a);
    await links.selectOnTimeline(b.id);
    await links.expectSelectedAtRest(b);
    await expect(page).toHaveURL(new RegExp(`[?&]event=${b.id}(&|$)`));
    await expect.poll(() => links.historyLength()).toBe(start + 2);

    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`[?&]event=${a.id}(&|$)`));
    await links.expectSelected(a);
    await expect(links.announcer).toContainText(a.title);

    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`[?&]event=${b.id}(&|$)`));
    await links.expectSelected(b);

    await page.goBack();
    await page.goBack();
    await links.expectNothingSelected();
  });

  test('Back restores the filters as they were at the earlier selection, Forward the later ones', async ({
    links,
    page,
  }) => {
    const { s: a, t: b, shared } = twoPlacedEventsWithAnActorInCommon();
    await links.selectInList(a.id);
    await links.expectSelected(a);
    // A query both events match (their actor in common), typed while the first is selected.
    await links.searchFor(actorName(shared));
    await expect(page).toHaveURL(/[?&]q=/);
    const atA = await links.filterControls();

    await links.selectInList(b.id);
    await links.expectSelected(b);
    await links.checkFacet('types', b.type);
    await expect(page).toHaveURL(new RegExp(`[?&]types=${b.type}(&|$)`));
    const atB = await links.filterControls();
    expect(atB).not.toEqual(atA);

    await page.goBack();
    await links.expectSelected(a);
    await expect.poll(() => links.filterControls()).toEqual(atA);

    await page.goForward();
    await links.expectSelected(b);
    await expect.poll(() => links.filterControls()).toEqual(atB);
  });

  test('moving the timeline and the map replaces the address and adds no history entry', async ({
    links,
    page,
  }) => {
    const { s: event } = twoPlacedEventsWithAnActorInCommon();
    await links.selectInList(event.id);
    await links.expectSelectedAtRest(event);
    await expect(page).toHaveURL(new RegExp(`[?&]event=${event.id}(&|$)`));
    const entries = await links.historyLength();

    await links.dragTimeline(-150);
    await expect(page).toHaveURL(/[?&]t=/);
    await links.dragMap(-120, 60);
    await links.zoomMapIn();
    await expect(page).toHaveURL(/[?&]map=/);
    await links.dragTimeline(200);
    await links.settledUrl();
    expect(await links.historyLength()).toBe(entries);

    // Back skips every move: it goes to before the selection.
    await page.goBack();
    await links.expectNothingSelected();
  });

  test('zooming the timeline with its buttons puts the window in the address', async ({
    links,
    page,
  }) => {
    await expect(page).not.toHaveURL(/[?&]t=/);
    await links.timelineZoomIn.click();
    await expect(page).toHaveURL(/[?&]t=/);
  });
});

test.describe('Copy link and Share this view', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test.beforeEach(async ({ links }) => {
    await links.goto();
  });

  test('"Copy link" puts the event’s full address on the clipboard, and it opens the event', async ({
    links,
    openFresh,
    page,
  }) => {
    const { s: event, shared } = twoPlacedEventsWithAnActorInCommon();
    await links.selectInList(event.id);
    await links.expectSelectedAtRest(event);
    await links.searchFor(actorName(shared));
    await links.copyLink.click();
    await expect(links.notice(`Link to “${event.title}” copied to the clipboard.`)).toBeVisible();
    const copied = await links.readClipboard();
    expect(copied).toBe(new URL(`/?event=${event.id}`, page.url()).href);

    const fresh = await openFresh(copied);
    await fresh.expectSelected(event);
    // A link to the event alone: the sender's filters stay with the sender.
    await expect(fresh.eventCount).toHaveText(`${seed.events.length} events`);
    await expect(fresh.search).toHaveValue('');
    await expect(fresh.notices).toHaveCount(0);
  });

  test('"Share this view" puts the whole view’s address on the clipboard, and it opens that view', async ({
    links,
    openFresh,
    page,
  }) => {
    const { s: event, shared } = twoPlacedEventsWithAnActorInCommon();
    await links.selectInList(event.id);
    await links.expectSelectedAtRest(event);
    await links.searchFor(actorName(shared));
    await links.checkActor(shared);
    await links.dragTimeline(-100);
    await links.settledUrl();

    await links.shareView.click();
    await expect(links.notice('Link to this view copied to the clipboard.')).toBeVisible();
    const copied = await links.readClipboard();
    const url = new URL(copied);
    expect(url.origin).toBe(new URL(page.url()).origin);
    expect(url.searchParams.get('event')).toBe(event.id);
    expect(url.searchParams.get('actors')).toBe(shared);
    expect(url.searchParams.get('q')).toBe(actorName(shared));
    // The whole view, the map's too, though it was never moved by hand.
    expect(url.searchParams.get('t')).toMatch(/^\S+\.\.\S+$/);
    expect(url.searchParams.get('map')).toMatch(/^[\d.-]+,[\d.-]+,[\d.]+$/);
    const shown = await viewShown(links);

    const fresh = await openFresh(copied);
    await expectSameView(fresh, shown, event);
  });
});

test.describe('links that cannot be followed as written', () => {
  test('an event that is not in the dataset: a notice says so, and the rest of the link applies', async ({
    links,
    page,
  }) => {
    const { shared } = twoPlacedEventsWithAnActorInCommon();
    const withActor = seed.events.filter((e) => actorsOf(e).includes(shared));
    await page.goto(`/?event=no-such-event&actors=${shared}`);

    await expect(
      links.notice('The link’s event “no-such-event” is not in this dataset.'),
    ).toBeVisible();
    await expect(links.eventCount).toHaveText(
      `${withActor.length} of ${seed.events.length} events`,
    );
    await expect(links.actorCheckbox(shared)).toBeVisible();
    await expect(links.actorCheckbox(shared)).toBeChecked();
    await links.expectNothingSelected();

    // And the app works.
    const [first] = withActor;
    if (!first) throw new Error('unreachable');
    await links.selectInList(first.id);
    await links.expectSelected(first);
  });

  for (const via of ['the notice', 'the details panel'] as const)
    test(`an event the link’s own filters hide: shown selected, said to be outside the filters, and one click (in ${via}) shows it`, async ({
      links,
      page,
    }) => {
      const { s: event } = twoPlacedEventsWithAnActorInCommon();
      const otherType = findEvent('event of another type', (e) => e.type !== event.type).type;
      await page.goto(`/?event=${event.id}&types=${otherType}`);

      await expect(links.detailsArticle).toHaveAttribute('data-event-id', event.id);
      await expect(links.detailsTitle).toHaveText(event.title);
      await expect(links.outsideFilters).toBeVisible();
      const notice = links.notice(`“${event.title}” is outside the link’s filters`);
      await expect(notice).toBeVisible();
      await expect(links.facetCheckbox('types', otherType)).toBeChecked();
      await expect(links.eventCount).toHaveText(/^\d+ of \d+ events$/);
      await expect(links.listOption(event.id)).toHaveCount(0);
      await expect(links.timelineItem(event.id)).toHaveCount(0);
      await expect(links.markerOf(event.id)).toHaveCount(0);

      await (
        via === 'the notice' ? links.noticeAction(notice, 'Show it') : links.showItInDetails
      ).click();
      await links.expectSelected(event);
      await expect(links.facetCheckbox('types', otherType)).not.toBeChecked();
      await expect(links.eventCount).toHaveText(`${seed.events.length} events`);
      await expect(links.outsideFilters).toHaveCount(0);
      await expect(notice).toHaveCount(0);
    });

  test('malformed parameters are each ignored with a notice; the rest applies and the app works', async ({
    links,
    page,
  }) => {
    const { shared, s: event } = twoPlacedEventsWithAnActorInCommon();
    const withActor = seed.events.filter((e) => actorsOf(e).includes(shared));
    const query = [
      `actors=${shared},nobody-here,Not%20An%20Id`,
      'from=2025-13-45',
      'to=2025-02-30',
      'types=nonsense',
      't=yesterday..today',
      'map=banana',
      'match=maybe',
      `q=${'x'.repeat(10_000)}`,
      // Junk that is not a parameter of the app is left alone.
      'utm_source=newsletter',
      '%%%=%E0%A4%A',
      '&&',
    ].join('&');
    await page.goto(`/?${query}`);

    const expected = [
      'Ignored actors "Not An Id"',
      'The link names an actor “nobody-here” that is not in this dataset',
      'Ignored from "2025-13-45": not a real day',
      'Ignored to "2025-02-30": not a real day',
      'Ignored types "nonsense"',
      'Ignored t "yesterday..today"',
      'Ignored map "banana"',
      'Ignored match "maybe"',
      'Ignored q "xxxxxxxx',
    ];
    // The newest few show; the others are counted, a click away (the region stays small).
    await expect(links.notices).toHaveCount(3);
    await page
      .getByTestId('notices')
      .getByRole('button', { name: `${expected.length - 3} more notices` })
      .click();
    for (const text of expected) await expect(links.notice(text)).toBeVisible();
    await expect(links.notice('too long (10000 characters')).toBeVisible();
    await expect(links.notices).toHaveCount(expected.length);

    // What was well formed applies; what was not leaves its control as it was.
    await expect(links.eventCount).toHaveText(
      `${withActor.length} of ${seed.events.length} events`,
    );
    await expect(links.actorCheckbox(shared)).toBeChecked();
    await expect(links.search).toHaveValue('');
    await expect(links.dateFrom).toHaveValue('');
    await expect(links.dateTo).toHaveValue('');
    await expect(links.timelineLabels).toHaveCount(withActor.length);

    // The app works, and the address it writes is clean.
    await links.selectInList(event.id);
    await links.expectSelected(event);
    await expect(page).toHaveURL(new RegExp(`[?&]event=${event.id}(&|$)`));
    await expect(page).not.toHaveURL(/2025-13-45|banana|nobody-here|xxxx/);
    await links.notice('Ignored map').getByRole('button', { name: 'Dismiss' }).click();
    await expect(links.notices).toHaveCount(expected.length - 1);
  });

  for (const [what, link] of [
    ['an event id of 10,000 characters', `/?event=${'a'.repeat(10_000)}`],
    [
      'an event that is not an id, a map off the globe, a window that ends before it starts',
      '/?event=%F0%9F%92%A9&map=91,0,3&t=2025-03-01T00:00Z..2025-02-01T00:00Z',
    ],
    ['a broken #event- hash', '/#event-%E0%A4%A'],
    [
      'a start day after the end day, and every parameter twice',
      '/?from=2025-03-01&to=2025-02-01&from=x&to=y&event=a&event=b',
    ],
  ] as const)
    test(`never a crash: ${what}`, async ({ links, page }) => {
      await page.goto(link);
      await expect(links.eventCount).toHaveText(`${seed.events.length} events`);
      await expect(links.notices.first()).toBeVisible();
      await expect(links.timelineLabels).toHaveCount(seed.events.length);
      const { s: event } = twoPlacedEventsWithAnActorInCommon();
      await links.selectInList(event.id);
      await links.expectSelected(event);
    });
});

test('@phone a link to an event opens its details on a phone', async ({ links, page }) => {
  const { s: event } = twoPlacedEventsWithAnActorInCommon();
  await page.goto(`/?event=${event.id}`);
  await links.expectSelected(event);
  await expect(links.details).toHaveCSS('position', 'fixed');
  await expect(links.detailsTitle).toBeInViewport();
  await expect(links.closeDetails).toBeInViewport();
  await expect(links.markerOf(event.id)).toBeInViewport();
});
