// Turns the page into an embed (?embed=1): the store says so (the header shows only "Open in
// Dateline", no file can be dropped), the page takes the embed's layout (embed.css), and the
// content height is posted to the host page.
import type { AppStore } from '../store';
import './embed.css';
import { startPostingHeight } from './postHeight';

/** The class on <html> that embed.css keys its layout on. */
export const EMBED_CLASS = 'dl-embedded';

export function startEmbed(store: AppStore): void {
  store.getState().setEmbedded(true);
  document.documentElement.classList.add(EMBED_CLASS);
  const root = document.getElementById('root');
  if (root) startPostingHeight(root);
}
