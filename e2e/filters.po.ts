// The filter panel's page object: every selector the filter specs need (the panel, the timeline's
// window buttons, the list's empty result), the actions a user takes on them, and assertions that
// every view shows what the filter model (./filters.expected.ts) says it should.
import { expect, type Locator, type Page } from '@playwright/test';
import type { DatelinePage } from './app.po';
import {
  isFiltering,
  model as seedModel,
  type Facet,
  type FilterModel,
  type FilterSpec,
} from './filters.expected';
import { eventsByPlace, eventsText, inTimeOrder, placeKeyOf } from './seed';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A facet checkbox's accessible name is its label and its count: "Hamas 13", "statement 10". */
const labelled = (label: string) => new RegExp(`^${escapeRegExp(label)} \\d+$`);

type SectionTitle = 'Actors' | 'Type and status' | 'Dates';

const FACET_TEST_IDS: Record<Facet, string> = {
  types: 'facet-types',
  statuses: 'facet-statuses',
  claims: 'facet-claims',
};

export class FiltersPanel {
  readonly page: Page;
  readonly panel: Locator;
  /** "all 16 events" or "7 of 16 events". */
  readonly count: Locator;
  readonly clearButton: Locator;
  readonly search: Locator;

  // Actors
  readonly actorFacet: Locator;
  readonly actorCheckboxes: Locator;
  readonly anyOf: Locator;
  readonly allOf: Locator;
  readonly role: Locator;
  readonly includeMembers: Locator;
  readonly membersNote: Locator;
  readonly showAllActors: Locator;

  // Dates
  readonly dateFrom: Locator;
  readonly dateTo: Locator;
  readonly dateNote: Locator;
  /** "Only events whose whole span is inside the range" (off: an overlap is enough). */
  readonly dateWithin: Locator;
  /** The message refusing a range whose start is after its end (empty while there is none). */
  readonly dateError: Locator;
  readonly onlyInView: Locator;
  /** The date range in words, shown when a bound is before year 1 (a date input cannot hold it). */
  readonly dateRangeWords: Locator;

  // The list when nothing matches
  readonly emptyResult: Locator;
  readonly emptyResultClear: Locator;

  // The timeline's toolbar and the date range it shades
  readonly zoomIn: Locator;
  readonly fitAll: Locator;
  readonly filterToWindow: Locator;
  readonly dateRangeShading: Locator;
  readonly timelineAxis: Locator;

  constructor(readonly dateline: DatelinePage) {
    const page = dateline.page;
    this.page = page;
    this.panel = page.getByRole('region', { name: 'Filters' });
    this.count = this.panel.getByTestId('filter-count');
    this.clearButton = this.panel.getByRole('button', { name: 'Clear filters' });
    this.search = this.panel.getByRole('searchbox', { name: 'Search' });

    this.actorFacet = this.panel.getByTestId('facet-actors');
    this.actorCheckboxes = this.actorFacet.getByRole('listitem').getByRole('checkbox');
    this.anyOf = this.actorFacet.getByRole('radio', { name: 'any of' });
    this.allOf = this.actorFacet.getByRole('radio', { name: 'all of' });
    this.role = this.actorFacet.getByRole('combobox', { name: 'Role' });
    this.includeMembers = this.actorFacet.getByRole('checkbox', { name: 'include members' });
    this.membersNote = this.actorFacet.getByTestId('members-note');
    this.showAllActors = this.actorFacet.getByRole('button', { name: /^Show all \d+ actors$/ });

    const dates = this.panel.getByTestId('facet-dates');
    this.dateFrom = dates.getByLabel('From');
    this.dateTo = dates.getByLabel('To');
    this.dateNote = dates.getByText('overlap the range are included');
    this.dateWithin = dates.getByRole('checkbox', { name: 'whole span is inside the range' });
    this.dateError = dates.getByTestId('date-range-error');
    this.onlyInView = dates.getByRole('button', { name: 'Only what is in view on the timeline' });
    this.dateRangeWords = dates.getByTestId('date-range-words');

    this.emptyResult = page.getByTestId('empty-result');
    this.emptyResultClear = this.emptyResult.getByRole('button', { name: 'Clear filters' });

    const toolbar = page.getByRole('toolbar', { name: 'Timeline zoom' });
    this.zoomIn = dateline.views.timeline.zoomInButton;
    this.fitAll = toolbar.getByRole('button', { name: 'Fit all' });
    this.filterToWindow = toolbar.getByRole('button', { name: 'Filter to this window' });
    this.dateRangeShading = dateline.timeline.locator('.vis-item.dl-date-range');
    this.timelineAxis = dateline.views.timeline.axisPanel;
  }

