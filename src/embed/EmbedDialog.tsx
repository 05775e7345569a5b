// "Embed…": the HTML that embeds the current view in an article (the iframe, and a script that
// sizes it from the height the embed posts), each with a Copy button. A dataset kept only in
// this browser cannot be embedded (no other page can open it): the dialog says so and offers the
// export, whose standalone page can be published anywhere.
import { useId, useRef, useState } from 'react';
import { localIdOf } from '../data/localRef';
import { useAppStore, useAppStoreApi } from '../store';
import { linkTo, viewStateOf } from '../url/sync';
import { iframeSnippet, resizeScript } from './snippet';
import './embedDialog.css';

function CopyableCode({ label, code, testId }: { label: string; code: string; testId: string }) {
  const id = useId();
  const [said, setSaid] = useState('');
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setSaid('Copied to the clipboard.');
    } catch {
      // Selected, so Ctrl+C copies it by hand.
      area.current?.select();
      setSaid('Could not use the clipboard: the code is selected, copy it with Ctrl+C (⌘C).');
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
          Copy
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
        Embed…
      </button>
      <dialog
        ref={dialogRef}
        className="dl-dialog dl-embed-dialog"
        aria-labelledby={`${ids}-title`}
        aria-describedby={`${ids}-about`}
        data-testid="embed-dialog"
      >
        <h2 id={`${ids}-title`}>Embed this view</h2>
        {view?.local ? (
          <>
            <p id={`${ids}-about`}>
              This dataset is kept only in this browser, so a page elsewhere could not open it.
              Export it as a standalone page (one HTML file that opens anywhere, even without a
              server), or publish it as a folder on a web server, then embed that.
            </p>
            <p>
              <button
                type="button"
                onClick={() => {
                  dialogRef.current?.close();
                  requestExport();
                }}
              >
                Export the data…
              </button>
            </p>
          </>
        ) : (
          view && (
            <>
              <p id={`${ids}-about`}>
                Paste this into an article to show the current view (selection, filters, timeline
                window and map) with the timeline, the map and the list, and a link that opens it in
                Dateline. It works from 320 pixels wide.
              </p>
              <CopyableCode
                label="The frame"
                code={iframeSnippet({ src: view.src, title: view.title })}
                testId="embed-snippet"
              />
              <CopyableCode
                label="Optional: once per page, a script that fits each frame’s height to its content"
                code={resizeScript()}
                testId="embed-script"
              />
            </>
          )
        )}
        <form method="dialog" className="dl-dialog-actions">
          <button type="submit">Close</button>
        </form>
      </dialog>
    </>
  );
}
