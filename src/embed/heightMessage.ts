// The one message an embedded Dateline sends its host page: its content height, so the host can
// size the iframe. The page never asks the parent for anything and reads nothing from it; the
// message carries no part of the view or the data, so it is posted to any origin ('*').
//
//   { type: 'dateline:height', height: 812 }   // CSS pixels, a whole number
//
// A host tells several embeds apart by `event.source` (docs/i13-publish.md).

export const HEIGHT_MESSAGE_TYPE = 'dateline:height';

export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE_TYPE;
  /** The page's content height in CSS pixels, rounded up. */
  height: number;
}

export function heightMessage(height: number): HeightMessage {
  return { type: HEIGHT_MESSAGE_TYPE, height: Math.max(0, Math.ceil(height)) };
}

/** Whether a message a host received is Dateline's height message (for host pages and tests). */
export function isHeightMessage(data: unknown): data is HeightMessage {
  if (typeof data !== 'object' || data === null) return false;
  const { type, height } = data as { type?: unknown; height?: unknown };
  return (
    type === HEIGHT_MESSAGE_TYPE &&
    typeof height === 'number' &&
    Number.isFinite(height) &&
    height >= 0
  );
}

export interface HeightPosterOptions {
  /** The shortest time between two posts. */
  intervalMs: number;
  now: () => number;
  later: (fn: () => void, ms: number) => unknown;
}

/**
 * Posts heights at most once per `intervalMs`, never the same height twice in a row, and always
 * the last one: a height that comes within the interval waits for its end (a resize that grows
 * the page in many steps sends the first and the last, not each frame).
 */
export function heightPoster(post: (m: HeightMessage) => void, options: HeightPosterOptions) {
  let sent: number | null = null;
  let waiting: number | null = null;
  let lastPost = -Infinity;
  let timer = false;
  const flush = () => {
    timer = false;
    if (waiting === null) return;
    const h = waiting;
    waiting = null;
    if (h === sent) return;
    sent = h;
    lastPost = options.now();
    post(heightMessage(h));
  };
  return {
    update(height: number) {
      waiting = heightMessage(height).height;
      if (timer) return;
      const wait = lastPost + options.intervalMs - options.now();
      if (wait <= 0) flush();
      else {
        timer = true;
        options.later(flush, wait);
      }
    },
  };
}
