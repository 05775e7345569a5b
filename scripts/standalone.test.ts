import { describe, expect, it } from 'vitest';
import { scriptHash } from './csp.ts';
import { inlinePage, inlineScriptText } from './standalone.ts';
import { DATA_PLACEHOLDER } from '../src/standalone/pageData.ts';

const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" type="image/svg+xml" href="./favicon.svg" />
    <title>Dateline</title>
    <!-- a comment -->
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-abc.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('the standalone page template', () => {
  it('keeps a script from ending its element or opening a comment, meaning the same', () => {
    const code = 'const a = "</script>", b = `<!--`, c = /<\\/script/i;';
    const safe = inlineScriptText(code);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    // It still means the same: both evaluate alike.
    const run = (src: string) =>
      new Function(`${src}; return [a, b, String(c.test('</script'))];`)();
    expect(run(safe)).toEqual(run(code));
  });

  it('inlines the script and styles, allows exactly them by hash, and connects nowhere', () => {
    const page = inlinePage(BUILT, 'console.log("</script>")', 'body{color:red}', '<svg/>');
    expect(page).not.toMatch(/src="\.\/assets|href="\.\/assets|favicon\.svg|<!--/);
    const script = /<script type="module">([\s\S]*?)<\/script>/.exec(page)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page)![1]!;
    expect(policy).toContain(`script-src ${scriptHash(script)}`);
    expect(policy).toContain(`style-src ${scriptHash(style)}`);
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("default-src 'none'");
    // The policy comes before any script, and the data's place before the app's script.
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<script'));
    expect(page.indexOf(DATA_PLACEHOLDER)).toBeLessThan(page.indexOf('<script type="module">'));
    expect(page).toContain('href="data:image/svg+xml;base64,');
  });

  it('refuses a page it cannot inline', () => {
    expect(() => inlinePage(BUILT.replace(/<script[^\n]*\n/, ''), '', '', '')).toThrow(
      /expected one script/,
    );
  });
});
