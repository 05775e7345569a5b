// Keeps the address bar and the store in step. Selecting an event pushes a history entry (Back
// returns to the previous selection); filters, the timeline window and the map view replace the
// current entry, throttled so the browser never rate-limits history. Back and Forward apply the
// entry's state to the store with origin "url", which the views follow like any other change.
import { t } from '../i18n';
import { isFiltering, NO_FILTERS } from '../model/filter/types';
import type { AppState, AppStore } from '../store';
import { containsEvent } from '../model/sortedEvents';
import { selectSelectedIsFiltered, selectVisibleEvents } from '../store/selectors';
import type { ViewState } from './types';
import { buildViewState, parseViewState } from './viewState';
import { selectPlayingStory } from '../store/storySlice';
import { playStoryOfLink, waitForStoryOfLink } from './storyLink';
import { afterPaint, historyWriter, type Later } from './historyWriter';

/** Browsers allow about 100 history changes per 30 s (Safari); this stays well under. */
const REPLACE_THROTTLE_MS = 400;

/** The state a URL should carry now. `full` includes the view even if the user never moved it. */
export function viewStateOf(s: AppState, dataUrl: string | null, full = false): ViewState {
  const withView = full || s.viewPinned;
  return {
    event: s.selectedId,
    filters: s.filters,
    window: withView ? s.timeWindow : null,
    map: withView ? s.mapView : null,
    data: dataUrl,
    ...(dataUrl !== null && s.dataColumns !== null && { cols: s.dataColumns }),
    ...(s.remote && { source: s.remote.source }),
    // Playback (issue 14): where it is, never whether it plays.
    ...(s.playback && {
      play: {
        mode: s.playback.mode,
        speed: s.playback.speed,
        playhead: s.playback.playhead,
        loop: s.playback.loop,
      },
    }),
    ...storyOf(s),
    ...(s.chosenLanguage !== null && { lang: s.chosenLanguage }),
    ...(s.calendar !== 'gregory' && { calendar: s.calendar }),
    ...(s.groupBy !== 'none' && { lanes: s.groupBy }),
  };
}

/** The story playing, as a link names it (its step 1-based). */
function storyOf(s: AppState): Pick<ViewState, 'story'> {
  const playing = selectPlayingStory(s);
  return playing ? { story: { id: playing.story.id, step: playing.step + 1 } } : {};
}

