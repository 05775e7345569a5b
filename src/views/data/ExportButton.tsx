// "Export": the events shown now (the filters applied) as Dateline JSON, CSV, GeoJSON or
// TimelineJS JSON, saved as a file named for the dataset, what it holds and the day
// (formats/exportName.ts). Also opened by a notice's "Export the data…" (store.requestExport).
import { useId, useRef } from 'react';
import { exportEvents } from '../../formats';
import { datasetSlug, exportFileName } from '../../formats/exportName';
import type { ExportFormat } from '../../formats/types';
import { isFiltering } from '../../model/filter/types';
import { plural } from '../../model/plural';
import { useAppStore, useAppStoreApi, type AppState } from '../../store';
import { selectVisibleEvents } from '../../store/selectors';
import { useShowWhenAsked } from '../../ui/useShowWhenAsked';
import { STANDALONE } from '../../standalone/mode';
import { fetchTemplate, standalonePage } from '../../standalone/standaloneExport';
import { DEFAULT_VIEW_STATE, buildViewState } from '../../url/viewState';

const CHOICES: ReadonlyArray<{ format: ExportFormat; name: string; note: string }> = [
  { format: 'dateline-json', name: 'Dateline JSON', note: 'everything, with sources and quotes' },
  { format: 'csv', name: 'CSV', note: 'one row per event, for spreadsheets' },
  {
    format: 'geojson',
    name: 'GeoJSON',
    note: 'for GIS tools; events without a place have no geometry',
  },
  { format: 'timelinejs-json', name: 'TimelineJS JSON', note: 'to publish with TimelineJS' },
];

const count = (n: number) => plural(n, 'event', { group: true });

function save(text: string, mime: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
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
  const shown = useAppStore((s) => selectVisibleEvents(s).length);
  const total = useAppStore((s) => s.dataset?.events.length ?? 0);
  const requests = useAppStore((s) => s.exportRequests);
  const ids = useId();
  useShowWhenAsked(requests, dialogRef);

  const run = (format: ExportFormat, name: string) => {
    const s = store.getState();
    if (!s.dataset) return;
    const events = selectVisibleEvents(s);
    let out: ReturnType<typeof exportEvents>;
    try {
      out = exportEvents(format, s.dataset, events);
    } catch (err) {
      // ExportError names the event and field that could not be written.
      dialogRef.current?.close();
      s.notify({ kind: 'warning', text: err instanceof Error ? err.message : String(err) });
      return;
    }
    const file = fileNameFor(s, format);
    save(out.text, out.mime, file);
    dialogRef.current?.close();
    s.notify({ kind: 'info', text: `Exported ${count(events.length)} as ${name}: ${file}.` });
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
        s.dataset,
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
      text: `Exported ${count(events.length)} as a standalone page: ${file}. It opens in a browser from the file, with no server; the detailed map outlines are not in it.`,
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
        Export…
      </button>
      <dialog
        ref={dialogRef}
        className="dl-dialog"
        aria-labelledby={`${ids}-title`}
        data-testid="export-dialog"
      >
        <h2 id={`${ids}-title`}>Export</h2>
        <p>
          {shown === total
            ? total === 1
              ? 'The dataset’s one event.'
              : `All ${count(total)}.`
            : `${shown === 1 ? 'The one event' : `The ${count(shown)}`} the filters show, of ${count(total)}.`}
        </p>
        <ul className="dl-export-choices">
          {CHOICES.map((c) => (
            <li key={c.format}>
              <button type="button" onClick={() => run(c.format, c.name)} disabled={shown === 0}>
                {c.name}
              </button>{' '}
              <span className="dl-note">{c.note}</span>
            </li>
          ))}
          {!STANDALONE && (
            <li>
              <button type="button" onClick={() => void runStandalone()} disabled={shown === 0}>
                Standalone page (.html)
              </button>{' '}
              <span className="dl-note">
                one file with the app and these events, to open anywhere without a server (no
                detailed map outlines)
              </span>
            </li>
          )}
        </ul>
        <form method="dialog" className="dl-dialog-actions">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
