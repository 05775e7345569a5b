// The column-wise import of a Parquet or Arrow file with Dateline CSV's columns: each column is
// read once, each distinct value (a date, a type, an actor token, a place) is read and checked
// once with the row path's own readers, and the event table and the filters' index are filled
// straight from the columns, with no draft document and no event object per row.
//
// It gives the row path's result or nothing: the first cell that the row path would report (a
// warning or an error: a bad date, an unknown type, a markup title, a repeated id, a place to
// geocode…), or a column it does not read (a mapping chosen by hand, source or url columns, a
// year column), makes it decline, and the caller imports the file row by row (./index.ts),
// which tells every problem by row and column. So the problems are the row path's by
// construction; `columnImport.test.ts` holds the events and the report to the row path's.
import { headerKey } from '../csv';
import { datelineMapping, MAPPED_FIELDS, type ColumnMapping, type MappedField } from '../columns';
import { baseName, Draft } from '../draft';
import { readActorItem } from '../fields';
import { decideDateColumn, type ReadDateOptions } from '../dates';
import { DEFAULT_PLACE_PRECISION, readCoordinate } from '../place';
import { isSlug, slugify } from '../slug';
import type { FormatId, ImportOptions } from '../types';
import { loadDataset, PlaceKeys } from '../../model/load';
import type {
  Dataset,
  DatelineEvent,
  LoadReport,
  Problem,
  ResolvedPlace,
} from '../../model/dataset';
import {
  CLAIM_STATUSES,
  EVENT_STATUSES,
  EVENT_TYPES,
  PLACE_PRECISIONS,
  ROLES,
  type InlinePlace,
} from '../../model/schema';
import { CUT } from '../../model/nesting';
import { setOwn } from '../../model/own';
import { eventTableInOrder, type EventTable, type RareFields } from '../../model/eventTable';
import type { EventIndexColumns } from '../../model/filter/eventIndex';
import { ColumnTable, GEOMETRY_LAT, GEOMETRY_LON, type Columnar } from './columnTable';
import {
  child,
  choiceOf,
  decline,
  grow,
  Numbered,
  plainList,
  plainText,
  readTimeCells,
  textOf,
  type Level,
  type TimeRead,
} from './columnCells';
import { indexInOrder } from './columnIndex';
import type { TextList } from './parquetText';

export { Declined } from './columnCells';

/** A dataset imported column-wise: its head, its events as columns, its report. */
export interface ColumnImported {
  head: Omit<Dataset, 'events' | 'eventById'>;
  index: EventIndexColumns;
  table: EventTable;
  report: LoadReport;
}

/** Fields the row path reads through the mapping that this path reads too. */
const READ: ReadonlySet<MappedField> = new Set([
  'title',
  'summary',
  'start',
  'end',
  'time_text',
  'place',
  'lat',
  'lon',
  'actors',
  'id',
  'type',
  'status',
  'tags',
  'precision',
  'approximate',
  'place_precision',
  'claim_by',
  'claim_status',
]);

/** The columns the row path would read, by field: a header position, or undefined. */
function fieldColumns(table: ColumnTable, mapping: ColumnMapping) {
  const at = (field: MappedField): number | undefined => {
    const column = mapping[field]?.[0];
    return column === undefined ? undefined : table.columns.find(headerKey(column));
  };
  return Object.fromEntries([...READ].map((f) => [f, at(f)])) as Record<
    MappedField,
    number | undefined
  >;
}

/**
 * An id given twice, if any. The ids' 32-bit hashes (FNV-1a over the UTF-16 units) are sorted,
 * and only ids whose hash another id has are compared as strings: a `Set` of a million ids cost
 * several times more (CPU and garbage), and the page keeps the ids anyway.
 */
