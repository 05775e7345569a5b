// Media an imported event points to (TimelineJS). Nothing is fetched until the user asks: each
// item is a link, and a thumbnail loads only when its button is pressed. A caption and a credit
// are plain text (dateline/1 says so; importers read HTML ones to text once), so they are shown
// as text: `<a href=…>` in a caption is those characters, never a link.
import { useState } from 'react';

export interface MediaItem {
  url: string;
  caption?: string | undefined;
  credit?: string | undefined;
  thumbnail?: string | undefined;
}

function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}

function hostOf(s: string): string {
  try {
    return new URL(s).hostname;
  } catch {
    return s;
  }
}

function Media({ item }: { item: MediaItem }) {
  const [showThumb, setShowThumb] = useState(false);
  const web = isWebUrl(item.url);
  const thumb = item.thumbnail && isWebUrl(item.thumbnail) ? item.thumbnail : null;
  return (
    <li className="dl-media-item">
      {web ? (
        <a href={item.url} target="_blank" rel="noopener noreferrer external">
          Open media on {hostOf(item.url)}
        </a>
      ) : (
        <span className="dl-note">
          Media: <bdi>{item.url}</bdi>
        </span>
      )}
      {thumb &&
        (showThumb ? (
          <img className="dl-media-thumb" src={thumb} alt={`Thumbnail from ${hostOf(thumb)}`} />
        ) : (
          <button type="button" onClick={() => setShowThumb(true)}>
            Load thumbnail from {hostOf(thumb)}
          </button>
        ))}
      {item.caption && (
        <p className="dl-media-caption" data-testid="media-caption" dir="auto">
          {item.caption}
        </p>
      )}
      {item.credit && (
        <p className="dl-note">
          Credit: <bdi>{item.credit}</bdi>
        </p>
      )}
    </li>
  );
}

export function MediaList({ media }: { media: readonly MediaItem[] }) {
  if (media.length === 0) return null;
  return (
    <section className="dl-media" aria-label="Media">
      <h3>Media</h3>
      <p className="dl-note">Links lead outside Dateline; nothing is loaded until you ask.</p>
      <ul>
        {media.map((m, i) => (
          <Media key={`${m.url}-${i}`} item={m} />
        ))}
      </ul>
    </section>
  );
}
