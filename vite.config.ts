import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import {
  contentSecurityPolicyPlugin,
  earlyDataPlugin,
  importWorkerMetaPlugin,
} from './scripts/vite-plugin-early-data.ts';
import { standalonePagePlugin } from './scripts/standalone.ts';

// Relative base so the built app also works from a sub-path (GitHub Pages, a newsroom CMS folder).
export default defineConfig({
  base: './',
  // The standalone page's template (one HTML file) is built after the app, beside it.
  plugins: [
    react(),
    earlyDataPlugin(),
    importWorkerMetaPlugin(),
    contentSecurityPolicyPlugin(),
    standalonePagePlugin(),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  // Module workers, so the import worker loads a format's library (Parquet, Arrow) as a chunk of
  // its own only when such a file comes, instead of carrying it for every file.
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    // e2e/*.spec.ts belong to Playwright; vitest only runs the unit tests beside the code.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    // A hang guard, not a speed limit: the property tests run thousands of cases, and on a
    // machine busy with other work the default limit cut them short (textIndex.test.ts).
    testTimeout: 60_000,
  },
});
