/**
 * The write path in real Chromium against the sandbox EHR (issue 4, "Done when"): the clinician launches for the
 * fibromyalgia patient, picks the clinic's preset, double-clicks "Sign and send order", and exactly one
 * MedicationRequest with the contained compound and one dosage per step is on the FHIR server, read back from the
 * sandbox's open FHIR base; the same with overrides and their DetectedIssues for a patient with major conflicts.
 * Each test deletes what it wrote, so the other browser tests see the synthetic charts unchanged.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { DetectedIssue, MedicationRequest } from 'fhir/r4';
import { P, W } from '../../src/ui/strings-plan.ts';
import { browserPerTest, e2eDescribe, ehrLaunch } from './support/browser.ts';
import { deleteWritten, openFhir, searchOpen } from './support/open-fhir.ts';

const ORDER_SYSTEM = 'urn:ldn-app:medication-request';

async function launchToVerdict(page: Page, patientId: string, options: Record<string, string> = {}): Promise<Frame> {
  const frame = await ehrLaunch(page, patientId, { banner: '0', ...options });
  await frame.waitForSelector('main.ldn[data-screen="ready"]', { timeout: 45_000 });
  return frame;
}

/** Picks the preset, waits for the order to be ready and returns its client identifier and step count. */
async function planWithPreset(frame: Frame, presetId: string): Promise<{ identifier: string; steps: number }> {
  await frame.selectOption('#plan-preset', presetId);
  await frame.waitForSelector('table.steps tbody tr');
  const steps = await frame.$$eval('table.steps tbody tr', (rows) => rows.length);
  const sign = await frame.waitForSelector(`button:has-text("${P.sign}"):not([disabled])`);
  expect(sign).not.toBeNull();
  const json = await frame.$$eval('details.json pre', (pres) => pres.map((p) => p.textContent ?? ''));
  const order = JSON.parse(json[json.length - 1] ?? '{}') as MedicationRequest;
  const identifier = order.identifier?.find((i) => i.system === ORDER_SYSTEM)?.value;
  expect(identifier).toBeTruthy();
  return { identifier: identifier as string, steps };
}

async function signWithDoubleClick(frame: Frame): Promise<string> {
  await frame.dblclick(`button:has-text("${P.sign}")`);
  await frame.waitForSelector('.outcome--ok', { timeout: 45_000 });
  return (await frame.textContent('.outcome--ok code')) ?? '';
}

