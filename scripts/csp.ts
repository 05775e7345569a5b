// Dateline's Content-Security-Policy, built once for the page's <meta> tag and the static hosts'
// headers file (public/_headers). Why each directive is what it is: docs/i12-hostile.md.
import { createHash } from 'node:crypto';

/** The CSP source of an inline script: the SHA-256 of its exact text, as a browser hashes it. */
export function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

/**
 * The directives, in order. `hashes` are the inline scripts the page may run (the early download
 * of a ?data= link); nothing else inline, and no eval.
 */
export function policyDirectives(hashes: readonly string[]): Array<[string, string]> {
  return [
    ['default-src', "'self'"],
    ['script-src', ["'self'", ...hashes].join(' ')],
    // Workers are the app's own files (import, text search, map clusters, basemap).
    ['worker-src', "'self'"],
    // ?data= links name a dataset, and ?source= links a query service, on any http(s) server.
    ['connect-src', "'self' https: http:"],
    // A media thumbnail loads from its own host, only when the user asks; Leaflet's and the
    // build's small images may be data: URLs.
    ['img-src', "'self' data: https: http:"],
    ['style-src', "'self'"],
    ['font-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
}

/** The policy for the page's <meta http-equiv> (which cannot carry frame-ancestors). */
export function metaPolicy(hashes: readonly string[]): string {
  return policyDirectives(hashes)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/**
 * The policy for a response header: the meta's plus `frame-ancestors *`, since any site may
 * embed Dateline (a newsroom's article, a CMS); only a header can say so.
 */
export function headerPolicy(hashes: readonly string[]): string {
  return `${metaPolicy(hashes)}; frame-ancestors *`;
}

/** Sent with the page (meta tag and header): links and downloads tell other sites nothing. */
export const REFERRER_POLICY = 'no-referrer';

/** What public/_headers writes where the policy goes; the build puts the policy in its place. */
export const HEADERS_PLACEHOLDER = '%DATELINE_CSP%';

/** The inline scripts (no src) of an HTML page, as their exact text. */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1]!)) out.push(m[2]!);
  }
  return out.filter((code) => code !== '');
}
