/**
 * The signature gate, an existing LDN order and two tabs, in real Chromium against the sandbox EHR (issue 10
 * "Done when"): signing on an incomplete read needs the acknowledgement and records it (read back from the
 * sandbox: the order's note and its DetectedIssue); an existing order is shown and "replace" writes
 * priorPrescription, with a true message about the old one; two tabs leave one order and one true message.
 * Each test deletes what it wrote and restores what it changed.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import type { Bundle, DetectedIssue, MedicationRequest } from 'fhir/r4';
import { ACKNOWLEDGEMENT_TITLE } from '../../src/core/order/detected-issue.ts';
import { X } from '../../src/ui/strings.ts';
import { P, W } from '../../src/ui/strings-plan.ts';
import { browserPerTest, e2eDescribe, ehrLaunch, expectNoAxeViolations } from './support/browser.ts';
import { deleteWritten, openFhir } from './support/open-fhir.ts';

const ORDER_SYSTEM = 'urn:ldn-app:medication-request';

/** The app's orders for the patient on the server. */
async function appOrders(patientId: string): Promise<MedicationRequest[]> {
  const { body } = await openFhir<Bundle<MedicationRequest>>(`MedicationRequest?patient=${patientId}&_count=200`);
  return (body.entry ?? [])
    .map((e) => e.resource as MedicationRequest)
    .filter((mr) => mr.identifier?.some((i) => i.system === ORDER_SYSTEM));
}

async function launch(page: Page, patientId: string, options: Record<string, string> = {}): Promise<Frame> {
  const frame = await ehrLaunch(page, patientId, { banner: '0', ...options });
  await frame.waitForSelector('main.ldn[data-screen="ready"]', { timeout: 45_000 });
  return frame;
}

async function plan(frame: Frame): Promise<void> {
  await frame.selectOption('#plan-preset', 'clinic-weekly');
  await frame.waitForSelector('table.steps tbody tr');
}

const signSelector = `button:has-text("${P.sign}")`;

e2eDescribe('signature gate, existing order and two tabs', () => {
  const session = browserPerTest();
  let page: Page;
  let context: BrowserContext;
  const written: string[] = [];
  const restore: MedicationRequest[] = [];
  beforeEach(() => {
    ({ page, context } = session);
  });
  afterEach(async () => {
    await deleteWritten(written);
    for (const mr of restore.splice(0))
      await openFhir(`MedicationRequest/${mr.id}`, { method: 'PUT', body: JSON.stringify({ ...mr, meta: undefined }) });
  });

  it('signing on an incomplete read needs the acknowledgement with a reason, and records it in the note and a DetectedIssue', async () => {
    const patient = 'ldn-long-covid-codeine-text';
    const frame = await launch(page, patient, { fhir_fault: 'MedicationStatement:500' });
    expect(await frame.getAttribute('main.ldn', 'data-verdict')).toBe('incomplete');
    await plan(frame);
    await frame.waitForSelector(`text=${W.incompleteHeading}`);
    expect(await frame.isDisabled(signSelector)).toBe(true);
    expect(await frame.textContent('#sign-blocked')).toBe(W.ackMissing);
    await frame.check('#sign-ack-check');
    expect(await frame.isDisabled(signSelector)).toBe(true);
    const reason = 'Patient and pharmacy confirm no opioid this month';
    await frame.fill('#sign-ack-reason', reason);
    await frame.waitForSelector(`${signSelector}:not([disabled])`);
    await expectNoAxeViolations(frame);
    await frame.click(signSelector);
    await frame.waitForSelector('.outcome--ok', { timeout: 45_000 });
    const id = (await frame.textContent('.outcome--ok code')) ?? '';
    written.push(`MedicationRequest/${id}`);
    expect(await frame.textContent('.outcome--ok')).toContain(W.recordedAck(true));
    // The success message has focus (it would otherwise be below the fold of the 800x600 frame).
    expect(await frame.evaluate(() => document.activeElement?.classList.contains('outcome--ok'))).toBe(true);
    const top = await frame.evaluate(() => document.querySelector('.outcome--ok')!.getBoundingClientRect().top);
    const height = await frame.evaluate(() => window.innerHeight);
    expect(height).toBeLessThanOrEqual(600);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(height);

    const { body: order } = await openFhir<MedicationRequest>(`MedicationRequest/${id}`);
    const ackNotes = (order.note ?? []).filter((n) => n.text.startsWith(ACKNOWLEDGEMENT_TITLE));
    expect(ackNotes).toHaveLength(1);
    expect(ackNotes[0]!.text).toContain(reason);
    expect(ackNotes[0]!.text).toMatch(/MedicationStatement/);
    const refs = (order.detectedIssue ?? []).map((r) => r.reference ?? '');
    expect(refs).toHaveLength(1);
    written.push(...refs);
    const { body: issue } = await openFhir<DetectedIssue>(refs[0]!);
    expect(issue.code?.text).toBe(ACKNOWLEDGEMENT_TITLE);
    expect(issue.patient?.reference).toBe(`Patient/${patient}`);
    expect(JSON.stringify(issue.mitigation)).toContain(reason);
  });

  it('shows the LDN order already in the chart; "replace" writes priorPrescription and says truthfully what became of the old one', async () => {
    const patient = 'ldn-existing-order';
    const oldRef = `MedicationRequest/${patient}-ldn`;
    const before = (await openFhir<MedicationRequest>(oldRef)).body;
    restore.push(before);
    const frame = await launch(page, patient);
    const panel = await frame.waitForSelector('section.existing-order');
    expect(await panel.textContent()).toContain(X.step(2, 3));
    await plan(frame);
    expect(await frame.isDisabled(signSelector)).toBe(true);
    await frame.check('#existing-replace');
    await frame.waitForSelector(`${signSelector}:not([disabled])`);
    await frame.click(signSelector);
    await frame.waitForSelector('.outcome--ok', { timeout: 45_000 });
    const id = (await frame.textContent('.outcome--ok code')) ?? '';
    written.push(`MedicationRequest/${id}`);
    const { body: order } = await openFhir<MedicationRequest>(`MedicationRequest/${id}`);
    expect(order.priorPrescription?.reference).toBe(oldRef);
    const message = (await frame.textContent('.outcome--ok')) ?? '';
    const { body: old } = await openFhir<MedicationRequest>(oldRef);
    // Whatever the session allowed, the message matches what the server holds.
    if (old.status === 'stopped') expect(message).toContain('was set to stopped');
    else {
      expect(old.status).toBe('active');
      expect(message).toContain('Discontinue it in the EHR');
    }
  });

  it('two tabs for one patient leave one order and one true message', async () => {
    const patient = 'ldn-fibromyalgia';
    const countBefore = (await appOrders(patient)).length;
    const second = await context.newPage();
    const [tabA, tabB] = await Promise.all([launch(page, patient), launch(second, patient)]);
    await plan(tabA);
    await plan(tabB);
    await tabA.waitForSelector(`${signSelector}:not([disabled])`);
    await tabA.click(signSelector);
    await tabA.waitForSelector('.outcome--ok', { timeout: 45_000 });
    written.push(`MedicationRequest/${(await tabA.textContent('.outcome--ok code')) ?? ''}`);
    await tabB.waitForSelector(`${signSelector}:not([disabled])`);
    await tabB.click(signSelector);
    await tabB.waitForSelector('.outcome--failed', { timeout: 45_000 });
    expect(await tabB.textContent('.outcome--failed')).toContain(W.concurrentHeading);
    expect(await tabB.$('.outcome--ok')).toBeNull();
    expect((await appOrders(patient)).length).toBe(countBefore + 1);
  });
});
