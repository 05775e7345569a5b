// TimelineJS JSON: `{ title?, events[], eras? }`, each event with `start_date` / `end_date`
// ({ year, month, day, hour, minute, second, display_date }), `text` ({ headline, text }, HTML),
// `media`, `group` and `unique_id`. Problems name the event by its index in `events`. TimelineJS3's
// own examples also write `{ timeline: { slides[] } }`, slides with a StoryMapJS `location`: read
// the same, the slides as events, each placed at its location.
import { baseName, Draft, type Imported, type Origin } from './draft';
import { fieldLocator, ObjectRecord, type Field } from './record';
import { setOwn } from '../model/own';
import { addSlides, applyTitleSlide, type Slide } from './timelineSlide';
import type { ImportOptions } from './types';
import { withSlideStory } from './slideStory';

const FIELD_RULES = [
  ['time.start', 'start_date'],
  ['time.end', 'end_date'],
  ['time.text', 'display_date'],
  ['title', 'text.headline'],
  ['summary', 'text.text'],
  ['media', 'media'],
  ['tags', 'group'],
  ['id', 'unique_id'],
] as const;

const KNOWN_TOP_LEVEL = new Set(['title', 'events', 'eras']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function record(value: unknown, path: string): ObjectRecord {
  return new ObjectRecord(isRecord(value) ? value : {}, path, `${path}.`);
}

/** A TimelineJS JSON object (event, era or title) as a slide, and its fields left over. */
function readSlide(item: Record<string, unknown>, prefix: string) {
  const rec = new ObjectRecord(item, prefix);
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const key of ['start_date', 'end_date', 'text', 'media']) rec.take(key);
  const location = rec.take('location');
  const startRec = record(item.start_date, at('start_date'));
  const endRec = record(item.end_date, at('end_date'));
  const textRec = record(item.text, at('text'));
  const mediaRec = record(item.media, at('media'));
  const parts = (r: ObjectRecord) => {
    const value = (key: string) => r.take(key)?.value;
    return {
      year: value('year'),
      month: value('month'),
      day: value('day'),
      hour: value('hour'),
      minute: value('minute'),
      second: value('second'),
    };
  };
  // TimelineJS reads display_date from the event or from its start_date.
  const displayDate: Field | undefined = rec.take('display_date') ?? startRec.take('display_date');
  const slide: Slide = {
    start: parts(startRec),
    end: parts(endRec),
    where: {
      start: (part) => ({ field: at(`start_date.${part}`) }),
      end: (part) => ({ field: at(`end_date.${part}`) }),
    },
    displayDate,
    headline: textRec.take('headline'),
    text: textRec.take('text'),
    media: {
      url: mediaRec.take('url'),
      caption: mediaRec.take('caption'),
      credit: mediaRec.take('credit'),
      thumbnail: mediaRec.take('thumbnail'),
    },
    group: rec.take('group'),
    uniqueId: rec.take('unique_id'),
  };
  const rest = {
    ...rec.rest(),
    ...startRec.rest(),
    ...endRec.rest(),
    ...textRec.rest(),
    ...mediaRec.rest(),
  };
  return { slide, rest, ...(location && { location: location.value }) };
}

/** The document as `{ title?, events, eras? }`, whichever of the two shapes it is written in. */
function unwrap(doc: Record<string, unknown>): Record<string, unknown> {
  const { timeline, ...outer } = doc;
  if (!isRecord(timeline) || !Array.isArray(timeline.slides)) return doc;
  const { slides, ...inner } = timeline;
  // As in StoryMapJS, a slide of type "overview" is the title.
  const at = slides.findIndex((slide) => isRecord(slide) && slide.type === 'overview');
  if (at < 0 || isRecord(inner.title)) return { ...outer, ...inner, events: slides };
  return { ...outer, ...inner, title: slides[at], events: slides.filter((_, i) => i !== at) };
}

export function importTimelineJson(file: Record<string, unknown>, opts: ImportOptions): Imported {
  const doc = unwrap(file);
  const draft = new Draft('timelinejs-json', opts, fieldLocator(FIELD_RULES));
  const datasetOrigin: Origin = { collection: 'dataset' };
  if (isRecord(doc.title))
    applyTitleSlide(readSlide(doc.title, 'title').slide, draft, datasetOrigin);
  draft.title ||= baseName(opts.fileName);

  for (const [key, value] of Object.entries(doc)) {
    if (!KNOWN_TOP_LEVEL.has(key)) setOwn(draft.extra, key, value);
  }
  addSlides(draft, { eras: doc.eras, events: doc.events, erasPath: 'eras' }, readSlide);
  return withSlideStory(draft.load(), 'time');
}
