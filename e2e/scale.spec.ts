// A 10,000-event generated dataset opens through `?data=` and stays usable: both views draw it,
// and selecting an event (in the list, then on the timeline) selects it everywhere. No timing
// is asserted here; `npm run bench` measures.
import { generateDataset } from '../scripts/generate';
import { expect, READY, test } from './fixtures';

const EVENTS = 10_000;
const DATA_PATH = '/scale/events-10k.json';

const dataset = generateDataset({ events: EVENTS, seed: 1 });
const byId = new Map(dataset.events.map((e) => [e.id, e]));

test('a 10,000-event dataset opens and selection works in every view', async ({
  dateline,
  page,
}) => {
  test.setTimeout(300_000);
  const body = JSON.stringify(dataset);
  await page.route(`**${DATA_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await dateline.gotoDataset(DATA_PATH, EVENTS, 120_000);
  await expect(dateline.reportButton).toContainText(
    `${EVENTS.toLocaleString('en-US')} events loaded, 0 rejected`,
  );

  // In the list: the first event in time order that has a place, so the map shows it too.
  const ids = await dateline.listOptions.evaluateAll((els) =>
    els.map((el) => el.getAttribute('data-event-id') ?? ''),
  );
  const listed = ids.map((id) => byId.get(id)).find((e) => e?.place);
  if (!listed) throw new Error('none of the first rows of the list has a place');
  await dateline.selectInList(listed.id);
  await expectSelectedEverywhere(listed.id);

  // On the timeline: the next event in time order, near the first one in the window. First clear
  // the selection and move the pointer off the list: the selected (or hovered) box's 1px line is
  // raised above the other boxes and may cross the next box's centre, where the click lands.
  const next = byId.get(ids[ids.indexOf(listed.id) + 1] ?? '');
  if (!next) throw new Error('the list has no second row');
  await dateline.movePointerAway();
  await dateline.pressEscape();
  await expect(dateline.detailsArticle).toHaveCount(0, READY);
  // Zoomed out, 10,000 events are a density band; zoomed in, they are items to click.
  await expect(dateline.timeline).toHaveAttribute('data-drawing', 'density');
  await dateline.zoomTimelineToItems();
  await dateline.selectOnTimeline(next.id);
  await expectSelectedEverywhere(next.id);

  async function expectSelectedEverywhere(id: string) {
    const event = byId.get(id);
    if (!event) throw new Error(`no event ${id}`);
    await expect(dateline.detailsArticle).toHaveAttribute('data-event-id', id, READY);
    await expect(dateline.detailsTitle).toHaveText(event.title, READY);
    await expect(dateline.timelineItem(id)).toHaveClass(/\bvis-selected\b/, READY);
    await expect(dateline.selectedTimelineItems).toHaveCount(1, READY);
    if (event.place) {
      await expect(dateline.marker(event.place)).toHaveClass(/\bdl-selected\b/, READY);
      await expect(dateline.marker(event.place)).toHaveAttribute(
        'data-events',
        new RegExp(`(^| )${id}( |$)`),
      );
    }
    await expect(dateline.selectedMarkers).toHaveCount(event.place ? 1 : 0, READY);
    await expect(dateline.selectedListOptions).toHaveAttribute('data-event-id', id, READY);
  }
});
