// TimelineJS 2 JSON (the format before TimelineJS 3): `{ timeline: { headline, text, asset,
// date: [...], era: [...] } }`, each date with `startDate`/`endDate` written "1963,8,9" (year,
// month, day, then optionally hour, minute, second), `headline`, `text` (HTML), `tag` and `asset`
// (`media`, `credit`, `caption`, `thumbnail`). Read through the TimelineJS 3 slide mapping, so
// both versions give the same events. Problems name the event by its index in `timeline.date`.
import type { DateParts } from './dates';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { fieldLocator, ObjectRecord } from './record';
import { setOwn } from '../model/own';
import { addSlides, applyTitleSlide, type Slide } from './timelineSlide';
import type { ImportOptions } from './types';
import { withSlideStory } from './slideStory';

const FIELD_RULES = [
  ['time.start', 'startDate'],
  ['time.end', 'endDate'],
  ['title', 'headline'],
  ['summary', 'text'],
  ['media', 'asset'],
  ['tags', 'tag'],
  ['id', 'id'],
] as const;

const KNOWN_TOP_LEVEL = new Set(['headline', 'text', 'asset', 'date', 'era', 'startDate']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** "1963,8,9" or "1963,8,9,14,30" → its parts (a number alone is a year). */
export function partsOf(value: unknown): DateParts {
  if (value === undefined || value === null || value === '') return {};
  const [year, month, day, hour, minute, second] = String(value)
    .split(',')
    .map((s) => s.trim());
  return { year, month, day, hour, minute, second };
}

/** A TimelineJS 2 date, era or title object as a TimelineJS slide, and its fields left over. */
function readSlide(item: Record<string, unknown>, path: string) {
  const rec = new ObjectRecord(item, path);
  const asset = rec.take('asset');
  const assetRec = new ObjectRecord(
    isRecord(asset?.value) ? asset.value : {},
    `${path ? `${path}.` : ''}asset`,
    'asset.',
  );
  const start = rec.take('startdate');
  const end = rec.take('enddate');
  const at = (key: string) => ({ field: path ? `${path}.${key}` : key });
  const slide: Slide = {
    start: partsOf(start?.value),
    end: partsOf(end?.value),
    where: { start: () => at('startDate'), end: () => at('endDate') },
    headline: rec.take('headline'),
    text: rec.take('text'),
    media: {
      url: assetRec.take('media'),
      caption: assetRec.take('caption'),
      credit: assetRec.take('credit'),
      thumbnail: assetRec.take('thumbnail'),
    },
    group: rec.take('tag'),
    uniqueId: rec.take('id', 'unique_id', 'uniqueid'),
  };
  return { slide, rest: { ...rec.rest(), ...assetRec.rest() } };
}

export function importTimelineJs2(doc: Record<string, unknown>, opts: ImportOptions): Imported {
  const draft = new Draft('timelinejs2-json', opts, fieldLocator(FIELD_RULES));
  const timeline = isRecord(doc.timeline) ? doc.timeline : {};
  const datasetOrigin: Origin = { collection: 'dataset' };
  applyTitleSlide(readSlide(timeline, 'timeline').slide, draft, datasetOrigin);
  draft.title ||= baseName(opts.fileName);
  for (const [key, value] of Object.entries(timeline)) {
    if (!KNOWN_TOP_LEVEL.has(key)) setOwn(draft.extra, key, value);
  }
  addSlides(
    draft,
    { eras: timeline.era, events: timeline.date, erasPath: 'timeline.era' },
    readSlide,
  );
  return withSlideStory(draft.load(), 'time');
}
