// The id rule of `dateline/1`, in one place: the schema, the fast event reader, the link parser
// and the importers all check ids with it.

/** Lowercase letters and digits, in runs joined by one of - _ . */
export const ID_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
export const MAX_ID_LENGTH = 200;
/** The rule in words, for messages. */
export const ID_RULE = 'ids are lowercase letters and digits, joined by - _ or .';

export function isSlug(text: string): boolean {
  return text.length <= MAX_ID_LENGTH && ID_PATTERN.test(text);
}
