/**
 * Admin and tester pages in Chromium against the sandbox EHR: the registration page (values for the sandbox's
 * own /app/ deployment, RFC 7591 JSON, no axe violations, nothing blocked by the CSP) and the standalone picker's
 * server note and patient search (the full picker launch is in launch.test.ts).
 */
import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { rfc7591Problems } from '../core/registration/rfc7591.ts';
import { axeViolations, describeViolations, browserPerTest, e2eDescribe, sandboxOrigin } from './support/browser.ts';

let page: Page;

e2eDescribe('admin pages in Chromium', () => {
  // One Chromium per file, a fresh page per test; console and page errors (CSP violations included) collected.
  const session = browserPerTest();
  beforeEach(() => {
    page = session.page;
  });

  it('the registration page shows the values for this deployment, valid RFC 7591 JSON, and passes axe', async () => {
    const app = `${sandboxOrigin()}/app/`;
    await page.goto(`${app}registration/`);
    await page.waitForSelector('[data-app-ready="registration"]');
    const text = (await page.textContent('main')) ?? '';
    expect(text).toContain(`${app}launch/`);
    expect(text).toContain(`${app}index.html`);
    expect(text).toContain('patient/MedicationRequest.write');
    expect(text).toContain('patient/DetectedIssue.c');
    expect(text).toContain('launch-ehr');
    const json: unknown = JSON.parse((await page.textContent('pre')) ?? '');
    expect(rfc7591Problems(json)).toEqual([]);
    expect(json).toMatchObject({
      redirect_uris: [app, `${app}index.html`],
      client_uri: app,
      token_endpoint_auth_method: 'none',
    });
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  it('the picker notes what the sandbox servers support and lists search results accessibly', async () => {
    await page.goto(`${sandboxOrigin()}/app/launch/`);
    await page.waitForSelector('[data-app-ready="standalone-picker"]');
    await page.waitForSelector('text=Everything works here: reading the chart and writing the order.');
    await page.check('input[type="radio"][value^="open:"]');
    await page.waitForSelector('text=Everything works here: reading the chart and writing the order.');
    await page.fill('#patient-name', 'Lindqvist');
    await page.press('#patient-name', 'Enter');
    await page.waitForSelector('text=/\\d+ patients? found/');
    expect(await page.textContent('[aria-label="Search results"]')).toMatch(
      /Open Maria Lindqvist\s*born 1978-04-12, id ldn-fibromyalgia/,
    );
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    // The probes expect two refusals, which Chromium logs: the SMART base's 401 to an unauthenticated search and
    // the open base's 404 for .well-known/smart-configuration. Anything else (a CSP block, a script error) fails.
    const expected = /^Failed to load resource: the server responded with a status of 40[14] /;
    expect(session.consoleErrors.filter((e) => !expected.test(e))).toEqual([]);
  });
});
