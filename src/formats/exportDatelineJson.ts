// Export as `dateline/1`: the given events, exactly as loaded, with only the actors, places and
// sources they use (and the actors those belong to, so `memberOf` links stay whole), and the
// dataset's stories with the steps whose event is exported (a step of an event left out would not
// load), so a filtered export still plays.
import type { Dataset, DatelineEvent } from '../model/dataset';
import { FORMAT, type EventInput } from '../model/schema';
import { rawStory, type Story } from '../model/stories';

/** An event as the file writes it, without what the loader derives. */
export function rawEvent(e: DatelineEvent): EventInput {
  const {
    index: _index,
    earliest: _earliest,
    latest: _latest,
    startDate: _startDate,
    endDate: _endDate,
    placeKey: _placeKey,
    ...raw
  } = e;
  return raw;
}

export function exportDatelineJson(dataset: Dataset, events: readonly DatelineEvent[]): string {
  const actorIds = new Set<string>();
  const placeIds = new Set<string>();
  const sourceIds = new Set<string>();
  const refer = (id: string) => {
    if (dataset.actors.has(id)) actorIds.add(id);
    else if (dataset.sources.has(id)) sourceIds.add(id);
  };
  for (const e of events) {
    for (const a of e.actors) actorIds.add(a.actor);
    refer(e.claim.by);
    for (const ev of e.evidence) sourceIds.add(ev.source);
    if (typeof e.place === 'string') placeIds.add(e.place);
  }
  for (const id of [...actorIds]) {
    let up = dataset.actors.get(id)?.memberOf;
    while (up !== undefined && !actorIds.has(up)) {
      actorIds.add(up);
      up = dataset.actors.get(up)?.memberOf;
    }
  }
  const places = [...dataset.places.values()]
    .filter((p) => !p.inline && placeIds.has(p.id))
    .map(({ key: _key, inline: _inline, ...place }) => place);
  const doc = {
    format: FORMAT,
    title: dataset.title,
    description: dataset.description,
    ...(dataset.language !== undefined && { language: dataset.language }),
    ...(dataset.extra && { extra: dataset.extra }),
    actors: [...dataset.actors.values()].filter((a) => actorIds.has(a.id)),
    places,
    sources: [...dataset.sources.values()].filter((s) => sourceIds.has(s.id)),
    events: events.map(rawEvent),
    ...(dataset.stories.length > 0 && {
      stories: dataset.stories.map((story) => rawStory(storyOf(story, events))),
    }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The story with only the steps whose event is among those exported (steps with none stay). */
function storyOf(story: Story, events: readonly DatelineEvent[]): Story {
  if (story.steps.every((step) => step.event === undefined)) return story;
  const ids = new Set(events.map((e) => e.id));
  const steps = story.steps.filter((step) => step.event === undefined || ids.has(step.event));
  return steps.length === story.steps.length ? story : { ...story, steps };
}
