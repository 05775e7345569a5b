// "Embed…": the HTML that embeds the current view in an article (the iframe, and a script that
// sizes it from the height the embed posts), each with a Copy button. A dataset kept only in
// this browser cannot be embedded (no other page can open it): the dialog says so and offers the
// export, whose standalone page can be published anywhere.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localIdOf } from '../data/localRef';
import { useAppStore, useAppStoreApi } from '../store';
import { linkTo, viewStateOf } from '../url/sync';
import { iframeSnippet, resizeScript } from './snippet';
import './embedDialog.css';

function CopyableCode({ label, code, testId }: { label: string; code: string; testId: string }) {
  const id = useId();
  const [said, setSaid] = useState('');
  const { t } = useTranslation();
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setSaid(t('embed.copied'));
    } catch {
      // Selected, so Ctrl+C copies it by hand.
      area.current?.select();
      setSaid(t('embed.copyFailed'));
    }
  };
  return (
    <div className="dl-embed-code">
      <label htmlFor={`${id}-code`}>{label}</label>
      <textarea
        ref={area}
        id={`${id}-code`}
        readOnly
        rows={4}
        value={code}
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        data-testid={testId}
      />
      <p className="dl-embed-copy">
        <button type="button" onClick={() => void copy()} data-testid={`${testId}-copy`}>
          {t('embed.copy')}
        </button>{' '}
        <span role="status">{said}</span>
      </p>
    </div>
  );
}

export function EmbedButton() {
  const store = useAppStoreApi();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  // Read when the dialog opens: the snippet is the view as it is then.
  const [view, setView] = useState<{ src: string; title: string; local: boolean } | null>(null);
  const requestExport = useAppStore((s) => s.requestExport);
  const { t } = useTranslation();

  const open = () => {
    const s = store.getState();
    const ref = s.dataUrl;
    setView({
      src: linkTo({ ...viewStateOf(s, ref, true), embed: true }),
      title: s.dataset?.title ?? '',
      local: ref !== null && localIdOf(ref) !== null,
    });
    dialogRef.current?.showModal();
  };

  return (
    <>
      <button type="button" className="dl-share-button" onClick={open} data-testid="embed">
        {t('embed.button')}
      </button>
      <dialog
        ref={dialogRef}
        className="dl-dialog dl-embed-dialog"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-about`}
        data-testid="embed-dialog"
      >
        <h2 id={`${ids}-title`}>{t('embed.title')}</h2>
        {view?.local ? (
          <>
            <p id={`${ids}-about`}>{t('embed.local')}</p>
            <p>
              <button
                type="button"
                onClick={() => {
                  dialogRef.current?.close();
                  requestExport();
                }}
              >
                {t('embed.export')}
              </button>
            </p>
          </>
        ) : (
          view && (
            <>
              <p id={`${ids}-about`}>{t('embed.about')}</p>
              <CopyableCode
                label={t('embed.frame')}
                code={iframeSnippet({ src: view.src, title: view.title })}
                testId="embed-snippet"
              />
              <CopyableCode label={t('embed.script')} code={resizeScript()} testId="embed-script" />
            </>
          )
        )}
        <form method="dialog" className="dl-dialog-actions">
          <button type="submit">{t('report.close')}</button>
        </form>
      </dialog>
    </>
  );
}
