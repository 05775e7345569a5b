// A TimelineJS slide (a spreadsheet row or a JSON event) as a Dateline event, era or title. Shared
// by the CSV and JSON mappers. TimelineJS headlines, text, captions, credits, display dates and
// groups are HTML: Dateline reads their plain text once, and keeps the HTML itself where it has
// markup (`summaryHtml`, or `extra` with its key in `extraHtml`, so it is shown formatted after
// sanitising). An escaped tag (`&lt;a&gt;`) is text in HTML, so it stays text: never a link.
import { mediaSchema, type Media } from '../model/schema';
import {
  alignTime,
  dateFromParts,
  partOfReason,
  toEventTime,
  type DateParts,
  type DateValue,
} from './dates';
import type { Draft, Origin, Where } from './draft';
import { hasMarkup, htmlToText } from './html';
import { resolveMediaUrl } from './mediaUrl';
import { setOwn } from '../model/own';
import { text, type Field } from './record';
import { readLocation } from './slideLocation';
import { isSlug, slugify } from './slug';
import type { RawEvent } from './types';
import { quote } from '../model/quote';

export interface Slide {
  start: DateParts;
  end: DateParts;
  /** Where each part of the start and end dates is, for problems. */
  where: { start: (part: keyof DateParts) => Where; end: (part: keyof DateParts) => Where };
  displayDate?: Field;
  headline?: Field;
  text?: Field;
  media: { url?: Field; caption?: Field; credit?: Field; thumbnail?: Field };
  group?: Field;
  uniqueId?: Field;
}

/** An era as Dateline keeps it, in the dataset's `extra.eras`. */
export interface Era {
  title: string;
  start: string;
  end: string;
  text?: string;
}

const hasAny = (parts: DateParts) =>
  Object.values(parts).some((v) => v !== undefined && v !== null && String(v).trim() !== '');

/** What a slide keeps beside its event's fields: values in `extra`, and which are HTML. */
interface Kept {
  extra: Record<string, string>;
  html: string[];
}

/** Plain text of an HTML field; the HTML goes to `extra` (marked as HTML) when it had markup. */
function plain(field: Field | undefined, kept: Kept): string {
  const html = text(field);
  if (!html) return '';
  if (hasMarkup(html)) {
    setOwn(kept.extra, field!.key, html);
    kept.html.push(field!.key);
  }
  return htmlToText(html);
}

function readTime(
  slide: Slide,
  draft: Draft,
  origin: Origin,
  id: string | undefined,
): { start: DateValue; end?: DateValue } | null {
  const at = (where: Where) => ({ ...where, ...(id !== undefined && { id }) });
  const start = dateFromParts(slide.start);
  if (typeof start === 'string') {
    draft.reject(
      origin,
      start === 'there is no year' ? 'no date: the year is empty' : start,
      at(slide.where.start(partOfReason(start))),
    );
    return null;
  }
  if (!hasAny(slide.end)) return { start };
  const end = dateFromParts(slide.end);
  if (typeof end === 'string') {
    draft.reject(origin, `end date: ${end}`, at(slide.where.end(partOfReason(end))));
    return null;
  }
  return { start, end };
}

export function slideToEvent(
  slide: Slide,
  draft: Draft,
  origin: Origin,
  position: number,
): RawEvent | null {
  const kept: Kept = { extra: {}, html: [] };
  const { extra } = kept;
  const headline = plain(slide.headline, kept);
  // The text's HTML is kept as summaryHtml, not in extra.
  const html = text(slide.text);
  const summary = htmlToText(html);
  const summaryHtml = hasMarkup(html) ? html : undefined;
  const title =
    headline || (summary ? summary.split('\n')[0]!.slice(0, 80) : '') || 'Untitled event';
  const given = text(slide.uniqueId);
  const id = isSlug(given)
    ? given
    : slugify(given, 120) || `${slugify(title) || 'event'}-${position}`;
  if (given && given !== id) {
    draft.warn(origin, `unique_id ${quote(given)} is not a lowercase slug; using ${quote(id)}`, {
      ...slide.uniqueId!.where,
      id,
    });
  }
  if (!headline) {
    draft.warn(origin, `no headline; using ${quote(title)}`, { ...slide.headline?.where, id });
  }
  const time = readTime(slide, draft, origin, id);
  if (!time) return null;
  const aligned = toEventTime(time.start, time.end);
  if (aligned.coarsened) {
    draft.warn(
      origin,
      `start and end are written to different precisions; both are read to the ${aligned.precision}`,
      { ...slide.where[aligned.coarsened]('year'), id },
    );
  }
  const media = readMedia(slide, draft, origin, id, kept);
  const displayDate = plain(slide.displayDate, kept);
  const group = plain(slide.group, kept);
  const event: RawEvent = {
    id,
    title,
    summary,
    ...(summaryHtml && { summaryHtml }),
    ...(media && { media: [media] }),
    type: 'other',
    time: {
      start: aligned.start,
      ...(aligned.end !== undefined && { end: aligned.end }),
      precision: aligned.precision,
      approximate: aligned.approximate,
      ...((displayDate || aligned.text) && { text: displayDate || aligned.text }),
    },
    status: 'occurred',
    place: null,
    actors: [],
    claim: { by: draft.fileSource(), status: 'reported' },
    tags: group ? [group] : [],
  };
  if (Object.keys(extra).length > 0) event.extra = extra;
  const htmlKeys = kept.html.filter((key) => Object.hasOwn(extra, key));
  if (htmlKeys.length > 0) event.extraHtml = htmlKeys;
  return event;
}

