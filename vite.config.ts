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
    // Two workers on the 2-core machine: Vitest's default for `run` is one fewer than the cores, i.e. one, and most
    // test files wait on I/O part of the time (sandbox over HTTP, Chromium, a child process).
    maxWorkers: 2,
    // No spy, stubbed global or stubbed env survives its test file (the unit project shares modules, below).
    restoreMocks: true,
    unstubGlobals: true,
    unstubEnvs: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 20_000,
          // The files of a worker share one module graph instead of importing it afresh per file (about a third
          // of the unit project's time, issue 14 item 5). Safe here: no test mocks modules (no vi.mock), spies and
          // stubs are restored (above), each file still gets its own environment (happy-dom where it asks), and
          // module-level state in src is memo tables and one-shot handles (a prefetched read, writes in flight) that
          // every test leaves empty. A test that needs a fresh module graph belongs in a project with isolate: true.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // One build and one sandbox for the whole run (the global setup), one Chromium (tests/e2e/support/browser.ts).
          globalSetup: ['tests/e2e/global-setup.ts'],
          // One file at a time (they share the sandbox's data), all in one worker without a fresh module graph per
          // file (saves a worker start and the playwright-core import per file). A project with one worker needs
          // its own group: it runs after the unit files.
          fileParallelism: false,
          isolate: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
