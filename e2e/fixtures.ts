// Shared end-to-end fixtures, injected with `test.extend`: the app's page object (`dateline`),
// one page object per view (`header`, `timeline`, `map`, `list`, `details`, `filters`,
// `dataDialog`), and three automatic guards that every test gets: no console error or uncaught
// exception, no request that leaves localhost, and no Content-Security-Policy violation. Specs import `test` and `expect` from here;
// the seed dataset's helpers (./seed.ts) are exported here too.
import { test as base, expect } from '@playwright/test';
import { DatelinePage, isLocalUrl } from './app.po';
import type { DetailsPage } from './details.po';
import { FiltersPanel } from './filters.po';
import type { HeaderBar } from './header.po';
import { ImportPage } from './import.po';
import type { EventListPage } from './list.po';
import type { MapPage } from './map.po';
import type { TimelinePage } from './timeline.po';

export * from './seed';
export { DatelinePage, isLocalUrl, type Views } from './app.po';
export { READY } from './readiness';

// ---------------------------------------------------------------------------------------------
// Fixtures.

interface Fixtures {
  dateline: DatelinePage;
  header: HeaderBar;
  timeline: TimelinePage;
  map: MapPage;
  list: EventListPage;
  details: DetailsPage;
  filters: FiltersPanel;
  /** The "Open data" and "Export" dialogs, dropping a file, the load progress. */
  dataDialog: ImportPage;
  /** Auto: fails the test on any console error or uncaught exception in the page. */
  failOnPageErrors: void;
  /** Auto: fails the test on any request that leaves localhost. */
  failOnExternalRequests: void;
  /** Auto: fails the test on any Content-Security-Policy violation the page reports. */
  failOnCspViolations: void;
}

export const test = base.extend<Fixtures>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      await use();
      expect(errors, 'console errors and uncaught exceptions in the page').toEqual([]);
    },
    { auto: true },
  ],
  failOnExternalRequests: [
    async ({ context }, use) => {
      const external: string[] = [];
      context.on('request', (r) => {
        if (!isLocalUrl(r.url())) external.push(`${r.method()} ${r.url()}`);
      });
      await use();
      expect(external, 'requests that left localhost').toEqual([]);
    },
    { auto: true },
  ],
  failOnCspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding('datelineCspViolation', (_source, text: string) => {
        violations.push(text);
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { datelineCspViolation(t: string): void })
            .datelineCspViolation;
          report(
            `${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
          );
        });
      });
      // Workers report theirs only to the console.
      context.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(`console: ${m.text()}`);
      });
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  dateline: async ({ page }, use) => {
    await use(new DatelinePage(page));
  },
  // The views share the app's page object, so a test may mix them with `dateline`.
  header: async ({ dateline }, use) => use(dateline.views.header),
  timeline: async ({ dateline }, use) => use(dateline.views.timeline),
  map: async ({ dateline }, use) => use(dateline.views.map),
  list: async ({ dateline }, use) => use(dateline.views.list),
  details: async ({ dateline }, use) => use(dateline.views.details),
  filters: async ({ dateline }, use) => use(new FiltersPanel(dateline)),
  dataDialog: async ({ page }, use) => use(new ImportPage(page)),
});

export { expect };
