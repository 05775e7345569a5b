// Keys for matching place names: case-, accent- and punctuation-insensitive, and nothing looser.
// "Khān Yūnis", "KHAN-YUNIS" and "khan yunis" share a key; "Khan Younis" does not (that is the
// alias table's job: a spelling difference is never guessed).

/** Letters that NFKD does not split into a base letter and a mark. */
const FOLD: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/** Apostrophes and transliteration marks for ʿayn and hamza vanish: "Be'er" = "Beer", "Ta‘izz" = "Taizz". */
const APOSTROPHES = /['’‘ʻʼʽʾʿ`´′]/g;

/** Abbreviations spelled out, so "St. Petersburg" = "Saint Petersburg" and "Ft Worth" = "Fort Worth". */
const EXPAND: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };

export function normalise(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(FOLD_RE, (ch) => FOLD[ch] ?? ch)
    .replace(APOSTROPHES, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => EXPAND[w] ?? w);
  // Runs of single letters are initials: "U.S.A." = "USA", "Washington, D.C." = "Washington DC".
  const out: string[] = [];
  let initials = '';
  for (const w of words) {
    if (w.length === 1 && /\p{L}/u.test(w)) {
      initials += w;
      continue;
    }
    if (initials) out.push(initials);
    initials = '';
    out.push(w);
  }
  if (initials) out.push(initials);
  return out.join(' ');
}

/** The key without a leading "the": "the Gaza Strip" = "Gaza Strip" (tried after the full key). */
export function withoutArticle(key: string): string {
  return key.startsWith('the ') ? key.slice(4) : key;
}

/**
 * The text as a code when it is written like one: two or three capital letters, dots allowed
 * ("EG", "EGY", "U.S."). Lower-case "me", "no" or "is" are words, not Montenegro, Norway, Iceland.
 */
export function asCode(text: string): string | null {
  const t = text.replace(/[.\s]/g, '');
  return /^[A-Z]{2,3}$/.test(t) ? t : null;
}
