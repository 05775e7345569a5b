// Where a quote sits in its source: the paragraph around it, cut to a readable length.
export interface QuoteContext {
  before: string;
  quote: string;
  after: string;
  /** True when text was left out before `before` / after `after`. */
  clippedBefore: boolean;
  clippedAfter: boolean;
}

/** The paragraph holding text[start, end), with at most `maxContext` characters each side. */
export function quoteContext(
  text: string,
  start: number,
  end: number,
  maxContext = 320,
): QuoteContext {
  const paraStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const paraEnd = nl === -1 ? text.length : nl;
  let from = paraStart;
  let to = paraEnd;
  if (start - from > maxContext) {
    // Start at a word boundary so the context does not begin mid-word.
    from = text.indexOf(' ', start - maxContext) + 1 || start - maxContext;
  }
  if (to - end > maxContext) {
    const cut = text.lastIndexOf(' ', end + maxContext);
    to = cut > end ? cut : end + maxContext;
  }
  return {
    before: text.slice(from, start),
    quote: text.slice(start, end),
    after: text.slice(end, to),
    clippedBefore: from > 0,
    clippedAfter: to < text.length,
  };
}
