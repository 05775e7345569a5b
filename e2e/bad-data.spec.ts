// A dataset with bad items still opens: the valid events show and the load report names each
// rejected item (index, id, field, reason). A file that is not JSON shows an error naming it.
import { DATASET_FILE, expect, readSeed, test } from './fixtures';

const UNKNOWN_ACTOR = 'nobody-anyone-knows';

test('bad events are rejected one by one and reported; the others still show', async ({
  dateline,
}) => {
  const data = readSeed();
  const total = data.events.length;
  // The last event takes the id of the first: the first keeps it, the last is the duplicate.
  const [original] = data.events;
  const duplicateIndex = total - 1;
  const duplicate = data.events[duplicateIndex];
  // Some event in between with actors gets an actor no one has declared.
  const unknownActorIndex = data.events.findIndex(
    (e, i) => i > 0 && i < duplicateIndex && (e.actors?.length ?? 0) > 0,
  );
  const badActor = data.events[unknownActorIndex];
  const firstActor = badActor?.actors?.[0];
  if (!original || !duplicate || !badActor || !firstActor)
    throw new Error('the seed needs three events, one with actors, to break');
  const lostTitle = duplicate.title;
  duplicate.id = original.id;
  firstActor.actor = UNKNOWN_ACTOR;

  await dateline.serveDataset(data);
  await dateline.goto(total - 2);

  await expect(dateline.timelineItem(original.id)).toHaveCount(1);
  await expect(dateline.timelineItem(original.id)).toContainText(original.title);
  await expect(dateline.timelineItem(badActor.id)).toHaveCount(0);
  await expect(dateline.timeline).not.toContainText(lostTitle);
  await expect(dateline.reportButton).toContainText(`${total - 2} events loaded, 2 rejected`);

  await dateline.openReport();
  const actorProblem = dateline.reportProblem('events', unknownActorIndex);
  await expect(actorProblem).toHaveCount(1);
  await expect(actorProblem).toContainText(`events[${unknownActorIndex}]`);
  await expect(actorProblem).toContainText(badActor.id);
  await expect(actorProblem).toContainText('actors[0].actor');
  await expect(actorProblem).toContainText(`unknown actor “${UNKNOWN_ACTOR}”`);

  const duplicateProblem = dateline.reportProblem('events', duplicateIndex);
  await expect(duplicateProblem).toHaveCount(1);
  await expect(duplicateProblem).toContainText(`events[${duplicateIndex}]`);
  await expect(duplicateProblem).toContainText(original.id);
  await expect(duplicateProblem).toContainText('· id');
  await expect(duplicateProblem).toContainText(`duplicate id: events[0] already uses`);
});

test('a dataset that is not JSON shows an error naming the file', async ({ dateline }) => {
  await dateline.serveDataset('{ "format": "dateline/1", "events": [ this is not JSON');
  await dateline.open();
  await expect(dateline.loadError).toBeVisible();
  await expect(dateline.loadError).toContainText(DATASET_FILE);
  await expect(dateline.loadError).toContainText('not valid JSON');
  await expect(dateline.timeline).toHaveCount(0);
  await expect(dateline.eventCount).toHaveCount(0);
});