function readMedia(
  slide: Slide,
  draft: Draft,
  origin: Origin,
  id: string,
  kept: Kept,
): Media | null {
  const { extra } = kept;
  const url = resolveMediaUrl(text(slide.media.url), draft.opts.fileUrl);
  const caption = plain(slide.media.caption, kept);
  const credit = plain(slide.media.credit, kept);
  const thumbnail = resolveMediaUrl(text(slide.media.thumbnail), draft.opts.fileUrl);
  const valid = (u: string) => mediaSchema().shape.url.safeParse(u).success;
  if (thumbnail && !valid(thumbnail)) extra[slide.media.thumbnail!.key] = thumbnail;
  if (!url) {
    if (caption) extra[slide.media.caption!.key] ??= caption;
    if (credit) extra[slide.media.credit!.key] ??= credit;
    return null;
  }
  if (!valid(url)) {
    draft.warn(
      origin,
      'media is not an http(s) URL (an embed or a local file?); it is kept in extra',
      { ...slide.media.url!.where, id },
    );
    extra[slide.media.url!.key] = url;
    if (caption) extra[slide.media.caption!.key] ??= caption;
    if (credit) extra[slide.media.credit!.key] ??= credit;
    return null;
  }
  return {
    url,
    ...(caption && { caption }),
    ...(credit && { credit }),
    ...(thumbnail && valid(thumbnail) && { thumbnail }),
  };
}

/** An era slide, for `extra.eras`; null (with a warning) when its dates are unusable. */
export function slideToEra(slide: Slide, draft: Draft, origin: Origin): Era | null {
  const title = htmlToText(text(slide.headline)) || 'Untitled era';
  const start = dateFromParts(slide.start);
  const end = dateFromParts(slide.end);
  for (const [value, label] of [
    [start, 'start'],
    [end, 'end'],
  ] as const) {
    if (typeof value === 'string') {
      draft.warn(
        origin,
        `era ${quote(title)} is left out: its ${label}: ${value}`,
        slide.where[label](partOfReason(value)),
      );
      return null;
    }
  }
  const aligned = alignTime(start as DateValue, end as DateValue);
  const body = htmlToText(text(slide.text));
  return { title, start: aligned.start, end: aligned.end!, ...(body && { text: body }) };
}

/** The title slide: the dataset's title and description; its HTML and media go to `extra`. */
export function applyTitleSlide(slide: Slide, draft: Draft, origin: Origin): void {
  if (draft.title) {
    draft.warn(origin, 'a second title slide; only the first titles the dataset');
    return;
  }
  const headline = text(slide.headline);
  const body = text(slide.text);
  draft.title = htmlToText(headline);
  draft.description = htmlToText(body);
  if (hasMarkup(body)) draft.extra.descriptionHtml = body;
  const url = text(slide.media.url);
  if (url) {
    draft.extra.titleMedia = {
      url,
      ...(text(slide.media.caption) && { caption: text(slide.media.caption) }),
      ...(text(slide.media.credit) && { credit: text(slide.media.credit) }),
    };
  }
}

type ReadSlide = (
  item: Record<string, unknown>,
  path: string,
) => {
  slide: Slide;
  rest: Record<string, string>;
  /** A StoryMapJS-style `location`, when the slide has one. */
  location?: unknown;
};

/**
 * The eras of a TimelineJS file (`eras` in version 3, `era` in version 2) into the dataset's
 * `extra.eras`, then its events, each read by `read` and mapped by `slideToEvent`.
 */
export function addSlides(
  draft: Draft,
  { eras, events, erasPath }: { eras: unknown; events: unknown; erasPath: string },
  read: ReadSlide,
): void {
  const datasetOrigin: Origin = { collection: 'dataset' };
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(eras)) {
    const kept: Era[] = [];
    eras.forEach((item, i) => {
      if (!isObject(item)) return;
      const era = slideToEra(read(item, `${erasPath}[${i}]`).slide, draft, datasetOrigin);
      if (era) kept.push(era);
    });
    if (kept.length > 0) draft.extra.eras = kept;
  }
  const list = Array.isArray(events) ? events : [];
  list.forEach((item: unknown, i) => {
    draft.progress(i, list.length);
    const origin: Origin = { collection: 'events', index: i };
    if (!isObject(item)) {
      draft.reject(origin, 'an event must be an object');
      return;
    }
    const { slide, rest, location } = read(item, '');
    const event = slideToEvent(slide, draft, origin, i + 1);
    if (!event) return;
    if (Object.keys(rest).length > 0) event.extra = { ...event.extra, ...rest };
    if (location !== undefined && !readLocation(location, event, draft, origin)) return;
    draft.add(event, origin);
  });
}
