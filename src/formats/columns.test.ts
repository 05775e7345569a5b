import { describe, it, expect } from 'vitest';
import * as fc from 'fast-check';
import {
  datelineMapping,
  fitMapping,
  formatMapping,
  headerHash,
  MAPPED_FIELDS,
  nameKey,
  parseMapping,
  recogniseColumns,
  type ColumnMapping,
} from './columns';

/** A sample function over a small table given as columns. */
const table =
  (columns: Record<string, string[]>) =>
  (column: string): string[] =>
    columns[column] ?? [];

const recognise = (columns: Record<string, string[]>) =>
  recogniseColumns(Object.keys(columns), table(columns));

describe('recogniseColumns: synonyms', () => {
  it.each([
    ['headline', 'title'],
    ['Event', 'title'],
    ['Brief Description', 'summary'],
    ['notes', 'summary'],
    ['event_date', 'start'],
    ['Date AD', 'start'],
    ['begin', 'start'],
    ['Start Date', 'start'],
    ['display_date', 'time_text'],
    ['Town/City', 'place'],
    ['locality', 'place'],
    ['Latitude', 'lat'],
    ['lng', 'lon'],
    ['participants', 'actors'],
    ['who', 'actors'],
    ['source_url', 'url'],
  ])('%s → %s', (column, field) => {
    const values: Record<string, string[]> = {
      [column]:
        field === 'start' ? ['2024-03-01'] : field === 'lat' || field === 'lon' ? ['12.5'] : ['x'],
    };
    if (field !== 'start') values.date = ['2024-03-01'];
    const { mapping } = recognise(values);
    expect(mapping[field as keyof ColumnMapping]).toEqual([column]);
  });

  it('takes the first start column whose values are dates', () => {
    const { mapping, unsure } = recognise({
      title: ['A', 'B'],
      when: ['soon', 'later'],
      event_date: ['2024-01-02', '2024-01-03'],
    });
    expect(mapping.start).toEqual(['event_date']);
    expect(unsure).toEqual([]);
  });

  it('is unsure with two date columns, no title, or no date', () => {
    expect(
      recognise({ title: ['A'], date: ['2024-01-02'], timestamp: ['2024-01-02T10:00'] }).unsure,
    ).toEqual(['2 columns hold dates: date, timestamp']);
    expect(recognise({ date: ['2024'], place: ['Cairo'] }).unsure).toEqual([
      'no column is named as a title',
    ]);
    expect(recognise({ title: ['A'], place: ['Cairo'] }).unsure).toEqual([
      'no column is named as a date',
    ]);
  });

  it('is unsure of a title guessed from a name that may mean something else', () => {
    const r = recognise({ date: ['2024-01-02'], event: ['Talks'], source: ['Reuters'] });
    expect(r.mapping).toMatchObject({ start: ['date'], title: ['event'], source: ['source'] });
    expect(r.unsure).toEqual(['the title is guessed from the column “event”']);
  });

  it('keeps a column named as a date even when its values do not read, and is unsure', () => {
    const r = recognise({ title: ['A'], date: ['someday'] });
    expect(r.mapping.start).toEqual(['date']);
    expect(r.unsure[0]).toMatch(/no column holds dates Dateline reads \(date looked like one\)/);
  });

  it('reads x and y as coordinates only as a pair within range', () => {
    expect(
      recognise({ title: ['A'], date: ['2024'], x: ['31.2'], y: ['30.1'] }).mapping,
    ).toMatchObject({ lat: ['y'], lon: ['x'] });
    expect(
      recognise({ title: ['A'], date: ['2024'], x: ['500000'], y: ['30.1'] }).mapping.lat,
    ).toBe(undefined);
  });

  it('joins actor columns and orders place details from narrowest to widest', () => {
    const { mapping } = recognise({
      date: ['2024'],
      actor1: ['A'],
      actor2: ['B'],
      country: ['Sudan'],
      admin1: ['Khartoum'],
      admin2: ['Omdurman'],
      location: ['Omdurman'],
    });
    expect(mapping.actors).toEqual(['actor1', 'actor2']);
    expect(mapping.place).toEqual(['location']);
    expect(mapping.place_detail).toEqual(['admin2', 'admin1', 'country']);
  });

  it('takes an id column only when its values are unique', () => {
    expect(recognise({ date: ['2024'], id: ['a', 'b'] }).mapping.id).toEqual(['id']);
    expect(recognise({ date: ['2024'], ID: ['Secret', 'Secret'] }).mapping.id).toBe(undefined);
  });

  it('uses type and status only when they hold Dateline values', () => {
    expect(recognise({ date: ['2024'], type: ['earthquake'] }).mapping.type).toBe(undefined);
    expect(recognise({ date: ['2024'], type: ['Visit'] }).mapping.type).toEqual(['type']);
  });
});

describe('datelineMapping', () => {
  it('maps Dateline CSV’s own names only', () => {
    expect(datelineMapping(['Title', 'date', 'latitude', 'lng', 'headline', 'country'])).toEqual({
      title: ['Title'],
      start: ['date'],
      lat: ['latitude'],
      lon: ['lng'],
    });
  });
});

describe('the link form of a mapping', () => {
  it('writes and reads field:column pairs, list fields repeated', () => {
    const mapping: ColumnMapping = {
      title: ['event'],
      start: ['date'],
      actors: ['actor 1', 'actor:2'],
    };
    const text = formatMapping(mapping);
    expect(text).toBe('title:event,start:date,actors:actor 1,actors:actor%3A2');
    expect(parseMapping(text)).toEqual(mapping);
  });

  it('says what is wrong with a bad one', () => {
    expect(parseMapping('headline:x')).toMatch(/^“headline:x” is not field:column/);
    expect(parseMapping('title:a,title:b')).toBe('title is given twice; it takes one column');
    expect(parseMapping('title')).toMatch(/not field:column/);
  });

  it('round-trips any mapping', () => {
    const name = fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== '');
    const mapping = fc
      .dictionary(fc.constantFrom(...MAPPED_FIELDS), name, { maxKeys: 6 })
      .map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, [v]])) as ColumnMapping);
    fc.assert(
      fc.property(mapping, (m) => {
        expect(parseMapping(formatMapping(m))).toEqual(m);
      }),
    );
  });

  it('fits a mapping to a header, naming columns it lacks', () => {
    expect(
      fitMapping({ title: ['Event'], start: ['Date'], url: ['link'] }, ['date', 'event']),
    ).toEqual({
      mapping: { title: ['event'], start: ['date'] },
      missing: ['link'],
    });
  });
});

describe('nameKey and headerHash', () => {
  it('compares names across case, spaces, dashes and underscores', () => {
    expect(nameKey(' Start-Date ')).toBe('start_date');
    expect(nameKey('start  date')).toBe('start_date');
  });

  it('gives the same key to headers written alike, another to others', () => {
    expect(headerHash(['Date', 'Event'])).toBe(headerHash(['date', ' event']));
    expect(headerHash(['date', 'event'])).not.toBe(headerHash(['event', 'date']));
  });
});
