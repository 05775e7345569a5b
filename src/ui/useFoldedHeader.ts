// When the header's actions fold into a menu: on narrow screens (up to 1100 CSS px, as the
// layout's), and on any wider one where they would not fit in one line beside the dataset's title
// given at least TITLE_ROOM of it. What fits depends on the language and the page's zoom, not on
// a width known ahead, so it is measured: while unfolded, the width the header's content needs;
// while folded, that last measure decides when there is room again. A new language measures
// afresh. Measures happen in layout effects and ResizeObserver callbacks, before the browser
// paints, so the header is never drawn overflowing.
import { useLayoutEffect, useState, type RefObject } from 'react';

export const NARROW_HEADER = '(max-width: 1100px)';
/** The room the dataset's title keeps before the actions fold (or its whole width, if less). */
const TITLE_ROOM_PX = 120;
/** What a measure may be off by (sub-pixel widths, the end padding scrollWidth leaves out). */
const SLACK_PX = 16;

/** The width `header`'s content needs in one line, the title given its room. */
export function widthNeeded(header: HTMLElement): number {
  const title = header.querySelector<HTMLElement>('.dl-dataset-title');
  const titleNow = title ? title.getBoundingClientRect().width : 0;
  const titleWants = title ? Math.min(TITLE_ROOM_PX, title.scrollWidth) : 0;
  return header.scrollWidth - titleNow + titleWants + SLACK_PX;
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
  const [need, setNeed] = useState(Infinity);

  useLayoutEffect(
    function measureAfreshForANewLanguage() {
      if (!window.matchMedia(NARROW_HEADER).matches) setFolded(false);
    },
    [language],
  );

  useLayoutEffect(
    function foldWhenCrowded() {
      const actions = actionsRef.current;
      const header = actions?.closest('header');
      if (!actions || !header) return;
      const narrow = window.matchMedia(NARROW_HEADER);
      const measure = () => {
        if (narrow.matches) return setFolded(true);
        if (!actions.classList.contains(foldedClass)) {
          const needed = widthNeeded(header);
          setNeed(needed);
          if (needed > header.clientWidth) setFolded(true);
        } else if (header.clientWidth >= need) setFolded(false);
      };
      measure();
      const observer = new ResizeObserver(measure);
      observer.observe(header);
      narrow.addEventListener('change', measure);
      return function stop() {
        observer.disconnect();
        narrow.removeEventListener('change', measure);
      };
    },
    [actionsRef, foldedClass, folded, need],
  );

  return folded;
}
