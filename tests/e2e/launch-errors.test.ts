/**
 * Every simulated authorization error of the sandbox (as in the SMART Health IT launcher), the user denying
 * access, the network going down, and a FHIR request outside the granted scopes, each seen in real Chromium:
 * the app page (or, for a bad redirect URI, the sandbox's own page) says what happened and what to do.
 */
import { beforeEach, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import {
  APP_READY,
  appPageKind,
  axeViolations,
  browserPerTest,
  describeViolations,
  e2eDescribe,
  ehrLaunch,
  fullPageLaunch,
  sandboxOrigin,
} from './support/browser.ts';
import { APP_FAILURE_TEXTS } from '../../src/ui/pages/app-failure-texts.ts';
import { requestedScopes } from '../../src/core/smart/scopes.ts';

const PATIENT = 'ldn-fibromyalgia';

e2eDescribe('SMART launch failures', () => {
  const session = browserPerTest();
  let page: Page;
  beforeEach(() => {
    ({ page } = session);
  });

  async function expectFailurePage(frame: Frame | Page, kind: keyof typeof APP_FAILURE_TEXTS) {
    expect(await appPageKind(frame)).toBe(`failure:${kind}`);
    expect(await frame.textContent('h1')).toBe(APP_FAILURE_TEXTS[kind].title);
    expect(await frame.textContent('main')).toContain(APP_FAILURE_TEXTS[kind].todo);
    const violations = await axeViolations(frame);
    expect(violations, describeViolations(violations)).toEqual([]);
  }

  it.each([
    ['auth_invalid_client_id', 'invalid-client', 'invalid_client'],
    // token_invalid_scope shows this same page: tests/edge/smart/launch-failure.test.ts maps the token endpoint's
    // invalid_scope to it and tests/sandbox/simulated-errors.test.ts checks the sandbox answers it.
    ['auth_invalid_scope', 'invalid-scope', 'invalid_scope'],
    ['token_invalid_token', 'token-exchange-failed', 'invalid_client'],
    ['request_invalid_token', 'token-invalid', 'HTTP 401'],
    ['request_expired_token', 'token-expired', 'HTTP 401'],
  ] as const)('auth_error=%s in the EHR frame shows the %s page (code %s)', async (authError, kind, code) => {
    const frame = await ehrLaunch(page, PATIENT, { auth_error: authError });
    await expectFailurePage(frame, kind);
    expect(await frame.textContent('details')).toContain(code);
    // Nothing secret is left in the frame's address.
    expect(new URL(frame.url()).searchParams.has('code')).toBe(false);
  });

  it('auth_error=token_expired_refresh_token: the launch itself succeeds (the refresh token only fails later)', async () => {
    const frame = await ehrLaunch(page, PATIENT, { auth_error: 'token_expired_refresh_token' });
    expect(await appPageKind(frame)).toBe('clinician');
  });

  it('auth_error=auth_invalid_redirect_uri: the sandbox refuses to redirect and says so on its own page', async () => {
    await page.goto(`${sandboxOrigin()}/launch?patient=${PATIENT}&auth_error=auth_invalid_redirect_uri`);
    await page.waitForSelector('h1:has-text("Invalid redirect URI")');
    expect(new URL(page.url()).pathname).toBe('/auth/authorize');
    expect(await page.$(APP_READY)).toBeNull();
  });

  it('the user denying access at the sign-in shows the access-denied page', async () => {
    await page.goto(`${sandboxOrigin()}/app/launch/?${new URLSearchParams({ iss: `${sandboxOrigin()}/fhir` })}`);
    await page.waitForSelector('button[value="deny"]');
    await page.click('button[value="deny"]');
    await page.waitForSelector(APP_READY);
    await expectFailurePage(page, 'access-denied');
  });

  it('the network going down before the first FHIR answer shows the network page', async () => {
    // Every FHIR data request fails as if offline (the batch POST to the base too); discovery (.well-known,
    // metadata) still answers, so the sign-in works.
    const isFhirData = (url: URL) =>
      (url.pathname === '/fhir' || url.pathname.startsWith('/fhir/')) &&
      !/\/(\.well-known\/.*|metadata)$/.test(url.pathname);
    await page.route(isFhirData, (route) => route.abort('internetdisconnected'));
    const frame = await fullPageLaunch(page, PATIENT);
    await expectFailurePage(frame, 'network-down');
  });

  it('a request outside the granted scopes is refused by the sandbox with 403 and the chart is incomplete', async () => {
    // Grant everything the app asks except MedicationDispense.
    const narrowed = requestedScopes('ehr', 'v2')
      .split(' ')
      .filter((s) => !s.startsWith('patient/MedicationDispense'))
      .join(' ');
    const frame = await fullPageLaunch(page, PATIENT, { scope: narrowed });
    expect(await appPageKind(frame)).toBe('clinician');
    // The same request the app would make, with the session's own token (fhirclient keeps it in sessionStorage).
    const refused = await page.evaluate(async (patient) => {
      const key = JSON.parse(sessionStorage.getItem('SMART_KEY') ?? '""') as string;
      const state = JSON.parse(sessionStorage.getItem(key) ?? '{}') as {
        tokenResponse?: { access_token?: string; scope?: string };
      };
      const response = await fetch(`/fhir/MedicationDispense?patient=${patient}`, {
        headers: {
          authorization: `Bearer ${state.tokenResponse?.access_token ?? ''}`,
          accept: 'application/fhir+json',
        },
      });
      return {
        status: response.status,
        body: (await response.json()) as { resourceType?: string },
        granted: state.tokenResponse?.scope ?? '',
      };
    }, PATIENT);
    expect(refused.granted).not.toContain('MedicationDispense');
    expect(refused.status).toBe(403);
    expect(refused.body.resourceType).toBe('OperationOutcome');
    // The clinician screen must not give a clean verdict on a chart it could not read in full.
    await page.waitForSelector('text=Incomplete result');
  });
});
