import { describe, it, expect } from 'vitest';
import { eventSchema } from '../model/schema';
import { idForName, isSlug, slugify, NameIds } from './slug';

describe('slugify', () => {
  it.each([
    ['Talks begin in Cairo!', 'talks-begin-in-cairo'],
    ['  Ürgüp — Kayseri  ', 'urgup-kayseri'],
    ['Military Forces of Israel (2022-)', 'military-forces-of-israel-2022'],
    ['PSE12345', 'pse12345'],
    ['حماس', ''],
  ])('%s → %s', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('cuts long text at a word boundary', () => {
    expect(slugify('one two three four', 12)).toBe('one-two');
    expect(slugify('abcdefghijklmnop', 5)).toBe('abcde');
  });

  it('makes ids the schema accepts', () => {
    const slug = slugify('A — very, very odd: title?');
    expect(isSlug(slug)).toBe(true);
    expect(eventSchema().shape.id.safeParse(slug).success).toBe(true);
  });
});

describe('idForName', () => {
  it('uses the slug when there is one, else a stable hash with the prefix', () => {
    expect(idForName('Hamas', 'actor')).toBe('hamas');
    const id = idForName('حماس', 'actor');
    expect(id).toMatch(/^actor-[a-z0-9]+$/);
    expect(idForName('حماس', 'actor')).toBe(id);
    expect(idForName('فتح', 'actor')).not.toBe(id);
  });
});

describe('isSlug', () => {
  it.each([
    ['talks-begin', true],
    ['a.b_c', true],
    ['Talks', false],
    ['-x', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(isSlug(text)).toBe(expected);
  });
});

describe('NameIds', () => {
  it('gives distinct names distinct ids, and the same name the same id', () => {
    const ids = new NameIds('actor');
    const long = 'a'.repeat(30) + ' ' + 'b'.repeat(30);
    expect(ids.id(`${long} one`)).toEqual({ id: slugify(long), created: true });
    expect(ids.id(`${long} two`)).toEqual({ id: `${slugify(long)}-2`, created: true });
    expect(ids.id(`${long} one`)).toEqual({ id: slugify(long), created: false });
    expect(ids.id('Hamas')).toEqual({ id: 'hamas', created: true });
    expect(ids.id(' HAMAS ')).toEqual({ id: 'hamas', created: false });
    expect(ids.id('Hamas!')).toEqual({ id: 'hamas-2', created: true });
    expect(ids.get('hamas!')).toBe('hamas-2');
    ids.reserve('fatah');
    expect(ids.id('Fatah').id).toBe('fatah-2');
  });
});
