// The map alone, for `npm run bench:map` (served by Vite's dev server): opens ?data= into the
// store and renders only the map view, so the timeline and the list weigh nothing on what is
// measured. The bench drives the store through `window.dlStore`.
import { createRoot } from 'react-dom/client';
import '../src/styles/app.css';
import { openInitial } from '../src/data/openData';
import { appStore } from '../src/store';
import { MapView } from '../src/views/map/MapView';

const data = new URLSearchParams(window.location.search).get('data');
if (!data) throw new Error('bench-map.html needs ?data=');
await openInitial(data, appStore);
Object.assign(window, { dlStore: appStore });
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(<MapView />);
document.body.dataset.events = String(appStore.getState().dataset?.events.length ?? 0);
