import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StoryText } from './StoryText';
import { safeLinkHref } from './safeLink';

const html = (text: string) => renderToStaticMarkup(<StoryText text={text} />);

describe('StoryText: Markdown that cannot inject markup', () => {
  it('draws emphasis, lists, quotes and safe links', () => {
    const out = html(
      'Talks **resumed**, said _one_ source.\n\n- a\n- b\n\n> quoted\n\n[Article](https://example.org/a?b=1)',
    );
    expect(out).toContain('<strong>resumed</strong>');
    expect(out).toContain('<em>one</em>');
    expect(out).toContain('<li>a</li>');
    expect(out).toContain('<blockquote>');
    expect(out).toContain(
      '<a href="https://example.org/a?b=1" target="_blank" rel="noopener noreferrer nofollow">Article</a>',
    );
  });

  it('skips raw HTML, inline and in blocks', () => {
    const out = html(
      'Hi <script>alert(1)</script> <img src=x onerror=alert(1)> <b onclick="x()">b</b>\n\n<div><iframe src="https://evil.example"></iframe></div>\n\n<style>body{display:none}</style>',
    );
    expect(out).not.toMatch(/<script|<img|<iframe|<style|<b[ >]|onerror|onclick|<div>/i);
  });

  it('keeps no javascript:, data:, vbscript:, relative or protocol-relative link', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/x',
      '/relative',
      '#frag',
    ]) {
      const out = html(`[x](${href.includes(' ') || href.includes('\t') ? `<${href}>` : href})`);
      expect(out).not.toContain('href');
      expect(out).toContain('<span>x</span>');
    }
  });

  it('draws no image, whatever its address (a request the reader did not choose)', () => {
    const out = html('![alt](https://example.org/pixel.png) and ![x](javascript:alert(1))');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('pixel.png');
  });

  it('keeps autolinks and reference links only when safe', () => {
    expect(html('<https://example.org>')).toContain('href="https://example.org/"');
    expect(html('[a][r]\n\n[r]: javascript:alert(1)')).not.toContain('href');
    expect(html('write to <mailto:desk@example.org>')).toContain('href="mailto:desk@example.org"');
  });

  it('shows text with markup characters as text', () => {
    const out = html('1 < 2 & "quotes" \\<b>not bold\\</b>');
    expect(out).toContain('1 &lt; 2 &amp; &quot;quotes&quot; &lt;b&gt;not bold&lt;/b&gt;');
  });

  it('draws headings as paragraphs below the panel’s own headings', () => {
    expect(html('# Big')).toBe(
      '<div class="dl-story-text" data-testid="story-text" dir="auto"><p class="dl-story-text-heading">Big</p></div>',
    );
  });
});

describe('safeLinkHref', () => {
  it('accepts http(s) and mailto only', () => {
    expect(safeLinkHref('https://a.example/x')).toBe('https://a.example/x');
    expect(safeLinkHref('HTTP://a.example')).toBe('http://a.example/');
    expect(safeLinkHref('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeLinkHref('javascript:alert(1)')).toBeNull();
    expect(safeLinkHref('https:/missing-slash')).toBeNull();
    expect(safeLinkHref('ftp://a.example')).toBeNull();
  });
});
