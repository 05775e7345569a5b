// Entry point: render the app and open the bundled dataset.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/app.css';
import { App } from './App';
import { openDataset, SEED_DATASET_URL } from './data/fetchDataset';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void openDataset(SEED_DATASET_URL);
