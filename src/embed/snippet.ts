// The HTML a newsroom pastes to embed a view: the iframe (the view's link with embed=1, a height
// that fits the embed's wide layout, a title naming the dataset for screen readers, a sandbox),
// and an optional script that sizes every Dateline iframe on the host page from the height it
// posts (./heightMessage.ts). Pure: the dialog (EmbedDialog.tsx) and the e2e host page use it.
import { escapeHtml } from '../formats/html';
import { HEIGHT_MESSAGE_TYPE } from './heightMessage';

/**
 * What the embedded page needs: scripts, its own origin (its storage and workers), and opening
 * "Open in Dateline" in a new tab; that tab escapes the sandbox so it is an ordinary page (it
 * may save exports). Nothing else: no forms, no top navigation, no downloads in the frame.
 */
export const EMBED_SANDBOX =
  'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/** The wide embed's content height (header, map row, timeline row) with a little room. */
export const EMBED_HEIGHT = 720;

export interface EmbedSnippetInput {
  /** The view's absolute link, with embed=1. */
  src: string;
  /** The dataset's title. */
  title: string;
  height?: number;
}

/** The frame's accessible name: what it shows, and that it is Dateline. */
export function embedTitle(datasetTitle: string): string {
  const t = datasetTitle.trim();
  return t === '' ? 'Dateline: timeline and map' : `${t} (Dateline: timeline and map)`;
}

export function iframeSnippet({ src, title, height = EMBED_HEIGHT }: EmbedSnippetInput): string {
  return (
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(embedTitle(title))}"` +
    ` width="100%" height="${Math.round(height)}" style="border: 0; max-width: 100%;"` +
    ` loading="lazy" referrerpolicy="no-referrer" sandbox="${EMBED_SANDBOX}"></iframe>`
  );
}

/** Sizes each Dateline iframe of the host page to the height it posts; one copy serves them all. */
export function resizeScript(): string {
  return `<script>
addEventListener('message', function (e) {
  var d = e.data;
  if (!d || d.type !== '${HEIGHT_MESSAGE_TYPE}' || typeof d.height !== 'number') return;
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow === e.source) frames[i].style.height = d.height + 'px';
  }
});
</script>`;
}
