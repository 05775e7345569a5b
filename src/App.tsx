// The app shell: skip links, the header and its actions, the four linked views (each behind its
// own error boundary, in the order they are read and tabbed through: filters and list, map,
// timeline, details), the live region that announces selections, and the keyboard shortcuts.
import { useRef, useState } from 'react';
import { resolvedTime } from './model/describe';
import { plural } from './model/plural';
import { useAppStore } from './store';
import { selectSelectedEvent, selectVisibleEvents } from './store/selectors';
import { HeaderActions } from './ui/HeaderActions';
import { Notices } from './ui/Notices';
import { ShareViewButton } from './ui/ShareViewButton';
import { ShortcutsDialog } from './ui/ShortcutsDialog';
import { SkipLinks } from './ui/SkipLinks';
import { ThemeChooser } from './theme/ThemeChooser';
import { useShortcuts } from './ui/useShortcuts';
import { ViewBoundary } from './ui/ViewBoundary';
import { DropZone } from './views/data/DropZone';
import { ExportButton } from './views/data/ExportButton';
import { ImportProgress } from './views/data/ImportProgress';
import { OpenDataButton } from './views/data/OpenDataDialog';
import { DetailsPanel } from './views/details/DetailsPanel';
import { SheetCover } from './views/details/sheet';
import { FilterPanel } from './views/filters/FilterPanel';
import { EventList } from './views/list/EventList';
import { MapView } from './views/map/MapView';
import { ProblemsButton, RejectedLoadReport } from './views/problems/ProblemsDialog';
import { ColumnMappingStep } from './views/data/ColumnMappingStep';
import { TimelineView } from './views/timeline/TimelineView';

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
  const shortcutsDialog = useRef<HTMLDialogElement>(null);
  useShortcuts(shortcutsDialog);
  const dataset = useAppStore((s) => s.dataset);
  const version = useAppStore((s) => s.datasetVersion);
  const shown = useAppStore((s) => selectVisibleEvents(s).length);
  const total = useAppStore((s) => s.dataset?.events.length ?? 0);
  // On narrow screens the details panel is a sheet over the bottom of the screen: the map keeps
  // a revealed place above it, and again whenever the sheet is resized.
  const [sheet] = useState(() => new SheetCover());
  return (
    <div className="dl-app">
      <SkipLinks />
      <header className="dl-header">
        <h1 className="dl-brand">Dateline</h1>
        {dataset && (
          <>
            <p className="dl-dataset-title" title={dataset.title} dir="auto">
              {dataset.title}
            </p>
            <p className="dl-count" data-testid="event-count">
              {shown === total ? plural(total, 'event') : `${shown} of ${plural(total, 'event')}`}
            </p>
            <HeaderActions>
              <OpenDataButton className="dl-header-button" />
              <ExportButton className="dl-header-button" />
              <ShareViewButton />
              <ProblemsButton />
              <ThemeChooser />
              <button
                type="button"
                className="dl-header-button dl-shortcuts-button"
                onClick={() => shortcutsDialog.current?.showModal()}
                aria-label="Keyboard shortcuts"
                aria-keyshortcuts="?"
                title="Keyboard shortcuts (?)"
                data-testid="shortcuts-button"
              >
                ?<span className="dl-menu-only"> Keyboard shortcuts</span>
              </button>
              <ShortcutsDialog ref={shortcutsDialog} />
            </HeaderActions>
          </>
        )}
      </header>
      <ImportProgress />
      <Notices />
      {dataset ? (
        // A new dataset gets new views: adapters start afresh and fit the new data.
        <main className="dl-main" key={version}>
          <div className="dl-sidebar">
            <ViewBoundary name="filters">
              <FilterPanel />
            </ViewBoundary>
            <ViewBoundary name="list">
              <EventList />
            </ViewBoundary>
          </div>
          <ViewBoundary name="map">
            <MapView coveredBelow={sheet.coveredBelow} />
          </ViewBoundary>
          <ViewBoundary name="timeline">
            <TimelineView />
          </ViewBoundary>
          <ViewBoundary name="details panel">
            <DetailsPanel ref={(panel) => sheet.attach(panel)} onResize={() => sheet.changed()} />
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
