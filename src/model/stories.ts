// Stories (issue 13): a dataset's guided sequences of steps, read from `stories[]` of a
// `dateline/1` file and written back. Each story and each step is checked on its own: a bad
// story is dropped and reported, a bad step (its own fields, an event the dataset does not hold,
// a view no link could give) is dropped and reported, and the story plays without it.
//
// A step's view holds what the link holds (src/url/params.ts): the filters (the `Filters` type,
// fields left out are off), the timeline window `t` (two ISO instants in the file, epoch ms in
// the model, as `TimeWindow`) and the map view `map` (`MapViewState`: lat, lon, zoom).
import { z } from './zod';
import type { Actor } from './schema';
import { once } from './once';
import { storySchema, storyStepSchema, type StoryInput, type StoryStepInput } from './schema';
import type { DatelineEvent, Problem } from './dataset';
import { NO_FILTERS, isInvertedRange, type Filters } from './filter/types';
import type { TimeWindow } from './time';
import { quote } from './quote';
import { pathToField } from './fieldPath';
import type { MapViewState } from '../url/types';
import {
  canonical,
  dedupe,
  formatInstant,
  isDay,
  isValidMapView,
  isValidWindow,
  normaliseQuery,
  parseInstant,
  roundMapView,
  roundWindow,
} from '../url/fields';
import { CLAIM_STATUSES, EVENT_STATUSES, EVENT_TYPES } from './schema';

/** What a step shows besides its event; each part left out stays as the reader had it. */
export interface StoryView {
  /** The whole filter state the step shows (fields the file left out are off). */
  filters?: Filters;
  window?: TimeWindow;
  map?: MapViewState;
}

export interface StoryStep {
  /** The id of an event the dataset holds. */
  event?: string;
  title?: string;
  /** Plain text or Markdown, rendered safely (views/story/StoryText.tsx). */
  text: string;
  view?: StoryView;
}

export interface Story {
  id: string;
  title: string;
  description: string;
  steps: StoryStep[];
}

/** A story with its steps left to be read one by one; made on first use, as ./schema.ts's are. */
const storyHeadSchema = once(() =>
  storySchema()
    .omit({ steps: true })
    .extend({
      steps: z.array(z.unknown(), { error: '“steps” must be an array of steps' }),
    }),
);

/** What the loader knows that a story's references are checked against. */
export interface StoryRefs {
  eventById: ReadonlyMap<string, DatelineEvent>;
  actors: ReadonlyMap<string, Actor>;
}

/**
 * Reads `stories[]` of a file: the stories that load, and a problem for each story or step
 * dropped (collection "stories", the story's index and id, the step's field).
 */
export function loadStories(raw: unknown, refs: StoryRefs, problems: Problem[]): Story[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({
      severity: 'error',
      collection: 'stories',
      message: '“stories” must be an array of stories',
    });
    return [];
  }
  const stories: Story[] = [];
  const seen = new Map<string, number>();
  raw.forEach((item: unknown, index) => {
    const head = storyHeadSchema().safeParse(item);
    const rawId =
      typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string'
        ? (item as { id: string }).id
        : undefined;
    if (!head.success) {
      for (const issue of head.error.issues) {
        problems.push({
          severity: 'error',
          collection: 'stories',
          index,
          ...(rawId !== undefined && { id: rawId }),
          field: pathToField(issue.path),
          message: issue.message,
        });
      }
      return;
    }
    const { id, title, description } = head.data;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({
        severity: 'error',
        collection: 'stories',
        index,
        id,
        field: 'id',
        message: `duplicate id: stories[${first}] already uses ${quote(id)}`,
      });
      return;
    }
    seen.set(id, index);
    const report = (field: string, message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ severity, collection: 'stories', index, id, field, message });
    const steps: StoryStep[] = [];
    head.data.steps.forEach((input, i) => {
      const step = readStep(input, refs, (field, message, severity) =>
        report(`steps[${i}]${field ? `.${field}` : ''}`, message, severity),
      );
      if (step) steps.push(step);
    });
    if (steps.length === 0 && head.data.steps.length > 0) {
      report('steps', 'no step of this story could be read; it has nothing to play', 'warning');
    }
    stories.push({ id, title, description, steps });
  });
  return stories;
}

type Report = (field: string, message: string, severity?: Problem['severity']) => void;

