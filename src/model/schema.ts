// The `dateline/1` event format, defined once. The TypeScript types, the runtime validator and
// the published JSON Schema (public/schema/dateline-1.schema.json) all come from these objects.
// Each schema is made on first use (`once`): made all at once as the app's code loads, they took
// ~36 ms in Node and ~90 ms of a profiled page's start, and as much of the import worker's; a
// page that opens a Parquet file uses none of them, its worker only the actors', places' and
// sources'.
import { once } from './once';
import { z } from './zod';
import { ID_PATTERN, MAX_ID_LENGTH } from './ids';
import { PRECISIONS } from './time';

export const FORMAT = 'dateline/1';

const slug = once(() =>
  z
    .string()
    .regex(ID_PATTERN, 'must be a lowercase slug: letters, digits and - _ .')
    .max(MAX_ID_LENGTH)
    .describe('A stable identifier: lowercase letters, digits and - _ .'),
);

const text = once(() => z.string().trim().min(1, 'must not be empty'));

export const ACTOR_KINDS = [
  'state',
  'government',
  'armed-group',
  'organisation',
  'person',
  'people',
  'media',
] as const;

export const actorSchema = once(() =>
  z
    .object({
      id: slug(),
      name: text(),
      kind: z.enum(ACTOR_KINDS),
      aliases: z.array(text()).default([]),
      memberOf: slug()
        .optional()
        .describe('The id of the actor this one belongs to: a minister → a government → a state.'),
      description: z.string().optional(),
    })
    .describe('A state, group, organisation or person that takes part in events.'),
);

export const PLACE_PRECISIONS = ['exact', 'city', 'area', 'region', 'country'] as const;
export const GEOCODERS = ['geonames', 'country', 'alias'] as const;

const placeFields = () => ({
  name: text(),
  lat: z
    .number()
    .min(-90, 'latitude must be between -90 and 90')
    .max(90, 'latitude must be between -90 and 90'),
  lon: z
    .number()
    .min(-180, 'longitude must be between -180 and 180')
    .max(180, 'longitude must be between -180 and 180'),
  precision: z.enum(PLACE_PRECISIONS),
  radiusKm: z
    .number()
    .positive()
    .optional()
    .describe('How far from the point the event may have been.'),
  note: z
    .string()
    .optional()
    .describe('Why the place was chosen, when the source only implies it.'),
  geocoded: z
    .object({
      query: text().describe('The place name as the imported file wrote it.'),
      matched: text().describe('The gazetteer entry the name was matched to.'),
      by: z.enum(GEOCODERS),
    })
    .optional()
    .describe('Set when an importer found the coordinates from the name, not the file.'),
});

export const placeSchema = once(() => z.object({ id: slug(), ...placeFields() }));
export const inlinePlaceSchema = once(() => z.object({ id: slug().optional(), ...placeFields() }));

const httpUrl = once(() => z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }));

export const mediaSchema = once(() =>
  z
    .object({
      url: httpUrl(),
      caption: z.string().optional(),
      credit: z.string().optional(),
      thumbnail: httpUrl().optional(),
    })
    .describe('An image, video or page shown with the event (plain-text caption and credit).'),
);

export const sourceSchema = once(() =>
  z.object({
    id: slug(),
    title: text(),
    publisher: text(),
    author: z.string().optional(),
    url: httpUrl().optional(),
    published: z.string().optional().describe('Publication date, ISO 8601 at the precision known.'),
    note: z
      .string()
      .optional()
      .describe('How the source reached us, and what is known of its date.'),
    text: z
      .string()
      .optional()
      .describe('Full text, so quotes can be checked and shown in context.'),
  }),
);

export const EVENT_TYPES = [
  'statement',
  'negotiation',
  'agreement',
  'exchange',
  'deadline',
  'visit',
  'military',
  'humanitarian',
  'other',
] as const;

export const EVENT_STATUSES = ['occurred', 'scheduled', 'expected'] as const;
export const CLAIM_STATUSES = ['claimed', 'reported', 'confirmed', 'disputed'] as const;
export const ROLES = [
  'party',
  'mediator',
  'host',
  'spokesperson',
  'subject',
  'participant',
  'target',
  'observer',
] as const;

export const timeSchema = once(() =>
  z.object({
    start: z
      .string()
      .describe(
        'ISO 8601 at the precision given: 2025, 2025-02, 2025-02-27, 2025-02-27T23:00+02:00',
      ),
    end: z.string().optional(),
    precision: z.enum(PRECISIONS),
    approximate: z.boolean().default(false),
    text: z
      .string()
      .optional()
      .describe("The source's own words for the time, or why it is approximate."),
  }),
);

export const evidenceSchema = once(() =>
  z.object({
    source: slug(),
    // Not trimmed: the quote must match the source's characters exactly, spaces included.
    quote: z.string().refine((q) => q.trim().length > 0, 'must not be empty'),
    start: z
      .int()
      .nonnegative()
      .describe('Character offset of the quote in the source text (UTF-16).'),
    end: z.int().positive(),
  }),
);

