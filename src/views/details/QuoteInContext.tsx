// One piece of evidence: the quoted words highlighted inside their paragraph of the source,
// with the whole source a click away. Everything is rendered as text nodes.
import { useId, useState } from 'react';
import { quoteContext } from '../../model/quoteContext';
import type { Evidence, Source } from '../../model/schema';

interface Props {
  evidence: Evidence;
  source: Source | undefined;
}

export function QuoteInContext({ evidence, source }: Props) {
  const [full, setFull] = useState(false);
  const id = useId();
  const text = source?.text;
  if (text === undefined) {
    return (
      <figure className="dl-quote">
        <blockquote>
          <mark>{evidence.quote}</mark>
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
      <blockquote id={id} className={full ? 'dl-quote-full' : undefined} cite={source?.url}>
        {ctx.clippedBefore && '… '}
        <span className="dl-quote-context">{ctx.before}</span>
        <mark className="dl-quote-mark">{ctx.quote}</mark>
        <span className="dl-quote-context">{ctx.after}</span>
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
        {full ? 'Show the paragraph only' : 'Show the whole source'}
      </button>
    </figure>
  );
}

function SourceCaption({ source, sourceId }: { source: Source | undefined; sourceId: string }) {
  if (!source) return <figcaption>Source: {sourceId}</figcaption>;
  const meta = [source.publisher, source.author && `by ${source.author}`, source.published]
    .filter(Boolean)
    .join(', ');
  return (
    <figcaption>
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {meta && ` — ${meta}`}
      {source.note && <span className="dl-source-note"> {source.note}</span>}
    </figcaption>
  );
}
