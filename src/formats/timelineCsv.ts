// The TimelineJS Google Sheets template, exported as CSV: Year, Month, Day, Time, End Year, End
// Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption,
// Media Thumbnail, Type, Group, Background. A "title" row titles the dataset; "era" rows are kept
// in the dataset's `extra.eras`; Group becomes a tag.
import { Columns, type CsvTable } from './csv';
import { eachCsvRow } from './csvRows';
import { readClock, type DateParts } from './dates';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { columnLocator, CsvRecord, text, type Field } from './record';
import { applyTitleSlide, slideToEra, slideToEvent, type Era, type Slide } from './timelineSlide';
import type { ImportOptions } from './types';
import { quote } from '../model/quote';
import { withSlideStory } from './slideStory';

const COLUMN_RULES = [
  ['time.start', ['year']],
  ['time.end', ['end year']],
  ['time.text', ['display date']],
  ['title', ['headline']],
  ['summary', ['text']],
  ['media', ['media']],
  ['tags', ['group']],
  ['id', ['unique id', 'id']],
] as const;

const PART_COLUMNS: Record<keyof DateParts, string> = {
  year: 'year',
  month: 'month',
  day: 'day',
  hour: 'time',
  minute: 'time',
  second: 'time',
};

export function importTimelineCsv(table: CsvTable, opts: ImportOptions): Imported {
  const columns = new Columns(table.header);
  const draft = new Draft('timelinejs-csv', opts, columnLocator(columns, COLUMN_RULES));
  const columnOf = (key: string) => {
    const i = columns.find(key);
    return { column: i === undefined ? key : columns.name(i) };
  };
  const eras: Era[] = [];
  eachCsvRow(table, draft, (cells, origin, row) => {
    const rec = new CsvRecord(columns, cells);
    const typeField = rec.take('type');
    const type = text(typeField).toLowerCase();
    const start = dateParts(rec, '', draft, origin);
    const end = dateParts(rec, 'end ', draft, origin);
    if (!start || !end) return;
    const slide: Slide = {
      start,
      end,
      where: {
        start: (part) => columnOf(PART_COLUMNS[part]),
        end: (part) => columnOf(`end ${PART_COLUMNS[part]}`),
      },
      displayDate: rec.take('display date'),
      headline: rec.take('headline'),
      text: rec.take('text'),
      media: {
        url: rec.take('media'),
        caption: rec.take('media caption'),
        credit: rec.take('media credit'),
        thumbnail: rec.take('media thumbnail'),
      },
      group: rec.take('group'),
      uniqueId: rec.take('unique id', 'id'),
    };
    if (type === 'title') {
      applyTitleSlide(slide, draft, origin);
      const rest = rec.rest();
      if (rest) draft.extra.titleExtra = rest;
      return;
    }
    if (type === 'era') {
      const era = slideToEra(slide, draft, origin);
      if (era) eras.push(era);
      return;
    }
    const event = slideToEvent(slide, draft, origin, row);
    if (!event) return;
    if (type) {
      draft.warn(
        origin,
        `Type ${quote(text(typeField))} is not title or era; the row is read as an event`,
        {
          column: typeField!.key,
          id: event.id,
        },
      );
    }
    const rest = { ...rec.rest(), ...(type && { [typeField!.key]: text(typeField) }) };
    if (Object.keys(rest).length > 0) event.extra = { ...event.extra, ...rest };
    draft.add(event, origin);
  });
  if (eras.length > 0) draft.extra.eras = eras;
  draft.title ||= baseName(opts.fileName);
  return withSlideStory(draft.load(), 'time');
}

/** Year, Month, Day and Time (or their End columns); null when the time does not parse. */
function dateParts(
  rec: CsvRecord,
  prefix: '' | 'end ',
  draft: Draft,
  origin: Origin,
): DateParts | null {
  const value = (f: Field | undefined) => text(f);
  const parts: DateParts = {
    year: value(rec.take(`${prefix}year`)),
    month: value(rec.take(`${prefix}month`)),
    day: value(rec.take(`${prefix}day`)),
  };
  const timeField = rec.take(`${prefix}time`);
  const time = value(timeField);
  if (!time) return parts;
  const clock = readClock(time);
  if (typeof clock === 'string') {
    draft.reject(origin, clock, { column: timeField!.key });
    return null;
  }
  return { ...parts, ...clock };
}
