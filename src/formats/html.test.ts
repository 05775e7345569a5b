import { describe, it, expect } from 'vitest';
import { cellText, decodeEntities, escapeHtml, hasMarkup, htmlToText, textToHtml } from './html';

describe('htmlToText', () => {
  it('strips tags and keeps the words', () => {
    expect(htmlToText('Talks <b>resume</b> in <a href="https://x.org">Cairo</a>.')).toBe(
      'Talks resume in Cairo.',
    );
  });

  it('ends a line at block tags and collapses whitespace as a browser does', () => {
    expect(htmlToText('<p>First\n   paragraph.</p><p>Second<br>line</p>')).toBe(
      'First paragraph.\nSecond\nline',
    );
    expect(htmlToText('<ul><li>one</li><li>two</li></ul>')).toBe('one\ntwo');
  });

  it('drops scripts, styles and comments with their content', () => {
    expect(htmlToText('a<script>alert(1)</script>b<style>p{}</style>c<!-- hidden -->d')).toBe(
      'abcd',
    );
    expect(htmlToText('before<script>never closed')).toBe('before');
  });

  it('decodes entities after removing tags, so escaped markup stays text', () => {
    expect(htmlToText('&lt;b&gt;not bold&lt;/b&gt; &amp; more')).toBe('<b>not bold</b> & more');
  });

  it('keeps a lone < that is not a tag', () => {
    expect(htmlToText('a < b and c<d')).toBe('a < b and c<d');
  });

  it('turns non-breaking spaces into spaces', () => {
    expect(htmlToText('10&nbsp;km')).toBe('10 km');
  });

  it('leaves plain text as it is', () => {
    expect(htmlToText('Hamas says the exchange is complete.')).toBe(
      'Hamas says the exchange is complete.',
    );
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeEntities('&ldquo;Yes&rdquo; &#8212; &#x2019; &eacute;x &AMP;')).toBe(
      '“Yes” — ’ &eacute;x &',
    );
  });

  it('replaces references to invalid code points', () => {
    expect(decodeEntities('&#0;&#xD800;&#1114112;')).toBe('\ufffd\ufffd\ufffd');
  });
});

describe('hasMarkup', () => {
  it.each([
    ['<p>a</p>', true],
    ['a<br/>b', true],
    ['<!-- c -->', true],
    ['a &amp; b', false],
    ['a < b > c', false],
    ['plain', false],
  ])('%s → %s', (text, expected) => {
    expect(hasMarkup(text)).toBe(expected);
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters, and htmlToText undoes it', () => {
    const text = `<a href="x">Tom & Jerry's</a>`;
    expect(escapeHtml(text)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    expect(htmlToText(escapeHtml(text))).toBe(text);
  });
});

describe('textToHtml', () => {
  it('escapes and keeps line breaks, and htmlToText undoes it', () => {
    const text = 'a < b\nsecond line';
    expect(textToHtml(text)).toBe('a &lt; b<br>second line');
    expect(htmlToText(textToHtml(text))).toBe(text);
  });
});

describe('cellText', () => {
  it.each([
    ['<em>Talks</em>&nbsp;resume', 'Talks resume'],
    ['Tom&nbsp;&amp;&nbsp;Jerry', 'Tom & Jerry'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['AT&T and a < b', 'AT&T and a < b'],
    ['line one\nline two', 'line one\nline two'],
  ])('%j → %j', (cell, plain) => {
    expect(cellText(cell)).toBe(plain);
  });
});
