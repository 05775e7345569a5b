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

export function sanitizeToFragment(html: string): DocumentFragment {
  hookLinks(DOMPurify);
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    RETURN_DOM_FRAGMENT: true,
  });
}