export const eventSchema = once(() =>
  z.object({
    id: slug(),
    title: text(),
    summary: z.string().default('').describe('Plain text, never HTML.'),
    summaryHtml: z
      .string()
      .optional()
      .describe(
        'The summary as HTML, when an imported format wrote it so (TimelineJS). Untrusted: sanitise before rendering; `summary` holds its plain text.',
      ),
    media: z.array(mediaSchema()).optional(),
    type: z.enum(EVENT_TYPES),
    time: timeSchema(),
    status: z.enum(EVENT_STATUSES),
    place: z.union([slug(), inlinePlaceSchema(), z.null()]).default(null),
    actors: z.array(z.object({ actor: slug(), role: z.enum(ROLES) })).default([]),
    claim: z
      .object({
        by: slug().describe('An actor id or a source id.'),
        status: z.enum(CLAIM_STATUSES),
      })
      .optional()
      .describe(
        'Who stands behind the event. When missing, the loader attributes it to the dataset’s first source (or an “unattributed” source) with status “reported”, and says so.',
      ),
    evidence: z.array(evidenceSchema()).default([]),
    tags: z.array(text()).default([]),
    extra: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Fields from an imported format that Dateline has no place for.'),
    extraHtml: z
      .array(z.string())
      .optional()
      .describe(
        'The keys of `extra` whose values are HTML (a TimelineJS headline or caption as the file wrote it). Untrusted: sanitise before rendering. Every other value of `extra` is text.',
      ),
  }),
);

// Stories (issue 13): a guided sequence of steps over the events. The loader reads each step on
// its own (src/model/stories.ts), so one bad step is reported and the story plays without it.
const day = once(() => z.string().describe('A UTC day, YYYY-MM-DD (or -0499-03-15 before 1 CE).'));

export const storyViewSchema = once(() =>
  z
    .object({
      filters: z
        .object({
          actors: z.array(slug()).optional(),
          actorMode: z.enum(['any', 'all']).optional(),
          includeMembers: z.boolean().optional(),
          role: z.enum(ROLES).nullable().optional(),
          types: z.array(z.enum(EVENT_TYPES)).optional(),
          statuses: z.array(z.enum(EVENT_STATUSES)).optional(),
          claims: z.array(z.enum(CLAIM_STATUSES)).optional(),
          from: day().nullable().optional(),
          to: day().nullable().optional(),
          dateWithin: z.boolean().optional(),
          q: z.string().optional(),
        })
        .optional()
        .describe('The filters the step shows, as the link names them; a field left out is off.'),
      t: z
        .object({
          start: z.string().describe('ISO 8601 instant or date, UTC: 2025-02-01T00:00Z'),
          end: z.string(),
        })
        .optional()
        .describe('The timeline window the step shows (the link’s t=START..END).'),
      map: z
        .object({ lat: z.number(), lon: z.number(), zoom: z.number() })
        .optional()
        .describe('The map view the step shows (the link’s map=LAT,LON,ZOOM).'),
    })
    .describe(
      'What the step shows besides its event; what it leaves out stays as the reader had it.',
    ),
);

export const storyStepSchema = once(() =>
  z.object({
    event: slug().optional().describe('The event the step selects and reveals in every view.'),
    title: text().optional(),
    text: z
      .string()
      .describe(
        'Plain text or Markdown (rendered safely: no HTML, only http(s) and mailto links).',
      ),
    view: storyViewSchema().optional(),
  }),
);

export const storySchema = once(() =>
  z
    .object({
      id: slug(),
      title: text(),
      description: z.string().default(''),
      steps: z.array(storyStepSchema()),
    })
    .describe('A guided sequence of steps: each selects an event, applies a view, or both.'),
);

export const datasetSchema = once(() =>
  z.object({
    format: z.literal(FORMAT),
    title: text(),
    description: z.string().default(''),
    language: z
      .string()
      .optional()
      .describe(
        'The language of the dataset’s text, as a BCP 47 tag ("ar", "he", "en-GB"); the page marks that text with it.',
      ),
    actors: z.array(actorSchema()).default([]),
    places: z.array(placeSchema()).default([]),
    sources: z.array(sourceSchema()).default([]),
    events: z.array(eventSchema()),
    stories: z.array(storySchema()).optional(),
    extra: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('Dataset-level fields from an imported format, e.g. TimelineJS eras.'),
  }),
);

export type Actor = z.output<ReturnType<typeof actorSchema>>;
export type Place = z.output<ReturnType<typeof placeSchema>>;
export type InlinePlace = z.output<ReturnType<typeof inlinePlaceSchema>>;
export type Source = z.output<ReturnType<typeof sourceSchema>>;
export type EventTime = z.output<ReturnType<typeof timeSchema>>;
export type Evidence = z.output<ReturnType<typeof evidenceSchema>>;
export type Media = z.output<ReturnType<typeof mediaSchema>>;
export type Geocoder = (typeof GEOCODERS)[number];
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];
export type EventInput = z.output<ReturnType<typeof eventSchema>>;
export type DatasetInput = z.input<ReturnType<typeof datasetSchema>>;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type EventStatus = (typeof EVENT_STATUSES)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export type Role = (typeof ROLES)[number];
export type StoryInput = z.input<ReturnType<typeof storySchema>>;
export type StoryStepInput = z.input<ReturnType<typeof storyStepSchema>>;
export type StoryViewInput = z.input<ReturnType<typeof storyViewSchema>>;

/** The JSON Schema published beside the app, for people who write datasets with other tools. */
export function datelineJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(datasetSchema(), { io: 'input', target: 'draft-2020-12' }),
    $id: 'dateline-1.schema.json',
    title: 'Dateline dataset (dateline/1)',
  };
}
