// Posts the embedded page's content height to the page that frames it (./heightMessage.ts), on
// load and whenever the content's size changes, throttled. Nothing is read from the parent.
import { heightPoster } from './heightMessage';

/** The shortest time between two posts: a host resizes the frame a few times a second at most. */
const INTERVAL_MS = 150;

/** Starts posting the height of `content` to the parent frame; returns a stop. */
export function startPostingHeight(content: HTMLElement): () => void {
  const parent = window.parent;
  if (parent === window) return () => undefined;
  const poster = heightPoster((m) => parent.postMessage(m, '*'), {
    intervalMs: INTERVAL_MS,
    now: () => performance.now(),
    later: (fn, ms) => setTimeout(fn, ms),
  });
  // The content's own height, not the window's: the embed's layout (embed.css) has no height
  // taken from the viewport, so sizing the frame to it cannot make it grow again.
  const measure = () => poster.update(content.getBoundingClientRect().height);
  const observer = new ResizeObserver(measure);
  observer.observe(content);
  window.addEventListener('load', measure);
  window.addEventListener('resize', measure);
  measure();
  return function stopPostingHeight() {
    observer.disconnect();
    window.removeEventListener('load', measure);
    window.removeEventListener('resize', measure);
  };
}
