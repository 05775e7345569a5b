// The timeline view: mounts one TimelineAdapter and binds it to the store (bindLinkedView), and
// draws its toolbar and keys. No component per event.
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import 'vis-timeline/styles/vis-timeline-graph2d.css';
import './timeline.css';
import { useAppStore, useAppStoreApi } from '../../store';
import { selectVisibleEvents } from '../../store/selectors';
import { stepSelection } from '../../store/navigation';
import { isoDay } from '../../model/time';
import { bindLinkedView } from '../linked/bindLinkedView';
import { timeWindowChannel } from '../linked/LinkedView';
import { TimelineAdapter } from './TimelineAdapter';
import { Toolbar } from '../../ui/Toolbar';

export function TimelineView() {
  const containerRef = useRef<HTMLDivElement>(null);
  const adapterRef = useRef<TimelineAdapter | null>(null);
  const store = useAppStoreApi();
  const count = useAppStore((s) => selectVisibleEvents(s).length);

  useLayoutEffect(
    function mountTimeline() {
      const container = containerRef.current;
      if (!container) return;
      // The view is mounted afresh for each dataset (<main key={datasetVersion}>).
      const adapter = new TimelineAdapter(container, store.getState().dataset?.eventById);
      adapterRef.current = adapter;
      const unbind = bindLinkedView(store, adapter, timeWindowChannel);
      return function destroyTimeline() {
        unbind();
        adapter.destroy();
        adapterRef.current = null;
      };
    },
    [store],
  );

  function filterToWindow() {
    const w = adapterRef.current?.getWindow();
    if (w) store.getState().setFilters({ from: isoDay(w.start), to: isoDay(w.end) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const adapter = adapterRef.current;
    if (!adapter || e.altKey || e.ctrlKey || e.metaKey) return;
    const actions: Record<string, () => void> = {
      ArrowRight: () => stepSelection(1, 'keyboard'),
      ArrowLeft: () => stepSelection(-1, 'keyboard'),
      '+': () => adapter.zoom(0.5),
      '=': () => adapter.zoom(0.5),
      '-': () => adapter.zoom(2),
      '0': () => adapter.fit(true),
      PageUp: () => adapter.pan(-0.5),
      PageDown: () => adapter.pan(0.5),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  }

  return (
    <section className="dl-view dl-timeline" aria-labelledby="dl-timeline-heading">
      <div className="dl-view-bar">
        <h2 id="dl-timeline-heading" className="dl-view-title">
          Timeline
        </h2>
        <div className="dl-legend" aria-hidden="true">
          <span className="dl-legend-item dl-legend-exact">exact date</span>
          <span className="dl-legend-item dl-legend-approx">approximate</span>
          <span className="dl-legend-item dl-legend-scheduled">scheduled / expected</span>
        </div>
        <Toolbar className="dl-toolbar" label="Timeline zoom">
          <button
            type="button"
            onClick={() => adapterRef.current?.zoom(0.5)}
            aria-label="Zoom in on the timeline"
          >
            +
          </button>
          <button
            type="button"
            onClick={() => adapterRef.current?.zoom(2)}
            aria-label="Zoom out on the timeline"
          >
            −
          </button>
          <button type="button" onClick={() => adapterRef.current?.fit(true)}>
            Fit all
          </button>
          <button type="button" onClick={filterToWindow} data-testid="filter-to-window">
            Filter to this window
          </button>
        </Toolbar>
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
        aria-label={`Timeline of ${count} events. Left and right arrows select the previous or next event; plus and minus zoom; 0 fits all.`}
        onKeyDown={onKeyDown}
      />
    </section>
  );
}
