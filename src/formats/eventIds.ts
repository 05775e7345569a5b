// Event ids for imported items: the file's own id when it is a slug (else its slug), a fallback
// from the title and position when it has none, and a derived id (`id-7`) when an id repeats, so
// a repeated id never costs a row. Also the host of a URL, which names a source by its outlet.
import type { Draft, Origin } from './draft';
import { isSlug, slugify } from './slug';
import { quote } from '../model/quote';

export class EventIds {
  /** Each id given so far, with where it was first used ("events[3]", "row 12"). */
  private readonly seen = new Map<string, string>();

  /**
   * A unique id for an item: `given` as a slug, else `fallback`; when taken already, the id with
   * the item's position after it, and a warning that names both places.
   */
  take(
    given: string,
    fallback: string,
    position: { label: string; n: number },
    draft: Draft,
    origin: Origin,
    field: { field?: string; column?: string },
  ): string {
    let id = isSlug(given) ? given : slugify(given, 120) || fallback;
    const first = this.seen.get(id);
    if (first !== undefined) {
      const kept = `${id}-${position.n}`;
      draft.warn(
        origin,
        `id ${quote(given || id)} is also used by ${first}; this one is ${quote(kept)}`,
        {
          ...field,
          id: kept,
        },
      );
      id = kept;
    }
    this.seen.set(id, position.label);
    return id;
  }
}

/** The host of an http(s) URL ("www.bbc.co.uk"), or '' when it is not one. */
export function hostOf(url: string): string {
  if (!/^https?:\/\//i.test(url)) return '';
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
