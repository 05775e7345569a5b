// "Export": the events shown now (the filters applied) as Dateline JSON, CSV, GeoJSON or
// TimelineJS JSON, saved as a file.
import { useId, useRef } from 'react';
import { exportEvents } from '../../formats';
import type { ExportFormat } from '../../formats/types';
import { useAppStore, useAppStoreApi } from '../../store';
import { selectVisibleEvents } from '../../store/selectors';

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

function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'dateline';
}

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

export function ExportButton({ className }: { className?: string }) {
  const store = useAppStoreApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const shown = useAppStore((s) => selectVisibleEvents(s).length);
  const total = useAppStore((s) => s.dataset?.events.length ?? 0);
  const ids = useId();

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
    save(out.text, out.mime, `${fileStem(s.dataset.title)}.${out.extension}`);
    dialogRef.current?.close();
    s.notify({
      kind: 'info',
      text: `Exported ${events.length.toLocaleString('en-US')} event${events.length === 1 ? '' : 's'} as ${name}.`,
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
            ? `All ${total.toLocaleString('en-US')} events.`
            : `The ${shown.toLocaleString('en-US')} events the filters show, of ${total.toLocaleString('en-US')}.`}
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
        </ul>
        <form method="dialog" className="dl-dialog-actions">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
