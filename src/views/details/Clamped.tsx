// Long text held to a few lines, with a "Show more" button when it does not fit: a 500-character
// title or a 20,000-character summary never pushes the event's facts (when, where, who, the
// claim, the quotes) out of reach. The button is there only when the text is cut, and says so to
// assistive technology (aria-expanded, aria-controls). Its parent gives it a `key` per event, so
// the next event opens held again.
import { useTranslation } from 'react-i18next';
import { createElement, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

interface Props {
  as: 'h2' | 'p' | 'div';
  /** What the text is, for the button's name: "Show more of the summary". */
  what: 'title' | 'summary';
  /** The language of the text (the dataset's, when it declares one). */
  lang?: string | undefined;
  className?: string;
  id?: string;
  tabIndex?: number;
  testId?: string;
  children: ReactNode;
}

/** How many lines show while held is the `className`'s `--dl-lines` (details.css), per screen size. */
export function Clamped({ as, what, lang, className, id, tabIndex, testId, children }: Props) {
  const { t } = useTranslation();
  const ownId = useId();
  const textId = id ?? ownId;
  const ref = useRef<HTMLElement>(null);
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);

  useLayoutEffect(
    function watchWhetherCut() {
      const el = ref.current;
      if (!el || open) return;
      // Measured by the observer's first call, in the frame once it is laid out, not here: a
      // measure in the commit laid the whole page out in the middle of each selection (2–7 ms
      // at 100,000 events), and again in the frame. A change of whether it cuts is drawn before
      // that frame is painted (flushSync), so the button never shows a frame late.
      let wasCut: boolean | null = null;
      const measure = () => {
        const isCut = el.scrollHeight > el.clientHeight + 1;
        if (isCut === wasCut) return;
        wasCut = isCut;
        flushSync(() => setCut(isCut));
      };
      // The panel's width, the fonts, or HTML appended after the render change where it cuts.
      const observer = new ResizeObserver(measure);
      observer.observe(el);
      for (const child of el.children) observer.observe(child);
      return function stopWatching() {
        observer.disconnect();
      };
    },
    [open],
  );

  const classes = [className, open ? null : 'dl-clamped'].filter(Boolean).join(' ');
  return (
    <>
      {createElement(
        as,
        // Text from the dataset: its own direction, whatever the page's (dir=auto).
        { ref, id: textId, className: classes, tabIndex, lang, dir: 'auto', 'data-testid': testId },
        children,
      )}
      {(cut || open) && (
        <button
          type="button"
          className="dl-link-button dl-more"
          aria-expanded={open}
          aria-controls={textId}
          aria-label={t(open ? `details.showLessOf.${what}` : `details.showMoreOf.${what}`)}
          onClick={() => setOpen(!open)}
        >
          {open ? t('details.showLess') : t('details.showMore')}
        </button>
      )}
    </>
  );
}
