// The app shell: header, the four linked views (each behind its own error boundary), the live
// region that announces selections, and the Esc key that clears them.
import { useCallback, useEffect, useRef } from 'react';
import { resolvedTime } from './model/describe';
import { plural } from './model/plural';
import { useAppStore, useAppStoreApi } from './store';
import { selectSelectedEvent, selectVisibleEvents } from './store/selectors';
import { Notices } from './ui/Notices';
import { ShareViewButton } from './ui/ShareViewButton';
import { ViewBoundary } from './ui/ViewBoundary';
import { DropZone } from './views/data/DropZone';
import { ExportButton } from './views/data/ExportButton';
import { ImportProgress } from './views/data/ImportProgress';
import { OpenDataButton } from './views/data/OpenDataDialog';
import { DetailsPanel } from './views/details/DetailsPanel';
import { sheetCover } from './views/details/sheet';
import { FilterPanel } from './views/filters/FilterPanel';
import { EventList } from './views/list/EventList';
import { MapView } from './views/map/MapView';
import { ProblemsButton, RejectedLoadReport } from './views/problems/ProblemsDialog';
import { ColumnMappingStep } from './views/data/ColumnMappingStep';
import { TimelineView } from './views/timeline/TimelineView';

function useEscapeClearsSelection() {
  const store = useAppStoreApi();
  useEffect(
    function listenForEscape() {
      function onKeyDown(e: KeyboardEvent) {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        // A dialog or an open popup gets Esc first.
        if (document.querySelector('dialog[open]') || document.querySelector('.leaflet-popup'))
          return;
        store.getState().select(null, 'keyboard');
      }
      window.addEventListener('keydown', onKeyDown);
      return function stopListening() {
        window.removeEventListener('keydown', onKeyDown);
      };
    },
    [store],
  );
}

function Announcer() {
  const event = useAppStore(selectSelectedEvent);
  return (
    <div className="dl-sr-only" aria-live="polite" data-testid="announcer">
      {event ? `Selected: ${event.title}, ${resolvedTime(event)}` : ''}
    </div>
  );
}

function Status() {
  const status = useAppStore((s) => s.loadStatus);
  const error = useAppStore((s) => s.loadError);
  if (status === 'loading')
    return (
      <p className="dl-status" role="status">
        Loading the dataset…
      </p>
    );
  return (
    <div className="dl-status dl-status-error" role="alert">
      <h2>The dataset could not be opened</h2>
      <p>{error}</p>
      <p className="dl-status-actions">
        <ProblemsButton />
        <OpenDataButton />
      </p>
    </div>
  );
}

export function App() {
  useEscapeClearsSelection();
  const dataset = useAppStore((s) => s.dataset);
  const version = useAppStore((s) => s.datasetVersion);
  const shown = useAppStore((s) => selectVisibleEvents(s).length);
  const total = useAppStore((s) => s.dataset?.events.length ?? 0);
  // On a phone the details panel is a sheet over the bottom of the screen: the map keeps a
  // revealed place above it.
  const detailsRef = useRef<HTMLElement | null>(null);
  const coveredBelow = useCallback(() => sheetCover(detailsRef.current), []);
  return (
    <div className="dl-app">
      <header className="dl-header">
        <h1 className="dl-brand">Dateline</h1>
        {dataset && (
          <>
            <p className="dl-dataset-title">{dataset.title}</p>
            <p className="dl-count" data-testid="event-count">
              {shown === total ? plural(total, 'event') : `${shown} of ${plural(total, 'event')}`}
            </p>
            <div className="dl-header-actions">
              <OpenDataButton className="dl-header-button" />
              <ExportButton className="dl-header-button" />
              <ShareViewButton />
              <ProblemsButton />
            </div>
          </>
        )}
      </header>
      <ImportProgress />
      <Notices />
      {dataset ? (
        // A new dataset gets new views: adapters start afresh and fit the new data.
        <main className="dl-main" key={version}>
          <ViewBoundary name="map">
            <MapView coveredBelow={coveredBelow} />
          </ViewBoundary>
          <ViewBoundary name="timeline">
            <TimelineView />
          </ViewBoundary>
          <div className="dl-sidebar">
            <ViewBoundary name="filters">
              <FilterPanel />
            </ViewBoundary>
            <ViewBoundary name="list">
              <EventList />
            </ViewBoundary>
          </div>
          <ViewBoundary name="details panel">
            <DetailsPanel ref={detailsRef} />
          </ViewBoundary>
        </main>
      ) : (
        <main className="dl-main-status">
          <Status />
        </main>
      )}
      <Announcer />
      <DropZone />
      <ColumnMappingStep />
      <RejectedLoadReport />
    </div>
  );
}
