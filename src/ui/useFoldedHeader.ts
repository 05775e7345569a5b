// When the header's actions fold into a menu: on narrow screens (up to 1100 CSS px, as the
// layout's), and on any wider one where they would not fit in one line beside the dataset's title
// given at least TITLE_ROOM of it. What fits depends on the language and the page's zoom, not on
// a width known ahead, so it is measured: while unfolded, the width the header's content needs;
// while folded, that last measure decides when there is room again. A new language measures
// afresh, as do new words in the header. Measures happen in layout effects and ResizeObserver
// callbacks, before the browser paints, so the header is never drawn overflowing.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export const NARROW_HEADER = '(max-width: 1100px)';
/** The room the dataset's title keeps before the actions fold (or its whole width, if less). */
const TITLE_ROOM_PX = 96;
/** What a measure may be off by (sub-pixel widths). */
const SLACK_PX = 2;

/** The width `header`'s content needs in one line, the title given its room. */
export function widthNeeded(header: HTMLElement): number {
  const title = header.querySelector<HTMLElement>('.dl-dataset-title');
  const titleNow = title ? title.getBoundingClientRect().width : 0;
  const titleWants = title ? Math.min(TITLE_ROOM_PX, title.scrollWidth) : 0;
  // Content that overflows: scrollWidth leaves out the end padding.
  const overflow = header.scrollWidth > header.clientWidth;
  const endPadding = overflow ? parseFloat(getComputedStyle(header).paddingInlineEnd) || 0 : 0;
  const used = overflow ? header.scrollWidth + endPadding : header.clientWidth;
  return used - titleNow + titleWants + SLACK_PX;
}

/**
 * Whether the actions in `actionsRef` (inside the page's <header>) are folded into the menu.
 * `language` is the UI's language: a new one measures afresh.
 */
export function useFoldedHeader(
  actionsRef: RefObject<HTMLElement | null>,
  foldedClass: string,
  language: string,
): boolean {
  const [folded, setFolded] = useState(() => window.matchMedia(NARROW_HEADER).matches);
  /** The width the header needed when last measured unfolded. */
  const need = useRef(Infinity);
  const measureRef = useRef<() => void>(() => {});

  useLayoutEffect(
    function measureAfreshForANewLanguage() {
      if (!window.matchMedia(NARROW_HEADER).matches) setFolded(false);
    },
    [language],
  );

  // After every render: unfolded, measure what it needs (and fold if it does not fit).
  useLayoutEffect(function measureAfterRender() {
    measureRef.current();
  });

  useLayoutEffect(
    function foldWhenCrowded() {
      const actions = actionsRef.current;
      const header = actions?.closest('header');
      if (!actions || !header) return;
      const narrow = window.matchMedia(NARROW_HEADER);
      const isFolded = () => actions.classList.contains(foldedClass);
      const measure = () => {
        if (narrow.matches) {
          if (!isFolded()) setFolded(true);
        } else if (!isFolded()) {
          need.current = widthNeeded(header);
          if (need.current > header.clientWidth) setFolded(true);
        } else if (header.clientWidth >= need.current) setFolded(false);
      };
      measureRef.current = measure;
      // New words in the header (a count, a label once the data has loaded, a font) change what
      // it needs: unfold to measure again, synchronously, so no frame is drawn in between.
      const measureAfresh = () => {
        if (narrow.matches || !isFolded()) measure();
        else flushSync(() => setFolded(false));
      };
      measure();
      const resizes = new ResizeObserver(measure);
      resizes.observe(header);
      const changes = new MutationObserver(measureAfresh);
      changes.observe(header, { childList: true, subtree: true, characterData: true });
      narrow.addEventListener('change', measure);
      let live = true;
      void document.fonts?.ready.then(() => live && measureAfresh());
      return function stop() {
        live = false;
        measureRef.current = () => {};
        resizes.disconnect();
        changes.disconnect();
        narrow.removeEventListener('change', measure);
      };
    },
    [actionsRef, foldedClass],
  );

  return folded;
}
