// Roving focus for a group of buttons that is one stop in the Tab order (a toolbar, the phone's
// header menu, the map's chooser): the arrow keys, Home and End move focus among the group's
// enabled buttons, and (for a toolbar) only the last one focused keeps tabindex 0. Pure DOM.

import { inlineArrow, pageDirection } from './direction';

export type RovingKeys = 'horizontal' | 'vertical';

/** The buttons of a group that can take focus, in DOM order. */
export function focusableButtons(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, [role=menuitem], a[href]')].filter(
    (el) =>
      !(el as HTMLButtonElement).disabled &&
      el.getAttribute('aria-disabled') !== 'true' &&
      el.getClientRects().length > 0,
  );
}

/** The index a key moves to from `current` among `count` items, or null for another key. */
export function nextIndex(
  key: string,
  current: number,
  count: number,
  keys: RovingKeys,
): number | null {
  if (count === 0) return null;
  const forward = keys === 'horizontal' ? 'ArrowRight' : 'ArrowDown';
  const back = keys === 'horizontal' ? 'ArrowLeft' : 'ArrowUp';
  if (key === forward) return current < 0 ? 0 : (current + 1) % count;
  if (key === back) return current < 0 ? count - 1 : (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

/**
 * Handles a keydown inside `root`: moves focus, and returns whether it did (the caller then
 * prevents the key's default). With `roving`, writes tabindex so only the focused item is in the
 * Tab order.
 */
export function moveFocus(
  root: HTMLElement,
  e: Pick<KeyboardEvent, 'key' | 'target'>,
  keys: RovingKeys,
  roving = false,
): boolean {
  const items = focusableButtons(root);
  const current = items.indexOf(e.target as HTMLElement);
  // A toolbar runs right to left in RTL: ArrowLeft goes on to the next button.
  const key = keys === 'horizontal' ? inlineArrow(e.key, pageDirection(root.ownerDocument)) : e.key;
  const next = nextIndex(key, current, items.length, keys);
  if (next === null) return false;
  const target = items[next];
  if (!target) return false;
  if (roving) setRovingStop(items, target);
  target.focus();
  return true;
}

/** Makes `stop` the group's one Tab stop. */
export function setRovingStop(items: readonly HTMLElement[], stop: HTMLElement): void {
  for (const item of items) item.tabIndex = item === stop ? 0 : -1;
}
