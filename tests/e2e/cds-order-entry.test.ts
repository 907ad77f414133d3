/**
 * The sandbox EHR's order-entry page in Chromium (issue 13 "Done when"): oxycodone for the patient on LDN shows a
 * critical card naming the naltrexone order (and signing asks for a decision first); LDN for the patient on an
 * opioid shows a critical card with the window's end and a SMART link that launches the app for that patient; a
 * non-opioid gives no card. The page passes axe and logs nothing (no CSP violation, no script error).
 */
import type { Page } from 'playwright-core';
import { beforeEach, expect, it } from 'vitest';
import { browserPerTest, e2eDescribe, expectNoAxeViolations, sandboxOrigin } from './support/browser.ts';

let page: Page;

async function order(patient: string, medication: string): Promise<void> {
  await page.goto(`${sandboxOrigin()}/cds/order-entry`);
  await page.selectOption('#cds-patient', patient);
  await page.waitForFunction(() => document.getElementById('cds-status')?.textContent === 'Chart checked.');
  await page.selectOption('#cds-medication', medication);
  await page.waitForFunction(() => document.getElementById('cds-status')?.textContent === 'Order checked.');
}

e2eDescribe('CDS Hooks order entry in Chromium', () => {
  // One Chromium per file, a fresh page per test; console and page errors (CSP violations included) collected.
  const session = browserPerTest();
  beforeEach(() => {
    page = session.page;
  });

  it('oxycodone for the patient on LDN: a critical card naming the LDN order; signing needs an override reason', async () => {
    await order('ldn-cds-on-ldn-opioid-order', 'oxycodone');
    const card = page.locator('#order-cards .cds-card.cds-critical');
    await expect.poll(() => card.count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Critical');
    expect(text).toContain('Naltrexone HCl 4.5 mg oral capsule in microcrystalline cellulose (compounded)');
    expect(text).toContain('LDN must be held');
    expect(text).toContain('Accept: Hold LDN from');
    expect(await card.locator('.cds-source a').getAttribute('href')).toContain('dailymed.nlm.nih.gov');
    await expectNoAxeViolations(page);

    await page.click('#cds-sign');
    await page.waitForFunction(() =>
      /Review the critical alerts/.test(document.getElementById('cds-status')?.textContent ?? ''),
    );
    const signCard = page.locator('#order-cards .cds-card.cds-critical');
    await signCard.getByLabel('Override reason').selectOption({ index: 1 });
    await signCard.getByRole('button', { name: 'Override' }).click();
    await page.click('#cds-sign');
    await page.waitForFunction(() => /^Order signed/.test(document.getElementById('cds-status')?.textContent ?? ''));
    expect(session.consoleErrors).toEqual([]);
  });

  it('LDN for the patient on an opioid: a critical card with the window end and a SMART link that launches the app', async () => {
    await order('ldn-cds-on-opioid-ldn-order', 'ldn');
    const card = page.locator('#order-cards .cds-card.cds-critical');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.locator('h3').textContent()).toMatch(/opioid-free from \d{1,2} [A-Z][a-z]{2} \d{4}$/);
    expect(await card.textContent()).toContain('tramadol hydrochloride 50 MG Oral Tablet');
    await expectNoAxeViolations(page);
    await card.getByRole('link', { name: 'Open the LDN app for this patient' }).click();
    await page.waitForSelector('[data-app-ready="clinician"]', { timeout: 30_000 });
    expect(page.url()).toContain('/app/');
    expect(await page.textContent('body')).toContain('Nowak');
  });

  it('a non-opioid for the patient on LDN: no card, and signing goes straight through', async () => {
    await order('ldn-cds-on-ldn-other-order', 'ibuprofen');
    expect(await page.textContent('#order-cards')).toBe('No alerts.');
    await page.click('#cds-sign');
    await page.waitForFunction(() => /^Order signed/.test(document.getElementById('cds-status')?.textContent ?? ''));
    expect(await page.locator('#order-cards .cds-card').count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
