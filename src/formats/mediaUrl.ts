// Media addresses as files write them: protocol-relative (`//host/a.jpg`) ones are read as https,
// site-relative ones (`/img/a.jpg`, `img/a.jpg`) against the address the file was opened from,
// when it was opened from one. Anything else is left as written (and checked by the schema).

/** An http(s) address for `url`, or `url` as written when it cannot be made one. */
export function resolveMediaUrl(url: string, fileUrl?: string): string {
  const u = url.trim();
  if (u.startsWith('//')) return `https:${u}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) || !u) return u;
  if (!fileUrl || !/^https?:/i.test(fileUrl)) return u;
  try {
    return new URL(u, fileUrl).href;
  } catch {
    return u;
  }
}

/** A media list (or a single address) with each item's `url` and `thumbnail` resolved. */
export function resolveMedia(media: unknown, fileUrl?: string): unknown {
  if (typeof media === 'string')
    return media.trim() ? [{ url: resolveMediaUrl(media, fileUrl) }] : media;
  if (!Array.isArray(media)) return media;
  return media.map((item: unknown) => {
    if (typeof item === 'string') return { url: resolveMediaUrl(item, fileUrl) };
    if (typeof item !== 'object' || item === null) return item;
    const out: Record<string, unknown> = { ...item };
    for (const key of ['url', 'thumbnail'] as const) {
      if (typeof out[key] === 'string') out[key] = resolveMediaUrl(out[key], fileUrl);
    }
    return out;
  });
}
