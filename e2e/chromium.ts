// The browser every run drives, end-to-end tests and benchmarks alike, and the flags it starts
// with: one place, so that a figure from `npm run bench` and a test result come from the same
// browser. Chromium is, in order: $DATELINE_CHROMIUM, Debian's /usr/bin/chromium, Playwright's
// own (npx playwright install chromium).
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export function chromiumPath(): string | undefined {
  const fromEnv = process.env.DATELINE_CHROMIUM;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/**
 * The locale every page runs in, so that dates read the same on every machine ("27 Feb 2025"):
 * the app writes dates in the reader's locale.
 */
export const LOCALE = 'en-GB';

/** No sandbox (containers), no GPU, and nothing that would reach the network on its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Options for `chromium.launch` and for the Playwright config's `launchOptions`. */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = chromiumPath();
  return { ...(executablePath && { executablePath }), args: [...CHROMIUM_ARGS] };
}
