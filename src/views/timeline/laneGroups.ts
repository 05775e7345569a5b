// Swimlanes as vis-timeline groups: each lane of a LaneLayout (model/lanes.ts) becomes a group
// whose label is a button that collapses and expands the lane (aria-expanded), named with its
// count, indented by its depth. Members of a collapsed lane are hidden groups. Nesting is drawn
// here rather than with vis-timeline's `nestedGroups`: vis toggles those on any tap on the label
// (not by keyboard), which would fight the button. Labels are text, never markup.
import { t } from '../../i18n';
import type { GroupBy, Lane, LaneLayout } from '../../model/lanes';
import { plural } from '../../model/plural';

export interface LaneGroup {
  id: string;
  /** Position in the layout: vis-timeline draws groups by it (`groupOrder: 'order'`). */
  order: number;
  visible: boolean;
  className: string;
  /** The whole name, as the label's tooltip (labels are cut on narrow screens). */
  title: string;
  lane: Lane;
  collapsed: boolean;
  /** Whether other lanes are nested in it. */
  members: boolean;
  /** What the label's button is called by screen readers. */
  name: string;
  /** What the label shows: changes only when this does. */
  key: string;
}

/** What an event without a value lacks, for the "(none)" lane's name. */
const NONE_WORDS: Readonly<Record<GroupBy, string>> = {
  none: '',
  actor: 'an actor',
  type: 'a type',
  status: 'a status',
  claim: 'a claim status',
  place: 'a place',
  tag: 'a tag',
};

/** The groups of a layout, with collapsed lanes' members hidden. */
export function laneGroups(layout: LaneLayout, collapsed: ReadonlySet<string>): LaneGroup[] {
  const hiddenUnder = new Set<string>();
  return layout.lanes.map((lane, order) => {
    const parent = lane.parent === null ? undefined : layout.byId.get(lane.parent);
    const visible = lane.parent === null || !hiddenUnder.has(lane.parent);
    const isCollapsed = collapsed.has(lane.id);
    // Depth first: a lane's members come right after it, so marking it is enough for them.
    if (!visible || isCollapsed) hiddenUnder.add(lane.id);
    const members = layout.lanes[order + 1]?.parent === lane.id;
    const events = plural(lane.total, 'event', { group: true });
    const what =
      lane.kind === 'other'
        ? `${lane.label}: ${events} of ${plural(lane.folded, 'value', { group: true })} with fewer events`
        : lane.kind === 'none'
          ? `${lane.label}: ${events} without ${NONE_WORDS[layout.groupBy]}`
          : `${lane.label}${parent ? `, member of ${parent.label}` : ''}: ${events}${members ? ' with its members' : ''}`;
    const name = what;
    return {
      id: lane.id,
      order,
      visible,
      className: `dl-lane dl-lane-depth-${Math.min(lane.depth, 4)} dl-lane-${lane.kind}${isCollapsed ? ' dl-lane-collapsed' : ''}`,
      title: name,
      lane,
      collapsed: isCollapsed,
      members,
      name,
      key: `${name}|${isCollapsed}|${visible}|${order}|${lane.depth}`,
    };
  });
}

/** The label of a lane: a button that collapses or expands it (text only, never markup). */
export function renderLaneLabel(group: LaneGroup | undefined): HTMLElement {
  const button = document.createElement('button');
  if (!group) return button;
  button.type = 'button';
  button.className = 'dl-lane-toggle';
  button.dataset.laneId = group.id;
  button.tabIndex = -1;
  button.setAttribute('aria-expanded', String(!group.collapsed));
  button.setAttribute(
    'aria-label',
    t(group.collapsed ? 'lanes.collapsed' : 'lanes.expanded', { name: group.name }),
  );
  const mark = document.createElement('span');
  mark.className = 'dl-lane-mark';
  mark.setAttribute('aria-hidden', 'true');
  mark.textContent = group.collapsed ? '▸' : '▾';
  const label = document.createElement('span');
  label.className = 'dl-lane-label';
  label.textContent = group.lane.label;
  const count = document.createElement('span');
  count.className = 'dl-lane-count';
  count.setAttribute('aria-hidden', 'true');
  count.textContent = group.lane.total.toLocaleString('en-US');
  button.append(mark, label, count);
  return button;
}

/** The lane buttons in the order drawn (only visible lanes have one). */
export function laneButtons(
  root: HTMLElement,
  orderOf: (laneId: string) => number,
): HTMLButtonElement[] {
  const buttons = [
    ...root.querySelectorAll<HTMLButtonElement>('button.dl-lane-toggle[data-lane-id]'),
  ];
  return buttons.sort((a, b) => orderOf(a.dataset.laneId ?? '') - orderOf(b.dataset.laneId ?? ''));
}

/**
 * Keeps one lane button in the tab order (the one last focused, else the first): the lanes are
 * one tab stop, and ↑ ↓ Home End move between them.
 */
export function rovingLanes(
  root: HTMLElement,
  active: string | null,
  orderOf: (laneId: string) => number,
): string | null {
  const buttons = laneButtons(root, orderOf);
  const current = buttons.find((b) => b.dataset.laneId === active) ?? buttons[0];
  for (const b of buttons) b.tabIndex = b === current ? 0 : -1;
  return current?.dataset.laneId ?? null;
}

/** The lane button a key moves to from `from`, or undefined for keys that are not the lanes'. */
export function laneKeyTarget(
  buttons: readonly HTMLButtonElement[],
  from: HTMLButtonElement,
  key: string,
): HTMLButtonElement | undefined {
  const i = buttons.indexOf(from);
  if (i < 0) return undefined;
  const to =
    key === 'ArrowDown'
      ? Math.min(buttons.length - 1, i + 1)
      : key === 'ArrowUp'
        ? Math.max(0, i - 1)
        : key === 'Home'
          ? 0
          : key === 'End'
            ? buttons.length - 1
            : -1;
  return to < 0 ? undefined : buttons[to];
}
