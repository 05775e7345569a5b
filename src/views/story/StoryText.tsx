// A story step's text: plain text or Markdown, rendered as React elements and never as HTML.
// Raw HTML in the text is skipped, only a small set of elements is drawn (no images: a picture
// from a dataset would be a request to a server the reader never chose), and a link is kept
// only for http(s) and mailto addresses, opened in a new tab without access to this page.
import type { ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import { safeLinkHref } from './safeLink';

const ALLOWED = [
  'p',
  'br',
  'em',
  'strong',
  'del',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'code',
  'pre',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
];

// Headings inside a step are drawn one size, below the panel's own heading levels.
function Heading({ children }: { children?: ReactNode }) {
  return <p className="dl-story-text-heading">{children}</p>;
}

const COMPONENTS: Components = {
  a({ href, children }) {
    const safe = typeof href === 'string' ? safeLinkHref(href) : null;
    if (safe === null) return <span>{children}</span>;
    return (
      <a href={safe} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  },
  h1: Heading,
  h2: Heading,
  h3: Heading,
  h4: Heading,
  h5: Heading,
  h6: Heading,
};

/** `lang`: the language the text is written in, when known. */
export function StoryText({ text, lang }: { text: string; lang?: string | undefined }) {
  return (
    <div className="dl-story-text" data-testid="story-text" lang={lang} dir="auto">
      <Markdown
        skipHtml
        allowedElements={ALLOWED}
        unwrapDisallowed
        urlTransform={(url) => safeLinkHref(url) ?? ''}
        components={COMPONENTS}
      >
        {text}
      </Markdown>
    </div>
  );
}
