// The keyboard side of the lanes' own density bands (issue 14): each slice of a lane's band is a
// button named by its lane, count and dates, and each lane's band is one tab stop, as the
// timeline's own band is (densityBand.ts): ← → Home End move through the lane's slices in the
// window (mirrored in right to left, as time is), Enter or Space zooms into one. The slices are
// vis-timeline background items in the lane's row; this keeps which one of each lane is in the
// tab order as vis-timeline draws them anew, and puts focus back on the nearest slice of the
// same lane when a zoom replaced the one that had it. Plain DOM, owned by TimelineAdapter.
import type { TimeWindow } from '../../model/time';
import { inlineArrow, pageDirection } from '../../ui/direction';

/** What a lane's slice button carries (as data attributes). */
export interface LaneBinButton {
  laneId: string;
  binId: string;
  start: number | Date;
  end: number | Date;
  /** The count as the slice shows it ("840", "1.2k"). */
  label: string;
  /** Lane, count and dates: what a screen reader says and the tooltip shows. */
  name: string;
}

const BUTTON = 'button.dl-lane-bin-label';

/** A lane's slice, as a button out of the tab order (LaneBandKeys.rove gives each band one stop). */
export function laneBinButton(bin: LaneBinButton): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'dl-lane-bin-label';
  b.tabIndex = -1;
  // Text, never markup: a lane's name comes from the dataset.
  b.textContent = bin.label;
  b.title = bin.name;
  b.setAttribute('aria-label', bin.name);
  b.dataset.laneId = bin.laneId;
  b.dataset.binId = bin.binId;
  // vis-timeline hands its templates the item's times as Dates: kept here as epoch ms.
  b.dataset.start = String(Number(bin.start));
  b.dataset.end = String(Number(bin.end));
  return b;
}

const spanOf = (b: HTMLElement): TimeWindow => ({
  start: Number(b.dataset.start),
  end: Number(b.dataset.end),
});

const shown = (b: HTMLElement, w: TimeWindow) => {
  const s = spanOf(b);
  return s.end > w.start && s.start < w.end;
};

/** The slices of one lane in the window, in time order. */
function laneSlices(container: HTMLElement, laneId: string, w: TimeWindow): HTMLButtonElement[] {
  return [...container.querySelectorAll<HTMLButtonElement>(BUTTON)]
    .filter((b) => b.dataset.laneId === laneId && shown(b, w))
    .sort((a, b) => spanOf(a).start - spanOf(b).start);
}

export class LaneBandKeys {
  /** Each lane's slice in the tab order, by its id. */
  private readonly active = new Map<string, string>();
  /** A slice that had focus before the items changed: its lane and span. */
  private focused: { laneId: string; span: TimeWindow } | null = null;

  constructor(private readonly container: HTMLElement) {}

  /** Whether a slice that had focus waits to have it put back. */
  get pending(): boolean {
    return this.focused !== null;
  }

  /** Call before the items change: remembers a focused slice, to put focus back near it. */
  noteFocus(): void {
    const el = document.activeElement;
    if (el instanceof HTMLButtonElement && el.matches(BUTTON) && this.container.contains(el))
      this.focused = { laneId: el.dataset.laneId ?? '', span: spanOf(el) };
  }

  /**
   * After vis-timeline drew: one slice of each lane's band in the tab order (the one that had it,
   * else the first in the window); focus back on the nearest slice of its lane if it was lost.
   */
  rove(w: TimeWindow): void {
    const byLane = new Map<string, HTMLButtonElement[]>();
    for (const b of this.container.querySelectorAll<HTMLButtonElement>(BUTTON)) {
      const lane = b.dataset.laneId ?? '';
      byLane.set(lane, [...(byLane.get(lane) ?? []), b]);
    }
    for (const lane of [...this.active.keys()]) if (!byLane.has(lane)) this.active.delete(lane);
    for (const [lane, buttons] of byLane) {
      const inWindow = buttons.filter((b) => shown(b, w));
      const keep =
        buttons.find((b) => b.dataset.binId === this.active.get(lane)) ??
        inWindow.sort((a, b) => spanOf(a).start - spanOf(b).start)[0] ??
        buttons[0]!;
      for (const b of buttons) b.tabIndex = b === keep ? 0 : -1;
      this.active.set(lane, keep.dataset.binId ?? '');
    }
    const was = this.focused;
    this.focused = null;
    const el = document.activeElement;
    if (!was || (el && el !== document.body && this.container.contains(el))) return;
    const mid = (was.span.start + was.span.end) / 2;
    const off = (b: HTMLElement) => Math.abs((spanOf(b).start + spanOf(b).end) / 2 - mid);
    const nearest = laneSlices(this.container, was.laneId, w).sort((a, b) => off(a) - off(b))[0];
    if (nearest) this.moveTo(nearest);
    else
      this.container
        .querySelector<HTMLElement>(
          `button.dl-lane-toggle[data-lane-id="${CSS.escape(was.laneId)}"]`,
        )
        ?.focus({ preventScroll: true });
  }

  /** ← → Home End on a lane's slice; whether the key was the band's. */
  onKey(e: KeyboardEvent, w: TimeWindow): boolean {
    const from = e.target;
    if (!(from instanceof HTMLButtonElement) || !from.matches(BUTTON)) return false;
    // In right to left time runs leftwards: → goes back in time there, as it goes left.
    const key = inlineArrow(e.key, pageDirection());
    if (!['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(key)) return false;
    const slices = laneSlices(this.container, from.dataset.laneId ?? '', w);
    const at = slices.indexOf(from);
    const to =
      key === 'Home'
        ? slices[0]
        : key === 'End'
          ? slices.at(-1)
          : key === 'ArrowRight'
            ? (slices[at + 1] ?? slices.at(-1))
            : at > 0
              ? slices[at - 1]
              : slices[0];
    if (to) this.moveTo(to);
    return true;
  }

  /** The slice a click from the keyboard (Enter, Space) activated, or null. */
  activated(e: MouseEvent): TimeWindow | null {
    // A pointer's click reaches vis-timeline's own tap, which zooms already.
    if (e.detail !== 0) return null;
    const b = e.target instanceof Element ? e.target.closest(BUTTON) : null;
    return b instanceof HTMLButtonElement ? spanOf(b) : null;
  }

  private moveTo(b: HTMLButtonElement): void {
    const lane = b.dataset.laneId ?? '';
    for (const other of this.container.querySelectorAll<HTMLButtonElement>(BUTTON))
      if (other.dataset.laneId === lane) other.tabIndex = other === b ? 0 : -1;
    this.active.set(lane, b.dataset.binId ?? '');
    b.focus({ preventScroll: true });
  }
}
