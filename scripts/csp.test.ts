import { describe, expect, it } from 'vitest';
import { headerPolicy, inlineScripts, metaPolicy, scriptHash } from './csp';
import { withPolicyMeta } from './vite-plugin-early-data';

const PAGE = `<!doctype html>
<html><head>
<meta charset="UTF-8" />
<title>x</title>
<script>window.a=1</script>
<script type="module" src="./assets/index.js"></script>
</head><body></body></html>`;

describe('the Content-Security-Policy', () => {
  it('allows the page’s inline script by its hash, and nothing inline or evaluated else', () => {
    const { html, hashes } = withPolicyMeta(PAGE);
    expect(inlineScripts(PAGE)).toEqual(['window.a=1']);
    // The SHA-256 of "window.a=1", as a browser computes it.
    expect(hashes).toEqual([scriptHash('window.a=1')]);
    expect(hashes[0]).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    const policy = metaPolicy(hashes);
    expect(policy).toContain(`script-src 'self' ${hashes[0]}`);
    expect(policy).not.toMatch(/unsafe-(inline|eval)/);
    expect(policy).not.toContain('frame-ancestors');
    expect(headerPolicy(hashes)).toBe(`${policy}; frame-ancestors *`);
    // The policy comes right after the charset, before any script.
    expect(html.indexOf('Content-Security-Policy')).toBeGreaterThan(html.indexOf('charset'));
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain('<meta name="referrer" content="no-referrer" />');
  });

  it('lets the page ask a query service (?source=) on loopback or any http(s) host', () => {
    for (const policy of [metaPolicy([]), headerPolicy([])])
      expect(policy).toMatch(/(^|; )connect-src 'self' https: http:(;|$)/);
  });

  it('refuses a page where a script comes before the policy could', () => {
    expect(() => withPolicyMeta('<head><script>x()</script><meta charset="utf-8"></head>')).toThrow(
      /before the policy/,
    );
  });
});
