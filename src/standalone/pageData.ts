// The dataset inside a standalone page: a `<script type="application/json">` element that the
// export writes into the page's template and the page reads as its dataset. The data is text
// (JSON), never markup: every `<` in it is written as the JSON escape \u003c, so nothing in the
// data can end the element (`</script`) or open a comment (`<!--`), and JSON.parse reads the
// same text back. The element is data, not a script: no policy has to allow it.

import { escapeHtml } from '../formats/html';

export const DATA_ELEMENT_ID = 'dateline-data';

/** What the template holds where the data goes (scripts/standalone.ts writes it). */
export const DATA_PLACEHOLDER = `<script type="application/json" id="${DATA_ELEMENT_ID}"></script>`;

/** JSON text as the content of a script element: the same JSON, with no `<` left in it. */
export function scriptSafeJson(json: string): string {
  // `<` can only be inside a JSON string, where \u003c means the same character.
  return json.replace(/</g, '\\u003c');
}

export interface PageData {
  /** The dataset as Dateline JSON. */
  json: string;
  /** The file name it is read as (messages and exports name it). */
  name: string;
  /** The page's title: the dataset's. */
  title: string;
}

/** The standalone page: the template with the dataset in it and the dataset's title. */
export function injectData(template: string, data: PageData): string {
  const at = template.indexOf(DATA_PLACEHOLDER);
  if (at < 0 || template.indexOf(DATA_PLACEHOLDER, at + 1) >= 0)
    throw new Error('The standalone page template has no single place for the data.');
  const element =
    `<script type="application/json" id="${DATA_ELEMENT_ID}" data-name="${escapeHtml(data.name)}">` +
    `${scriptSafeJson(data.json)}</script>`;
  const page = template.slice(0, at) + element + template.slice(at + DATA_PLACEHOLDER.length);
  const title = data.title.trim() === '' ? 'Dateline' : `${data.title.trim()} · Dateline`;
  // Before the data, so a <title> inside the data is never what is replaced.
  const head = page
    .slice(0, at)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`); // a function: `$&` in a title is text
  return head + page.slice(at);
}

/** The dataset a standalone page holds, or null (any other page). */
export function readPageData(doc: Document = document): { text: string; name: string } | null {
  const el = doc.getElementById(DATA_ELEMENT_ID);
  if (!el || el.tagName !== 'SCRIPT' || el.getAttribute('type') !== 'application/json') return null;
  const text = el.textContent ?? '';
  if (text.trim() === '') return null;
  return { text, name: el.getAttribute('data-name') || 'dataset.json' };
}
