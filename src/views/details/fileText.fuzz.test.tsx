// @vitest-environment jsdom
// Text from a file reaches the page as text (issue 12): a caption, a credit or an extra field
// holding markup, escaped markup or an address in angle brackets shows those characters and adds
// no element; only a field the event marks as HTML is rendered, sanitised.
import * as fc from 'fast-check';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { hostileKey, hostileText, RUNS } from '../../formats/fuzz/arbitraries';
import { ExtraFields } from './ExtraFields';
import { MediaList } from './MediaList';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
function render(node: React.ReactNode): HTMLDivElement {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    root = createRoot(container);
    root.render(node);
  });
  return container;
}
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

const tags = (el: Element) => [...el.querySelectorAll('*')].map((e) => e.tagName.toLowerCase());

describe('text from a file stays text', () => {
  it('a media caption and credit add no element, whatever they hold', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (caption, credit) => {
        const el = render(
          <MediaList media={[{ url: 'https://example.org/a.jpg', caption, credit }]} />,
        );
        try {
          expect(el.querySelectorAll('a')).toHaveLength(1);
          // The credit sits in a sentence ("Credit: …"), isolated in a <bdi> of ours.
          const ours = ['section', 'h3', 'p', 'ul', 'li', 'a', ...(credit ? ['bdi'] : [])];
          expect(new Set(tags(el))).toEqual(new Set(ours));
          // An empty caption is not shown at all.
          expect(el.querySelector('[data-testid="media-caption"]')?.textContent ?? '').toBe(
            caption,
          );
        } finally {
          act(() => root?.unmount());
          el.remove();
        }
      }),
      { numRuns: RUNS },
    );
  });

  /** Renders one extra field (HTML or not) and hands its `dd` to `check`. */
  function withExtra(key: string, value: string, isHtml: boolean, check: (dd: Element) => void) {
    const extra = JSON.parse(
      `{${JSON.stringify(key)}: ${JSON.stringify(value.trim() || 'x')}}`,
    ) as Record<string, unknown>;
    const el = render(<ExtraFields extra={extra} html={isHtml ? [key] : []} />);
    try {
      expect(el.querySelector('dt')!.textContent).toBe(key);
      check(el.querySelector('dd')!);
    } finally {
      act(() => root?.unmount());
      el.remove();
    }
  }

  it('an extra field is text, whatever it holds and whatever its key', () => {
    fc.assert(
      fc.property(hostileKey, hostileText, (key, value) => {
        withExtra(key, value, false, (dd) => {
          expect(dd.children).toHaveLength(0);
          expect(dd.textContent).toBe(value.trim() || 'x');
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('an extra field the event marks as HTML is sanitised: no script, image, frame or handler', () => {
    fc.assert(
      fc.property(hostileKey, hostileText, (key, value) => {
        withExtra(key, value, true, (dd) => {
          expect(dd.querySelectorAll('script, img, svg, iframe, style, object')).toHaveLength(0);
          const handlers = [...dd.querySelectorAll('*')].flatMap((n) =>
            n.getAttributeNames().filter((a) => /^on/i.test(a)),
          );
          expect(handlers).toEqual([]);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
