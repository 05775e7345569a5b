// The timeline view: mounts one TimelineAdapter and binds it to the store (bindLinkedView), and
// draws its legend, toolbar, help and keys. No component per event.
import { useTranslation } from 'react-i18next';
import { useLayoutEffect, useMemo, useRef, type KeyboardEvent, type RefObject } from 'react';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import './timeline.css';
import './lanes.css';
import { useAppStore, useAppStoreApi, type AppStore } from '../../store';
import { selectVisibleEvents } from '../../store/selectors';
import { stepSelection } from '../../store/navigation';
import { isoDay } from '../../model/time';
import { formatCount } from '../../model/readerLocale';
import { bindLinkedView } from '../linked/bindLinkedView';
import { timeWindowChannel } from '../linked/LinkedView';
import { erasOf, type EraBand } from './eras';
import { TimelineAdapter } from './TimelineAdapter';
import { Toolbar } from '../../ui/Toolbar';
import { inlineArrow, pageDirection } from '../../ui/direction';
import { usePageDirection } from '../../ui/usePageDirection';
import { TimelineHelp } from './TimelineHelp';
import { TimelineLegend } from './TimelineLegend';
import { PlaybackControl } from './PlaybackControl';
import { LaneSelect } from './LaneSelect';

export function TimelineView() {
  const containerRef = useRef<HTMLDivElement>(null);
  const markersRef = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<TimelineAdapter | null>(null);
  const store = useAppStoreApi();
  const { t } = useTranslation();
  const count = useAppStore((s) => selectVisibleEvents(s).length);
  const dataset = useAppStore((s) => s.dataset);
  const eras = useMemo(() => erasOf(dataset), [dataset]);
  // The adapter reads the direction when it is made (time runs right to left in RTL): a new
  // direction makes a new one.
  const dir = usePageDirection();

  useLayoutEffect(
    function mountTimeline() {
      const container = containerRef.current;
      if (!container) return;
      // Made in a task of its own, a moment after the page shows the dataset: vis-timeline's
      // first draws are ~25 ms of forced layout, which would add to the task that renders the
      // page and unmounts the last dataset's views (one long task, e2e big-file).
      let teardown: (() => void) | null = null;
      const timer = setTimeout(() => {
        teardown = makeTimeline(container, markersRef.current, store, eras, adapterRef);
      }, 0);
      return function destroyTimeline() {
        clearTimeout(timer);
        teardown?.();
      };
    },
    // `dir` is read by the adapter itself (from <html dir>, when it is made): a change remakes it.
    // oxlint-disable-next-line react/exhaustive-effect-dependencies
    [store, eras, dir],
  );

  function filterToWindow() {
    const w = adapterRef.current?.getWindow();
    if (w) store.getState().setFilters({ from: isoDay(w.start), to: isoDay(w.end) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const adapter = adapterRef.current;
    // Keys a control inside the timeline (the density band, the "more" buttons) used are theirs.
    if (!adapter || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    const actions: Record<string, () => void> = {
      ArrowRight: () => stepSelection(1, 'keyboard'),
      ArrowLeft: () => stepSelection(-1, 'keyboard'),
      '+': () => adapter.zoom(0.5),
      '=': () => adapter.zoom(0.5),
      '-': () => adapter.zoom(2),
      '0': () => adapter.fit(true),
      PageUp: () => adapter.pan(-0.5),
      PageDown: () => adapter.pan(0.5),
      ArrowUp: () => adapter.scrollStack(-1),
      ArrowDown: () => adapter.scrollStack(1),
    };
    // In RTL time runs right to left: ArrowLeft is the next event (ui/direction.ts).
    const action = actions[inlineArrow(e.key, pageDirection())];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  return (
    <section className="dl-view dl-timeline" aria-labelledby="dl-timeline-heading">
      <div className="dl-view-bar">
        <h2 id="dl-timeline-heading" className="dl-view-title">
          {t('timeline.heading')}
        </h2>
        {/* The adapter puts the "N more above/below" markers here, next to the stack. */}
        <div ref={markersRef} className="dl-stack-markers" />
        <TimelineLegend eras={eras.length > 0} />
        <PlaybackControl />
        <Toolbar className="dl-toolbar" label={t('timeline.toolbar')}>
          <button
            type="button"
            onClick={() => adapterRef.current?.zoom(0.5)}
            aria-label={t('timeline.zoomIn')}
            tabIndex={0}
          >
            +
          </button>
          <button
            type="button"
            onClick={() => adapterRef.current?.zoom(2)}
            aria-label={t('timeline.zoomOut')}
          >
            −
          </button>
          <button type="button" onClick={() => adapterRef.current?.fit(true)}>
            {t('timeline.fitAll')}
          </button>
          <button type="button" onClick={filterToWindow} data-testid="filter-to-window">
            {t('timeline.filterToWindow')}
          </button>
        </Toolbar>
        <LaneSelect />
        <TimelineHelp eras={eras.length > 0} />
      </div>
      {/* The canvas takes focus so the arrow keys can move through events on the timeline. */}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <div
        ref={containerRef}
        className="dl-timeline-canvas"
        data-testid="timeline"
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="group"
        aria-label={t('timeline.canvas', { count, n: formatCount(count) })}
        onKeyDown={onKeyDown}
        // The wheel's rules (wheel.ts); its help says them in full.
        title={t('timeline.wheelHint')}
      />
    </section>
  );
}

/**
 * Makes the adapter in `container` for the store's dataset and binds it to the store; returns
 * what undoes it. (The view is made afresh for each dataset: <main key={datasetVersion}>.)
 */
function makeTimeline(
  container: HTMLDivElement,
  markers: HTMLDivElement | null,
  store: AppStore,
  eras: readonly EraBand[],
  adapterRef: RefObject<TimelineAdapter | null>,
): () => void {
  const shown = store.getState().dataset;
  const adapter = new TimelineAdapter(container, shown?.eventById, markers ?? undefined, {
    actors: shown?.actors,
    places: shown?.places,
  });
  adapterRef.current = adapter;
  adapter.setEras(eras);
  const unbind = bindLinkedView(store, adapter, timeWindowChannel);
  const unwatchPlayhead = store.subscribe(
    (s) => s.playback?.playhead ?? null,
    (playhead) => adapter.showPlayhead(playhead),
    { fireImmediately: true },
  );
  // Swimlanes (issue 14): the grouping from the store (the link's, or the select's).
  adapter.setGroupBy(store.getState().groupBy);
  const unlanes = store.subscribe((s) => s.groupBy, adapter.setGroupBy.bind(adapter));
  return () => {
    unwatchPlayhead();
    unlanes();
    unbind();
    adapter.destroy();
    adapterRef.current = null;
  };
}