  // --- Locators ---------------------------------------------------------------------------------

  /** A collapsible section of the panel, by the start of its title ("Actors (2)" is "Actors"). */
  section(title: SectionTitle): Locator {
    return this.panel
      .locator('details')
      .filter({ has: this.page.locator('summary', { hasText: new RegExp(`^${title}`) }) });
  }

  /** The title of a section, which opens and closes it: "Actors (2)". */
  sectionTitle(title: SectionTitle): Locator {
    return this.section(title).locator('summary');
  }

  /** An actor's checkbox, by the actor's name in the dataset. */
  actor(id: string, m: FilterModel = seedModel): Locator {
    return this.actorFacet.getByRole('checkbox', { name: labelled(m.actor(id).name) });
  }

  /** An actor's checkbox, by the actor's id (its value), for data without a model. */
  actorCheckbox(id: string): Locator {
    return this.actorFacet.locator(`input[type=checkbox][value=${JSON.stringify(id)}]`);
  }

  facet(facet: Facet): Locator {
    return this.panel.getByTestId(FACET_TEST_IDS[facet]);
  }

  /** A value's checkbox in the type, status or claim facet. */
  facetOption(facet: Facet, value: string): Locator {
    return this.facet(facet).getByRole('checkbox', { name: labelled(value) });
  }

  // --- Actions ----------------------------------------------------------------------------------

  async openSection(title: SectionTitle): Promise<void> {
    const section = this.section(title);
    if ((await section.getAttribute('open')) === null) await this.sectionTitle(title).click();
    await expect(section).toHaveAttribute('open', '');
  }

  /** Opens the actor facet with every actor listed (it shows the busiest few at first). */
  async openActors(): Promise<void> {
    await this.openSection('Actors');
    if (await this.showAllActors.isVisible()) {
      await this.showAllActors.click();
      await expect(this.showAllActors).toHaveCount(0);
    }
  }

  async toggleActor(id: string, m: FilterModel = seedModel): Promise<void> {
    await this.openActors();
    await this.actor(id, m).click();
  }

  async pickActors(ids: readonly string[], m: FilterModel = seedModel): Promise<void> {
    await this.openActors();
    for (const id of ids) await this.actor(id, m).check();
  }

  async toggleFacet(facet: Facet, value: string): Promise<void> {
    await this.openSection('Type and status');
    await this.facetOption(facet, value).click();
  }

  /** Types a query a key at a time, as a person does, and never presses Enter. */
  async typeSearch(text: string): Promise<void> {
    await this.search.click();
    await this.search.pressSequentially(text, { delay: 20 });
  }

  async setDates(from: string | null, to: string | null): Promise<void> {
    await this.openSection('Dates');
    if (from !== null) await this.dateFrom.fill(from);
    if (to !== null) await this.dateTo.fill(to);
  }

  /** Sets every filter of `f` from a cleared panel. */
  async apply(f: FilterSpec, m: FilterModel = seedModel): Promise<void> {
    if (f.actors?.length || f.role || f.mode || f.members) await this.openActors();
    if (f.actors?.length) await this.pickActors(f.actors, m);
    if (f.mode === 'all') await this.allOf.check();
    if (f.members) await this.includeMembers.check();
    if (f.role) await this.role.selectOption(f.role);
    for (const facet of ['types', 'statuses', 'claims'] as const)
      for (const value of f[facet] ?? []) await this.toggleFacet(facet, value);
    if (f.from || f.to) await this.setDates(f.from ?? null, f.to ?? null);
    if (f.within) await this.dateWithin.check();
    if (f.q) await this.typeSearch(f.q);
  }

  /** The timeline's scale, in pixels per millisecond (the app keeps it on the canvas). */
  timelineScale(): Promise<number> {
    return this.dateline.views.timeline.scale();
  }

