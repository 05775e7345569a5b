// Page objects for publishing (issue 13): a host page that embeds Dateline in a sandboxed iframe
// and sizes it from the height the embed posts, and the embed seen from inside its frame.
import { pathToFileURL } from 'node:url';
import {
  expect,
  type Browser,
  type BrowserContext,
  type FrameLocator,
  type Locator,
  type Page,
} from '@playwright/test';
import { iframeSnippet, resizeScript } from '../src/embed/snippet';
import { READY } from './readiness';

const APP_PORT = Number(process.env.DATELINE_E2E_PORT ?? 4173);
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`;

/** The sandbox the issue asks an embed to work in (the snippet's adds only popups' escape). */
export const STRICT_SANDBOX = 'allow-scripts allow-same-origin allow-popups';

export class EmbedHost {
  readonly iframe: Locator;
  readonly frame: FrameLocator;
  /** Inside the frame. */
  readonly eventCount: Locator;
  readonly openInDateline: Locator;
  readonly title: Locator;

  constructor(readonly page: Page) {
    this.iframe = page.locator('iframe#embed');
    this.frame = page.frameLocator('iframe#embed');
    this.eventCount = this.frame.getByTestId('event-count');
    this.openInDateline = this.frame.getByTestId('open-in-dateline');
    this.title = this.frame.locator('.dl-dataset-title');
  }

  /**
   * Opens an article (another origin than the app's) that embeds the app at `query` (embed=1 is added) with
   * the snippet Dateline gives, sandboxed as the issue says, in a column `width` px wide; the
   * host records every height the embed posts.
   */
  async open(query: string, width: number, sandbox = STRICT_SANDBOX): Promise<void> {
    const src = `${APP_ORIGIN}/${query}${query.includes('?') ? '&' : '?'}embed=1`;
    const frame = iframeSnippet({ src, title: 'Test dataset' })
      .replace('<iframe ', '<iframe id="embed" ')
      .replace(/sandbox="[^"]*"/, `sandbox="${sandbox}"`);
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title>
<style>body{margin:0;font-family:sans-serif} main{width:${width}px}</style></head>
<body><main><h1>An article</h1><p>Before the embed.</p>${frame}<p id="after">After the embed.</p></main>
<script>window.heights = []; addEventListener('message', function (e) {
  if (e.data && e.data.type === 'dateline:height') window.heights.push(e.data.height);
});</script>${resizeScript()}</body></html>`;
    // Written into the new page's blank document (call on a fresh page): Chromium's local-network
    // checks refuse a frame of 127.0.0.1 in a page a route fulfilled or one navigated to
    // about:blank (either counts as a public site).
    await this.page.setContent(html);
  }

  async waitUntilShown(events: number): Promise<void> {
    await expect(this.eventCount).toHaveText(`${events} events`, READY);
    await expect(this.frame.locator('[data-drawing]')).toHaveAttribute(
      'data-drawing',
      /^(all|items|density)$/,
      READY,
    );
    await expect(this.frame.locator('[data-basemap]')).toHaveAttribute(
      'data-basemap',
      /^(50m|10m)$/,
      READY,
    );
  }

  /** The heights the embed posted, in order. */
  heights(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { heights: number[] }).heights);
  }

  /** The iframe's height on the host page. */
  async frameHeight(): Promise<number> {
    return (await this.iframe.boundingBox())!.height;
  }

  /**
   * Waits until the host has sized the frame to the embed's content height, and that height is
   * the last one the embed posted; returns it.
   */
  async settledHeight(): Promise<number> {
    await expect.poll(async () => (await this.heights()).length).toBeGreaterThan(0);
    await expect
      .poll(async () => Math.round(await this.frameHeight()) - (await this.contentHeight()))
      .toBe(0);
    const content = await this.contentHeight();
    await expect.poll(async () => (await this.heights()).at(-1)).toBe(content);
    return content;
  }

  /** The embedded page's own content height, measured inside it. */
  contentHeight(): Promise<number> {
    return this.frame
      .locator('#root')
      .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  }
}

/** The "Embed…" dialog of the full page (in the header's actions, or its menu on a phone). */
export class EmbedDialog {
  readonly button: Locator;
  readonly dialog: Locator;
  readonly snippet: Locator;
  readonly script: Locator;
  readonly copySnippet: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId('embed');
    this.dialog = page.getByTestId('embed-dialog');
    this.snippet = page.getByTestId('embed-snippet');
    this.script = page.getByTestId('embed-script');
    this.copySnippet = page.getByTestId('embed-snippet-copy');
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.dialog).toBeVisible();
  }

  /**
   * The snippet's iframe attributes by name (read here, not by the page's DOMParser: the app's
   * policy refuses the snippet's style attribute even in an inert document, and says so).
   */
  async frameAttributes(): Promise<Record<string, string>> {
    const html = await this.snippet.inputValue();
    const tag = /^<iframe\s([^>]*)><\/iframe>$/.exec(html);
    if (!tag) throw new Error(`not one iframe: ${html}`);
    const unescape = (v: string) =>
      v
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    return Object.fromEntries(
      [...tag[1]!.matchAll(/([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]),
    );
  }
}

/**
 * A page opened from a file (the standalone page) in a browser context of its own, which
 * records every request, console error and policy violation: the page must make no request at
 * all, so the only one allowed is the navigation to the file itself.
 */
export class FilePage {
  readonly requests: string[] = [];
  readonly errors: string[] = [];
  readonly eventCount: Locator;
  readonly timeline: Locator;
  readonly map: Locator;
  readonly options: Locator;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly url: string,
  ) {
    this.eventCount = page.getByTestId('event-count');
    this.timeline = page.locator('[data-drawing]');
    this.map = page.locator('[data-basemap]');
    this.options = page.locator('[role=option][data-event-id]');
  }

  static async open(browser: Browser, path: string, query = ''): Promise<FilePage> {
    const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true });
    const page = await context.newPage();
    const url = `${pathToFileURL(path).href}${query}`;
    const file = new FilePage(context, page, url);
    context.on('request', (r) => file.requests.push(`${r.method()} ${r.url()}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
        file.errors.push(m.text());
    });
    page.on('pageerror', (e) => file.errors.push(`uncaught: ${e.message}`));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP: ${e.effectiveDirective} ${e.blockedURI}`),
      ),
    );
    await page.goto(url);
    return file;
  }

  async waitUntilShown(events: number): Promise<void> {
    await expect(this.eventCount).toHaveText(`${events} event${events === 1 ? '' : 's'}`, READY);
    await expect(this.timeline).toHaveAttribute('data-drawing', /^(all|items|density)$/, READY);
    await expect(this.map).toHaveAttribute('data-basemap', '50m', READY);
  }

  /** Requests other than loading the page's own file (and its reloads). */
  otherRequests(): string[] {
    const own = this.url.split(/[?#]/)[0]!;
    return this.requests.filter((r) => !r.startsWith(`GET ${own}`));
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
