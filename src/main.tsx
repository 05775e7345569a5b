// Entry point: read the link, render the app, open the dataset (the link's, or the bundled one),
// apply the rest of the link to it, then keep the address bar in step with the view.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/app.css';
import './styles/direction.css';
import { App } from './App';
import { dropEarlyData } from './data/earlyData';
import { openInitial, openRef } from './data/openData';
import { openSource } from './data/querySource';
import { appStore } from './store';
import { startWarmup } from './store/warmup';
import { startStoryKeeping } from './data/localStories';
import { applyViewState, startUrlSync } from './url/sync';
import { parseViewState } from './url/viewState';
import { parseMapping } from './formats/columns';
import { followLanguage } from './i18n/follow';
import { startEmbed } from './embed/startEmbed';
import { startTheme } from './theme/theme';

const found = document.getElementById('root');
if (!found) throw new Error('index.html has no #root element');
const root: HTMLElement = found;
startTheme();

startWarmup(appStore);
startStoryKeeping(appStore);

async function start() {
  const { state } = parseViewState(window.location.search, window.location.hash);
  const store = appStore;
  // The first screen is drawn in the reader's language: a language other than English is one
  // small chunk to load first.
  store.getState().chooseLanguage(state.lang ?? null);
  store.getState().setCalendar(state.calendar ?? 'gregory');
  const showing = followLanguage(store).finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
  // What the link drops, and why, in the page's language: the link may choose it, so the link is
  // read again once that language is loaded (reading is pure and cheap).
  const tellLinkNotices = () => {
    for (const text of parseViewState(window.location.search, window.location.hash).notices)
      store.getState().notify({ kind: 'warning', text });
  };
  void showing.then(tellLinkNotices, tellLinkNotices);
  if (state.embed) startEmbed(store);
  performance.mark('dateline:open'); // see openData.ts for the others
  if (state.source !== undefined) {
    dropEarlyData();
    if (!(await openSource(state.source, state, store))) return;
    applyViewState(store, state);
    startUrlSync(store, (ref) => openRef(ref, store, 'none'));
    return;
  }
  const cols = state.cols === undefined ? undefined : parseMapping(state.cols);
  // The link applies as soon as the dataset is in the store, before the views draw it (they
  // would otherwise fit the whole dataset first, or not, as loading and rendering race), once
  // its language is there for what it has to say; else when both are ready, still before the
  // first render (React renders after this microtask).
  let languageReady = false;
  void showing.then(() => (languageReady = true));
  let applied = false;
  const applyLink = () => {
    if (applied || !store.getState().dataset) return;
    applied = true;
    applyViewState(store, state);
  };
  const opening = openInitial(
    state.data,
    store,
    typeof cols === 'object' ? cols : undefined,
    () => {
      if (languageReady) applyLink();
    },
  );
  // index.html may have started downloading the link's data: the app has taken it by now (the
  // download starts synchronously), or will not.
  dropEarlyData();
  await Promise.all([opening, showing]);
  if (!store.getState().dataset) return;
  applyLink();
  // An embed leaves the address bar alone: its entries would be the host page's Back button's.
  if (!state.embed) startUrlSync(store, (ref) => openRef(ref, store, 'none'));
}

void start();
