// A dataset's eras (TimelineJS's `eras`, kept by the importers in `extra.eras`) as the timeline
// draws them: labelled bands behind the events. `extra` is whatever the file held, so each era is
// read with care: one without a title or a readable span is left out, never guessed.
import type { Dataset } from '../../model/dataset';
import { parsePartialDate } from '../../model/time';
import { clampDraw } from './deepTime';

export interface EraBand {
  /** vis-timeline item id; never an event's (event ids are slugs, without a colon). */
  id: string;
  type: 'background';
  title: string;
  /** First ms of the era, and the ms after its last (its end date's whole unit included). */
  start: number;
  end: number;
  className: string;
}

/** Longest era title drawn; the rest is cut with an ellipsis (the full title is its tooltip). */
const MAX_TITLE = 200;

function text(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** The eras of a dataset, in time order, alternating shades so neighbours stay apart. */
export function erasOf(dataset: Pick<Dataset, 'extra'> | null | undefined): EraBand[] {
  const raw = dataset?.extra?.eras;
  if (!Array.isArray(raw)) return [];
  const eras: Array<Omit<EraBand, 'id' | 'className'>> = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { title, start, end } = item as Record<string, unknown>;
    const name = text(title);
    const from = parsePartialDate(text(start));
    const to = parsePartialDate(text(end) || text(start));
    if (!name || typeof from === 'string' || typeof to === 'string') continue;
    if (to.latest < from.earliest) continue;
    eras.push({
      type: 'background',
      title: name.length > MAX_TITLE ? `${name.slice(0, MAX_TITLE - 1)}…` : name,
      start: clampDraw(from.earliest),
      end: clampDraw(to.latest + 1),
    });
  }
  eras.sort((a, b) => a.start - b.start || a.end - b.end);
  return eras.map((era, i) => ({
    ...era,
    id: `dl:era:${i}`,
    className: `dl-era dl-era-${i % 2 === 0 ? 'even' : 'odd'}`,
  }));
}
