// iCalendar (.ics, RFC 5545), read with ical.js: one event per VEVENT. DTSTART/DTEND (or
// DURATION) give the time: all-day dates at day precision (DTEND is exclusive), date-times at the
// minute with their offset, from the file's VTIMEZONE or, for an IANA TZID it does not define,
// from the browser's own zone data. SUMMARY is the title, DESCRIPTION the summary (plain text,
// as RFC 5545 says: a calendar that writes HTML in it has its tags read as text once, and the
// property is kept in extra as written), X-ALT-DESC;FMTTYPE=text/html the summaryHtml, LOCATION and GEO the place, URL the source, ORGANIZER the host, CATEGORIES
// tags; every other property is kept in extra. Problems name the VEVENT by its position.
import ICAL from 'ical.js';
import type { Precision } from '../model/time';
import { alignTime, shiftDay, type DateValue } from './dates';
import { baseName, Draft, type Imported, type Origin } from './draft';
import { EventIds, hostOf } from './eventIds';
import { hasMarkup, htmlToText } from './html';
import { setOwn } from '../model/own';
import { readPlace } from './place';
import { slugify } from './slug';
import type { ImportOptions, RawEvent } from './types';
import { quote } from '../model/quote';

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Time = InstanceType<typeof ICAL.Time>;

