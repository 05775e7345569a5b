import { describe, expect, it } from 'vitest';
import { readThemeChoice, resolveTheme, saveThemeChoice } from './theme';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

describe('theme choice', () => {
  it('reads back what was saved, and System as no entry', () => {
    const storage = memoryStorage();
    saveThemeChoice('dark', storage);
    expect(readThemeChoice(storage)).toBe('dark');
    saveThemeChoice('light', storage);
    expect(readThemeChoice(storage)).toBe('light');
    saveThemeChoice('system', storage);
    expect(storage.items.size).toBe(0);
    expect(readThemeChoice(storage)).toBe('system');
  });

  it('is System for a stale or foreign value, no storage, or storage that throws', () => {
    const storage = memoryStorage();
    storage.items.set('dateline:theme', 'sepia');
    expect(readThemeChoice(storage)).toBe('system');
    expect(readThemeChoice(undefined)).toBe('system');
    const blocked = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(readThemeChoice(blocked)).toBe('system');
    expect(() => saveThemeChoice('dark', blocked)).not.toThrow();
  });

  it('resolves System by the system setting, and a choice over it', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