e2eDescribe('clinician signs an order (write path)', () => {
  const session = browserPerTest();
  let page: Page;
  const written: string[] = [];
  beforeEach(() => {
    ({ page } = session);
  });
  afterEach(async () => {
    // Leave the synthetic charts as they were for the other browser tests.
    await deleteWritten(written);
  });

  it('writes exactly one MedicationRequest with the contained compound and one dosage per step (fibromyalgia, clinic preset)', async () => {
    const frame = await launchToVerdict(page, 'ldn-fibromyalgia');
    const { identifier, steps } = await planWithPreset(frame, 'clinic-weekly');
    const createdId = await signWithDoubleClick(frame);
    expect(createdId).toBeTruthy();
    written.push(`MedicationRequest/${createdId}`);

    const orders = (
      await searchOpen<MedicationRequest>('MedicationRequest?patient=ldn-fibromyalgia&_count=200')
    ).filter((mr) => mr.identifier?.some((i) => i.system === ORDER_SYSTEM && i.value === identifier));
    expect(orders).toHaveLength(1);
    const order = orders[0] as MedicationRequest;
    expect(order.id).toBe(createdId);
    const compound = order.contained?.find((r) => r.resourceType === 'Medication');
    expect(compound).toBeDefined();
    expect(JSON.stringify(compound)).toContain('"7243"'); // naltrexone, RxNorm ingredient
    expect(order.medicationReference?.reference).toBe(`#${compound?.id}`);
    expect(order.dosageInstruction).toHaveLength(steps);
    const sequences = (order.dosageInstruction ?? []).map((d) => d.sequence ?? 0);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(steps);
    // Success screen: one order number; no link behind SMART (a new tab has no token: a 401 page), where to find it.
    const success = (await frame.textContent('.outcome--ok')) ?? '';
    expect(success).toContain(W.findInEhr);
    expect(success.split(createdId)).toHaveLength(2);
    expect(await frame.$(`.outcome--ok a`)).toBeNull();
  });

  it('writes the overrides as DetectedIssues referenced by the single order (major conflicts)', async () => {
    const patient = 'ldn-ms-tramadol-stopped';
    const frame = await launchToVerdict(page, patient);
    await frame.selectOption('#plan-preset', 'clinic-weekly');
    const boxes = await frame.$$('input[type="checkbox"][id^="override-"]');
    expect(boxes.length).toBeGreaterThan(0);
    // Not signable before every override has its reason.
    expect(await frame.isDisabled(`button:has-text("${P.sign}")`)).toBe(true);
    const reason = 'Tramadol stopped; patient counselled, starts after the window ends';
    for (const box of boxes) {
      const id = await box.getAttribute('id');
      await box.check();
      await frame.fill(`#${id?.replace(/-check$/, '-reason')}`, reason);
    }
    const { identifier, steps } = await planWithPreset(frame, 'clinic-weekly');
    const createdId = await signWithDoubleClick(frame);
    written.push(`MedicationRequest/${createdId}`);

    const orders = (await searchOpen<MedicationRequest>(`MedicationRequest?patient=${patient}&_count=200`)).filter(
      (mr) => mr.identifier?.some((i) => i.system === ORDER_SYSTEM && i.value === identifier),
    );
    expect(orders).toHaveLength(1);
    const order = orders[0] as MedicationRequest;
    expect(order.dosageInstruction).toHaveLength(steps);
    const refs = (order.detectedIssue ?? []).map((r) => r.reference ?? '');
    expect(refs).toHaveLength(boxes.length);
    written.push(...refs);
    for (const ref of refs) {
      const { status, body } = await openFhir<DetectedIssue>(ref);
      expect(status).toBe(200);
      expect(body.status).toBe('final');
      expect(JSON.stringify(body.mitigation)).toContain(reason);
      expect(body.patient?.reference).toBe(`Patient/${patient}`);
    }
  });

  it('does not offer Sign and offers print and the FHIR JSON download when the session may only read', async () => {
    const frame = await launchToVerdict(page, 'ldn-fibromyalgia', { scope: 'launch openid fhirUser patient/*.rs' });
    await frame.selectOption('#plan-preset', 'clinic-weekly');
    await frame.waitForSelector('.outcome--failed');
    expect(await frame.textContent('.outcome--failed')).toContain(W.noPermission);
    expect(await frame.$(`button:has-text("${P.sign}")`)).toBeNull();
    const json = await frame.$$eval('details.json pre', (pres) => pres.map((p) => p.textContent ?? ''));
    const identifier =
      (JSON.parse(json[json.length - 1] ?? '{}') as MedicationRequest).identifier?.find(
        (i) => i.system === ORDER_SYSTEM,
      )?.value ?? '';
    expect(identifier).toBeTruthy();
    expect(await frame.$(`button:has-text("${P.print}")`)).not.toBeNull();
    const download = await frame.getAttribute(`a:has-text("${P.download}")`, 'download');
    const href = await frame.getAttribute(`a:has-text("${P.download}")`, 'href');
    expect(download).toMatch(/\.json$/);
    expect(href).toMatch(/^blob:/);
    const orders = (
      await searchOpen<MedicationRequest>('MedicationRequest?patient=ldn-fibromyalgia&_count=200')
    ).filter((mr) => mr.identifier?.some((i) => i.system === ORDER_SYSTEM && i.value === identifier));
    expect(orders).toHaveLength(0);
    // The print view: the order in words, without the controls.
    await page.emulateMedia({ media: 'print' });
    expect(await frame.isVisible('.print-order__text')).toBe(true);
    expect(await frame.textContent('.print-order__text')).toContain(identifier);
    expect(await frame.isVisible(`button:has-text("${P.print}")`)).toBe(false);
    expect(await frame.isVisible('#plan-preset')).toBe(false);
  });

  it('leaves exactly one order when the page reloads while the write is under way (same identifier after the reload)', async () => {
    // The first write is held on its way to the server while the frame reloads, and lands only after the page has
    // read the chart again: a write under way across a reload (formerly a slow-server fault on every
    // MedicationRequest request, 1.5 s each; now only this one request waits, on the test's cue).
    let captured: (request: Request) => void = () => undefined;
    const heldWrite = new Promise<Request>((done) => (captured = done));
    let held = false;
    await page.route(
      (url) => url.pathname === '/fhir/MedicationRequest',
      async (route) => {
        const request = route.request();
        if (request.method() !== 'POST' || held) return route.fallback();
        held = true;
        captured(
          new Request(request.url(), { method: 'POST', headers: await request.allHeaders(), body: request.postData() }),
        );
      },
    );
    const frame = await launchToVerdict(page, 'ldn-fibromyalgia');
    const { identifier } = await planWithPreset(frame, 'clinic-weekly');
    await frame.click(`button:has-text("${P.sign}")`);
    const firstWrite = await heldWrite;
    await frame.evaluate(() => location.reload());
    await frame.waitForSelector('main.ldn[data-screen="ready"]', { timeout: 45_000 });
    // The draft came back with the same identifier; signing again must not make a second order.
    const again = await planWithPreset(frame, 'clinic-weekly');
    expect(again.identifier).toBe(identifier);
    // Now the first write reaches the server.
    expect((await fetch(firstWrite)).status).toBe(201);
    const createdId = await signWithDoubleClick(frame);
    written.push(`MedicationRequest/${createdId}`);
    const orders = (
      await searchOpen<MedicationRequest>('MedicationRequest?patient=ldn-fibromyalgia&_count=200')
    ).filter((mr) => mr.identifier?.some((i) => i.system === ORDER_SYSTEM && i.value === identifier));
    expect(orders.map((o) => o.id)).toEqual([createdId]);
  });
});
