// What the timeline can draw of deep time, and how its axis names years before 1 CE.
//
// vis-timeline works in JS Dates, which hold about ±271,800 years around 1970. The timeline
// draws 250,000 BCE to 250,000 CE (a margin inside that, for the axis' own rounding and the
// half-window the adapter fetches either side); an event beyond it (cosmology's 13.8 billion
// BCE) is drawn near the edge, marked, with its true date in its label; the details panel and the
// list say its true date too. Filters and sorting use its true bounds.
import type { DatelineEvent } from '../../model/dataset';
import { formatYear, yearStart } from '../../model/time';
import { once } from '../../model/once';

export const DRAW_MIN = yearStart(-250_000);
export const DRAW_MAX = yearStart(250_000);

/** An instant brought inside what the timeline can draw. */
export function clampDraw(ms: number): number {
  return Math.min(Math.max(ms, DRAW_MIN), DRAW_MAX);
}

/**
 * Where an event beyond the drawing is drawn: 5,000 years inside the edge, so its box and label
 * are not cut by it when the window is fitted to it (`fitWindow` shows 10,000 years then).
 */
export function beyondAt(e: Pick<DatelineEvent, 'earliest'>): number {
  return e.earliest < DRAW_MIN ? yearStart(-245_000) : yearStart(245_000);
}

/** Whether an event lies wholly beyond what the timeline can draw. */
export function isBeyondDrawing(e: Pick<DatelineEvent, 'earliest' | 'latest'>): boolean {
  return e.latest < DRAW_MIN || e.earliest > DRAW_MAX;
}

/** The few methods of a moment the labels need (vis-timeline hands its own moments). */
interface AxisDate {
  year(): number;
  format(pattern: string): string;
}

const grouped = once(() => new Intl.NumberFormat('en'));

/**
 * An axis year: exact when ticks are single years ("500 BCE" for -499); a round number when
 * ticks are ten years or more apart ("1000 BCE" for the tick at -1000, which lies within a
 * year of it), so a tick at a round astronomical year does not read "1001 BCE".
 */
export function axisYear(year: number, step: number): string {
  if (step < 10 || year > 0) return formatYear(year);
  if (year === 0) return '1 BCE';
  const bce = -year;
  if (bce >= 1_000_000) return formatYear(year);
  return `${bce >= 10_000 ? grouped().format(bce) : bce} BCE`;
}

/** vis-timeline's default label patterns (its `format` option), with years said our way. */
const MINOR: Record<string, string> = {
  millisecond: 'SSS',
  second: 's',
  minute: 'HH:mm',
  hour: 'HH:mm',
  weekday: 'ddd D',
  day: 'D',
  week: 'w',
  month: 'MMM',
};
const MAJOR: Record<string, string> = {
  millisecond: 'HH:mm:ss',
  second: 'D MMMM HH:mm',
  minute: 'ddd D MMMM',
  hour: 'ddd D MMMM',
  weekday: 'MMMM YYYY',
  day: 'MMMM YYYY',
  week: 'MMMM YYYY',
  month: 'YYYY',
  year: '',
};

/** A moment pattern with its year written as a reader says it ("Mar 44 BCE"). */
function withYear(date: AxisDate, pattern: string, step: number): string {
  if (pattern === '') return ''; // moment formats '' as a whole ISO string
  if (!pattern.includes('YYYY')) return date.format(pattern);
  const year = axisYear(date.year(), step);
  return date.format(pattern.replace('YYYY', `[${year}]`));
}

/**
 * The axis' label functions. `labelEvery` thins year labels when even vis-timeline's widest
 * step (1000 years) puts them closer than a label's width: only multiples of it are labelled.
 */
export function axisFormat(labelEvery: (step: number) => number) {
  return {
    minorLabels: (date: AxisDate, scale: string, step: number) => {
      if (scale !== 'year') return withYear(date, MINOR[scale] ?? '', step);
      const every = labelEvery(step);
      return date.year() % every === 0 ? axisYear(date.year(), step) : '';
    },
    majorLabels: (date: AxisDate, scale: string, step: number) =>
      withYear(date, MAJOR[scale] ?? '', step),
  };
}

const NICE = [1, 2, 5];

/** vis-timeline's own "year" when it picks a step: 360 days. */
const STEP_YEAR = 1000 * 60 * 60 * 24 * 30 * 12;

/** The smallest 1, 2 or 5 × 10^k years, from 1000, at least `years` long. */
export function longYearStep(years: number): number {
  for (let scale = 1000; ; scale *= 10) {
    for (const n of NICE) if (n * scale >= years) return n * scale;
  }
}

export interface TimeStepClass {
  prototype: {
    setMinimumStep(this: { scale: string; step: number }, minimumStep?: number): void;
  };
}
const PATCHED = Symbol('dateline long year steps');

/**
 * vis-timeline's axis steps stop at 1000 years: when labels need more room than that (a window
 * of a few thousand years on a phone, of 500,000 years anywhere) it keeps its default step, a
 * day, and tries to draw a label per day. Its `TimeStep` then also takes steps of 2000, 5000,
 * 10,000… years. Patched once, on the class vis-timeline exports.
 */
export function patchLongYearSteps(TimeStep: TimeStepClass): void {
  const proto = TimeStep.prototype as TimeStepClass['prototype'] & { [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const original = proto.setMinimumStep;
  proto.setMinimumStep = function setMinimumStep(minimumStep?: number) {
    original.call(this, minimumStep);
    if (minimumStep === undefined || !(minimumStep >= STEP_YEAR * 1000)) return;
    this.scale = 'year';
    this.step = longYearStep(minimumStep / STEP_YEAR);
  };
  proto[PATCHED] = true;
}

/** The smallest 1, 2 or 5 × 10^k multiple of `step` years whose labels are `minPx` apart. */
export function niceLabelStep(step: number, pxPerYear: number, minPx = 80): number {
  if (!(pxPerYear > 0) || step * pxPerYear >= minPx) return step;
  for (let scale = step; ; scale *= 10) {
    for (const n of NICE) if (n * scale * pxPerYear >= minPx) return n * scale;
  }
}
