// Search terms marked in a text: the parts the text query matches become <mark> elements, the
// rest plain text nodes; React builds both from split strings, so nothing from the data is ever
// read as markup. The terms are those of the query whose results the views show.
import { Fragment, useMemo } from 'react';
import './highlight.css';
import { highlightParts, queryTerms, type Terms } from '../model/filter/highlight';
import { useAppStore } from '../store';

/** The words of the text query the views show now (none without a query). */
export function useSearchTerms(): Terms {
  const q = useAppStore((s) => s.textShown.q);
  return useMemo(() => queryTerms(q), [q]);
}

export function Highlighted({ text, terms }: { text: string; terms: Terms }) {
  const parts = highlightParts(text, terms);
  if (parts.length === 1 && !parts[0]!.hit) return text;
  return parts.map((p, i) =>
    p.hit ? (
      <mark key={i} className="dl-hit">
        {p.text}
      </mark>
    ) : (
      <Fragment key={i}>{p.text}</Fragment>
    ),
  );
}
