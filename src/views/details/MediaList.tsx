// Media an imported event points to (TimelineJS). Nothing is fetched until the user asks: each
// item is a link, and a thumbnail loads only when its button is pressed. A caption and a credit
// are plain text (dateline/1 says so; importers read HTML ones to text once), so they are shown
// as text: `<a href=…>` in a caption is those characters, never a link.
import { useDataLang } from '../../i18n/dataLang';
import { Isolated } from '../../i18n/Isolated';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const lang = useDataLang();
  return (
    <li className="dl-media-item">
      {web ? (
        <a href={item.url} target="_blank" rel="noopener noreferrer external">
          {t('media.open', { host: hostOf(item.url) })}
        </a>
      ) : (
        <span className="dl-note">
          <Isolated k="media.url" values={{ url: item.url }} isolate={['url']} />
        </span>
      )}
      {thumb &&
        (showThumb ? (
          <img
            className="dl-media-thumb"
            src={thumb}
            alt={t('media.thumbnail', { host: hostOf(thumb) })}
          />
        ) : (
          <button type="button" onClick={() => setShowThumb(true)}>
            {t('media.loadThumbnail', { host: hostOf(thumb) })}
          </button>
        ))}
      {item.caption && (
        <p className="dl-media-caption" data-testid="media-caption" lang={lang} dir="auto">
          {item.caption}
        </p>
      )}
      {item.credit && (
        <p className="dl-note">
          <Isolated k="media.credit" values={{ credit: item.credit }} isolate={['credit']} />
        </p>
      )}
    </li>
  );
}

export function MediaList({ media }: { media: readonly MediaItem[] }) {
  const { t } = useTranslation();
  if (media.length === 0) return null;
  return (
    <section className="dl-media" aria-label={t('media.heading')}>
      <h3>{t('media.heading')}</h3>
      <p className="dl-note">{t('media.note')}</p>
      <ul>
        {media.map((m, i) => (
          <Media key={`${m.url}-${i}`} item={m} />
        ))}
      </ul>
    </section>
  );
}
