// The app shell: skip links, the header and its actions, the four linked views (each behind its
// own error boundary, in the order they are read and tabbed through: filters and list, map,
// timeline, details), the live region that announces selections, and the keyboard shortcuts.
import { useRef, useState } from 'react';
import { resolvedTime } from './model/describe';
import { useTranslation } from 'react-i18next';
import { formatCount } from './model/readerLocale';
import { LanguageMenu } from './ui/LanguageMenu';
import { useAppStore } from './store';
import { selectPlayedEvents } from './store/playbackSelectors';
import { selectSelectedEvent, selectTotalCount } from './store/selectors';
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
import { StoriesButton } from './views/story/StoriesDialog';
import { StoryArea } from './views/story/StoryArea';
import { shownTitle } from './model/longText';

function Announcer() {
  const { t } = useTranslation();
  const event = useAppStore(selectSelectedEvent);
  return (
    <div className="dl-sr-only" aria-live="polite" data-testid="announcer">
      {event
        ? t('app.announceSelected', { title: shownTitle(event.title), time: resolvedTime(event) })
        : ''}
    </div>
  );
}

/**
 * "5 of 16 events": its own component, so that a count that changes often (a playback plays)
 * re-renders only itself, not the app.
 */
function EventCount() {
  const { t } = useTranslation();
  // A query source counts on its service; data in the page counts what the playback holds.
  const shown = useAppStore((s) => (s.remote ? s.remote.shown : selectPlayedEvents(s).length));
  const total = useAppStore(selectTotalCount);
  return (
    <p className="dl-count" data-testid="event-count">
      {shown === total
        ? t('app.eventCount', { count: total, n: formatCount(total) })
        : t('app.eventCountOf', { shown: formatCount(shown), count: total, n: formatCount(total) })}
    </p>
  );
}

function Status() {
  const status = useAppStore((s) => s.loadStatus);
  const error = useAppStore((s) => s.loadError);
  const { t } = useTranslation();
  if (status === 'loading')
    return (
      <p className="dl-status" role="status">
        {t('app.loading')}
      </p>
    );
  return (
    <div className="dl-status dl-status-error" role="alert">
      <h2>{t('app.openFailed')}</h2>
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
  const { t, i18n } = useTranslation();
  useShortcuts(shortcutsDialog);
  const dataset = useAppStore((s) => s.dataset);
  const version = useAppStore((s) => s.datasetVersion);
  // On narrow screens the details panel is a sheet over the bottom of the screen: the map keeps
  // a revealed place above it, and again whenever the sheet is resized.
  const [sheet] = useState(() => new SheetCover());
  return (
    <div className="dl-app">
      <SkipLinks />
      <header className="dl-header">
        <h1 className="dl-brand">{t('app.brand')}</h1>
        {dataset && (
          <>
            <p
              className="dl-dataset-title"
              title={dataset.title}
              lang={dataset.language}
              dir="auto"
            >
              {dataset.title}
            </p>
            <EventCount />
            <HeaderActions>
              <OpenDataButton className="dl-header-button" />
              <ExportButton className="dl-header-button" />
              <StoriesButton className="dl-header-button" />
              <ShareViewButton />
              <ProblemsButton />
              <ThemeChooser />
              <button
                type="button"
                className="dl-header-button dl-shortcuts-button"
                onClick={() => shortcutsDialog.current?.showModal()}
                aria-label={t('app.shortcutsButton')}
                aria-keyshortcuts="?"
                title={t('app.shortcutsButtonTitle')}
                data-testid="shortcuts-button"
              >
                ?<span className="dl-menu-only"> {t('app.shortcutsButton')}</span>
              </button>
              <ShortcutsDialog ref={shortcutsDialog} />
              <LanguageMenu />
            </HeaderActions>
          </>
        )}
      </header>
      <ImportProgress />
      <Notices />
      {dataset && <StoryArea />}
      {dataset ? (
        // A new dataset gets new views: adapters start afresh and fit the new data. So does a
        // new language: the timeline's axis and direction are set when it is made.
        <main className="dl-main" key={`${version}:${i18n.language}`}>
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
          <ViewBoundary name="details">
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
