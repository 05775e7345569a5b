// Text search as you type: the input answers at once. A large dataset is searched in a worker, so
// each change goes to the store at once (the latest query wins; the views keep showing the last
// answer until the next comes). A small one is searched on the page, where each search blocks it:
// there the first change goes at once and then at most one every THROTTLE_MS while typing, the
// last always. Esc in a box with text clears the search only (the app's Esc, which clears the
// selection, waits for the next press, in an empty box).
import { useTranslation } from 'react-i18next';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { searchRunsOnPage } from '../../model/filter/textSearchOf';
import { useAppStore, useAppStoreApi } from '../../store';

const THROTTLE_MS = 150;

export function SearchBox() {
  const store = useAppStoreApi();
  const q = useAppStore((s) => s.filters.q);
  const { t } = useTranslation();
  const [text, setText] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** A change typed while the page was still searching an earlier one, and the Clear count then. */
  const held = useRef<{ value: string; resets: number } | null>(null);

  // Follow the store when the query changes elsewhere (Clear filters, Back, a link): adjust the
  // state while rendering, as React recommends, rather than in an effect.
  const [seenQ, setSeenQ] = useState(q);
  if (q !== seenQ) {
    setSeenQ(q);
    if (text.trim() !== q.trim()) setText(q);
  }

  useEffect(function cancelOnUnmount() {
    return function cancel() {
      clearTimeout(timer.current);
    };
  }, []);

  function sendHeld() {
    timer.current = undefined;
    const change = held.current;
    held.current = null;
    if (!change) return;
    const s = store.getState();
    // "Clear filters" pressed meanwhile: the query typed before it is gone with the rest.
    if (s.filterResets !== change.resets) {
      setText(s.filters.q);
      return;
    }
    s.setFilters({ q: change.value });
    timer.current = setTimeout(sendHeld, THROTTLE_MS);
  }

  function onChange(value: string) {
    setText(value);
    const s = store.getState();
    const onPage = searchRunsOnPage(s.dataset?.events.length ?? 0);
    if (onPage && timer.current !== undefined) {
      held.current = { value, resets: s.filterResets };
      return;
    }
    s.setFilters({ q: value });
    if (onPage) timer.current = setTimeout(sendHeld, THROTTLE_MS);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Escape' || text === '') return;
    // Also keeps the browser from clearing the box itself, which would be a second change.
    e.preventDefault();
    clearTimeout(timer.current);
    timer.current = undefined;
    held.current = null;
    setText('');
    store.getState().setFilters({ q: '' });
  }

  return (
    <div className="dl-search">
      <label htmlFor="dl-search-input">{t('filters.search')}</label>
      <input
        id="dl-search-input"
        type="search"
        // Words of either direction are typed as they read (an Arabic query runs right to left).
        dir="auto"
        value={text}
        placeholder={t('filters.searchPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-keyshortcuts="/"
        data-testid="search"
      />
    </div>
  );
}
