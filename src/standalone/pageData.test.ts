// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { DATA_PLACEHOLDER, injectData, readPageData, scriptSafeJson } from './pageData';

const TEMPLATE = `<!doctype html><html><head><title>Dateline</title></head><body><div id="root"></div>${DATA_PLACEHOLDER}<script type="module">app()</script></body></html>`;

// The HTML parser turns NUL into U+FFFD and CR into LF in text and attributes: the name and the
// title are for display only; the data itself is JSON (tested with them too) and comes back exact.
const displayText = fc.string().filter((s) => !/[\0\r]/.test(s));

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the data inside a standalone page', () => {
  it('reads back exactly what was written, whatever the text holds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          displayText,
          fc.constantFrom(
            '</script><script>alert(1)</script>',
            '<!--<script>',
            '</SCRIPT >',
            '<\u2028\u2029>',
            ']]>',
            "$& $1 $` $' $$",
          ),
        ),
        displayText,
        (text, name) => {
          const json = JSON.stringify({ format: 'dateline/1', title: text, events: [text] });
          const doc = page(injectData(TEMPLATE, { json, name, title: text }));
          expect(doc.querySelectorAll('script')).toHaveLength(2);
          const read = readPageData(doc);
          expect(read).not.toBeNull();
          expect(JSON.parse(read!.text)).toEqual(JSON.parse(json));
          expect(read!.name).toBe(name || 'dataset.json');
          expect(doc.querySelector('title')!.textContent).toBe(
            text.trim() === '' ? 'Dateline' : `${text.trim()} · Dateline`,
          );
        },
      ),
    );
  });

  it('leaves no < in the element, so nothing can end it or open a comment', () => {
    const json = JSON.stringify({ t: '</script><!-- <b>' });
    expect(scriptSafeJson(json)).not.toContain('<');
    expect(JSON.parse(scriptSafeJson(json))).toEqual({ t: '</script><!-- <b>' });
    const html = injectData(TEMPLATE, { json, name: 'x.json', title: 'x' });
    expect(html.match(/<\/script/gi)).toHaveLength(2);
  });

  it('refuses a template without one place for the data', () => {
    const data = { json: '{}', name: 'x.json', title: 'x' };
    expect(() => injectData('<html></html>', data)).toThrow(/no single place/);
    expect(() => injectData(TEMPLATE + DATA_PLACEHOLDER, data)).toThrow(/no single place/);
  });

  it('finds no data in a page without it, or with an empty element', () => {
    expect(readPageData(page(TEMPLATE.replace(DATA_PLACEHOLDER, '')))).toBeNull();
    expect(readPageData(page(TEMPLATE))).toBeNull();
  });
});
