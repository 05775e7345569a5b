// Whether a text query has been searched for long enough to say so ("Searching…"): the first
// query on a large dataset waits for its index to be built, later ones only for the worker.
// A fast answer shows nothing, so the count does not flicker as each letter is typed.
import { useEffect, useState } from 'react';
import { useAppStore } from '../../store';

const SAY_AFTER_MS = 200;

export function useSearching(): boolean {
  const pending = useAppStore((s) => s.textPending !== null);
  const [slow, setSlow] = useState(false);
  // An answer came: the next search starts from quiet again (adjusted while rendering).
  if (!pending && slow) setSlow(false);
  useEffect(
    function sayWhenSlow() {
      if (!pending) return;
      const timer = setTimeout(() => setSlow(true), SAY_AFTER_MS);
      return function stop() {
        clearTimeout(timer);
      };
    },
    [pending],
  );
  return pending && slow;
}
