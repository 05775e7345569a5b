// The address bar's writes, made once the frame that shows the change has been painted. Chromium
// recalculates the page's style in pushState and replaceState (a same-document navigation): in
// the middle of a selection that was 4–12 ms before the frame could show it (bench, 100,000
// events), and the frame then laid the page out again. Writes keep their order, and what the
// address will be once they are written is known at once (`address`), so that nothing is written
// twice or skipped; a replace that follows a waiting write is folded into it.

/** Runs `write` soon, after the next frame is painted. */
export type Later = (write: () => void) => void;

/** If no frame comes (a hidden tab draws none), the writes wait no longer than this. */
const AT_MOST_MS = 100;

/** After the next paint: a task queued from the next animation frame runs once it is painted. */
export const afterPaint: Later = (write) => {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    write();
  };
  const fallback = setTimeout(once, AT_MOST_MS);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
};

export interface HistoryWriter {
  /** The address's search and hash as they will be once what waits is written. */
  address(): string;
  /** A new entry with this search (and no hash), unless the address will be that already. */
  push(search: string): void;
  /** The current entry's address, unless it will be that already. */
  replace(search: string): void;
  /** Writes what waits, now. */
  flush(): void;
  /** Forgets what waits: Back or Forward moved the address, which is the entry's own now. */
  drop(): void;
}

export function historyWriter(win: Window = window, later: Later = afterPaint): HistoryWriter {
  const waiting: Array<{ push: boolean; search: string }> = [];
  let scheduled = false;
  const written = () => `${win.location.search}${win.location.hash}`;
  const address = () => waiting.at(-1)?.search ?? written();

  function flush(): void {
    for (const w of waiting.splice(0)) {
      const url = `${win.location.pathname}${w.search}`;
      if (w.push) win.history.pushState(null, '', url);
      else win.history.replaceState(null, '', url);
    }
  }
  function write(push: boolean, search: string): void {
    if (search === address()) return;
    // A replace of what a waiting write will make is that write with this address: one
    // same-document navigation instead of two (a selection pushes its event, then the views it
    // moved replace the window and the map's view).
    const last = waiting.at(-1);
    if (!push && last) last.search = search;
    else waiting.push({ push, search });
    if (scheduled) return;
    scheduled = true;
    later(() => {
      scheduled = false;
      flush();
    });
  }
  return {
    address,
    push: (search) => write(true, search),
    replace: (search) => write(false, search),
    flush,
    drop: () => void waiting.splice(0),
  };
}
