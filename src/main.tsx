// Entry point: read the link, render the app, open the dataset (the link's, or the bundled one),
// apply the rest of the link to it, then keep the address bar in step with the view.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/app.css';
import { App } from './App';
import { openDataset, SEED_DATASET_URL } from './data/fetchDataset';
import { useAppStore } from './store';
import { applyViewState, startUrlSync } from './url/sync';
import { parseViewState } from './url/viewState';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

async function start() {
  const { state, notices } = parseViewState(window.location.search, window.location.hash);
  const store = useAppStore;
  for (const text of notices) store.getState().notify({ kind: 'warning', text });
  store.getState().setDataUrl(state.data);
  // Marks (here and in fetchDataset.ts) for `npm run bench` and the browser's performance panel.
  performance.mark('dateline:open');
  await openDataset(state.data ?? SEED_DATASET_URL);
  if (!store.getState().dataset) return;
  applyViewState(store, state);
  startUrlSync(store, state.data);
}

void start();
