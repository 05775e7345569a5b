// "Export": the events shown now (the filters applied) as Dateline JSON, CSV, GeoJSON,
// TimelineJS JSON or Parquet, saved as a file named for the dataset, what it holds and the day
// (formats/exportName.ts). Also opened by a notice's "Export the data…" (store.requestExport).
import { useTranslation } from 'react-i18next';
import { useId, useRef } from 'react';
import { exportFile } from '../../formats';
import { datasetSlug, exportFileName } from '../../formats/exportName';
import type { ExportFormat } from '../../formats/types';
import { isFiltering } from '../../model/filter/types';
import { formatCount } from '../../model/readerLocale';
import { useAppStore, useAppStoreApi, type AppState } from '../../store';
import { selectShownCount, selectTotalCount, selectVisibleEvents } from '../../store/selectors';
import { RemoteExport } from './RemoteExport';
import { selectStories } from '../../store/storySlice';
import { useShowWhenAsked } from '../../ui/useShowWhenAsked';
import { STANDALONE } from '../../standalone/mode';
import { fetchTemplate, standalonePage } from '../../standalone/standaloneExport';
import { DEFAULT_VIEW_STATE, buildViewState } from '../../url/viewState';

/** Each format, its name, and the key of its note under `export.note.`. */
const CHOICES: ReadonlyArray<{ format: ExportFormat; name: string }> = [
  { format: 'dateline-json', name: 'Dateline JSON' },
  { format: 'csv', name: 'CSV' },
  { format: 'geojson', name: 'GeoJSON' },
  { format: 'timelinejs-json', name: 'TimelineJS JSON' },
  { format: 'parquet', name: 'Parquet' },
];

const counted = (n: number) => ({ count: n, n: formatCount(n, true) });

function save(data: string | Uint8Array<ArrayBuffer>, mime: string, name: string) {
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name for the shown events of `s` in `format`, as of `now`. */
function fileNameFor(
  s: AppState,
  format: ExportFormat | 'standalone-html',
  now = new Date(),
): string {
  const slug = datasetSlug(s.report?.file ?? s.dataUrl, s.dataset?.title ?? '');
  // The filters as the link writes them: canonical, so the same filters give the same name.
  const filters = isFiltering(s.filters)
    ? buildViewState({ ...DEFAULT_VIEW_STATE, filters: s.filters })
    : '';
  return exportFileName({ slug, format, filters, now });
}

export function ExportButton({ className }: { className?: string }) {
  const store = useAppStoreApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // A query source counts on its service (the page holds only some of the events).
  const shown = useAppStore(selectShownCount);
  const total = useAppStore(selectTotalCount);
  const remote = useAppStore((s) => s.remote !== null);
  const requests = useAppStore((s) => s.exportRequests);
  const ids = useId();
  const { t } = useTranslation();
  useShowWhenAsked(requests, dialogRef);

  const run = async (format: ExportFormat, name: string) => {
    const s = store.getState();
    if (!s.dataset) return;
    const events = selectVisibleEvents(s);
    let out: Awaited<ReturnType<typeof exportFile>>;
    try {
      // The stories written in this browser go with the dataset's own (Dateline JSON keeps them).
      out = await exportFile(format, { ...s.dataset, stories: selectStories(s) }, events);
    } catch (err) {
      // ExportError names the event and field that could not be written.
      dialogRef.current?.close();
      s.notify({ kind: 'warning', text: err instanceof Error ? err.message : String(err) });
      return;
    }
    const file = fileNameFor(s, format);
    save(out.data, out.mime, file);
    dialogRef.current?.close();
    s.notify({
      kind: 'info',
      text: t('export.done', { ...counted(events.length), format: name, file }),
    });
  };

  const runStandalone = async () => {
    const s = store.getState();
    if (!s.dataset) return;
    const events = selectVisibleEvents(s);
    const file = fileNameFor(s, 'standalone-html');
    let page: string;
    try {
      // The data inside is read as this file's Dateline JSON export.
      page = standalonePage(
        await fetchTemplate(),
        // The stories written in this browser go into the page too.
        { ...s.dataset, stories: selectStories(s) },
        events,
        fileNameFor(s, 'dateline-json'),
      );
    } catch (err) {
      dialogRef.current?.close();
      s.notify({ kind: 'warning', text: err instanceof Error ? err.message : String(err) });
      return;
    }
    save(page, 'text/html', file);
    dialogRef.current?.close();
    s.notify({
      kind: 'info',
      text: t('export.standaloneDone', { ...counted(events.length), file }),
    });
  };

  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => dialogRef.current?.showModal()}
        data-testid="export"
      >
        {t('export.button')}
      </button>
      <dialog
        ref={dialogRef}
        className="dl-dialog"
        aria-labelledby={`${ids}-title`}
        data-testid="export-dialog"
      >
        <h2 id={`${ids}-title`}>{t('export.title')}</h2>
        <p>
          {shown === total
            ? total === 1
              ? t('export.theOne')
              : t('export.all', counted(total))
            : t('export.filtered', {
                ...counted(shown),
                total,
                totalN: formatCount(total, true),
              })}
        </p>
        {remote && (
          <RemoteExport
            fileName={() => fileNameFor(store.getState(), 'csv')}
            done={(text, ok) => {
              dialogRef.current?.close();
              store.getState().notify({ kind: ok ? 'info' : 'warning', text });
            }}
          />
        )}
        {!remote && (
          <ul className="dl-export-choices">
            {CHOICES.map((c) => (
              <li key={c.format}>
                <button
                  type="button"
                  onClick={() => void run(c.format, c.name)}
                  disabled={shown === 0}
                >
                  {c.name}
                </button>{' '}
                <span className="dl-note">{t(`export.note.${c.format}`)}</span>
              </li>
            ))}
            {!STANDALONE && (
              <li>
                <button type="button" onClick={() => void runStandalone()} disabled={shown === 0}>
                  {t('export.standalone')}
                </button>{' '}
                <span className="dl-note">{t('export.note.standalone')}</span>
              </li>
            )}
          </ul>
        )}
        <form method="dialog" className="dl-dialog-actions">
          <button type="submit">{t('report.close')}</button>
        </form>
      </dialog>
    </>
  );
}
