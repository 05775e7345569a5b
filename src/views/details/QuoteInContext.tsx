// One piece of evidence: the quoted words highlighted inside their paragraph of the source,
// with the whole source a click away, opened scrolled to the quote. The search's words are
// marked inside it too. Everything is rendered as text nodes.
import { useDataLang } from '../../i18n/dataLang';
import { Isolated } from '../../i18n/Isolated';
import { useTranslation } from 'react-i18next';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import type { Terms } from '../../model/filter/highlight';
import { formatIsoDate } from '../../model/dateFormat';
import { quoteContext } from '../../model/quoteContext';
import type { Evidence, Source } from '../../model/schema';
import { Highlighted } from '../../ui/Highlighted';

interface Props {
  evidence: Evidence;
  source: Source | undefined;
  terms: Terms;
}

export function QuoteInContext({ evidence, source, terms }: Props) {
  const [full, setFull] = useState(false);
  const { t } = useTranslation();
  const lang = useDataLang();
  const id = useId();
  const quoteRef = useRef<HTMLQuoteElement>(null);
  const markRef = useRef<HTMLElement>(null);
  const text = source?.text;

  useLayoutEffect(
    function scrollToTheQuote() {
      const box = quoteRef.current;
      const mark = markRef.current;
      if (!full || !box || !mark) return;
      // The quote in the middle of the whole source's box (read once, as it opens), or its start
      // at the top when it is taller than the box: the reader sees it where it stands, not the
      // source's first lines. Then the box itself is brought into the panel's view.
      const at = mark.getBoundingClientRect();
      const top = at.top - box.getBoundingClientRect().top + box.scrollTop;
      const room = box.clientHeight - at.height;
      box.scrollTop = Math.max(0, room > 0 ? top - room / 2 : top - 8);
      box.scrollIntoView({ block: 'nearest' });
    },
    [full],
  );

  if (text === undefined) {
    return (
      <figure className="dl-quote">
        <blockquote lang={lang} dir="auto">
          <mark>
            <Highlighted text={evidence.quote} terms={terms} />
          </mark>
        </blockquote>
        <SourceCaption source={source} sourceId={evidence.source} />
      </figure>
    );
  }
  const ctx = full
    ? {
        before: text.slice(0, evidence.start),
        quote: evidence.quote,
        after: text.slice(evidence.end),
        clippedBefore: false,
        clippedAfter: false,
      }
    : quoteContext(text, evidence.start, evidence.end);
  return (
    <figure className="dl-quote" data-testid="quote">
      <blockquote
        ref={quoteRef}
        id={id}
        className={full ? 'dl-quote-full' : undefined}
        cite={source?.url}
        lang={lang}
        dir="auto"
        // The whole source scrolls in its box: keyboard users must reach it to scroll it too
        // (WCAG 2.1.1; axe's scrollable-region-focusable).
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={full ? 0 : undefined}
      >
        {ctx.clippedBefore && '… '}
        <span className="dl-quote-context">
          <Highlighted text={ctx.before} terms={terms} />
        </span>
        <mark ref={markRef} className="dl-quote-mark">
          <Highlighted text={ctx.quote} terms={terms} />
        </mark>
        <span className="dl-quote-context">
          <Highlighted text={ctx.after} terms={terms} />
        </span>
        {ctx.clippedAfter && ' …'}
      </blockquote>
      <SourceCaption source={source} sourceId={evidence.source} />
      <button
        type="button"
        className="dl-link-button"
        aria-controls={id}
        aria-expanded={full}
        onClick={() => setFull(!full)}
      >
        {full ? t('details.paragraphOnly') : t('details.wholeSource')}
      </button>
    </figure>
  );
}

function SourceCaption({ source, sourceId }: { source: Source | undefined; sourceId: string }) {
  const { t } = useTranslation();
  const lang = useDataLang();
  if (!source)
    return (
      <figcaption>
        <Isolated k="details.source" values={{ id: sourceId }} isolate={['id']} />
      </figcaption>
    );
  const meta = [
    source.publisher,
    source.author && t('details.byAuthor', { author: source.author }),
    source.published && formatIsoDate(source.published),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <figcaption>
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer" lang={lang} dir="auto">
          {source.title}
        </a>
      ) : (
        <cite lang={lang} dir="auto">
          {source.title}
        </cite>
      )}
      {meta && (
        <>
          {' — '}
          <bdi>{meta}</bdi>
        </>
      )}
      {source.note && (
        <span className="dl-source-note" lang={lang} dir="auto">
          {source.note}
        </span>
      )}
    </figcaption>
  );
}
