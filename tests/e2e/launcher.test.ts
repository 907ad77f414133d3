/**
 * The SMART launcher flows in real Chromium (issue 12, "Done when"), against the sandbox's launcher-shaped paths
 * (sandbox/auth/launcher-compat.ts) and the one `smartLauncher` entry of the sandbox's allow-list: an EHR launch
 * with the launcher's iss; patient
 * standalone launches with two different option sets reach the app without a new entry; a launch whose scopes
 * leave out the creates is refused at authorize, retried once read-only, and ends at the printable order.
 */
import { beforeEach, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launcherStandaloneBase } from '../../src/core/smart/launcher.ts';
import { readOnlyScopes } from '../../src/core/smart/write-scopes.ts';
import { P, W } from '../../src/ui/strings-plan.ts';
import {
  APP_READY,
  appPageKind,
  browserPerTest,
  e2eDescribe,
  expectNoAxeViolations,
  sandboxOrigin,
} from './support/browser.ts';

const launcher = () => `${sandboxOrigin()}/smart-launcher`;

/** The sandbox's sign-in and patient picker, then the app. */
async function signIn(page: Page, patient: string): Promise<void> {
  await page.waitForSelector('form[action="/auth/authorize"]');
  await page.selectOption('select#patient', patient);
  await page.click('button[value="allow"]');
  await page.waitForSelector(APP_READY, { timeout: 45_000 });
}

e2eDescribe('SMART launcher', () => {
  const session = browserPerTest();
  let page: Page;
  beforeEach(() => {
    ({ page } = session);
  });

  it('EHR launch with the launcher’s iss reaches the clinician screen', async () => {
    await page.goto(
      `${launcher()}/launcher?${new URLSearchParams({ patient: 'ldn-fibromyalgia', launch_uri: '/app/launch/' })}`,
    );
    await page.waitForSelector(APP_READY, { timeout: 45_000 });
    expect(await appPageKind(page)).toBe('clinician');
    await page.waitForSelector('.banner >> text=Maria Lindqvist');
  });

  it('patient standalone with two different option sets, both under the one launcher entry', async () => {
    const bases: string[] = [];
    page.on('request', (r) => {
      const m = /^(.*\/smart-launcher\/v\/r4\/sim\/[^/]+\/fhir)\/\.well-known/.exec(r.url());
      if (m?.[1]) bases.push(m[1]);
    });
    // 1: from the picker, patient standalone.
    await page.goto(`${sandboxOrigin()}/app/launch/`);
    await page.waitForSelector('[data-app-ready="standalone-picker"]');
    await page.check('input[type="radio"][value^="launcher:"]');
    await page.check('#launch-type-patient-standalone');
    await expectNoAxeViolations(page);
    await page.click('button:has-text("Sign in at SMART launcher")');
    await signIn(page, 'ldn-fibromyalgia');
    expect(await appPageKind(page)).toBe('clinician');
    await page.waitForSelector('.banner >> text=Maria Lindqvist');
    // 2: another option set (a chosen patient), as a tester pasting the launcher's URL.
    const other =
      launcherStandaloneBase(launcher(), { type: 'patient-standalone', patient: 'ldn-crohns-oxycodone' }) ?? '';
    await page.goto(`${sandboxOrigin()}/app/launch/?${new URLSearchParams({ iss: other })}`);
    await signIn(page, 'ldn-crohns-oxycodone');
    expect(await appPageKind(page)).toBe('clinician');
    await page.waitForSelector('.banner >> text=James Whitcombe');
    expect(new Set(bases).size).toBe(2);
  });

  it('a launch whose scopes leave out the creates is retried once read-only and ends at the printable order', async () => {
    const options = [3, '', '', 'AUTO', 0, 0, 0, readOnlyScopes('standalone', 'v2'), '', '', '', '', '', '', 0, 1, ''];
    const base = `${launcher()}/v/r4/sim/${Buffer.from(JSON.stringify(options)).toString('base64url')}/fhir`;
    const refusals: string[] = [];
    page.on('framenavigated', (f) => {
      const url = new URL(f.url());
      if (url.searchParams.get('error')) refusals.push(url.searchParams.get('error') ?? '');
    });
    await page.goto(`${sandboxOrigin()}/app/launch/?${new URLSearchParams({ iss: base })}`);
    await signIn(page, 'ldn-fibromyalgia');
    expect(refusals).toEqual(['invalid_scope']);
    expect(await appPageKind(page)).toBe('clinician');
    await page.waitForSelector('main.ldn[data-screen="ready"]', { timeout: 45_000 });
    await page.selectOption('#plan-preset', 'clinic-weekly');
    await page.waitForSelector('.outcome--failed');
    expect(await page.textContent('.outcome--failed')).toContain(W.noPermission);
    expect(await page.$(`button:has-text("${P.sign}")`)).toBeNull();
    expect(await page.$(`button:has-text("${P.print}")`)).not.toBeNull();
    expect(await page.getAttribute(`a:has-text("${P.download}")`, 'download')).toMatch(/\.json$/);
  });
});