export function repeatedId(ids: readonly string[]): string | undefined {
  const n = ids.length;
  const hashes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const s = ids[i]!;
    let h = -2128831035;
    for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
    hashes[i] = h;
  }
  const sorted = hashes.slice().sort();
  let shared: Set<number> | undefined;
  for (let i = 1; i < n; i++)
    if (sorted[i] === sorted[i - 1]) (shared ??= new Set()).add(sorted[i]!);
  if (!shared) return undefined;
  const seen = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (!shared.has(hashes[i]!)) continue;
    if (seen.has(ids[i]!)) return ids[i];
    seen.add(ids[i]!);
  }
  return undefined;
}

/**
 * Imports a file's columns column-wise, or declines (`Declined`, with why) where the row path
 * would say anything about a row, so the caller imports it row by row.
 */
export function importColumns(
  data: Columnar,
  format: FormatId,
  opts: ImportOptions,
): ColumnImported {
  if (opts.columns) decline('a column mapping was chosen');
  const table = new ColumnTable(data);
  let mapping = datelineMapping(table.header);
  if (!mapping.start) decline('no start column');
  if (table.geometryIndex !== undefined && !mapping.lat && !mapping.lon)
    mapping = { ...mapping, lat: [GEOMETRY_LAT], lon: [GEOMETRY_LON] };
  for (const field of MAPPED_FIELDS)
    if (mapping[field] && !READ.has(field)) decline(`a ${field} column`);
  const n = table.rows;
  if (n === 0) decline('no rows');
  const keys = new Set(table.header.map((h) => headerKey(h)));
  for (const key of ['geocoded_from', 'geocoded_match', 'geocoded_by'])
    if (keys.has(key)) decline('geocoding columns');
  const col = fieldColumns(table, mapping);
  if (col.title === undefined) decline('no title column');
  const dateColumns = new Set([col.start, col.end]);
  if (table.header.some((c, i) => !dateColumns.has(i) && c.trim().toLowerCase() === 'year'))
    decline('a year column');

  // The columns no field takes go to `extra`, in header order (ColumnRecord.rest).
  const taken = new Set<number>();
  for (const i of Object.values(col)) if (i !== undefined) taken.add(i);
  if (table.geometryIndex !== undefined && [col.lat, col.lon].some((i) => i! >= data.header.length))
    taken.add(table.geometryIndex);
  const extraColumns: Array<[number, string]> = [];
  // Lists of texts kept flat (a Parquet file's, ./parquetText.ts): read as actors and tags only.
  const lists = data.lists ?? new Map<number, TextList>();
  data.header.forEach((name, i) => {
    if (taken.has(i)) return;
    if (lists.has(i)) decline('a list column in extra');
    const key = name.startsWith('extra.') ? name.slice('extra.'.length) : name;
    if (key === '__proto__') decline('an extra column named __proto__');
    extraColumns.push([i, key]);
  });

  const cells = (i: number | undefined): ArrayLike<unknown> | undefined => {
    if (i !== undefined && lists.has(i)) decline('a list column read as text');
    return i === undefined ? undefined : i < data.header.length ? data.columns[i] : undefined;
  };
  const listAt = (i: number | undefined) => (i === undefined ? undefined : lists.get(i));
  const textAt = (column: ArrayLike<unknown> | undefined, row: number) =>
    column ? textOf(column[row]) : '';

  const draft = new Draft(format, opts);
  draft.title = baseName(opts.fileName);

  // How each date column writes its dates, decided as the row path decides it; the decision
  // depends on which kinds of value the column holds, not on how often, so each distinct value
  // is looked at once. A warning (an order chosen by convention…) is the row path's to say.
  const dateOptions = (i: number | undefined): ReadDateOptions | undefined => {
    const column = cells(i);
    if (i === undefined || !column) return undefined;
    const values = new Set<string>();
    for (let r = 0; r < n; r++) {
      const v = textOf(column[r]);
      if (v) values.add(v);
    }
    const decided = decideDateColumn(values, {
      column: table.columns.name(i),
      convention: 'mdy',
    });
    if (decided.warnings.length > 0) decline(decided.warnings[0]!);
    return decided.options;
  };
  const startOptions = dateOptions(col.start);
  const endOptions = col.end === undefined ? startOptions : dateOptions(col.end);

  const id = cells(col.id);
  const title = cells(col.title);
  const summary = cells(col.summary);
  const start = cells(col.start);
  const end = cells(col.end);
  const precision = cells(col.precision);
  const approximate = cells(col.approximate);
  const timeText = cells(col.time_text);
  const type = cells(col.type);
  const status = cells(col.status);
  const claimStatus = cells(col.claim_status);
  const placePrecision = cells(col.place_precision);
  const place = cells(col.place);
  const actorList = listAt(col.actors);
  const actorCells = actorList ? undefined : cells(col.actors);
  const tagList = listAt(col.tags);
  const tagCells = tagList ? undefined : cells(col.tags);
  const claimBy = cells(col.claim_by);
  const typeOf = choiceOf('type', EVENT_TYPES);
  const statusOf = choiceOf('status', EVENT_STATUSES);
  const claimStatusOf = choiceOf('claim_status', CLAIM_STATUSES);
  const placePrecisionOf = choiceOf('place_precision', PLACE_PRECISIONS);

  // Per row, in the file's order.
  const ids: string[] = [];
  const titles: string[] = [];
  const summaries: string[] = [];
  const typeCodes = new Uint8Array(n);
  const statusCodes = new Uint8Array(n);
  const claimCodes = new Uint8Array(n);
  const timeNo = new Uint32Array(n);
  const claimNo = new Uint32Array(n);
  const placeNo = new Int32Array(n);
  const placeKeyNo = new Int32Array(n);
  const linkStart = new Uint32Array(n + 1);
  const tagStart = new Uint32Array(n + 1);
  let linkActor = new Uint32Array(n * 2);
  let linkRole = new Uint8Array(n * 2);
  let tagName = new Uint32Array(n);
  let links = 0;
  let tags = 0;
  const rare = new Map<number, RareFields>();

  const timeMemo: Level = new Map();
  const shortTimes: Level = new Map();
  const finalTimes = new Numbered<TimeRead>();
  const claimNames: string[] = [];
  const claimNameNo = new Map<string, number>();
  const claims: Array<{ name: number; status: number }> = [];
  const claimMemo = new Map<number, number>();
  const placeKeys = new Numbered<string>();
  const placeValues: InlinePlace[] = [];
  const places = new Map<string, ResolvedPlace>();
  const placeProblems: Problem[] = [];
  const resolver = new PlaceKeys(places, placeProblems);
  const placeMemo: Level = new Map();
  /** The key number of each place value. */
  const keyOfPlace: number[] = [];
  const actorNumbers = new Map<string, number>();
  const actorIdNumber = new Map<string, number>();
  const actorIds: string[] = [];
  const tokenMemo = new Map<string, { actor: number; role: number } | null>();
  const tagNumbers = new Map<string, number>();
  const tagNames: string[] = [];
  const tagListMemo = new Map<string, number[]>();
  let fileSource = false;

  const actorOf = (name: string): number => {
    let a = actorNumbers.get(name);
    if (a === undefined) {
      const actorId = draft.actor(name, 'organisation');
      a = actorIdNumber.get(actorId);
      if (a === undefined) {
        a = actorIds.push(actorId) - 1;
        actorIdNumber.set(actorId, a);
      }
      actorNumbers.set(name, a);
    }
    return a;
  };
  const readLink = (item: unknown): { actor: number; role: number } | null => {
    const token = readActorItem(item);
    if (!token?.name) return null;
    if (token.unknownRole) decline(`role ${JSON.stringify(token.unknownRole)}`);
    return { actor: actorOf(token.name), role: ROLES.indexOf(token.role) };
  };
  const linkOf = (item: unknown): { actor: number; role: number } | null => {
    if (typeof item !== 'string') return readLink(item);
    let link = tokenMemo.get(item);
    if (link === undefined) tokenMemo.set(item, (link = readLink(item)));
    return link;
  };
  const tagOf = (name: string): number => {
    let t = tagNumbers.get(name);
    if (t === undefined) {
      t = tagNames.push(name) - 1;
      tagNumbers.set(name, t);
    }
    return t;
  };
  const readTags = (items: readonly unknown[]): number[] => {
    const out: number[] = [];
    for (const item of items) {
      const tag = textOf(item);
      if (tag === '') continue;
      const t = tagOf(tag);
      if (!out.includes(t)) out.push(t);
    }
    return out;
  };
  /** A `;`-joined tags cell's tags, each once. */
  const tagsOf = (value: unknown): readonly number[] => {
    const s = textOf(value);
    let list = tagListMemo.get(s);
    if (!list) tagListMemo.set(s, (list = s ? readTags(s.split(';')) : []));
    return list;
  };

  /** Adds a tag to the row begun at `first`, unless the row has it. */
  const pushTag = (t: number, first: number) => {
    for (let k = first; k < tags; k++) if (tagName[k] === t) return;
    if (tags === tagName.length) tagName = grow(tagName);
    tagName[tags++] = t;
  };

  /** Adds an actor link to the row begun at `first`, unless the row has it. */
  const pushLink = (link: { actor: number; role: number } | null, first: number) => {
    if (!link) return;
    for (let k = first; k < links; k++)
      if (linkActor[k] === link.actor && linkRole[k] === link.role) return;
    if (links === linkActor.length) {
      linkActor = grow(linkActor);
      linkRole = grow(linkRole);
    }
    linkActor[links] = link.actor;
    linkRole[links++] = link.role;
  };

  for (let row = 0; row < n; row++) {
    draft.progress(row, n);
    const position = row + 1;
    const summaryCell = textAt(summary, row);
    const summaryText = summaryCell ? plainText(summaryCell) : '';
    if (summaryText === undefined) decline('markup in a summary');
    const titleCell = textAt(title, row);
    if (!titleCell) decline('a row has no title');
    const titleText = plainText(titleCell);
    if (titleText === undefined) decline('markup in a title');
    // The loader trims titles and refuses empty ones: a title of character references alone.
    if (titleText === '' || titleText !== titleText!.trim()) decline('a title with no text');
    const given = textAt(id, row);
    let eventId: string;
    if (isSlug(given)) eventId = given;
    else if (given) return decline(`id ${JSON.stringify(given)} is not a slug`);
    else eventId = `${slugify(titleText!) || 'event'}-${position}`;
    ids.push(eventId);
    titles.push(titleText!);
    summaries.push(summaryText!);

    const startCell = textAt(start, row);
    const endCell = textAt(end, row);
    const precisionCell = textAt(precision, row);
    const approximateCell = textAt(approximate, row);
    const timeTextCell = textAt(timeText, row);
    // Most files give a start and a precision only: two levels for those rows, five for others.
    const timeLevel =
      endCell === '' && approximateCell === '' && timeTextCell === ''
        ? child(shortTimes, startCell)
        : child(child(child(child(timeMemo, startCell), endCell), approximateCell), timeTextCell);
    let timeNumber = timeLevel.get(precisionCell) as number | undefined;
    if (timeNumber === undefined) {
      const read = readTimeCells(
        startCell,
        endCell,
        precisionCell,
        approximateCell,
        timeTextCell,
        startOptions,
        endOptions,
      );
      const t = read.time;
      // One entry per distinct time, however its cells were written.
      timeNumber = finalTimes.numberOf(
        [t.start, t.end, t.precision, t.approximate, t.text],
        () => read,
      );
      timeLevel.set(precisionCell, timeNumber);
    }
    timeNo[row] = timeNumber;

    const typeCode = typeOf(textAt(type, row));
    typeCodes[row] = typeCode < 0 ? EVENT_TYPES.indexOf('other') : typeCode;
    const statusCode = statusOf(textAt(status, row));
    statusCodes[row] = statusCode < 0 ? 0 : statusCode;
    const claimCode = claimStatusOf(textAt(claimStatus, row));
    claimCodes[row] = claimCode < 0 ? CLAIM_STATUSES.indexOf('reported') : claimCode;
    const pp = placePrecisionOf(textAt(placePrecision, row));

    // Actors: `name:role` items of a list, or of a `;`-joined cell.
    linkStart[row] = links;
    if (actorList) {
      const { start: from, values } = actorList;
      for (let k = from[row]!; k < from[row + 1]!; k++)
        pushLink(linkOf(values[k]), linkStart[row]!);
    } else if (actorCells) {
      const value = plainList(actorCells[row]);
      const items = Array.isArray(value) ? value : textOf(value) ? textOf(value).split(';') : [];
      for (const item of items) pushLink(linkOf(item), linkStart[row]!);
    }
    tagStart[row] = tags;
    if (tagList) {
      const { start: from, values } = tagList;
      for (let k = from[row]!; k < from[row + 1]!; k++) {
        const tag = textOf(values[k]);
        if (tag !== '') pushTag(tagOf(tag), tagStart[row]!);
      }
    } else if (tagCells) {
      const value = plainList(tagCells[row]);
      const first = tags;
      if (!Array.isArray(value)) for (const t of tagsOf(value)) pushTag(t, first);
      else
        for (const item of value) {
          const tag = textOf(item);
          if (tag !== '') pushTag(tagOf(tag), first);
        }
    }

    // The claim: by the named actor or source (resolved once every row is read), else the file.
    const by = textAt(claimBy, row);
    let name = claimNameNo.get(by);
    if (name === undefined) {
      name = claimNames.push(by) - 1;
      claimNameNo.set(by, name);
    }
    if (!by && !fileSource) {
      draft.fileSource();
      fileSource = true;
    }
    const statusNo = claimCodes[row]!;
    const claimKey = name * CLAIM_STATUSES.length + statusNo;
    let claimNumber = claimMemo.get(claimKey);
    if (claimNumber === undefined) {
      claimNumber = claims.push({ name, status: statusNo }) - 1;
      claimMemo.set(claimKey, claimNumber);
    }
    claimNo[row] = claimNumber;

    // The place: a name at coordinates; a name alone would be geocoded, a lone coordinate is
    // an error, and either is the row path's to say.
    const placeName = textAt(place, row);
    const lat = col.lat === undefined ? undefined : readCoordinate(table.cell(col.lat, row), 'lat');
    const lon = col.lon === undefined ? undefined : readCoordinate(table.cell(col.lon, row), 'lon');
    if (typeof lat === 'string' || typeof lon === 'string') decline('a bad coordinate');
    if (typeof lat === 'number' && typeof lon === 'number') {
      const placeAt = pp < 0 ? DEFAULT_PLACE_PRECISION : PLACE_PRECISIONS[pp]!;
      const placeLevel = child(child(child(placeMemo, placeName), lat), lon);
      let value = placeLevel.get(placeAt) as number | undefined;
      if (value === undefined) {
        const inline: InlinePlace = {
          name: placeName || `${lat}, ${lon}`,
          lat,
          lon,
          precision: placeAt,
        };
        const resolved = resolver.resolve(inline, row, eventId);
        value = placeValues.push(resolved.place) - 1;
        keyOfPlace.push(placeKeys.numberOf([resolved.key], () => resolved.key));
        placeLevel.set(placeAt, value);
      }
      placeNo[row] = value;
      placeKeyNo[row] = keyOfPlace[value]!;
    } else if (lat !== undefined || lon !== undefined || placeName) {
      decline('a place without both coordinates');
    } else {
      placeNo[row] = -1;
      placeKeyNo[row] = -1;
    }

    let extra: Record<string, string> | undefined;
    for (const [i, key] of extraColumns) {
      const value = textOf(data.columns[i]![row]);
      if (!value) continue;
      if (value.includes(CUT)) decline('a nested extra value');
      setOwn((extra ??= {}), key, value);
    }
    if (extra) rare.set(row, { extra });
  }
  linkStart[n] = links;
  tagStart[n] = tags;
  const repeated = repeatedId(ids);
  if (repeated !== undefined) decline(`id ${JSON.stringify(repeated)} repeated`);
  if (placeProblems.length > 0) decline('a place id given twice');

  // The head: the actors and sources the events name, validated by the loader as the row path's
  // are (with no events, the loader reads only them).
  const claimIds = claimNames.map((name) => (name ? draft.claimant(name) : ''));
  const fileSourceId = fileSource ? draft.fileSource() : '';
  draft.keep([...actorIds, ...claimIds.filter(Boolean), ...(fileSource ? [fileSourceId] : [])]);
  const { dataset: headDataset, report } = draft.finish(loadDataset(draft.build(), opts.fileName));
  if (report.problems.some((p) => p.severity === 'error'))
    decline('the actors or sources do not load');
  const allActors = [...headDataset.actors.keys()];
  if (allActors.length !== actorIds.length || allActors.some((a, i) => a !== actorIds[i]))
    decline('the actors load in another order');
  const claimValues = claims.map((c): DatelineEvent['claim'] => ({
    by: claimIds[c.name] || fileSourceId,
    status: CLAIM_STATUSES[c.status]!,
  }));

  // The events' order: by earliest, then file position (the loader's sort), as a counting sort
  // over the distinct times.
  const distinct = finalTimes.values;
  const byEarliest = distinct
    .map((_, t) => t)
    .sort((a, b) => distinct[a]!.earliest - distinct[b]!.earliest);
  const rank = new Uint32Array(distinct.length);
  let ranks = 0;
  byEarliest.forEach((t, k) => {
    if (k > 0 && distinct[t]!.earliest !== distinct[byEarliest[k - 1]!]!.earliest) ranks++;
    rank[t] = ranks;
  });
  const count = new Uint32Array(ranks + 2);
  for (let row = 0; row < n; row++) count[rank[timeNo[row]!]! + 1]!++;
  for (let k = 1; k < count.length; k++) count[k]! += count[k - 1]!;
  const order = new Uint32Array(n);
  for (let row = 0; row < n; row++) order[count[rank[timeNo[row]!]!]!++] = row;

  const eventTable = eventTableInOrder(
    {
      n,
      id: ids,
      title: titles,
      summary: summaries,
      time: timeNo,
      times: distinct.map((t) => t.time),
      startDates: distinct.map((t) => t.startDate),
      endDates: distinct.map((t) => t.endDate),
      claim: claimNo,
      claims: claimValues,
      place: placeNo,
      placeValues,
      placeKey: placeKeyNo,
      placeKeys: placeKeys.values,
      tagStart,
      tagName: tagName.subarray(0, tags),
      tagNames,
      rare,
    },
    order,
  );
  const index = indexInOrder(order, {
    timeNo,
    times: distinct,
    typeCodes,
    statusCodes,
    claimCodes,
    placeKeyNo,
    placeKeys: placeKeys.values,
    places,
    linkStart,
    linkActor: linkActor.subarray(0, links),
    linkRole: linkRole.subarray(0, links),
    actorIds,
  });

  let span: Dataset['span'] = null;
  for (const t of distinct) {
    if (!span) span = { earliest: t.earliest, latest: t.latest };
    else {
      span.earliest = Math.min(span.earliest, t.earliest);
      span.latest = Math.max(span.latest, t.latest);
    }
  }
  opts.onProgress?.(n, n);
  const { events: _events, eventById: _eventById, ...head } = headDataset;
  return {
    head: { ...head, places, span },
    index,
    table: eventTable,
    report: { ...report, eventsAccepted: n, eventsRejected: 0 },
  };
}
