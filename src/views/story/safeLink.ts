// Which link addresses a story's text may hold: absolute http(s) and mailto, nothing else (no
// javascript:, data:, file:, relative or protocol-relative addresses that the page would resolve).

const SAFE = /^(?:https?:\/\/[^\s/]|mailto:[^\s])/i;

/** The address as it may be linked, or null when it may not. */
export function safeLinkHref(url: string): string | null {
  const trimmed = url.trim();
  if (!SAFE.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' ||
      parsed.protocol === 'https:' ||
      parsed.protocol === 'mailto:'
      ? parsed.href
      : null;
  } catch {
    return null;
  }
}
