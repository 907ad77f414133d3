/**
 * How the project starts Chromium (DEVELOPERS.md): Debian's binary and the exact flags, without which the closed
 * network refuses its calls. Shared by the browser tests (support/browser.ts) and bench:launch; no test runner
 * imports here, so a plain script can use it.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** The exact flags the project runs Chromium with. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
