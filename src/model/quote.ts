// The one way a message quotes something from the data: a value, a cell, a header, a first line.
// Whatever its length, a message carries at most QUOTE_MAX characters of it and says how long the
// whole was, so a 5 MB cell cannot put 5 MB into a notice or the load report.

/** Characters of a value a message quotes. */
export const QUOTE_MAX = 100;

/** The first `max` characters of a string, never ending inside a surrogate pair. */
function head(s: string, max: number): string {
  const cut = s.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The value in quotation marks, cut to QUOTE_MAX characters with its length said. */
export function quote(value: unknown): string {
  const s = String(value);
  if (s.length <= QUOTE_MAX) return `“${s}”`;
  return `“${head(s, QUOTE_MAX)}…” (${s.length.toLocaleString('en-US')} characters)`;
}

/** The value cut to `max` characters, with `…` where it was cut: for lists of names. */
export function clip(value: unknown, max = QUOTE_MAX): string {
  const s = String(value);
  return s.length <= max ? s : `${head(s, max)}…`;
}

/** Cuts a whole message that may hold data quoted some other way (a parser's own error). */
export function capMessage(message: string, max = 1000): string {
  if (message.length <= max) return message;
  return `${head(message, max)}… (message cut: ${message.length.toLocaleString('en-US')} characters)`;
}
