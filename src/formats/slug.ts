// Stable `dateline/1` ids for things imported files name but do not identify. The rule an id
// must meet is the model's (../model/ids.ts).
export { isSlug } from '../model/ids';

/** "Talks begin in Cairo!" → "talks-begin-in-cairo"; accents folded; cut at a word, ≤ `max`. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const atWord = cut.lastIndexOf('-');
  return (atWord > 0 ? cut.slice(0, atWord) : slug.slice(0, max)).replace(/-+$/, '');
}

/** FNV-1a, 32 bits, in base 36: a short stable tag for text that slugifies to nothing. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/**
 * An id for a name: its slug, or `prefix-<hash>` when the name has no Latin letters or digits
 * ("حماس" → "actor-1x2y3z"). The same name always gives the same id.
 */
export function idForName(name: string, prefix: string): string {
  return slugify(name) || `${prefix}-${hash(name)}`;
}
