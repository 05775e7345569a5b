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

/** How names are compared: spacing, Unicode form and case do not make two names distinct. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Ids for the names a file uses, one per distinct name: the name's id (`idForName`), or, when
 * another name already has that id (names that differ only in punctuation, or long names cut to
 * the same slug), that id with `-2`, `-3`… The same name always gets the same id.
 */
export class NameIds {
  private readonly byName = new Map<string, string>();
  /** Each name as written → its key: a file repeats its names on every row. */
  private readonly keys = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly prefix: string) {}

  /** The id already given to this name, if any. */
  get(name: string): string | undefined {
    return this.byName.get(this.keyOf(name));
  }

  /** Whether an id is in use. */
  has(id: string): boolean {
    return this.taken.has(id);
  }

  /** Marks an id as used by something that is not a name here (a file's own source, say). */
  reserve(id: string): void {
    this.taken.add(id);
  }

  /** The name's id, given on first sight; `created` says whether it was. */
  id(name: string): { id: string; created: boolean } {
    const key = this.keyOf(name);
    const known = this.byName.get(key);
    if (known !== undefined) return { id: known, created: false };
    const base = idForName(name, this.prefix);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    this.byName.set(key, id);
    return { id, created: true };
  }

  private keyOf(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = nameKey(name);
      this.keys.set(name, key);
    }
    return key;
  }
}
