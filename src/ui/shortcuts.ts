// The app's keyboard shortcuts: the one list the `?` dialog shows, and the pure rule that maps a
// key press (and where it happened) to one of them. The rule never fires inside a text field,
// while a dialog is open, or with Ctrl/Alt/Meta held (those belong to the browser), and leaves
// the arrow keys to every widget that uses them itself (the map, the timeline, toolbars, radio
// groups, selects). App.tsx listens and acts; this module only decides.

export type ShortcutAction = 'focus-search' | 'previous' | 'next' | 'help' | 'escape';

export interface Shortcut {
  /** The keys, as shown to people. */
  keys: readonly string[];
  /** What it does: the key of its words under `shortcuts.` in the catalogues. */
  does: string;
}

/** Every shortcut, in the order the dialog lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['/'], does: 'search' },
  { keys: ['[', '←'], does: 'previous' },
  { keys: [']', '→'], does: 'next' },
  { keys: ['←', '→'], does: 'storyStep' },
  { keys: ['Esc'], does: 'escape' },
  { keys: ['?'], does: 'help' },
  { keys: ['↑', '↓', 'Home', 'End'], does: 'list' },
  { keys: ['←', '→', '+', '−', '0'], does: 'timeline' },
  { keys: ['Enter'], does: 'marker' },
  { keys: ['Tab', 'Shift+Tab'], does: 'tab' },
];

/** What a key handler knows of the key pressed. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  defaultPrevented: boolean;
}

/** What it knows of where the key was pressed (the focused element), from the DOM. */
export interface KeyTarget {
  /** An element text is typed in: input (any but checkbox/radio/button kinds), textarea, select, contenteditable. */
  typesText: boolean;
  /** Inside a widget that uses the left and right arrows itself (map, toolbar, radio group…). */
  usesArrows: boolean;
  /** A modal dialog is open. */
  inDialog: boolean;
}

/** The shortcut a key press asks for, or null when the key belongs to where it was pressed. */
export function shortcutFor(press: KeyPress, target: KeyTarget): ShortcutAction | null {
  if (press.defaultPrevented || press.ctrlKey || press.altKey || press.metaKey) return null;
  if (press.key === 'Escape') return target.inDialog ? null : 'escape';
  if (target.inDialog || target.typesText) return null;
  switch (press.key) {
    case '/':
      return 'focus-search';
    case '?':
      return 'help';
    case '[':
      return 'previous';
    case ']':
      return 'next';
    case 'ArrowLeft':
      return target.usesArrows ? null : 'previous';
    case 'ArrowRight':
      return target.usesArrows ? null : 'next';
    default:
      return null;
  }
}

/** Input types that take no typed text: their keys are free for shortcuts. */
const NO_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color']);

/** Roles (and their containers) whose widgets move with the arrow keys. */
const ARROW_WIDGETS =
  '[role=toolbar], [role=radiogroup], [role=slider], [role=tablist], [role=menu], [role=menubar], [role=grid], [role=tree], [role=spinbutton], .leaflet-container, [data-arrow-keys]';

/** Reads a KeyTarget off the focused element. */
export function keyTargetOf(el: Element | null, doc: Document = document): KeyTarget {
  const inDialog = doc.querySelector('dialog[open]') !== null;
  if (!el || el === doc.body) return { typesText: false, usesArrows: false, inDialog };
  const tag = el.tagName;
  const input = tag === 'INPUT' ? (el as HTMLInputElement) : null;
  const typesText =
    (input !== null && !NO_TEXT_INPUTS.has(input.type)) ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    (el as HTMLElement).isContentEditable === true;
  // A radio button moves through its group with the arrows, as a range input does.
  const usesArrows =
    (input !== null && (input.type === 'radio' || input.type === 'range')) ||
    el.closest(ARROW_WIDGETS) !== null;
  return { typesText, usesArrows, inDialog };
}
