// Touch on a page that scrolls: where the views stack and the page scrolls (the narrow layouts,
// app.css), a one-finger swipe over the map scrolls the page, as it does everywhere else, and
// two fingers move and zoom the map; a short hint says so when one finger tries to drag it.
// Elsewhere (the page does not scroll) one finger drags the map as usual. Without this, a map as
// tall as the screen traps the page's scrolling.
import { t } from '../../i18n';
import type L from 'leaflet';

/** The layouts in which the page scrolls; keep in step with app.css. */
export const SCROLLING_LAYOUT = '(max-width: 1100px)';

/** Sets the map's touch gestures for the layout, and follows changes; returns the undo. */
export function twoFingerPanWhenPageScrolls(map: L.Map, win: Window = window): () => void {
  if (!(win.navigator.maxTouchPoints > 0) || !win.matchMedia) return () => {};
  const layout = win.matchMedia(SCROLLING_LAYOUT);
  const container = map.getContainer();
  const hint = document.createElement('p');
  hint.className = 'dl-map-hint';
  hint.textContent = t('map.twoFingers');
  hint.setAttribute('aria-hidden', 'true');
  hint.hidden = true;
  container.append(hint);
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  function apply() {
    if (layout.matches) map.dragging.disable();
    else map.dragging.enable();
  }
  function onTouchMove(e: TouchEvent) {
    if (!layout.matches || e.touches.length !== 1) {
      hint.hidden = true;
      return;
    }
    hint.hidden = false;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => (hint.hidden = true), 1500);
  }
  apply();
  layout.addEventListener('change', apply);
  container.addEventListener('touchmove', onTouchMove, { passive: true });
  return function restoreDragging() {
    clearTimeout(hideTimer);
    layout.removeEventListener('change', apply);
    container.removeEventListener('touchmove', onTouchMove);
    hint.remove();
    map.dragging.enable();
  };
}
