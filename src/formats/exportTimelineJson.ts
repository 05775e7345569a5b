// Export as TimelineJS JSON: a title slide from the dataset, one slide per event, and the eras an
// import kept. Text fields are HTML in TimelineJS, so plain text is escaped; an event's
// `summaryHtml` is written as it is (TimelineJS sanitises what it renders).
import type { Dataset, DatelineEvent } from '../model/dataset';
import type { Precision } from '../model/time';
import { parsePartialDate, PRECISIONS, type PartialDate } from '../model/time';
import { escapeHtml, textToHtml } from './html';
import type { Era } from './timelineSlide';

type DateObject = Record<string, string>;

const covers = (precision: Precision, unit: Precision) =>
  PRECISIONS.indexOf(precision) >= PRECISIONS.indexOf(unit);

/** TimelineJS date parts at the event's precision; a time with an offset is given in UTC. */
export function dateObject(d: PartialDate, precision: Precision): DateObject {
  const withTime = covers(precision, 'hour');
  const utc = withTime && d.offsetMinutes ? new Date(d.earliest) : undefined;
  const out: DateObject = { year: String(utc ? utc.getUTCFullYear() : d.year) };
  if (covers(precision, 'month')) out.month = String(utc ? utc.getUTCMonth() + 1 : d.month);
  if (covers(precision, 'day')) out.day = String(utc ? utc.getUTCDate() : d.day);
  if (withTime) out.hour = String(utc ? utc.getUTCHours() : d.hour);
  if (covers(precision, 'minute')) {
    out.minute = String(utc ? utc.getUTCMinutes() : d.minute);
    if (d.second !== undefined) out.second = String(d.second);
  }
  return out;
}

function isEra(v: unknown): v is Era {
  if (typeof v !== 'object' || v === null) return false;
  const { title, start, end } = v as Record<string, unknown>;
  return typeof title === 'string' && typeof start === 'string' && typeof end === 'string';
}

function eraSlide(era: Era) {
  const start = parsePartialDate(era.start);
  const end = parsePartialDate(era.end);
  if (typeof start === 'string' || typeof end === 'string') return null;
  return {
    start_date: dateObject(start, start.resolution),
    end_date: dateObject(end, end.resolution),
    text: { headline: escapeHtml(era.title), ...(era.text && { text: textToHtml(era.text) }) },
  };
}

export function exportTimelineJson(dataset: Dataset, events: readonly DatelineEvent[]): string {
  const extra = dataset.extra ?? {};
  const descriptionHtml =
    typeof extra.descriptionHtml === 'string'
      ? extra.descriptionHtml
      : textToHtml(dataset.description);
  const eras = (Array.isArray(extra.eras) ? extra.eras : [])
    .filter(isEra)
    .flatMap((era) => eraSlide(era) ?? []);
  const doc = {
    title: {
      text: {
        headline: escapeHtml(dataset.title),
        ...(descriptionHtml && { text: descriptionHtml }),
      },
      ...(typeof extra.titleMedia === 'object' &&
        extra.titleMedia !== null && { media: extra.titleMedia }),
    },
    events: events.map((e) => {
      const media = e.media?.[0];
      return {
        unique_id: e.id,
        start_date: dateObject(e.startDate, e.time.precision),
        ...(e.endDate && { end_date: dateObject(e.endDate, e.time.precision) }),
        ...(e.time.text && { display_date: escapeHtml(e.time.text) }),
        text: {
          headline: escapeHtml(e.title),
          ...((e.summaryHtml ?? e.summary) && { text: e.summaryHtml ?? textToHtml(e.summary) }),
        },
        ...(media && {
          media: {
            url: media.url,
            ...(media.caption && { caption: escapeHtml(media.caption) }),
            ...(media.credit && { credit: escapeHtml(media.credit) }),
            ...(media.thumbnail && { thumbnail: media.thumbnail }),
          },
        }),
        ...(e.tags[0] && { group: escapeHtml(e.tags[0]) }),
      };
    }),
    ...(eras.length > 0 && { eras }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
