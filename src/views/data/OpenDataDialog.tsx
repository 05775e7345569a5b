// "Open data": a file (picked here or dropped anywhere), pasted text, a web address, a dataset
// kept in this browser, or the bundled one. Every path ends in src/data/openData.ts.
import { STANDALONE } from '../../standalone/mode';
import './data.css';
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  listLocalDatasets,
  removeLocalDataset,
  type LocalDatasetMeta,
} from '../../data/localDatasets';
import { openFile, openRef, openText } from '../../data/openData';
import { formatMoment } from '../../model/dateFormat';
import { plural } from '../../model/plural';
import { isDataUrl } from '../../url/dataRef';
import { useAppStore, useAppStoreApi } from '../../store';

export const SUPPORTED_FORMATS =
  'Dateline JSON, Dateline CSV, TimelineJS (the Google Sheets template as CSV, or its JSON, versions 3 and 2), StoryMapJS, ACLED export CSV, UCDP GED CSV, GeoJSON, timemap exports, KML/KMZ, iCalendar (.ics), GDELT event exports, and any CSV or JSON list whose columns name a date, a title, a place';

function KeptDatasets({ onOpen }: { onOpen: () => void }) {
  const store = useAppStoreApi();
  const [kept, setKept] = useState<LocalDatasetMeta[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useAppStore((s) => s.dataUrl);
  const refresh = useCallback(() => {
    listLocalDatasets()
      .then(setKept)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  useEffect(refresh, [refresh]);
  if (error) return <p className="dl-note">This browser cannot keep datasets: {error}</p>;
  if (kept === null) return <p className="dl-note">Looking…</p>;
  if (kept.length === 0)
    return <p className="dl-note">None yet. Files and text you open are kept here.</p>;
  return (
    <ul className="dl-kept" data-testid="kept-datasets">
      {kept.map((m) => (
        <li key={m.id} className="dl-kept-item">
          <span>
            <strong>{m.name}</strong>{' '}
            <span className="dl-note">
              {m.format}, {plural(m.events, 'event', { group: true })}, saved{' '}
              {formatMoment(Date.parse(m.savedAt))}
              {current === `local:${m.id}` && ' (open now)'}
            </span>
          </span>
          <button
            type="button"
            onClick={() => {
              onOpen();
              void openRef(`local:${m.id}`, store);
            }}
            aria-label={`Open ${m.name}`}
          >
            Open
          </button>
          <button
            type="button"
            onClick={() => {
              void removeLocalDataset(m.id).then(refresh);
            }}
            aria-label={`Remove ${m.name} from this browser`}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Not in the standalone page, which carries no importer but its own dataset's. */
export function OpenDataButton({ className }: { className?: string }) {
  return STANDALONE ? null : <OpenDataChooser {...(className !== undefined && { className })} />;
}

function OpenDataChooser({ className }: { className?: string }) {
  const store = useAppStoreApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [pasted, setPasted] = useState('');
  const [address, setAddress] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const ids = useId();
  const close = () => dialogRef.current?.close();

  const submitAddress = (e: FormEvent) => {
    e.preventDefault();
    const url = address.trim();
    if (!isDataUrl(url)) {
      setAddressError('Give an http(s) address, or a path on this site starting with /.');
      return;
    }
    setAddressError(null);
    close();
    void openRef(url, store);
  };
  const submitPasted = (e: FormEvent) => {
    e.preventDefault();
    if (!pasted.trim()) return;
    close();
    void openText(pasted, store);
    setPasted('');
  };

  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => {
          setOpen(true);
          dialogRef.current?.showModal();
        }}
        data-testid="open-data"
      >
        Open data…
      </button>
      <dialog
        ref={dialogRef}
        className="dl-dialog dl-open-data"
        aria-labelledby={`${ids}-title`}
        onClose={() => setOpen(false)}
        data-testid="open-data-dialog"
      >
        <h2 id={`${ids}-title`}>Open data</h2>
        <p className="dl-note">
          Formats: {SUPPORTED_FORMATS}. The format is detected from the content. Files stay on this
          computer.
        </p>

        <section aria-labelledby={`${ids}-file`}>
          <h3 id={`${ids}-file`}>A file</h3>
          <label className="dl-file-pick">
            Choose a file…
            <input
              type="file"
              accept=".json,.geojson,.csv,.tsv,.txt,.kml,.kmz,.ics,.ical,application/json,text/csv,text/calendar,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (!file) return;
                close();
                void openFile(file, store);
              }}
              data-testid="file-input"
            />
          </label>
          <span className="dl-note"> or drop one anywhere on the page.</span>
        </section>

        <section aria-labelledby={`${ids}-paste`}>
          <h3 id={`${ids}-paste`}>Pasted text</h3>
          <form onSubmit={submitPasted}>
            <label htmlFor={`${ids}-pasted`}>CSV, JSON or GeoJSON</label>
            <textarea
              id={`${ids}-pasted`}
              rows={4}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              spellCheck={false}
            />
            <button type="submit" disabled={!pasted.trim()}>
              Open pasted text
            </button>
          </form>
        </section>

        <section aria-labelledby={`${ids}-url`}>
          <h3 id={`${ids}-url`}>A web address</h3>
          <form onSubmit={submitAddress}>
            <label htmlFor={`${ids}-address`}>Address of a data file</label>
            <input
              id={`${ids}-address`}
              type="text"
              inputMode="url"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              aria-describedby={`${ids}-address-note`}
              aria-invalid={addressError ? true : undefined}
            />
            <button type="submit">Open address</button>
            <p id={`${ids}-address-note`} className="dl-note">
              {addressError ??
                'The file is fetched from that address (its server must allow it); links to this view carry the address.'}
            </p>
          </form>
        </section>

        <section aria-labelledby={`${ids}-kept`}>
          <h3 id={`${ids}-kept`}>Kept in this browser</h3>
          {open && <KeptDatasets onOpen={close} />}
        </section>

        <section aria-labelledby={`${ids}-bundled`}>
          <h3 id={`${ids}-bundled`}>Bundled with Dateline</h3>
          <button
            type="button"
            onClick={() => {
              close();
              void openRef(null, store);
            }}
          >
            Gaza ceasefire: end of phase one (February 2025)
          </button>
        </section>

        <form method="dialog" className="dl-dialog-actions">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
