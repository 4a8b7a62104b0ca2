import { defineConfig } from 'vitest/config';
import { scenarioCatalog } from './tools/scenario-catalog.ts';

export default defineConfig({
  base: './',
  // virtual:scenario-catalog: the scenario list the menu shows, extracted from levels/ at build
  // time; each scenario is a chunk of its own, loaded when a game needs it.
  plugins: [scenarioCatalog()],
  worker: {
    // ES modules, so that the explorer's worker can load its one scenario as a chunk.
    format: 'es',
    plugins: () => [scenarioCatalog()],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    assetsInlineLimit: 0,
    // dist/.vite/manifest.json: which chunk holds what (the browser bench and an e2e test read it).
    manifest: true,
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
