// Text search as you type: the input answers at once; the store (and so the index and the views)
// gets the query after a short pause, so typing never waits for filtering.
import { useEffect, useRef, useState } from 'react';
import { useAppStore } from '../../store';

const DEBOUNCE_MS = 150;

export function SearchBox() {
  const q = useAppStore((s) => s.filters.q);
  const [text, setText] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

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

  function onChange(value: string) {
    setText(value);
    clearTimeout(timer.current);
    const resets = useAppStore.getState().filterResets;
    timer.current = setTimeout(() => {
      const s = useAppStore.getState();
      // "Clear filters" pressed meanwhile: the query typed before it is gone with the rest.
      if (s.filterResets !== resets) {
        setText(s.filters.q);
        return;
      }
      s.setFilters({ q: value });
    }, DEBOUNCE_MS);
  }

  return (
    <div className="dl-search">
      <label htmlFor="dl-search-input">Search</label>
      <input
        id="dl-search-input"
        type="search"
        value={text}
        placeholder="Titles, quotes, actors, places…"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        data-testid="search"
      />
    </div>
  );
}
