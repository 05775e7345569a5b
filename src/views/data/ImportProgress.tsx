// The progress of a load in a worker, with a way to cancel it. The page stays usable meanwhile.
// When nothing moves for a while (a worker that died, a server that never answers), it says so
// and offers to start the load again.
import { useTranslation } from 'react-i18next';
import { t } from '../../i18n';
import { formatCount } from '../../model/readerLocale';
import type { Importing } from '../../store/datasetSlice';
import { useAppStore } from '../../store';
import { STALL_MS } from '../../data/openData';
import { megabytes as mb } from '../../data/megabytes';

const rows = (n: number) => formatCount(n, true);

export function progressText(p: Importing): string {
  switch (p.phase) {
    case 'download':
      return p.total > 0
        ? t('progress.downloadingOf', { done: mb(p.done), total: mb(p.total) })
        : t('progress.downloading', { done: mb(p.done) });
    case 'read':
      return p.total > 0
        ? t('progress.readingSize', { total: mb(p.total) })
        : t('progress.reading');
    case 'parse':
      return t('progress.rows', { done: rows(p.done), total: rows(p.total) });
    case 'receive':
      return t('progress.receive', { done: rows(p.done), total: rows(p.total) });
    case 'prepare':
      return t('progress.prepare');
    case 'geocoder':
      return t('progress.geocoder');
  }
}

/**
 * Whether the bar can show how far the load is: not while the geocoder loads, nor while a file is
 * read whole (a Parquet file of a million rows is read for seconds, with nothing to count: a
 * full bar would say it was done).
 */
export function measured(p: Pick<Importing, 'phase' | 'total'>): boolean {
  return p.total > 0 && p.phase !== 'geocoder' && p.phase !== 'read';
}

export function ImportProgress() {
  const importing = useAppStore((s) => s.importing);
  useTranslation();
  if (!importing) return null;
  const determinate = measured(importing);
  return (
    <div
      className="dl-import"
      role="region"
      aria-label={t('progress.label')}
      data-testid="import-progress"
    >
      <p>
        {t('progress.opening')} <strong>{importing.label}</strong>
        {t('progress.colon')}
        <span>{progressText(importing)}</span>
      </p>
      <progress
        aria-label={t('progress.loading', { label: importing.label })}
        {...(determinate && { max: importing.total, value: importing.done })}
      />
      {importing.stalled && (
        <p className="dl-import-stalled" role="alert">
          {t('progress.stalled', { n: formatCount(Math.round(STALL_MS / 1000)) })}
        </p>
      )}
      {importing.stalled && (
        <button type="button" onClick={importing.stalled.retry}>
          {t('progress.retry')}
        </button>
      )}
      <button type="button" onClick={importing.cancel}>
        {t('progress.cancel')}
      </button>
    </div>
  );
}
