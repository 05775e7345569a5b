// Every place Dateline relies on vis-timeline beyond its documented API: private fields and
// methods, and the DOM it draws. Nothing else in the app reads these; `visInternals.test.ts`
// builds a real Timeline and fails, naming what is missing, when a vis-timeline upgrade moves any
// of them. (package.json pins vis-timeline to one version for this reason.)
import * as vis from 'vis-timeline/esnext';
import type { Timeline } from 'vis-timeline/esnext';
import { patchLongYearSteps, type TimeStepClass } from './deepTime';

/** vis-timeline's TimeStep class (it exports its internals as `timeline`, undeclared in types). */
function timeStepClass(): TimeStepClass | undefined {
  return (vis as unknown as { timeline?: { TimeStep?: TimeStepClass } }).timeline?.TimeStep;
}

/**
 * Lets vis-timeline's axis step by 2000, 5000, 10,000… years (it stops at 1000 and falls back to
 * a label per day); once, for every timeline. Without the class (another version), nothing.
 */
export function allowLongYearSteps(): void {
  const TimeStep = timeStepClass();
  if (TimeStep) patchLongYearSteps(TimeStep);
}

/** vis-timeline's item set, as far as Dateline touches it (private in vis-timeline). */
interface ItemSet {
  /** Lays out every group at once (forced layout); vis calls it after each data change. */
  redraw?: unknown;
  /** Groups by id; each draws an item added to it at once (`_checkIfVisible`). */
  groups?: Record<string, Record<string, unknown>>;
}

/** The Group method that draws (and measures) an item as soon as it is added. */
const DRAW_ITEM_ON_ADD = '_checkIfVisible';
/** The class vis-timeline gives the panel that holds the items: the time axis' width. */
const ITEM_PANEL_SELECTOR = '.vis-panel.vis-center';

function itemSetOf(timeline: Timeline): ItemSet | undefined {
  return (timeline as unknown as { itemSet?: ItemSet }).itemSet;
}

/**
 * Changes vis-timeline's items without drawing them now, so the redraw it schedules for its
 * next frame draws them all at once. On its own, vis-timeline draws and measures each added item
 * at once (Group.add → `_checkIfVisible` → item.show), a forced layout per item, and its item set
 * redraws after every add, update or remove (its data listeners), measuring every group: a forced
 * layout of the page for a redraw the next frame does anyway (the change asks for it too). While
 * `change` runs, the groups only take items in and the item set does not redraw. Without these
 * internals (another vis-timeline version), items are changed the ordinary way.
 */
export function changeItemsWithoutDrawing(timeline: Timeline, change: () => void): void {
  const itemSet = itemSetOf(timeline);
  const groups = Object.values(itemSet?.groups ?? {});
  const skip = () => undefined;
  const later = () => false;
  for (const g of groups) if (typeof g[DRAW_ITEM_ON_ADD] === 'function') g[DRAW_ITEM_ON_ADD] = skip;
  if (itemSet && typeof itemSet.redraw === 'function') itemSet.redraw = later;
  try {
    change();
  } finally {
    for (const g of groups) if (g[DRAW_ITEM_ON_ADD] === skip) delete g[DRAW_ITEM_ON_ADD];
    if (itemSet?.redraw === later) delete itemSet.redraw;
  }
}

/** The panel vis-timeline draws items in (Dateline puts its density band there). */
export function itemPanelOf(container: HTMLElement): HTMLElement {
  const panel = container.querySelector<HTMLElement>(ITEM_PANEL_SELECTOR);
  if (!panel) throw new Error(`vis-timeline drew no ${ITEM_PANEL_SELECTOR}`);
  return panel;
}

/**
 * The item panel's width as vis-timeline wrote it into the panel's style, px: the time axis'
 * width, with no layout read. Before its first draw (or in a DOM without layout) the
 * container's width stands in.
 */
export function axisWidthOf(panel: HTMLElement, container: HTMLElement): number {
  const width = parseFloat(panel.style.width);
  return width > 0 ? width : container.clientWidth;
}

/** The class of the element vis-timeline draws everything in, a child of its container. */
const ROOT_SELECTOR = ':scope > .vis-timeline';

/**
 * Takes the timeline off the page now and destroys it in a later task. Its `destroy` removes
 * every item one by one and unbinds its components (about 20 ms with 200 items); done in the
 * same task as the next dataset's views are made, the two made one long task (e2e big-file).
 * The timeline is no longer bound to the store by then, and draws nothing off the page.
 */
export function destroyLater(timeline: Timeline, container: HTMLElement): void {
  container.querySelector(ROOT_SELECTOR)?.remove();
  setTimeout(() => timeline.destroy(), 0);
}

