// StoryMapJS JSON: `{ storymap: { slides: [...] } }`, each slide with `date` (free text, as the
// author typed it), `location` (`lat`, `lon`, `name`), `text` (`headline`, `text`: HTML) and
// `media`. The first slide of type "overview" is the story's title, not an event. Slides are read
// through the TimelineJS slide mapping; the place comes from `location`. Problems name the slide
// by its index in `storymap.slides`.
import { readDate, toEventTime, type DateParts } from './dates';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { setOwn } from '../model/own';
import { fieldLocator, ObjectRecord, text } from './record';
import { readLocation } from './slideLocation';
import { applyTitleSlide, slideToEvent, type Slide } from './timelineSlide';
import type { ImportOptions } from './types';
import { quote } from '../model/quote';
import { withSlideStory } from './slideStory';

const FIELD_RULES = [
  ['time', 'date'],
  ['title', 'text.headline'],
  ['summary', 'text.text'],
  ['media', 'media'],
  ['place', 'location'],
  ['id', 'uniqueid'],
] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The slide's date is read by `readDate` (free text: "1835", "c. 1850", "1917-1952"), not by
 * TimelineJS parts; the slide mapping is given a year only so it maps the rest of the slide.
 */
const MAPPED_LATER: DateParts = { year: 1 };

function readSlide(item: Record<string, unknown>, path: string, date: DateParts) {
  const rec = new ObjectRecord(item, path);
  const sub = (key: string) => {
    const field = rec.take(key);
    return new ObjectRecord(
      isRecord(field?.value) ? field.value : {},
      `${path ? `${path}.` : ''}${key}`,
      `${key}.`,
    );
  };
  const textRec = sub('text');
  const mediaRec = sub('media');
  const dateField = rec.take('date');
  const slide: Slide = {
    start: date,
    end: {},
    where: { start: () => ({ field: 'date' }), end: () => ({ field: 'date' }) },
    headline: textRec.take('headline'),
    text: textRec.take('text'),
    media: {
      url: mediaRec.take('url'),
      caption: mediaRec.take('caption'),
      credit: mediaRec.take('credit'),
      thumbnail: mediaRec.take('thumbnail'),
    },
    uniqueId: rec.take('uniqueid', 'unique_id', 'id'),
  };
  return {
    slide,
    rec,
    dateField,
    rest: () => ({ ...rec.rest(), ...textRec.rest(), ...mediaRec.rest() }),
  };
}

export function importStoryMap(doc: Record<string, unknown>, opts: ImportOptions): Imported {
  const draft = new Draft('storymap-json', opts, fieldLocator(FIELD_RULES));
  const storymap = isRecord(doc.storymap) ? doc.storymap : {};
  const slides = Array.isArray(storymap.slides) ? storymap.slides : [];
  const datasetOrigin: Origin = { collection: 'dataset' };
  const titleAt = slides.findIndex((s) => isRecord(s) && s.type === 'overview');
  if (titleAt >= 0) {
    const read = readSlide(
      slides[titleAt] as Record<string, unknown>,
      `storymap.slides[${titleAt}]`,
      {},
    );
    applyTitleSlide(read.slide, draft, datasetOrigin);
    const rest = read.rest();
    if (Object.keys(rest).length > 0) draft.extra.titleSlide = rest;
  }
  draft.title ||= baseName(opts.fileName);
  for (const [key, value] of Object.entries(storymap)) {
    if (key !== 'slides') setOwn(draft.extra, key, value);
  }
  slides.forEach((item: unknown, i) => {
    draft.progress(i, slides.length);
    if (i === titleAt) return;
    const origin: Origin = { collection: 'events', index: i };
    if (!isRecord(item)) {
      draft.reject(origin, 'a slide must be an object');
      return;
    }
    const dateText = text({ value: item.date, key: 'date', where: {} });
    const headline = isRecord(item.text)
      ? text({ value: item.text.headline, key: '', where: {} })
      : '';
    const named = headline ? ` (${quote(headline)})` : '';
    if (!dateText) {
      draft.reject(origin, `this slide${named} has no date; a Dateline event needs one`, {
        field: 'date',
      });
      return;
    }
    const date = readDate(dateText);
    if (typeof date === 'string') {
      draft.reject(origin, `slide${named}: ${date}`, { field: 'date' });
      return;
    }
    const { slide, rec, rest } = readSlide(item, '', MAPPED_LATER);
    const event = slideToEvent(slide, draft, origin, i + 1);
    if (!event) return;
    const time = toEventTime(date);
    const words = time.text ?? (dateText !== date.iso ? dateText : undefined);
    event.time = {
      start: time.start,
      ...(time.end !== undefined && time.end !== time.start && { end: time.end }),
      precision: time.precision,
      approximate: time.approximate,
      ...(words !== undefined && { text: words }),
    };
    const own = rest();
    if (Object.keys(own).length > 0) event.extra = { ...event.extra, ...own };
    if (!readLocation(rec.take('location')?.value, event, draft, origin)) return;
    draft.add(event, origin);
  });
  return withSlideStory(
    draft.load(),
    draft.events.map((e) => e.id),
  );
}
