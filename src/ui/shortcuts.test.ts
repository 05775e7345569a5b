// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { SHORTCUTS, keyTargetOf, shortcutFor, type KeyPress, type KeyTarget } from './shortcuts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  defaultPrevented: false,
  ...more,
});
const free: KeyTarget = { typesText: false, usesArrows: false, inDialog: false };

afterEach(() => {
  document.body.innerHTML = '';
});

describe('shortcutFor', () => {
  it('maps the keys outside text fields', () => {
    expect(shortcutFor(press('/'), free)).toBe('focus-search');
    expect(shortcutFor(press('?'), free)).toBe('help');
    expect(shortcutFor(press('['), free)).toBe('previous');
    expect(shortcutFor(press(']'), free)).toBe('next');
    expect(shortcutFor(press('ArrowLeft'), free)).toBe('previous');
    expect(shortcutFor(press('ArrowRight'), free)).toBe('next');
    expect(shortcutFor(press('Escape'), free)).toBe('escape');
    expect(shortcutFor(press('a'), free)).toBeNull();
  });

  it('leaves every key but Esc to a text field', () => {
    const field = { ...free, typesText: true };
    for (const key of ['/', '?', '[', ']', 'ArrowLeft', 'ArrowRight'])
      expect(shortcutFor(press(key), field)).toBeNull();
    expect(shortcutFor(press('Escape'), field)).toBe('escape');
  });

  it('leaves the arrows, not the brackets, to widgets that use them', () => {
    const widget = { ...free, usesArrows: true };
    expect(shortcutFor(press('ArrowLeft'), widget)).toBeNull();
    expect(shortcutFor(press('ArrowRight'), widget)).toBeNull();
    expect(shortcutFor(press(']'), widget)).toBe('next');
  });

  it('does nothing in a dialog, with a modifier, or when the key was handled already', () => {
    expect(shortcutFor(press(']'), { ...free, inDialog: true })).toBeNull();
    expect(shortcutFor(press('Escape'), { ...free, inDialog: true })).toBeNull();
    expect(shortcutFor(press(']', { ctrlKey: true }), free)).toBeNull();
    expect(shortcutFor(press('/', { metaKey: true }), free)).toBeNull();
    expect(shortcutFor(press('ArrowRight', { altKey: true }), free)).toBeNull();
    expect(shortcutFor(press('Escape', { defaultPrevented: true }), free)).toBeNull();
  });

  it('lists every key it handles in the dialog', () => {
    const listed = new Set(SHORTCUTS.flatMap((s) => s.keys));
    for (const key of ['/', '?', '[', ']', '←', '→', 'Esc']) expect(listed).toContain(key);
  });
});

describe('keyTargetOf', () => {
  function focus(html: string, selector: string): Element | null {
    document.body.innerHTML = html;
    return document.querySelector(selector);
  }

  it('reads text fields, and not checkboxes or buttons, as typing text', () => {
    expect(keyTargetOf(focus('<input type="search">', 'input')).typesText).toBe(true);
    expect(keyTargetOf(focus('<input>', 'input')).typesText).toBe(true);
    expect(keyTargetOf(focus('<textarea></textarea>', 'textarea')).typesText).toBe(true);
    expect(keyTargetOf(focus('<select></select>', 'select')).typesText).toBe(true);
    expect(keyTargetOf(focus('<input type="checkbox">', 'input')).typesText).toBe(false);
    expect(keyTargetOf(focus('<button>x</button>', 'button')).typesText).toBe(false);
    expect(keyTargetOf(null).typesText).toBe(false);
  });

  it('reads the map, toolbars and radio buttons as using the arrows', () => {
    const map = '<div class="leaflet-container"><div class="marker" tabindex="0"></div></div>';
    expect(keyTargetOf(focus(map, '.marker')).usesArrows).toBe(true);
    const bar = '<div role="toolbar"><button>+</button></div>';
    expect(keyTargetOf(focus(bar, 'button')).usesArrows).toBe(true);
    expect(keyTargetOf(focus('<input type="radio">', 'input')).usesArrows).toBe(true);
    const list = '<div role="listbox" tabindex="0"></div>';
    expect(keyTargetOf(focus(list, 'div')).usesArrows).toBe(false);
    expect(keyTargetOf(focus('<button>x</button>', 'button')).usesArrows).toBe(false);
  });

  it('knows when a dialog is open', () => {
    const el = focus('<dialog open><button>x</button></dialog><button id="b">y</button>', '#b');
    expect(keyTargetOf(el).inDialog).toBe(true);
    expect(keyTargetOf(focus('<dialog><button>x</button></dialog>', 'button')).inDialog).toBe(
      false,
    );
  });
});