function readStep(raw: unknown, refs: StoryRefs, report: Report): StoryStep | undefined {
  const parsed = storyStepSchema().safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      report(pathToField(issue.path), `${issue.message}; the story plays without this step`);
    }
    return undefined;
  }
  const input = parsed.data;
  if (input.event !== undefined && !refs.eventById.has(input.event)) {
    report(
      'event',
      `unknown event ${quote(input.event)} (not in the dataset, or rejected above); the story plays without this step`,
    );
    return undefined;
  }
  let view: StoryView | undefined;
  if (input.view) {
    const read = readView(input.view, refs, report);
    if (read === undefined) return undefined;
    if (Object.keys(read).length > 0) view = read;
  }
  if (input.event === undefined && view === undefined && input.text.trim() === '') {
    report('', 'a step must show an event, a view or some text; the story plays without it');
    return undefined;
  }
  return {
    ...(input.event !== undefined && { event: input.event }),
    ...(input.title !== undefined && { title: input.title }),
    text: input.text,
    ...(view && { view }),
  };
}

type ViewInput = NonNullable<StoryStepInput['view']>;

function readView(input: ViewInput, refs: StoryRefs, report: Report): StoryView | undefined {
  const view: StoryView = {};
  const dropped = '; the story plays without this step';
  if (input.filters) {
    const f = input.filters;
    for (const key of ['from', 'to'] as const) {
      const value = f[key];
      if (value != null && !isDay(value)) {
        report(`view.filters.${key}`, `${quote(value)} is not a day (YYYY-MM-DD)${dropped}`);
        return undefined;
      }
    }
    if (isInvertedRange(f.from ?? null, f.to ?? null)) {
      report('view.filters.to', `the range starts after it ends${dropped}`);
      return undefined;
    }
    const actors = dedupe(f.actors ?? []);
    const unknown = actors.filter((a) => !refs.actors.has(a));
    if (unknown.length > 0) {
      report(
        'view.filters.actors',
        `${unknown.map((a) => quote(a)).join(', ')} ${unknown.length === 1 ? 'is not a known actor' : 'are not known actors'}; left out of the step’s filters`,
        'warning',
      );
    }
    view.filters = {
      ...NO_FILTERS,
      actors: actors.filter((a) => refs.actors.has(a)),
      actorMode: f.actorMode ?? 'any',
      includeMembers: f.includeMembers ?? false,
      role: f.role ?? null,
      types: canonical(EVENT_TYPES, f.types ?? []),
      statuses: canonical(EVENT_STATUSES, f.statuses ?? []),
      claims: canonical(CLAIM_STATUSES, f.claims ?? []),
      from: f.from ?? null,
      to: f.to ?? null,
      dateWithin: f.dateWithin ?? false,
      q: normaliseQuery(f.q ?? ''),
    };
  }
  if (input.t) {
    const window = { start: parseInstant(input.t.start), end: parseInstant(input.t.end) };
    if (Number.isNaN(window.start) || Number.isNaN(window.end)) {
      report(
        'view.t',
        `expected ISO 8601 instants, such as 2025-02-01T00:00Z; found ${quote(input.t.start)} and ${quote(input.t.end)}${dropped}`,
      );
      return undefined;
    }
    if (!isValidWindow(window)) {
      report(
        'view.t',
        `the window must end at least a minute after it starts and span at most 500,000 years${dropped}`,
      );
      return undefined;
    }
    view.window = roundWindow(window);
  }
  if (input.map) {
    if (!isValidMapView(input.map)) {
      report(
        'view.map',
        `expected latitude −90 to 90, longitude −180 to 180 and zoom 0 to 20${dropped}`,
      );
      return undefined;
    }
    view.map = roundMapView(input.map);
  }
  return view;
}

/** A step as the file writes it: filters with only the fields that narrow, `t` as instants. */
export function rawStep(step: StoryStep): StoryStepInput {
  const out: StoryStepInput = {
    ...(step.event !== undefined && { event: step.event }),
    ...(step.title !== undefined && { title: step.title }),
    text: step.text,
  };
  const v = step.view;
  if (!v) return out;
  const view: NonNullable<StoryStepInput['view']> = {};
  if (v.filters) {
    const changed: Record<string, unknown> = {};
    for (const key of Object.keys(NO_FILTERS) as Array<keyof Filters>) {
      const value = v.filters[key];
      const off = NO_FILTERS[key];
      const same = Array.isArray(value)
        ? value.length === 0
        : value === off || (key === 'q' && value === '');
      if (!same) changed[key] = value;
    }
    view.filters = changed;
  }
  if (v.window) view.t = { start: formatInstant(v.window.start), end: formatInstant(v.window.end) };
  if (v.map) view.map = { ...v.map };
  return Object.keys(view).length > 0 ? { ...out, view } : out;
}

/** A story as the file writes it. */
export function rawStory(story: Story): StoryInput {
  return {
    id: story.id,
    title: story.title,
    description: story.description,
    steps: story.steps.map(rawStep),
  };
}
