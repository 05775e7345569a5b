// Export with a query source (issue 15.3): every event under the filters, not only those the page
// holds, written by the service as Dateline CSV (`/export`) and saved as it arrives. Above the
// service's cap the service refuses (413) and the page says so before asking, with the cap the
// service's summary gave; any other refusal is said with the service's reason.
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { API_PATH, filtersQuery } from '../../data/remote/protocol';
import { formatCount } from '../../model/readerLocale';
import { useAppStore, useAppStoreApi } from '../../store';

/** Asks the service for the CSV; the file's bytes, or the service's reason for refusing. */
export async function fetchExport(
  source: string,
  query: string,
): Promise<{ ok: true; blob: Blob } | { ok: false; error: string }> {
  const url = `${source.replace(/\/+$/, '')}${API_PATH}/export${query ? `?${query}` : ''}`;
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'omit' });
  } catch {
    return { ok: false, error: `the query service at ${source} could not be reached` };
  }
  if (res.ok) return { ok: true, blob: await res.blob() };
  let reason = `${res.status}`;
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === 'string') reason = `${res.status}: ${body.error.slice(0, 300)}`;
  } catch {
    // not JSON: the status says enough
  }
  return { ok: false, error: reason };
}

export function RemoteExport({
  fileName,
  done,
}: {
  fileName: () => string;
  done: (text: string, ok: boolean) => void;
}) {
  const store = useAppStoreApi();
  const shown = useAppStore((s) => s.remote?.shown ?? 0);
  const cap = useAppStore((s) => s.remote?.exportCap ?? null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();
  const over = cap !== null && shown > cap;

  const run = async () => {
    const s = store.getState();
    if (!s.remote) return;
    setBusy(true);
    const answer = await fetchExport(s.remote.source, filtersQuery(s.filters));
    setBusy(false);
    if (!answer.ok) {
      done(t('remote.exportFailed', { error: answer.error }), false);
      return;
    }
    const file = fileName();
    const url = URL.createObjectURL(answer.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    done(
      t('export.done', { count: shown, n: formatCount(shown, true), format: 'CSV', file }),
      true,
    );
  };

  return (
    <>
      <p className="dl-note" data-testid="remote-export-note">
        {t('remote.exportNote', { max: formatCount(cap ?? 1_000_000, true) })}
      </p>
      {over && (
        <p role="alert" data-testid="remote-export-too-many">
          {t('remote.exportTooMany', {
            count: shown,
            n: formatCount(shown, true),
            max: formatCount(cap, true),
          })}
        </p>
      )}
      <ul className="dl-export-choices">
        <li>
          <button
            type="button"
            onClick={() => void run()}
            disabled={shown === 0 || over || busy}
            aria-busy={busy}
            data-testid="remote-export-csv"
          >
            CSV
          </button>{' '}
          <span className="dl-note">{t('export.note.csv')}</span>
        </li>
      </ul>
    </>
  );
}
