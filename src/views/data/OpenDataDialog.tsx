// "Open data": a file (picked here or dropped anywhere), pasted text, a web address, a dataset
// kept in this browser, or the bundled one. Every path ends in src/data/openData.ts.
import { useTranslation } from 'react-i18next';
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
import { formatCount } from '../../model/readerLocale';
import { isDataUrl } from '../../url/dataRef';
import { useAppStore, useAppStoreApi } from '../../store';

function KeptDatasets({ onOpen }: { onOpen: () => void }) {
  const store = useAppStoreApi();
  const [kept, setKept] = useState<LocalDatasetMeta[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useAppStore((s) => s.dataUrl);
  const { t } = useTranslation();
  const refresh = useCallback(() => {
    listLocalDatasets()
      .then(setKept)
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  useEffect(refresh, [refresh]);
  if (error) return <p className="dl-note">{t('open.cannotKeep', { error })}</p>;
  if (kept === null) return <p className="dl-note">{t('open.looking')}</p>;
  if (kept.length === 0) return <p className="dl-note">{t('open.noneKept')}</p>;
  return (
    <ul className="dl-kept" data-testid="kept-datasets">
      {kept.map((m) => (
        <li key={m.id} className="dl-kept-item">
          <span>
            <strong>{m.name}</strong>{' '}
            <span className="dl-note">
              {t('open.keptItem', {
                format: m.format,
                count: m.events,
                n: formatCount(m.events, true),
                saved: formatMoment(Date.parse(m.savedAt)),
              })}
              {current === `local:${m.id}` && t('open.openNow')}
            </span>
          </span>
          <button
            type="button"
            onClick={() => {
              onOpen();
              void openRef(`local:${m.id}`, store);
            }}
            aria-label={t('open.openKept', { name: m.name })}
          >
            {t('open.open')}
          </button>
          <button
            type="button"
            onClick={() => {
              void removeLocalDataset(m.id).then(() => {
                // Its stories went with it: the ones on screen too, or the next edit keeps them again.
                const s = store.getState();
                if (s.dataUrl === `local:${m.id}`)
                  s.setAuthoredStories({ key: `local:${m.id}`, stories: [] });
                refresh();
              });
            }}
            aria-label={t('open.removeKept', { name: m.name })}
          >
            {t('open.remove')}
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
  const { t } = useTranslation();
  const close = () => dialogRef.current?.close();

  const submitAddress = (e: FormEvent) => {
    e.preventDefault();
    const url = address.trim();
    if (!isDataUrl(url)) {
      setAddressError(t('open.badAddress'));
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
        {t('open.button')}
      </button>
      <dialog
        ref={dialogRef}
        className="dl-dialog dl-open-data"
        aria-labelledby={`${ids}-title`}
        onClose={() => setOpen(false)}
        data-testid="open-data-dialog"
      >
        <h2 id={`${ids}-title`}>{t('open.title')}</h2>
        <p className="dl-note">{t('open.formats')}</p>

        <section aria-labelledby={`${ids}-file`}>
          <h3 id={`${ids}-file`}>{t('open.file')}</h3>
          <label className="dl-file-pick">
            {t('open.chooseFile')}
            <input
              type="file"
              accept=".json,.geojson,.csv,.tsv,.txt,.kml,.kmz,.ics,.ical,.parquet,.geoparquet,.arrow,.arrows,.feather,.ipc,application/json,text/csv,text/calendar,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz"
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
          <span className="dl-note"> {t('open.orDrop')}</span>
        </section>

        <section aria-labelledby={`${ids}-paste`}>
          <h3 id={`${ids}-paste`}>{t('open.pasted')}</h3>
          <form onSubmit={submitPasted}>
            <label htmlFor={`${ids}-pasted`}>{t('open.pastedLabel')}</label>
            <textarea
              id={`${ids}-pasted`}
              rows={4}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              spellCheck={false}
            />
            <button type="submit" disabled={!pasted.trim()}>
              {t('open.openPasted')}
            </button>
          </form>
        </section>

        <section aria-labelledby={`${ids}-url`}>
          <h3 id={`${ids}-url`}>{t('open.address')}</h3>
          <form onSubmit={submitAddress}>
            <label htmlFor={`${ids}-address`}>{t('open.addressLabel')}</label>
            <input
              id={`${ids}-address`}
              type="text"
              inputMode="url"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              aria-describedby={`${ids}-address-note`}
              aria-invalid={addressError ? true : undefined}
            />
            <button type="submit">{t('open.openAddress')}</button>
            <p id={`${ids}-address-note`} className="dl-note">
              {addressError ?? t('open.addressNote')}
            </p>
          </form>
        </section>

        <section aria-labelledby={`${ids}-kept`}>
          <h3 id={`${ids}-kept`}>{t('open.keptHeading')}</h3>
          {open && <KeptDatasets onOpen={close} />}
        </section>

        <section aria-labelledby={`${ids}-bundled`}>
          <h3 id={`${ids}-bundled`}>{t('open.bundledHeading')}</h3>
          <button
            type="button"
            onClick={() => {
              close();
              void openRef(null, store);
            }}
          >
            {t('open.bundledName')}
          </button>
        </section>

        <form method="dialog" className="dl-dialog-actions">
          <button type="submit">{t('report.close')}</button>
        </form>
      </dialog>
    </>
  );
}
