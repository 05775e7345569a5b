// Page objects for publishing (issue 13): a host page that embeds Dateline in a sandboxed iframe
// and sizes it from the height the embed posts, and the embed seen from inside its frame.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
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
    // Written into a blank page, an origin of its own: Chromium's local-network checks refuse a
    // frame of 127.0.0.1 in a page that a route fulfilled (it counts as a public site).
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

  /** The embedded page's own content height, measured inside it. */
  contentHeight(): Promise<number> {
    return this.frame
      .locator('#root')
      .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
  }
}
