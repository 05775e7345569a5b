// What the density band shows, as pure functions: each slice's shade, label and name, where it
// sits on the timeline's centre panel, and which slices a new set keeps. No DOM here, so the
// geometry is tested on its own; `densityBand.ts` draws it.
import { i18n, t } from '../../i18n';
import { formatCount } from '../../model/readerLocale';
import type { TimeWindow } from '../../model/time';
import type { DensityBin } from './windowing';

export interface BandSlice {
  /** Start and width: the same slice keeps its id while the window pans or the counts change. */
  id: string;
  start: number;
  end: number;
  count: number;
  /** 0 (quiet) to 4 (the busiest): the slice's share of the busiest slice, in fifths. */
  level: number;
  /** The count as it fits a slice: "840", "1.2k", "15k". */
  label: string;
  /**
   * What a screen reader says and the tooltip shows. Worked out when read: a moving window gives
   * the band a new set of slices many times a second, and only the new ones are written.
   */
  readonly name: string;
}

const DAY = 86_400_000;

export const compactCount = (n: number) =>
  n < 1000 ? formatCount(n) : n < 9950 ? `${(n / 1000).toFixed(1)}k` : `${Math.round(n / 1000)}k`;

/**
 * The dates of slices named lately, by language and span: every lane's band has the same
 * slices, so grouping by actor names each span once rather than once per lane.
 */
const datesNamed = new Map<string, string>();

/** "2020-01-01 to 2020-01-31", or with times (UTC, as the timeline) for a slice within days. */
export function sliceDates(start: number, end: number): string {
  const key = `${i18n.language} ${start} ${end}`;
  let dates = datesNamed.get(key);
  if (dates === undefined) {
    if (datesNamed.size >= 2000) datesNamed.clear();
    dates = writeSliceDates(start, end);
    datesNamed.set(key, dates);
  }
  return dates;
}

function writeSliceDates(start: number, end: number): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  if (start % DAY === 0 && end % DAY === 0) {
    const first = iso(start).slice(0, 10);
    const last = iso(end - 1).slice(0, 10);
    return first === last ? first : t('timeline.sliceDays', { from: first, to: last });
  }
  // Slices narrower than a minute start at odd seconds (widths of 1/2^k hours).
  const digits = start % 60_000 === 0 && end % 60_000 === 0 ? 16 : 19;
  const time = (ms: number) => iso(ms).slice(11, digits);
  const sameDay = Math.floor(start / DAY) === Math.floor((end - 1) / DAY);
  const to = sameDay ? time(end) : iso(end).slice(0, digits).replace('T', ' ');
  return t('timeline.sliceTimes', { from: `${iso(start).slice(0, 10)} ${time(start)}`, to });
}

export function bandSlices(bins: readonly DensityBin[]): BandSlice[] {
  const max = bins.reduce((m, b) => Math.max(m, b.count), 1);
  return bins.map((b) => ({
    id: `${b.start}+${b.end - b.start}`,
    start: b.start,
    end: b.end,
    count: b.count,
    level: Math.min(4, Math.floor((b.count / max) * 5)),
    label: compactCount(b.count),
    get name() {
      return t('timeline.slice', {
        count: b.count,
        n: formatCount(b.count, true),
        dates: sliceDates(b.start, b.end),
      });
    },
  }));
}

/** Pixels from the centre panel's left edge, as vis-timeline places items: linear in time. */
export function timeToX(ms: number, w: TimeWindow, widthPx: number): number {
  return ((ms - w.start) * widthPx) / Math.max(1, w.end - w.start);
}

/** A slice's box: from its start, as wide as its span less a gap, but never under half of it. */
export function sliceBox(
  slice: { start: number; end: number },
  w: TimeWindow,
  widthPx: number,
  gapPx: number,
): { x: number; width: number } {
  const x = timeToX(slice.start, w, widthPx);
  const full = timeToX(slice.end, w, widthPx) - x;
  return { x, width: Math.max(full - gapPx, full / 2) };
}

/** Whether any of the slice lies in the window (slices beyond it are drawn but clipped). */
export const inWindow = (slice: { start: number; end: number }, w: TimeWindow) =>
  slice.end > w.start && slice.start < w.end;

/** Ids that are gone, and the slices that are new, from one set to the next. */
export function diffSlices(
  before: ReadonlySet<string>,
  next: readonly BandSlice[],
): { removed: string[]; added: BandSlice[] } {
  const nextIds = new Set(next.map((s) => s.id));
  return {
    removed: [...before].filter((id) => !nextIds.has(id)),
    added: next.filter((s) => !before.has(s.id)),
  };
}

/**
 * Where the arrow keys go from slice `from`: the next or previous slice in the window, or the
 * first or last (Home, End); `from` itself at either end; -1 for a key the band does not use.
 */
export function stepSlice(
  slices: readonly BandSlice[],
  from: number,
  key: string,
  w: TimeWindow,
): number {
  const shown = slices.flatMap((s, i) => (inWindow(s, w) ? [i] : []));
  if (!shown.length) return -1;
  const after = shown.find((i) => i > from);
  const before = shown.findLast((i) => i < from);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return after ?? (shown.includes(from) ? from : (shown.at(-1) as number));
    case 'ArrowLeft':
    case 'ArrowUp':
      return before ?? (shown.includes(from) ? from : (shown[0] as number));
    case 'Home':
      return shown[0] as number;
    case 'End':
      return shown.at(-1) as number;
    default:
      return -1;
  }
}
