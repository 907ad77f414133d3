/**
 * SMART launch in real Chromium against the sandbox EHR: EHR launch in the 800x600 frame and in a full window,
 * standalone launch through the sandbox's sign-in and patient picker, open-server launch, refusal of an unknown
 * iss and of a malformed allow-list, what stays in the browser after a launch, and axe on every launch page.
 */
import { beforeEach, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  APP_READY,
  appPageKind,
  browserPerTest,
  e2eDescribe,
  ehrLaunch,
  expectNoAxeViolations,
  fullPageLaunch,
  sandboxOrigin,
} from './support/browser.ts';

const PATIENT = 'ldn-fibromyalgia';
const PATIENT_NAME = 'Maria Lindqvist';

e2eDescribe('SMART launch', () => {
  const session = browserPerTest();
  let page: Page;
  let context: BrowserContext;
  beforeEach(() => {
    ({ page, context } = session);
  });

  it('EHR launch in the 800x600 frame reaches the clinician screen, with the banner when the EHR asks for it', async () => {
    const frame = await ehrLaunch(page, PATIENT, { banner: '1' });
    expect(await appPageKind(frame)).toBe('clinician');
    await frame.waitForSelector(`.banner >> text=${PATIENT_NAME}`);
    const size = await page.$eval('iframe', (el) => [el.clientWidth, el.clientHeight]);
    expect(size).toEqual([800, 600]);
    expect(new URL(frame.url()).pathname).toBe('/app/');
    await expectNoAxeViolations(frame);
  });

  it('EHR launch without need_patient_banner shows no banner (the EHR shows the patient)', async () => {
    const frame = await ehrLaunch(page, PATIENT, { banner: '0' });
    expect(await appPageKind(frame)).toBe('clinician');
    await frame.waitForSelector('.ldn__title');
    expect(await frame.$('.banner')).toBeNull();
  });

  it('full-window EHR launch shows the patient’s name and leaves no code, state or token in the URL, localStorage or console', async () => {
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    const frame = await fullPageLaunch(page, PATIENT);
    expect(await appPageKind(frame)).toBe('clinician');
    await page.waitForSelector(`text=${PATIENT_NAME}`);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/app/');
    expect([...url.searchParams.keys()]).toEqual([]);
    expect(url.hash).toBe('');
    const storage = await page.evaluate(() => ({
      local: Object.keys(localStorage).length,
      session: Object.keys(sessionStorage),
    }));
    expect(storage.local).toBe(0);
    // fhirclient keeps its state (token included) in sessionStorage only, under SMART_KEY and the state key.
    expect(storage.session).toContain('SMART_KEY');
    const token = await page.evaluate(() => {
      const key = JSON.parse(sessionStorage.getItem('SMART_KEY') ?? '""') as string;
      return (
        (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { tokenResponse?: { access_token?: string } }).tokenResponse
          ?.access_token ?? ''
      );
    });
    expect(token.length).toBeGreaterThan(10);
    expect(consoleLines.filter((line) => line.includes(token))).toEqual([]);
  });

  it('prints nothing from fhirclient even with its debug logging switched on (localStorage.debug)', async () => {
    await context.addInitScript(() => localStorage.setItem('debug', '*'));
    const consoleLines: string[] = [];
    page.on('console', (m) => consoleLines.push(m.text()));
    await fullPageLaunch(page, PATIENT);
    await page.waitForSelector(`text=${PATIENT_NAME}`);
    // fhirclient's debug namespaces ("FHIR:oauth2", "FHIR:client:request") would log the token response and headers.
    expect(consoleLines.filter((line) => /FHIR:|access_token|authorization/i.test(line))).toEqual([]);
  });

  it('standalone launch: the tester picks the sandbox, signs in, picks a patient and reaches the app', async () => {
    await page.goto(`${sandboxOrigin()}/app/launch/`);
    await page.waitForSelector('[data-app-ready="standalone-picker"]');
    await expectNoAxeViolations(page);
    // H5's picker: the allow-list's SMART server is selected first; its button starts the sign-in.
    await page.click('button:has-text("Sign in at")');
    await page.waitForSelector('form[action="/auth/authorize"]');
    await page.selectOption('select#patient', 'ldn-crohns-oxycodone');
    await page.click('button[value="allow"]');
    await page.waitForSelector(APP_READY);
    expect(await appPageKind(page)).toBe('clinician');
    await page.waitForSelector('.banner >> text=James Whitcombe');
    expect(new URL(page.url()).search).toBe('');
  });

  it('open-server standalone from the picker: search a patient, open the chart; the patient id never enters a URL', async () => {
    const urls: string[] = [];
    page.on('framenavigated', (f) => urls.push(f.url()));
    await page.goto(`${sandboxOrigin()}/app/launch/`);
    await page.waitForSelector('[data-app-ready="standalone-picker"]');
    await page.check('input[type="radio"][value^="open:"]');
    await page.fill('#patient-name', 'Lindqvist');
    await page.click('form[role="search"] button[type="submit"]');
    await page.click(`button:has-text("Open ${PATIENT_NAME}")`);
    await page.waitForSelector(APP_READY);
    expect(await appPageKind(page)).toBe('clinician');
    await page.waitForSelector(`.banner >> text=${PATIENT_NAME}`);
    expect(urls.filter((u) => u.includes(PATIENT) || u.includes('patientId'))).toEqual([]);
    expect(new URL(page.url()).search).toBe('');
  });

  it('open-server standalone by URL (fhirServiceUrl + patientId) reaches the app without sign-in', async () => {
    const open = `${sandboxOrigin()}/open/fhir`;
    await page.goto(
      `${sandboxOrigin()}/app/launch/?${new URLSearchParams({ fhirServiceUrl: open, patientId: PATIENT })}`,
    );
    await page.waitForSelector(APP_READY);
    expect(await appPageKind(page)).toBe('clinician');
    await page.waitForSelector(`.banner >> text=${PATIENT_NAME}`);
  });

  it('an unknown iss is refused with a page naming it and saying how to add it; no sign-in starts', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const iss = 'https://evil.example.net/fhir';
    await page.goto(`${sandboxOrigin()}/app/launch/?${new URLSearchParams({ iss, launch: 'x' })}`);
    await page.waitForSelector(APP_READY);
    expect(await appPageKind(page)).toBe('unknown-issuer');
    const text = await page.textContent('main');
    expect(text).toContain(iss);
    expect(text).toContain('smart-clients.json');
    expect(text).toContain('npm run clients -- add');
    expect(requests.some((u) => u.startsWith('https://evil.example.net'))).toBe(false);
    await expectNoAxeViolations(page);
  });

  it('a malformed smart-clients.json gives a page naming the file and each bad field, never a launch', async () => {
    await page.route('**/app/smart-clients.json', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ clients: [{ name: 'X', iss: 'http://ehr.example.org/fhir', scopeVersion: 'v9' }] }),
      }),
    );
    await page.goto(`${sandboxOrigin()}/launch?patient=${PATIENT}`);
    await page.waitForSelector(APP_READY);
    expect(await appPageKind(page)).toBe('config-error');
    const items = await page.$$eval('main li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^smart-clients\.json: clients\[0\]\.iss /),
        'smart-clients.json: clients[0].clientId must be a non-empty string',
        'smart-clients.json: clients[0].scopeVersion must be "v1" or "v2"',
      ]),
    );
    expect(new URL(page.url()).pathname).toBe('/app/launch/');
    await expectNoAxeViolations(page);
  });

  it('a smart-clients.json that is not JSON gives the unreadable-configuration page', async () => {
    await page.route('**/app/smart-clients.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: '{ "clients": [' }),
    );
    await page.goto(`${sandboxOrigin()}/launch?patient=${PATIENT}`);
    await page.waitForSelector(APP_READY);
    expect(await appPageKind(page)).toBe('failure:config-unreadable');
  });

  it('opening the app page directly says to open it from the EHR', async () => {
    await page.goto(`${sandboxOrigin()}/app/`);
    await page.waitForSelector(APP_READY);
    expect(await appPageKind(page)).toBe('failure:opened-directly');
    expect(await page.textContent('h1')).toContain('Open this app from the EHR');
    await expectNoAxeViolations(page);
  });

  it('keeps the app CSP: no inline script or style was needed (no CSP violation reported)', async () => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await fullPageLaunch(page, PATIENT);
    await page.goto(`${sandboxOrigin()}/app/launch/`);
    await page.waitForSelector(APP_READY);
    expect(violations).toEqual([]);
  });
});
