// Formats people keep outside newsrooms' own tools: a timemap export, a KML file (and the same as
// KMZ, a zip read in the import worker) and an iCalendar file, each opened through the page's
// "Open data" dialog, shown on the timeline and the map, and linked between them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { expect, test } from './fixtures';
import { ImportPage } from './import.po';

const FIXTURES = fileURLToPath(new URL('../src/formats/fixtures/', import.meta.url));
const fixture = (name: string) => `${FIXTURES}${name}`;

interface Case {
  name: string;
  file: string;
  events: number;
  /** How many of them have no place (the map says so). */
  unplaced: number;
  /** An event with a place, selected on the timeline to see the map follow. */
  select: { id: string; title: string };
}

const CASES: Case[] = [
  {
    name: 'a timemap export (Bellingcat’s JSON download)',
    file: 'timemap.json',
    events: 6,
    unplaced: 0,
    select: {
      id: 'civ0004',
      title: 'Reports of four dead and 10 injured after strike next to a hospital.',
    },
  },
  {
    name: 'a KML file',
    file: 'placemarks.kml',
    events: 5,
    unplaced: 0,
    select: { id: 'when-2009-03-14-3', title: 'when 2009-03-14' },
  },
  {
    name: 'an iCalendar file',
    file: 'calendar.ics',
    events: 4,
    unplaced: 3,
    select: { id: 'guid-1.example.com', title: 'XYZ Project Review' },
  },
];

for (const c of CASES) {
  test(`${c.name} opens through the dialog and shows on the timeline and the map`, async ({
    dateline,
    page,
  }) => {
    const io = new ImportPage(page);
    await dateline.goto();
    await io.pickFile(fixture(c.file));
    await io.expectEvents(c.events);
    await expect(
      io.notices.filter({ hasText: `${c.events} events loaded, 0 rejected` }),
    ).toHaveCount(1);
    await expect(dateline.timelineLabels).toHaveCount(c.events);
    await expect(dateline.markers.or(dateline.clusters).first()).toBeVisible();
    if (c.unplaced > 0) {
      await expect(dateline.unplacedCount).toContainText(`${c.unplaced} events have no place`);
    }

    await dateline.selectOnTimeline(c.select.id);
    await expect(dateline.detailsTitle).toHaveText(c.select.title);
    await expect(dateline.selectedMarkers).toHaveCount(1);
  });
}

test('a KMZ (zipped KML) opens through the dialog and shows on both views', async ({
  dateline,
  page,
}) => {
  const io = new ImportPage(page);
  const kml = readFileSync(fixture('placemarks.kml'), 'utf8');
  const kmz = zipSync({ 'doc.kml': strToU8(kml), 'files/icon.png': new Uint8Array([1, 2, 3]) });
  await dateline.goto();
  await io.openDialog();
  await io.fileInput.setInputFiles({
    name: 'placemarks.kmz',
    mimeType: 'application/vnd.google-earth.kmz',
    buffer: Buffer.from(kmz),
  });
  await io.expectEvents(5);
  await expect(dateline.timelineLabels).toHaveCount(5);
  await expect(dateline.markers.or(dateline.clusters).first()).toBeVisible();
  await expect(io.notices.filter({ hasText: 'KML/KMZ placemarks' })).toHaveCount(1);
});

test('a GDELT export says its events are machine-coded', async ({ dateline, page }) => {
  const io = new ImportPage(page);
  await dateline.goto();
  await io.pickFile(fixture('gdelt.export.CSV'));
  await io.expectEvents(6);
  await dateline.selectInList('gdelt-1256322778');
  await expect(dateline.detailsTitle).toHaveText('UNITED ARAB EMIRATES: consult → UNITED STATES');
  await expect(dateline.detailsArticle).toContainText('machine-coded');
});
