// HTML that imported formats carry (TimelineJS text and captions) turned into plain text, and
// plain text escaped for formats that expect HTML. String work only, no DOM: this runs in a Web
// Worker. The result is shown as text, never parsed as markup, so it needs no sanitising; the
// original HTML is kept beside it (`summaryHtml`) for a UI that sanitises before rendering.

/** Elements whose content is not text a reader sees. */
const HIDDEN = /<(script|style|template|noscript|head|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** Tags that end a line of text. */
const BLOCK =
  /<\/?(?:p|div|br|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|tr|table|section|article|header|footer|figure|figcaption|hr)\b[^>]*>/gi;
/** Any tag: `<` then a letter or `/`, up to `>`. A lone `<` (as in "a < b") is text. */
const TAG = /<\/?[a-z][^>]*>/gi;
/**
 * The elements whose tags mark a text as HTML. Only these count: `Smith <smith@example.org>` or
 * `<Unknown>` in a text is text, not a tag, and must not be taken for markup and stripped.
 */
const ELEMENTS =
  'a|abbr|address|article|aside|audio|b|base|bdi|bdo|big|blockquote|body|br|button|caption|center|cite|code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|option|p|picture|pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|tt|u|ul|var|video|wbr';
const MARKUP = new RegExp(`<(?:/?(?:${ELEMENTS})(?=[\\s/>])[^>]*|!--[\\s\\S]*?--)>`, 'i');

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  times: '×',
  divide: '÷',
  minus: '−',
  shy: '',
  zwj: '\u200d',
  zwnj: '\u200c',
};

function codePoint(n: number): string {
  const valid = n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff);
  return valid ? String.fromCodePoint(n) : '\ufffd';
}

/** Decodes character references: named (a common set), decimal and hexadecimal. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z][a-z0-9]{1,31}));/gi,
    (all, dec, hex, name) => {
      if (dec !== undefined) return codePoint(Number(dec));
      if (hex !== undefined) return codePoint(parseInt(hex as string, 16));
      return NAMED[(name as string).toLowerCase()] ?? all;
    },
  );
}

/** Whether a string holds markup (a tag or a comment), not just text with entities. */
export function hasMarkup(text: string): boolean {
  return MARKUP.test(text);
}

/**
 * The text a reader sees in an HTML fragment: tags removed (block tags end a line), scripts,
 * styles and comments dropped, entities decoded, spaces collapsed as a browser would.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(COMMENT, '')
    .replace(HIDDEN, '')
    .replace(/\s+/g, ' ')
    .replace(BLOCK, '\n')
    .replace(TAG, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/**
 * A text cell of a CSV or JSON file as plain text, decoded once: HTML (a tag) becomes the text
 * a reader sees; character references alone ("Tom&nbsp;&amp;&nbsp;Jerry") are decoded, a
 * no-break space read as a space; anything else is kept as written, line breaks included.
 */
export function cellText(cell: string): string {
  if (hasMarkup(cell)) return htmlToText(cell);
  if (!ENTITY.test(cell)) return cell;
  return decodeEntities(cell).replace(/\u00a0/g, ' ');
}

/** Plain text escaped for a format that reads HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Plain text as HTML: escaped, its line breaks kept as <br>. */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}
