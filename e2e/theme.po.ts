// The page object for how the page looks rather than what it shows: the theme (the header's
// System / Light / Dark chooser, the colours the page, the map's canvas and the timeline end up
// with) and the writing direction (a page opened right to left, where a box sits, which way a
// piece of text runs). Used by theme.spec.ts and rtl.spec.ts; axe's WCAG 2.2 AA check is here
// too, as both run it.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export type ThemeChoice = 'system' | 'light' | 'dark';

/** The rule set of WCAG 2.2 AA and axe's best practices (as accessibility.spec.ts). */
const WCAG22_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Relative luminance (WCAG) of a CSS colour as getComputedStyle writes it: rgb()/rgba(). */
export function luminance(css: string): number {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css);
  if (!m) throw new Error(`not an rgb colour: ${css}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export class ThemePage {
  readonly chooser: Locator;

  constructor(readonly page: Page) {
    // On a phone the chooser is in the header's menu, hidden once an item closed it.
    this.chooser = page.getByRole('radiogroup', { name: 'Theme', includeHidden: true });
  }

  option(choice: ThemeChoice): Locator {
    const name = { system: 'System', light: 'Light', dark: 'Dark' }[choice];
    return this.chooser.getByRole('radio', { name, exact: true, includeHidden: true });
  }

  /** Chooses a theme in the header (on a phone, through the header's menu). */
  async choose(choice: ThemeChoice): Promise<void> {
    const toggle = this.page.getByTestId('menu-toggle');
    if (await toggle.isVisible()) {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    }
    await this.option(choice).click();
    await expect(this.option(choice)).toHaveAttribute('aria-checked', 'true');
  }

  /** The choice the page shows as checked. */
  async chosen(): Promise<ThemeChoice> {
    for (const c of ['system', 'light', 'dark'] as const)
      if ((await this.option(c).getAttribute('aria-checked')) === 'true') return c;
    throw new Error('no theme is checked');
  }

  /** Luminance of the page's background (0 black … 1 white). */
  async pageLuminance(): Promise<number> {
    return luminance(
      await this.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
    );
  }

  /** Luminance of the map's sea: the map container's background. */
  async seaLuminance(): Promise<number> {
    return luminance(
      await this.page.locator('.dl-leaflet').evaluate((el) => getComputedStyle(el).backgroundColor),
    );
  }

  /**
   * Mean luminance of what the basemap's canvas has drawn (the land and its borders), read from
   * its pixels: what the reader sees, not what the code meant to draw.
   */
  async landLuminance(): Promise<number> {
    return this.page.locator('.leaflet-dl-basemap-pane canvas').evaluate((el) => {
      const canvas = el as HTMLCanvasElement;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('the basemap canvas has no 2d context');
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const lin = (v: number) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      let sum = 0;
      let n = 0;
      // Every 7th pixel is plenty for a mean.
      for (let i = 0; i < data.length; i += 4 * 7) {
        if ((data[i + 3] ?? 0) < 250) continue;
        sum +=
          0.2126 * lin(data[i] ?? 0) +
          0.7152 * lin(data[i + 1] ?? 0) +
          0.0722 * lin(data[i + 2] ?? 0);
        n++;
      }
      if (n === 0) throw new Error('the basemap canvas has drawn no land');
      return sum / n;
    });
  }

  /** Every violation of WCAG 2.2 AA and best practice in the whole page, whatever its impact. */
  async axeViolations(): Promise<Array<{ rule: string; targets: string[] }>> {
    const results = await new AxeBuilder({ page: this.page }).withTags(WCAG22_AA).analyze();
    expect(results.passes.length, 'axe checked the page').toBeGreaterThan(0);
    return results.violations.map((v) => ({
      rule: `${v.id} (${v.impact}): ${v.help}`,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  }
}

/**
 * Opens every page of this test right to left with the UI's words in English: `dir=rtl` on
 * <html> before the app's code runs, and kept there when the app writes the direction of its
 * language (English: ltr). This tests the direction's mechanics (layout, time, keys) with the
 * page objects' English names; `languages.spec.ts` checks the real Arabic and Hebrew pages, whose
 * language sets the direction.
 */
export async function openRightToLeft(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // The parser has made <html> by `readystatechange`; the app's module script runs after it.
    document.addEventListener(
      'readystatechange',
      () => {
        const root = document.documentElement;
        const hold = () => {
          if (root.dir !== 'rtl') root.dir = 'rtl';
        };
        hold();
        new MutationObserver(hold).observe(root, { attributes: true, attributeFilter: ['dir'] });
      },
      { once: true },
    );
  });
}

/** The direction an element's text runs in, as the browser resolved it (dir=auto included). */
export async function resolvedDirection(locator: Locator): Promise<'ltr' | 'rtl'> {
  return locator.evaluate((el) => (el.matches(':dir(rtl)') ? 'rtl' : 'ltr'));
}

/**
 * Where a piece of an element's text is drawn: the box of the first occurrence of `text` in its
 * text nodes (a Range), so tests can say which word stands to the right of which.
 */
export async function textBox(
  locator: Locator,
  text: string,
): Promise<{ left: number; right: number }> {
  return locator.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right };
    }
    throw new Error(`“${wanted}” is not in the element's text`);
  }, text);
}