  /** Zooms the timeline in with its + button and waits until the zoom has finished. */
  zoomTimelineIn(): Promise<void> {
    return this.dateline.views.timeline.zoomIn();
  }

  /** Drags the timeline's time axis by `dx` pixels, as a user pans it with the mouse. */
  dragTimeline(dx: number): Promise<void> {
    return this.dateline.views.timeline.drag(dx);
  }

  /** The date range in the From and To inputs. */
  async dateRange(): Promise<{ from: string; to: string }> {
    return { from: await this.dateFrom.inputValue(), to: await this.dateTo.inputValue() };
  }

  // --- Reading the views ------------------------------------------------------------------------

  /** Ids of the events with an item on the timeline, sorted. */
  async timelineIds(): Promise<string[]> {
    const ids = await this.dateline.timelineLabels.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-event-id') ?? ''),
    );
    return ids.toSorted();
  }

  /** Each marker as "place: event ids", sorted. */
  async markerContents(): Promise<string[]> {
    const markers = await this.dateline.markers.evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-place'), el.getAttribute('data-events')] as const),
    );
    return markers
      .map(([place, events]) => `${place}: ${(events ?? '').split(' ').toSorted().join(' ')}`)
      .toSorted();
  }

  /** The events of the markers drawn, and how many events markers and clusters hold together. */
  async mapEvents(): Promise<{ ids: string[]; events: number }> {
    const ids = (
      await this.dateline.markers.evaluateAll((els) =>
        els.map((el) => el.getAttribute('data-events') ?? ''),
      )
    ).flatMap((events) => events.split(' ').filter(Boolean));
    const inClusters = await this.dateline.clusters.evaluateAll((els) =>
      els.reduce((sum, el) => sum + Number(el.getAttribute('data-event-count')), 0),
    );
    return { ids, events: ids.length + inClusters };
  }

  /** Ids of every event in the list, in its order (the list is windowed: see EventListPage). */
  listIds(): Promise<string[]> {
    return this.dateline.views.list.allIds();
  }

  /**
   * The panel's visible controls that are smaller than `min` pixels either way, described. A
   * checkbox or radio button counts with its label, which takes the same tap.
   */
  async smallTouchTargets(min: number): Promise<string[]> {
    return this.panel.evaluate((root, least) => {
      const small: string[] = [];
      for (const el of root.querySelectorAll<HTMLElement>('button, select, summary, input')) {
        const boxes = [el, ...((el as HTMLInputElement).labels ?? [])].map((x) =>
          x.getBoundingClientRect(),
        );
        const own = boxes[0];
        if (!own || own.width === 0 || own.height === 0) continue; // not shown
        const top = Math.min(...boxes.map((b) => b.top));
        const bottom = Math.max(...boxes.map((b) => b.bottom));
        const left = Math.min(...boxes.map((b) => b.left));
        const right = Math.max(...boxes.map((b) => b.right));
        if (bottom - top < least || right - left < least) {
          const name = el.getAttribute('aria-label') ?? el.textContent ?? '';
          const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
          small.push(
            `${el.tagName.toLowerCase()} “${(name || label).trim()}”: ${Math.round(right - left)}×${Math.round(bottom - top)}`,
          );
        }
      }
      return small;
    }, min);
  }

  /** How many pixels the page is wider than the screen (0 when nothing sticks out). */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  // --- Assertions -------------------------------------------------------------------------------

  /**
   * Every view shows exactly the events the model gives for `f`: the timeline's items, the map's
   * markers (each with its events), the list in time order, the map's unplaced count, and the
   * counts in the header and the panel. The timeline draws only the items near its window:
   * after zooming it, "Fit all" first. With many places the map clusters close ones: then
   * (`clustered`) every marker holds only shown events, and markers and clusters together hold
   * all the shown events that have a place.
   */
  async expectShown(
    f: FilterSpec,
    m: FilterModel = seedModel,
    { clustered = false } = {},
  ): Promise<void> {
    const events = m.events(f);
    const total = m.data.events.length;
    const n = events.length;
    await expect(this.dateline.eventCount).toHaveText(
      n === total ? eventsText(total) : `${n} of ${eventsText(total)}`,
    );
    await expect(this.count).toHaveText(
      isFiltering(f)
        ? `${n} of ${eventsText(total)}`
        : total === 1
          ? 'the only event'
          : `all ${eventsText(total)}`,
    );
    await expect(this.clearButton).toBeEnabled({ enabled: isFiltering(f) });

    await expect(this.dateline.timelineLabels).toHaveCount(n);
    await expect
      .poll(() => this.timelineIds(), 'the timeline')
      .toEqual(events.map((e) => e.id).toSorted());

    if (clustered) {
      const shown = new Set(events.map((e) => e.id));
      const placed = events.length - events.filter((e) => placeKeyOf(e) === null).length;
      await expect
        .poll(async () => {
          const { ids, events: onMap } = await this.mapEvents();
          return { onMap, notShown: ids.filter((id) => !shown.has(id)) };
        }, 'the map')
        .toEqual({ onMap: placed, notShown: [] });
    } else {
      const markers = [...eventsByPlace(events)].map(
        ([place, ids]) => `${place}: ${ids.toSorted().join(' ')}`,
      );
      await expect.poll(() => this.markerContents(), 'the map').toEqual(markers.toSorted());
    }
    const unplaced = events.filter((e) => placeKeyOf(e) === null).length;
    if (unplaced === 0) await expect(this.dateline.unplacedCount).toHaveCount(0);
    else
      await expect(this.dateline.unplacedCount).toHaveText(
        `${unplaced === 1 ? '1 event has' : `${unplaced} events have`} no place in the source`,
      );

    if (n === 0) {
      await expect(this.dateline.listOptions).toHaveCount(0);
      await expect(this.emptyResult).toBeVisible();
    } else {
      await expect(this.emptyResult).toHaveCount(0);
      await expect(this.dateline.listOptions.first()).toHaveAttribute('aria-setsize', String(n));
      await expect
        .poll(() => this.listIds(), {
          message: 'the list',
          // Reading a list of more than a screenful of rows through its scroller takes a while
          // (78 rows took over 7 s at load ~20).
          timeout: n > 50 ? 30_000 : undefined,
        })
        .toEqual(inTimeOrder(events).map((e) => e.id));
    }
  }

  /** The count beside every actor is what the model gives for `f`. */
  async expectActorCounts(f: FilterSpec, m: FilterModel = seedModel): Promise<void> {
    await this.openActors();
    await expect(this.actorCheckboxes).toHaveCount(m.data.actors.length);
    for (const a of m.data.actors)
      await expect(this.actor(a.id, m), a.id).toHaveAccessibleName(
        `${a.name} ${m.actorCount(f, a.id)}`,
      );
  }

  /**
   * The count beside every value of a facet (the values the dataset has, and the ones it has
   * not, which must count 0) is what the model gives for `f`.
   */
  async expectFacetCounts(facet: Facet, f: FilterSpec, m: FilterModel = seedModel): Promise<void> {
    await this.openSection('Type and status');
    const names = await this.facet(facet)
      .getByRole('checkbox')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
    for (const v of m.facetValues(facet))
      expect(names, `the ${facet} facet lists “${v}”`).toContain(v);
    for (const v of names)
      await expect(this.facetOption(facet, v), `${facet}: ${v}`).toHaveAccessibleName(
        `${v} ${m.facetCount(f, facet, v)}`,
      );
  }

  /** Every control of the panel is back at its default. */
  async expectCleared(m: FilterModel = seedModel): Promise<void> {
    await expect(this.search).toHaveValue('');
    await this.openActors();
    for (const a of m.data.actors) await expect(this.actor(a.id, m)).not.toBeChecked();
    await expect(this.anyOf).toBeChecked();
    await expect(this.role).toHaveValue('');
    await expect(this.includeMembers).not.toBeChecked();
    await this.openSection('Type and status');
    for (const facet of ['types', 'statuses', 'claims'] as const)
      for (const box of await this.facet(facet).getByRole('checkbox').all())
        await expect(box).not.toBeChecked();
    await this.openSection('Dates');
    await expect(this.dateFrom).toHaveValue('');
    await expect(this.dateTo).toHaveValue('');
    await this.expectShown({}, m);
  }
}