/** An absolute link to a state, for the clipboard. */
export function linkTo(state: ViewState): string {
  // Not `origin + pathname`: a page opened from a file (the standalone page) has the origin "null".
  const page = window.location.href.split(/[?#]/)[0] ?? '';
  return `${page}${buildViewState(state)}`;
}

/**
 * Applies a parsed state to the loaded dataset's store, checking what only the dataset can say
 * (do the actors and the event exist, is the event hidden by the filters) and saying so.
 */
export function applyViewState(store: AppStore, state: ViewState): void {
  const { dataset, notify, setFilters, setTimeWindow, setMapView } = store.getState();
  store.getState().chooseLanguage(state.lang ?? null);
  store.getState().setCalendar(state.calendar ?? 'gregory');
  if (!dataset) return;
  store.getState().setGroupBy(state.lanes ?? 'none');
  if (waitForStoryOfLink(store, state, () => applyViewState(store, state))) return;
  // A story's step is applied first; the link's own selection and filters then apply over it
  // where the link gives them (./storyLink.ts).
  const playing = state.story ? playStoryOfLink(store, state.story) : false;
  if (!state.story) store.getState().leaveStory();
  const unknownActors = state.filters.actors.filter((id) => !dataset.actors.has(id));
  for (const id of unknownActors) {
    notify({
      kind: 'warning',
      text: t('link.unknownActor', { id }),
    });
  }
  if (!playing || isFiltering(state.filters)) {
    setFilters({
      ...NO_FILTERS,
      ...state.filters,
      actors: state.filters.actors.filter((id) => dataset.actors.has(id)),
    });
  }
  if (!playing || state.event !== null) applySelection(store, state.event);
  // After the selection, which the views reveal by moving: a window or map view the link gives
  // is what its sender saw, so it wins.
  if (state.window) setTimeWindow(state.window, 'url');
  if (state.map) setMapView(state.map, 'url');
  // Paused at the link's playhead, in the link's window if it gives one (issue 14).
  store.getState().setPlayback(state.play ? { ...state.play, playing: false } : null, state.window);
}

function applySelection(store: AppStore, id: string | null): void {
  const { dataset, notify, select } = store.getState();
  if (id === null || !dataset) {
    select(null, 'url');
    return;
  }
  const event = dataset.eventById.get(id);
  if (!event) {
    select(null, 'url');
    notify({ kind: 'warning', text: t('link.unknownEvent', { id }) });
    return;
  }
  select(event.id, 'url');
  // Whether the filters hide it is known once the link's text query is searched (a large
  // dataset's first search waits for its index).
  whenTextShown(store, () => {
    if (store.getState().selectedId !== event.id) return;
    if (containsEvent(selectVisibleEvents(store.getState()), event)) return;
    const notice = notify({
      kind: 'warning',
      text: t('link.outsideFilters', { title: event.title }),
      action: { label: t('details.showIt'), run: () => store.getState().clearFilters() },
    });
    // The notice goes once it no longer holds: the event is shown (by the details panel's own
    // "Show it", say), or another is selected.
    const stop = store.subscribe(
      (s) => s.selectedId === event.id && selectSelectedIsFiltered(s),
      (stillHidden) => {
        if (stillHidden) return;
        stop();
        store.getState().dismiss(notice);
      },
    );
  });
}

/** Runs `then` once no text query is on its way (at once when none is). */
function whenTextShown(store: AppStore, then: () => void): void {
  if (store.getState().textPending === null) return then();
  const stop = store.subscribe(
    (s) => s.textPending,
    (pending) => {
      if (pending !== null) return;
      stop();
      then();
    },
  );
}

/**
 * Starts writing store changes to the address bar and reading Back/Forward. `reopen` shows
 * another dataset when Back or Forward reaches an entry that names one (resolves whether it did).
 * The address is written once the change's frame is painted (`later`, ./historyWriter.ts).
 * Returns a stop.
 */
export function startUrlSync(
  store: AppStore,
  reopen: (dataRef: string | null) => Promise<boolean>,
  later: Later = afterPaint,
): () => void {
  let applying = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastReplace = 0;
  const writer = historyWriter(window, later);

  /** The address of the state now, or of the state now with another selection. */
  const target = (event = store.getState().selectedId) =>
    buildViewState({ ...viewStateOf(store.getState(), store.getState().dataUrl), event });

  const replaceNow = (event?: string | null) => {
    timer = undefined;
    lastReplace = Date.now();
    writer.replace(target(event));
  };
  const scheduleReplace = () => {
    // A playing playback is written when it pauses (the subscription below sees the pause), not
    // every 400 ms while the window sweeps; a story step being applied writes its own entry.
    if (
      applying ||
      timer !== undefined ||
      store.getState().playback?.playing ||
      store.getState().storyApplying
    )
      return;
    timer = setTimeout(
      () => replaceNow(),
      Math.max(0, lastReplace + REPLACE_THROTTLE_MS - Date.now()),
    );
  };
  /** A new entry for a new selection; `previous` stays the selection of the entry left. */
  const push = (previous: string | null) => {
    if (applying) return;
    if (timer !== undefined) {
      // A replace still waiting (a filter or a move within the last 400 ms) is written first,
      // into the entry being left, with that entry's own selection: written with the new one,
      // it made the new selection replace the old instead of adding an entry, and Back skipped
      // the old selection.
      clearTimeout(timer);
      replaceNow(previous);
    }
    writer.push(target());
  };

  const unsubscribers = [
    // A story step (issue 13) is applied as one move: what waits is written into the entry being
    // left before the step changes anything, and the step the reader moved to gets an entry of
    // its own once all of it is applied (before the story's place is written, below).
    store.subscribe(
      (s) => s.storyApplying,
      (on) => {
        // Under Back/Forward the address already is the entry's: a waiting replace is left to
        // write the state applied.
        if (!on || applying || timer === undefined) return;
        clearTimeout(timer);
        replaceNow();
      },
    ),
    store.subscribe(
      (s) => s.storyMoves,
      () => push(store.getState().selectedId),
    ),
    store.subscribe((s) => s.storyPlace, scheduleReplace),
    store.subscribe(
      (s) => s.selectedId,
      (_, previous) => {
        if (store.getState().selectionOrigin !== 'url') push(previous);
      },
    ),
    store.subscribe((s) => s.filters, scheduleReplace),
    store.subscribe((s) => s.timeWindow, scheduleReplace),
    store.subscribe((s) => s.mapView, scheduleReplace),
    store.subscribe((s) => s.playback, scheduleReplace),
    store.subscribe((s) => s.chosenLanguage, scheduleReplace),
    store.subscribe((s) => s.calendar, scheduleReplace),
    store.subscribe((s) => s.groupBy, scheduleReplace),
  ];

  const onPopState = async () => {
    writer.drop();
    const { state, notices } = parseViewState(window.location.search, window.location.hash);
    if (state.data !== store.getState().dataUrl) {
      clearTimeout(timer);
      timer = undefined;
      if (!(await reopen(state.data))) return;
    }
    applying = true;
    try {
      for (const text of notices) store.getState().notify({ kind: 'warning', text });
      applyViewState(store, state);
    } finally {
      applying = false;
    }
  };
  const onPopStateEvent = () => void onPopState();
  window.addEventListener('popstate', onPopStateEvent);

  return function stopUrlSync() {
    clearTimeout(timer);
    writer.flush();
    unsubscribers.forEach((unsubscribe) => unsubscribe());
    window.removeEventListener('popstate', onPopStateEvent);
  };
}
