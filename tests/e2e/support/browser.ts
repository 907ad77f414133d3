/**
 * Helpers for every browser test (launch, admin, clinician). They drive Debian's Chromium through playwright-core
 * against the sandbox EHR that tests/e2e/global-setup.ts starts with the freshly built app.
 *
 * Skip rule: wrap browser tests in `e2eDescribe(...)`. Where /usr/bin/chromium is missing they are skipped with a
 * visible notice, unless CI=true: then they run (and fail), never skip.
 *
 * Readiness: every page the app renders as its final state carries `data-app-ready="<page kind>"` on its root
 * element, and `ehrLaunch` / `fullPageLaunch` wait for it. Kinds: "clinician" (set once the session's first FHIR
 * answer proved the token, src/entry/app.tsx), "failure:<kind>" (src/ui/pages/app-failure-texts.ts and
 * launch-failure-texts.ts, e.g. "failure:token-expired"), "unknown-issuer", "config-error", "standalone-picker".
 * Loading states carry `data-app-loading` instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, inject } from 'vitest';
import type { Result as AxeResult } from 'axe-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';

/** Selector of an app page that has finished rendering (its final state: app, failure page or picker). */
export const APP_READY = '[data-app-ready]';

/** Whether Debian's Chromium is installed where the tests expect it. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** True when browser tests must be skipped: no Chromium and not in CI. */
export function skipBrowserTests(): boolean {
  return !hasChromium() && process.env.CI !== 'true';
}

/**
 * `describe` for browser tests: skipped with a console notice where Chromium is missing locally; always run
 * (never skipped) with CI=true.
 */
export function e2eDescribe(name: string, body: () => void): void {
  if (skipBrowserTests()) {
    console.warn(`[e2e] SKIPPED "${name}": ${CHROMIUM_PATH} not found (CI=true never skips).`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

/** The origin of the sandbox EHR started by the global setup, e.g. "http://127.0.0.1:41234". */
export function sandboxOrigin(): string {
  const origin = inject('sandboxOrigin');
  if (!origin) throw new Error('No sandbox: the e2e global setup did not start one (is Chromium missing?)');
  return origin;
}

/**
 * Launches headless Chromium with the project's flags. Playwright gives each launch a fresh temporary profile
 * (user data dir), removed on close. Close the browser in afterAll.
 */
export async function openBrowser(): Promise<Browser> {
  if (!hasChromium())
    throw new Error(`${CHROMIUM_PATH} not found: install Debian's chromium (CI installs it in .ci/run)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/**
 * A fresh context (empty cookies, sessionStorage and localStorage) and page. The context keeps the app's CSP
 * (no bypass): axe is injected through `evaluate`, which CSP does not govern.
 */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  return { context, page };
}

function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/**
 * Opens the sandbox's EHR-like page `/ehr?patient=<id>&<options>` (the app in an 800x600 iframe) and resolves
 * with the iframe's Frame once the app has rendered its final page (`[data-app-ready]`: the clinician screen or a
 * failure page). `options` are the sandbox's launch options: banner, auth_error, fhir_fault, scope.
 */
export async function ehrLaunch(page: Page, patientId: string, options: Record<string, string> = {}): Promise<Frame> {
  await page.goto(`${sandboxOrigin()}/ehr?${query({ patient: patientId, ...options })}`);
  const iframe = await page.waitForSelector('iframe');
  const frame = await iframe.contentFrame();
  if (!frame) throw new Error('The EHR page has no app iframe');
  await frame.waitForSelector(APP_READY, { timeout: 30_000 });
  return frame;
}

/**
 * Same launch as `ehrLaunch` but in the whole window: `/launch?patient=<id>&<options>` redirects to the app's
 * launch page. Resolves with the page's main Frame once the app has rendered its final page.
 */
export async function fullPageLaunch(
  page: Page,
  patientId: string,
  options: Record<string, string> = {},
): Promise<Frame> {
  await page.goto(`${sandboxOrigin()}/launch?${query({ patient: patientId, ...options })}`);
  await page.waitForSelector(APP_READY, { timeout: 30_000 });
  return page.mainFrame();
}

/** The app page's final kind, i.e. the value of `data-app-ready` (e.g. "clinician", "failure:access-denied"). */
export async function appPageKind(target: Page | Frame): Promise<string | null> {
  return target.getAttribute(APP_READY, 'data-app-ready');
}

const requireFromHere = createRequire(import.meta.url);
let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules plus best practices) on a page or frame and returns its
 * violations (empty = none). The source is read from axe-core/axe.min.js and run with `evaluate`: the app's CSP
 * (script-src 'self') blocks `addScriptTag({ content })`, but not Playwright's evaluate, so no CSP bypass is
 * needed and the page is checked under its real policy.
 */
export async function axeViolations(target: Page | Frame): Promise<AxeResult[]> {
  axeSource ??= readFileSync(requireFromHere.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await target.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations;
  });
}

/** One line per violation (rule id, impact, first targets), for assertion messages. */
export function describeViolations(violations: readonly AxeResult[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    )
    .join('\n');
}

/** The page and context of the running test, set by `browserPerTest`. */
export interface TestSession {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught page errors of this test's page (CSP violations show up here too). */
  readonly consoleErrors: readonly string[];
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for the browser test files of a worker: the e2e project runs its files one after another in one
 * worker that keeps its modules (vite.config.ts, isolate: false), so this is one launch per run instead of one per
 * file (issue 14 item 5). Tests stay apart through a fresh context each (own cookies and storage). A browser that
 * went away (crashed) is launched again; Playwright closes it when the worker process ends.
 */
function sharedBrowser(): Promise<Browser> {
  shared ??= openBrowser().then((browser) => {
    browser.once('disconnected', () => (shared = undefined));
    return browser;
  });
  return shared;
}

/**
 * Registers the hooks every browser test file needs: the worker's Chromium (sharedBrowser), and a fresh context and
 * page for each test (closed after it). Call it inside the `e2eDescribe` body; read `session.page` and
 * `session.context` inside tests and hooks.
 */
export function browserPerTest(): TestSession {
  let browser: Browser | undefined;
  const session: { page?: Page; context?: BrowserContext } = {};
  let consoleErrors: string[] = [];
  beforeAll(async () => {
    browser = await sharedBrowser();
  });
  beforeEach(async () => {
    Object.assign(session, await newPage(browser!));
    const errors: string[] = [];
    consoleErrors = errors;
    session.page!.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    session.page!.on('pageerror', (e) => errors.push(e.message));
  });
  afterEach(async () => {
    await session.context?.close();
  });
  return {
    get page() {
      if (!session.page) throw new Error('browserPerTest: no page outside a test');
      return session.page;
    },
    get context() {
      if (!session.context) throw new Error('browserPerTest: no context outside a test');
      return session.context;
    },
    get consoleErrors() {
      return consoleErrors;
    },
  };
}

/** Asserts that axe-core finds no violations on a page or frame, listing them when it does. */
export async function expectNoAxeViolations(target: Page | Frame): Promise<void> {
  const violations = await axeViolations(target);
  expect(violations, describeViolations(violations)).toEqual([]);
}