/** The Core method that sets `props.scrollTop` within its range and returns what it applied. */
const SET_SCROLL_TOP = '_setScrollTop';
/** The Core method that lays the timeline out again now. */
const REDRAW_NOW = '_redraw';

/** vis-timeline's Core as far as scrolling the stack of items goes (private in vis-timeline). */
interface StackCore {
  props?: {
    /** How far the stack is scrolled: 0 shows its top rows, `scrollTopMin` (≤ 0) its bottom. */
    scrollTop?: number;
    scrollTopMin?: number;
  };
  [SET_SCROLL_TOP]?: (scrollTop: number) => number;
  [REDRAW_NOW]?: () => void;
}

function coreOf(timeline: Timeline): StackCore {
  return timeline as unknown as StackCore;
}

/**
 * Where the stack of items is scrolled: `offset` px from its top rows (0 shows them), up to
 * `range` (0 when it all fits). vis-timeline keeps its own sign: 0 at the top, negative below.
 */
export function stackScroll(timeline: Timeline): { offset: number; range: number } {
  const props = coreOf(timeline).props;
  const min = Math.min(0, props?.scrollTopMin ?? 0);
  return { offset: -Math.max(min, Math.min(0, props?.scrollTop ?? 0)), range: -min };
}

/** Scrolls the stack of items to `offset` px from its top rows (clamped) and redraws. */
export function scrollStackTo(timeline: Timeline, offset: number): void {
  const core = coreOf(timeline);
  const setScrollTop = core[SET_SCROLL_TOP];
  if (typeof setScrollTop !== 'function') return;
  setScrollTop.call(core, -offset);
  core[REDRAW_NOW]?.call(core);
}

/** The class vis-timeline gives every item's element (box, range, and their dot and line). */
const ITEM_SELECTOR = '.vis-item';

/** The element vis-timeline draws an event's item in: the nearest `.vis-item` around its label. */
export function itemElementOf(label: Element): Element {
  return label.closest(ITEM_SELECTOR) ?? label;
}

/** What vis-timeline passes with a click (its `select` event's `event`): hammer.js's wrapper. */
export interface TapEvent {
  target?: EventTarget | null;
  srcEvent?: { target?: EventTarget | null };
}

/** The DOM node a tap landed on. */
export function tapTarget(event: TapEvent | undefined): Node | null {
  const target = event?.srcEvent?.target ?? event?.target;
  return target instanceof Node ? target : null;
}

/**
 * What of the above this Timeline lacks, by name (empty when all is there). The contract test
 * asserts it is empty; it needs a timeline that holds at least one item (groups exist then).
 */
export function missingInternals(timeline: Timeline, container: HTMLElement): string[] {
  const missing: string[] = [];
  if (typeof timeStepClass()?.prototype.setMinimumStep !== 'function') {
    missing.push('timeline.TimeStep.prototype.setMinimumStep()');
  }
  const itemSet = itemSetOf(timeline);
  if (!itemSet) missing.push('Timeline.itemSet');
  else {
    if (typeof itemSet.redraw !== 'function') missing.push('ItemSet.redraw()');
    const groups = Object.values(itemSet.groups ?? {});
    if (groups.length === 0) missing.push('ItemSet.groups');
    for (const g of groups)
      if (typeof g[DRAW_ITEM_ON_ADD] !== 'function') missing.push(`Group.${DRAW_ITEM_ON_ADD}()`);
  }
  const core = coreOf(timeline);
  if (typeof core[SET_SCROLL_TOP] !== 'function') missing.push(`Core.${SET_SCROLL_TOP}()`);
  if (typeof core[REDRAW_NOW] !== 'function') missing.push(`Core.${REDRAW_NOW}()`);
  if (typeof core.props?.scrollTop !== 'number') missing.push('Core.props.scrollTop');
  if (typeof core.props?.scrollTopMin !== 'number') missing.push('Core.props.scrollTopMin');
  if (!container.querySelector(`${ITEM_PANEL_SELECTOR} ${ITEM_SELECTOR}`))
    missing.push(`an item drawn as ${ITEM_SELECTOR} in ${ITEM_PANEL_SELECTOR}`);
  if (!container.querySelector(ROOT_SELECTOR)) missing.push(`the ${ROOT_SELECTOR} element`);
  const panel = container.querySelector<HTMLElement>(ITEM_PANEL_SELECTOR);
  if (!panel) missing.push(`the ${ITEM_PANEL_SELECTOR} element`);
  else if (!/^\d+(\.\d+)?px$/.test(panel.style.width))
    missing.push(`a width in px in ${ITEM_PANEL_SELECTOR}'s style`);
  return [...new Set(missing)];
}
