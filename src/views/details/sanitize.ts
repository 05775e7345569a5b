// Imported HTML (TimelineJS text and captions) made safe to show: formatting and links survive;
// scripts, event handlers, styles and anything that would load from elsewhere (images, frames,
// media) do not. The result is a DOM fragment, never an HTML string handed to React.
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'cite',
  'code',
  'del',
  'em',
  'i',
  'li',
  'ol',
  'p',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
  'ul',
];

let hooked = false;

function hookLinks(purify: typeof DOMPurify) {
  if (hooked) return;
  hooked = true;
  // Links open in a new tab and tell the other site nothing about this page.
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node instanceof Element && node.tagName === 'A' && node.hasAttribute('href')) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer external');
    }
  });
}

/** An event-handler attribute in a tag (`onerror=…`), after a space, a slash or a quote. */
const HANDLER = /([\s/"'])on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)/gi;

/**
 * The HTML without event-handler attributes in its tags, before it is parsed at all. DOMPurify
 * removes them, but only after the browser has parsed the text into a (detached) document, and
 * Chrome already fires an image's `error` there: the page's Content-Security-Policy blocks the
 * handler and reports a violation. Taking handlers out of the text first keeps that from ever
 * happening; DOMPurify stays the sanitiser (a tag this misses is still cleaned, and blocked).
 */
function withoutHandlers(html: string): string {
  return html.replace(/<[a-z][^>]*>/gi, (tag) => {
    let out = tag;
    for (let before = ''; before !== out;) {
      before = out;
      out = out.replace(HANDLER, '$1');
    }
    return out;
  });
}

export function sanitizeToFragment(html: string): DocumentFragment {
  hookLinks(DOMPurify);
  return DOMPurify.sanitize(withoutHandlers(html), {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    RETURN_DOM_FRAGMENT: true,
  });
}