/** Properties read into Dateline fields; every other one goes to extra. */
const READ = new Set([
  'uid',
  'summary',
  'description',
  'dtstart',
  'dtend',
  'duration',
  'location',
  'geo',
  'url',
  'organizer',
  'categories',
  'status',
]);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The VEVENTs of a calendar: parsed whole, or block by block when the whole will not parse. */
function readCalendar(
  text: string,
  draft: Draft,
): { root: Component | null; events: Array<Component | string> } {
  try {
    const root = new ICAL.Component(ICAL.parse(text));
    const cal = root.name === 'vcalendar' ? root : root.getFirstSubcomponent('vcalendar');
    return { root: cal, events: cal ? cal.getAllSubcomponents('vevent') : [] };
  } catch (err) {
    // One bad line should not cost every event: read each VEVENT with the file's time zones.
    const zones = text.match(/^BEGIN:VTIMEZONE\r?\n[\s\S]*?^END:VTIMEZONE\r?$/gim) ?? [];
    const blocks = text.match(/^BEGIN:VEVENT\r?\n[\s\S]*?^END:VEVENT\r?$/gim) ?? [];
    draft.warn(
      { collection: 'dataset' },
      `the calendar does not parse as a whole (${(err as Error).message}); each event is read on its own`,
    );
    const events = blocks.map((block) => {
      try {
        const one = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${zones.join('\r\n')}\r\n${block}\r\nEND:VCALENDAR`;
        return new ICAL.Component(ICAL.parse(one)).getFirstSubcomponent('vevent') ?? 'empty';
      } catch (e) {
        return (e as Error).message;
      }
    });
    return { root: null, events };
  }
}

export function importIcal(text: string, opts: ImportOptions): Imported {
  const draft = new Draft('ical', opts);
  const { root, events } = readCalendar(text, draft);
  draft.title =
    str(root?.getFirstPropertyValue('x-wr-calname')) ||
    str(root?.getFirstPropertyValue('name')) ||
    baseName(opts.fileName);
  draft.description =
    str(root?.getFirstPropertyValue('x-wr-caldesc')) ||
    str(root?.getFirstPropertyValue('description'));
  const ids = new EventIds();
  const now = Date.now();
  events.forEach((vevent, i) => {
    draft.progress(i, events.length);
    const origin: Origin = { collection: 'events', index: i };
    if (typeof vevent === 'string') {
      draft.reject(origin, `this VEVENT does not parse: ${vevent}`);
      return;
    }
    let event: RawEvent | null;
    try {
      event = readEvent(vevent, draft, origin, i, ids, now);
    } catch (err) {
      // ical.js reads values lazily: a value it cannot read throws here. Name its property.
      const bad = vevent.getAllProperties().find((p) => {
        try {
          p.getValues();
          return false;
        } catch {
          return true;
        }
      });
      const name = bad?.name.toUpperCase();
      draft.reject(
        origin,
        `${name ?? 'this VEVENT'} cannot be read: ${(err as Error).message}`,
        name ? { field: name } : {},
      );
      return;
    }
    if (event) draft.add(event, origin);
  });
  return draft.load();
}

function str(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).trim();
}

function readEvent(
  vevent: Component,
  draft: Draft,
  origin: Origin,
  index: number,
  ids: EventIds,
  now: number,
): RawEvent | null {
  const summary = str(vevent.getFirstPropertyValue('summary'));
  const uid = str(vevent.getFirstPropertyValue('uid'));
  const recurrence = vevent.getFirstPropertyValue('recurrence-id') as Time | null;
  const id = ids.take(
    recurrence ? `${uid}-${recurrence.toString()}` : uid,
    `${slugify(summary) || 'event'}-${index + 1}`,
    { label: `events[${index}]`, n: index + 1 },
    draft,
    origin,
    { field: 'UID' },
  );
  const at = (field: string) => ({ field, id });

  const startProp = vevent.getFirstProperty('dtstart');
  if (!startProp) {
    draft.reject(origin, 'no DTSTART: an event needs a start', at('DTSTART'));
    return null;
  }
  const start = readTime(startProp.getFirstValue() as Time, startProp);
  if (typeof start === 'string') {
    draft.reject(origin, start, at('DTSTART'));
    return null;
  }
  if (start.warning) draft.warn(origin, start.warning, at('DTSTART'));
  let end: DateValue | undefined;
  const endProp = vevent.getFirstProperty('dtend');
  const duration = vevent.getFirstPropertyValue('duration') as InstanceType<
    typeof ICAL.Duration
  > | null;
  if (endProp || duration) {
    // DTEND, else DTSTART + DURATION (ICAL.Event would do the same, at a much higher cost).
    let endTime = endProp?.getFirstValue() as Time | null;
    if (!endProp && duration) {
      endTime = (startProp.getFirstValue() as Time).clone();
      endTime.addDuration(duration);
    }
    const read = readTime(endTime, endProp ?? startProp);
    if (typeof read === 'string') {
      draft.warn(origin, `${read}; the event has no end`, at(endProp ? 'DTEND' : 'DURATION'));
    } else {
      // An all-day DTEND is the day after the last one.
      end =
        read.value.resolution === 'day'
          ? { ...read.value, iso: shiftDay(read.value.iso, -1) }
          : read.value;
    }
  }
  const aligned = alignTime(start.value, end);
  const endsLater =
    aligned.end !== undefined && Date.parse(aligned.end) > Date.parse(aligned.start);

  const rrule = vevent.getFirstPropertyValue('rrule');
  if (rrule) {
    draft.warn(
      origin,
      'a repeating event: only its first occurrence is imported (RRULE kept in extra)',
      at('RRULE'),
    );
  }

  const written = str(vevent.getFirstPropertyValue('description'));
  const description = hasMarkup(written) ? htmlToText(written) : written;
  const altDesc = vevent
    .getAllProperties('x-alt-desc')
    .find((p) => /html/i.test(str(p.getParameter('fmttype'))));
  const html = altDesc ? str(altDesc.getFirstValue()) : '';
  const location = str(vevent.getFirstPropertyValue('location'));
  const geo = vevent.getFirstPropertyValue('geo') as unknown;
  const [lat, lon] = Array.isArray(geo) ? (geo as unknown[]) : [undefined, undefined];
  const place = readPlace(
    {
      name: location,
      lat,
      lon,
      precision: 'exact',
      where: { name: { field: 'LOCATION' }, lat: { field: 'GEO' }, lon: { field: 'GEO' } },
      id,
    },
    draft,
    origin,
  );
  if (!place.ok) return null;

  const url = str(vevent.getFirstPropertyValue('url'));
  const host = hostOf(url);
  const http = host !== '';
  const source = http ? draft.source(url, { url, publisher: host }) : undefined;
  const actors: NonNullable<RawEvent['actors']> = [];
  const organizer = vevent.getFirstProperty('organizer');
  const organizerName = str(organizer?.getParameter('cn'));
  if (organizerName)
    actors.push({ actor: draft.actor(organizerName, 'organisation'), role: 'host' });

  const tags: string[] = [];
  for (const prop of vevent.getAllProperties('categories')) {
    for (const value of prop.getValues()) {
      const tag = str(value);
      if (tag && !tags.includes(tag)) tags.push(tag);
    }
  }
  const statusText = str(vevent.getFirstPropertyValue('status')).toUpperCase();
  if (statusText === 'CANCELLED') tags.push('cancelled');
  const endMs = Date.parse(aligned.end ?? aligned.start);
  const status: RawEvent['status'] =
    statusText === 'TENTATIVE'
      ? 'expected'
      : Number.isFinite(endMs) && endMs > now
        ? 'scheduled'
        : 'occurred';

  const extra: Record<string, unknown> = {};
  if (written !== description) extra.DESCRIPTION = written;
  if (url && !http) extra.URL = url;
  if (statusText) extra.STATUS = statusText;
  if (place.unplaced) extra.LOCATION = location;
  if (organizer && !organizerName) extra.ORGANIZER = str(organizer.getFirstValue());
  for (const prop of vevent.getAllProperties()) {
    if (READ.has(prop.name) || prop === altDesc) continue;
    const key = prop.name.toUpperCase();
    let name = key;
    for (let n = 2; Object.hasOwn(extra, name); n++) name = `${key} (${n})`;
    setOwn(extra, name, propertyText(prop));
  }
  if (start.zoneNote) extra.timeZone = start.zoneNote;

  const event: RawEvent = {
    id,
    title: summary || description.split('\n')[0]!.slice(0, 80) || `Event ${index + 1}`,
    summary: description || htmlToText(html),
    ...(html && { summaryHtml: html }),
    type: 'other',
    time: {
      start: aligned.start,
      ...(endsLater && { end: aligned.end }),
      precision: aligned.precision,
      approximate: false,
    },
    status,
    place: place.place,
    actors,
    claim: { by: source ?? draft.fileSource(), status: 'reported' },
    tags,
  };
  if (!summary) draft.warn(origin, `no SUMMARY; using ${quote(event.title)}`, at('SUMMARY'));
  if (Object.keys(extra).length > 0) event.extra = extra;
  return event;
}

/** A property's value as the file writes it, without its name and parameters. */
function propertyText(prop: Property): string {
  const line = prop.toICALString();
  const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  return colon < 0 ? line : line.slice(colon + 1);
}

interface ReadTime {
  value: DateValue;
  warning?: string;
  /** How the time zone was found, when not from the file itself. */
  zoneNote?: string;
}

/** A DATE or DATE-TIME as an ISO string with its offset; a reason when it is unusable. */
export function readTime(t: Time | null, prop: Property): ReadTime | string {
  if (!t || typeof t.year !== 'number' || !Number.isFinite(t.year)) return 'the date is missing';
  const day = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  if (t.isDate) return { value: { iso: day, resolution: 'day' } };
  const wall = `${day}T${pad(t.hour)}:${pad(t.minute)}${t.second ? `:${pad(t.second)}` : ''}`;
  const minute: Precision = 'minute';
  if (t.zone === ICAL.Timezone.utcTimezone)
    return { value: { iso: `${wall}Z`, resolution: minute } };
  if (t.zone && t.zone !== ICAL.Timezone.localTimezone) {
    return { value: { iso: wall + offsetText(fileZoneOffset(t) / 60), resolution: minute } };
  }
  const tzid = str(prop.getParameter('tzid'));
  if (tzid) {
    const offset = ianaOffset(tzid, t);
    if (offset !== null) {
      return {
        value: { iso: wall + offsetText(offset), resolution: minute },
        zoneNote: `${tzid} (not defined in the file; read from the browser's time zone data)`,
      };
    }
    return {
      value: { iso: `${wall}Z`, resolution: minute },
      warning: `time zone ${quote(tzid)} is neither defined in the file nor known; the time is read as UTC`,
    };
  }
  return {
    value: { iso: `${wall}Z`, resolution: minute },
    warning: 'a floating time (no time zone): read as UTC',
  };
}

/**
 * The offset, in seconds, of a time in a zone the file defines. ical.js gives 0 before the zone's
 * first observance; RFC 5545 says the first observance's TZOFFSETFROM applies there (the RFC's
 * own America/New_York example starts in October 1998, after events it dates in March).
 */
function fileZoneOffset(t: Time): number {
  const component = (t.zone as { component?: Component } | null)?.component;
  let earliest: { start: Time; from: number } | undefined;
  for (const observance of component?.getAllSubcomponents() ?? []) {
    const start = observance.getFirstPropertyValue('dtstart') as Time | null;
    const from = observance.getFirstPropertyValue('tzoffsetfrom') as { toSeconds(): number } | null;
    if (!start || !from) continue;
    if (!earliest || start.compare(earliest.start) < 0)
      earliest = { start, from: from.toSeconds() };
  }
  const local = t.clone();
  local.zone = ICAL.Timezone.localTimezone;
  if (earliest && local.compare(earliest.start) < 0) return earliest.from;
  return t.utcOffset();
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(Math.round(minutes));
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The offset, in minutes east of UTC, of an IANA zone at a wall-clock time; null if unknown. */
function ianaOffset(tzid: string, t: Time): number | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tzid,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null;
  }
  const offsetAt = (utc: number) => {
    const parts = Object.fromEntries(
      format.formatToParts(new Date(utc)).map((p) => [p.type, p.value]),
    );
    const asUtc = Date.UTC(
      +parts.year!,
      +parts.month! - 1,
      +parts.day!,
      +parts.hour!,
      +parts.minute!,
      +parts.second!,
    );
    return Math.round((asUtc - utc) / 60_000);
  };
  const wall = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  // The offset at the wall time read as UTC, then at the instant that offset gives: right on both
  // sides of a daylight-saving change.
  const first = offsetAt(wall);
  return offsetAt(wall - first * 60_000);
}
