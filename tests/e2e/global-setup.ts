/**
 * Global setup of the e2e project (vite.config.ts, project "e2e"): builds the app once into dist/ with the
 * project's own Vite config, starts the sandbox EHR on a free port serving that build under /app/, and hands its
 * origin to the tests (`inject('sandboxOrigin')`, or `sandboxOrigin()` from ./support/browser.ts). The sandbox is
 * closed after the last test file.
 *
 * E2E_APP_DIR=<dir> skips the build and serves an existing build instead (for iterating on tests only).
 *
 * Where /usr/bin/chromium is missing and CI is not set, nothing is built or started (every browser test skips
 * with a notice, see ./support/browser.ts); with CI=true it always runs, so missing Chromium fails the tests.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. "http://127.0.0.1:41234"; the empty string when the browser tests are skipped. */
    sandboxOrigin: string;
  }
}

const repoRoot = resolve(import.meta.dirname, '..', '..');
const CHROMIUM = '/usr/bin/chromium';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (!existsSync(CHROMIUM) && process.env.CI !== 'true') {
    console.warn(
      `\n[e2e] ${CHROMIUM} not found: browser tests are SKIPPED (install Debian's chromium to run them; CI=true never skips).\n`,
    );
    project.provide('sandboxOrigin', '');
    return undefined;
  }
  const prebuilt = process.env.E2E_APP_DIR;
  if (!prebuilt) {
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test, which would make the build include Preact's debug code: test what is deployed.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: repoRoot,
        configFile: resolve(repoRoot, 'vite.config.ts'),
        logLevel: 'warn',
        mode: 'production',
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }
  const { startSandbox } = await import('../../sandbox/server.ts');
  const sandbox = await startSandbox({
    port: 0,
    appDir: prebuilt ? resolve(prebuilt) : resolve(repoRoot, 'dist'),
    quiet: true,
  });
  project.provide('sandboxOrigin', sandbox.origin);
  return async () => {
    await sandbox.close();
  };
}
