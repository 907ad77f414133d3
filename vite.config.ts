import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

const here = import.meta.dirname;

export default defineConfig({
  // Relative asset URLs: the same build works under the sandbox's /app/ and at a deployer's root.
  base: './',
  plugins: [preact({ prefreshEnabled: false })],
  define: {
    // fhirclient without cross-fetch and abortcontroller polyfills (see shared/research/smart-on-fhir.md).
    FHIRCLIENT_PURE: 'true',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
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
