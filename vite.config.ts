import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { chunkNamePlugin } from './scripts/chunk-name-plugin.ts';

const here = import.meta.dirname;

export default defineConfig({
  // Relative asset URLs: the same build works under the sandbox's /app/ and at a deployer's root.
  base: './',
  plugins: [preact({ prefreshEnabled: false })],
  resolve: {
    alias: [
      // fhirclient's `debug` can log the token response and Authorization headers when localStorage.debug is set;
      // the stub never logs (and saves ~2.7 KB gzip). See src/adapters/browser-debug-stub.ts.
      { find: /^debug$/, replacement: resolve(here, 'src/adapters/browser-debug-stub.ts') },
      // fhirclient only falls back to this Web Crypto shim when globalThis.crypto is missing (~3.5 KB gzip).
      { find: /^isomorphic-webcrypto$/, replacement: resolve(here, 'src/adapters/browser-webcrypto-stub.ts') },
      // The three js-base64 functions fhirclient uses, on the browser's btoa/atob (~1.5 KB gzip).
      { find: /^js-base64$/, replacement: resolve(here, 'src/adapters/browser-base64.ts') },
    ],
  },
  define: {
    // fhirclient without cross-fetch and abortcontroller polyfills (see shared/research/smart-on-fhir.md).
    FHIRCLIENT_PURE: 'true',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the app supports has <link rel=modulepreload>; the polyfill would add ~0.6 KB gzip.
    modulePreload: { polyfill: false },
    // dist/.vite/manifest.json: which chunks each page needs at once and which load on demand, read by the size
    // budget test (tests/e2e/size-budget.test.ts) and bench:launch.
    manifest: true,
    rollupOptions: {
      // The planning chunk's file name where the app retries its download (src/ui/real-services.ts).
      plugins: [chunkNamePlugin('src/ui/plan/planning.ts')],
      input: {
        app: resolve(here, 'index.html'),
        launch: resolve(here, 'launch/index.html'),
        registration: resolve(here, 'registration/index.html'),
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
