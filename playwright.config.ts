// End-to-end tests in a real Chromium, against the built app served by `vite preview`.
// The browser and its flags: e2e/chromium.ts (shared with the benchmark).
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions, LOCALE } from './e2e/chromium';

// DATELINE_E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.DATELINE_E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Waits on the app's readiness (the header's count, the timeline's `data-drawing`, the map's
  // `data-basemap`) take e2e/readiness.ts's READY; the short expect timeout is for the rest, so
  // a real failure is reported quickly. A test's own limit only has to hold on a busy machine.
  timeout: 120_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    launchOptions: chromiumLaunchOptions(),
    locale: LOCALE,
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
      grepInvert: /@phone/,
    },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], browserName: 'chromium' },
      grep: /@phone/,
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
