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
import { appStore } from './store';
import { startWarmup } from './store/warmup';
import { applyViewState, startUrlSync } from './url/sync';
import { parseViewState } from './url/viewState';
import { parseMapping } from './formats/columns';
import { startTheme } from './theme/theme';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
startTheme();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startWarmup(appStore);

async function start() {
  const { state, notices } = parseViewState(window.location.search, window.location.hash);
  const store = appStore;
  for (const text of notices) store.getState().notify({ kind: 'warning', text });
  performance.mark('dateline:open'); // see openData.ts for the others
  const cols = state.cols === undefined ? undefined : parseMapping(state.cols);
  const opening = openInitial(state.data, store, typeof cols === 'object' ? cols : undefined);
  // index.html may have started downloading the link's data: the app has taken it by now (the
  // download starts synchronously), or will not.
  dropEarlyData();
  await opening;
  if (!store.getState().dataset) return;
  applyViewState(store, state);
  startUrlSync(store, (ref) => openRef(ref, store, 'none'));
}

void start();
