// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DatelineEvent } from '../../model/dataset';
import { assignLanes } from '../../model/lanes';
import { laneGroups, laneKeyTarget, renderLaneLabel } from './laneGroups';

const ev = (id: string, actors: string[]) =>
  ({
    id,
    actors: actors.map((actor) => ({ actor, role: 'party' })),
    tags: [],
  }) as unknown as DatelineEvent;

const actors = new Map([
  ['israel', { name: 'Israel' }],
  ['gov', { name: 'Israeli government', memberOf: 'israel' }],
  ['pm', { name: 'Prime minister', memberOf: 'gov' }],
  ['hamas', { name: 'Hamas' }],
]);
const layout = assignLanes(
  [ev('1', ['pm']), ev('5', ['pm']), ev('2', ['gov', 'hamas']), ev('3', ['hamas']), ev('4', [])],
  'actor',
  { actors },
);

describe('laneGroups', () => {
  it('names each lane with its count, its parent and its members, for screen readers', () => {
    const groups = laneGroups(layout, new Set());
    expect(groups.map((g) => g.name)).toEqual([
      'Israel: 3 events with its members',
      'Israeli government, member of Israel: 3 events with its members',
      'Prime minister, member of Israeli government: 2 events',
      'Hamas: 2 events',
      '(none): 1 event without an actor',
    ]);
    expect(groups.map((g) => g.order)).toEqual([0, 1, 2, 3, 4]);
    expect(groups.every((g) => g.visible && !g.collapsed)).toBe(true);
  });

  it("hides a collapsed lane's members at every depth, and only them", () => {
    const groups = laneGroups(layout, new Set(['lane:v:israel']));
    expect(groups.map((g) => [g.lane.value ?? g.id, g.visible, g.collapsed])).toEqual([
      ['israel', true, true],
      ['gov', false, false],
      ['pm', false, false],
      ['hamas', true, false],
      ['lane:none', true, false],
    ]);
    expect(groups[0]!.className).toContain('dl-lane-collapsed');
    // A changed state changes the key, so vis-timeline redraws that label only.
    expect(groups[0]!.key).not.toBe(laneGroups(layout, new Set())[0]!.key);
    expect(groups[3]!.key).toBe(laneGroups(layout, new Set())[3]!.key);
  });

  it('draws a label as a button saying whether it is expanded, as text', () => {
    const [israel] = laneGroups(layout, new Set(['lane:v:israel']));
    const button = renderLaneLabel(israel);
    expect(button.tagName).toBe('BUTTON');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-label')).toBe(
      'Israel: 3 events with its members. Collapsed: press to expand',
    );
    expect(button.textContent).toBe('▸Israel3');
    const hostile = assignLanes([ev('x', ['<img src=x onerror=alert(1)>'])], 'actor');
    const label = renderLaneLabel(laneGroups(hostile, new Set())[0]);
    expect(label.querySelector('img')).toBeNull();
    expect(label.querySelector('.dl-lane-label')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('moves between lane buttons with the arrows, Home and End', () => {
    const buttons = [0, 1, 2].map(() => document.createElement('button'));
    const [a, b, c] = buttons as [HTMLButtonElement, HTMLButtonElement, HTMLButtonElement];
    expect(laneKeyTarget(buttons, a, 'ArrowDown')).toBe(b);
    expect(laneKeyTarget(buttons, a, 'ArrowUp')).toBe(a);
    expect(laneKeyTarget(buttons, a, 'End')).toBe(c);
    expect(laneKeyTarget(buttons, c, 'Home')).toBe(a);
    expect(laneKeyTarget(buttons, b, 'Enter')).toBeUndefined();
  });
});
