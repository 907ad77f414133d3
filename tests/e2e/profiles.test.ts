/**
 * One Chromium launch per sandbox server profile (issue 12 item 4, sandbox/README.md "Server profiles"), checking
 * the verdict and the write outcome the clinician gets there:
 *   - epic-like: no MedicationStatement search, so the verdict is "incomplete" (the truthful answer), with what the
 *     rest of the chart would give; signing on it is refused by the server, and the app ends at the printable
 *     order with nothing written;
 *   - oracle-like: the full order is refused (422) and the app writes the reported-medication shape, read back
 *     from the sandbox's open base;
 *   - hapi-like: the verdict is as under `full`, for the large chart read through HAPI's `_getpages` links.
 * Each test deletes what it wrote.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { DetectedIssue, MedicationRequest } from 'fhir/r4';
import { largeChartPatient, syntheticPatients } from '../../fixtures/patients.ts';
import { S, VERDICT_WORDS } from '../../src/ui/strings.ts';
import { P, W } from '../../src/ui/strings-plan.ts';
import { browserPerTest, e2eDescribe, ehrLaunch } from './support/browser.ts';
import { deleteWritten, openFhir, searchOpen } from './support/open-fhir.ts';

const ORDER_SYSTEM = 'urn:ldn-app:medication-request';
const signSelector = `button:has-text("${P.sign}")`;

async function launchToVerdict(page: Page, patientId: string, profile: string): Promise<Frame> {
  const frame = await ehrLaunch(page, patientId, { banner: '0', profile });
  await frame.waitForSelector('main.ldn[data-screen="ready"]', { timeout: 60_000 });
  return frame;
}

/** Picks the clinic preset and returns the draft order's client identifier. */
async function plan(frame: Frame): Promise<string> {
  await frame.selectOption('#plan-preset', 'clinic-weekly');
  await frame.waitForSelector('table.steps tbody tr');
  const json = await frame.$$eval('details.json pre', (pres) => pres.map((p) => p.textContent ?? ''));
  const identifier = (JSON.parse(json[json.length - 1] ?? '{}') as MedicationRequest).identifier?.find(
    (i) => i.system === ORDER_SYSTEM,
  )?.value;
  expect(identifier).toBeTruthy();
  return identifier as string;
}

const expectedVerdict = (key: string): string =>
  [...syntheticPatients(new Date()), largeChartPatient(new Date())].find((p) => p.key === key)!.expected.verdict;

e2eDescribe('sandbox server profiles', () => {
  const session = browserPerTest();
  let page: Page;
  const written: string[] = [];
  beforeEach(() => {
    ({ page } = session);
  });
  afterEach(async () => {
    await deleteWritten(written);
  });

  it('epic-like: incomplete without MedicationStatement; signing is refused and ends at the printable order, nothing written', async () => {
    const patient = 'ldn-fibromyalgia';
    const issuesBefore = (await searchOpen<DetectedIssue>(`DetectedIssue?patient=${patient}&_count=200`)).length;
    const frame = await launchToVerdict(page, patient, 'epic-like');
    expect(await frame.getAttribute('main.ldn', 'data-verdict')).toBe('incomplete');
    const verdictText = (await frame.textContent('main.ldn')) ?? '';
    expect(verdictText).toContain(S.incompleteIfComplete(VERDICT_WORDS.candidate.label));
    expect(await frame.textContent('ul.gaps')).toMatch(/MedicationStatement|medication statement/i);
    const identifier = await plan(frame);
    await frame.check('#sign-ack-check');
    await frame.fill('#sign-ack-reason', 'Medication list reviewed with the patient');
    await frame.waitForSelector(`${signSelector}:not([disabled])`);
    await frame.click(signSelector);
    await frame.waitForSelector('.outcome--failed', { timeout: 45_000 });
    const failed = (await frame.textContent('.outcome--failed')) ?? '';
    expect(failed).toContain(P.notPermitted);
    expect(await frame.$(`button:has-text("${P.print}")`)).not.toBeNull();
    expect(await frame.getAttribute(`a:has-text("${P.download}")`, 'download')).toMatch(/\.json$/);
    const orders = (await searchOpen<MedicationRequest>(`MedicationRequest?patient=${patient}&_count=200`)).filter(
      (mr) => mr.identifier?.some((i) => i.system === ORDER_SYSTEM && i.value === identifier),
    );
    expect(orders).toHaveLength(0);
    expect(await searchOpen<DetectedIssue>(`DetectedIssue?patient=${patient}&_count=200`)).toHaveLength(issuesBefore);
  });

  it('oracle-like: the full order is refused and the reported-medication shape is written, as the server holds it', async () => {
    const patient = 'ldn-fibromyalgia';
    const frame = await launchToVerdict(page, patient, 'oracle-like');
    expect(await frame.getAttribute('main.ldn', 'data-verdict')).toBe(expectedVerdict(patient));
    const identifier = await plan(frame);
    await frame.waitForSelector(`${signSelector}:not([disabled])`);
    await frame.click(signSelector);
    await frame.waitForSelector('.outcome--ok', { timeout: 45_000 });
    const id = (await frame.textContent('.outcome--ok code')) ?? '';
    written.push(`MedicationRequest/${id}`);
    expect(await frame.textContent('.outcome--ok')).toContain(W.reportedOnly);
    const { status, body: order } = await openFhir<MedicationRequest>(`MedicationRequest/${id}`);
    expect(status).toBe(200);
    expect(order.identifier?.some((i) => i.system === ORDER_SYSTEM && i.value === identifier)).toBe(true);
    expect(order.reportedBoolean).toBe(true);
    expect(order.status).toBe('active');
    expect(['order', 'plan']).toContain(order.intent);
    expect(order.medicationCodeableConcept?.text).toMatch(/naltrexone/i);
    expect(order.medicationReference).toBeUndefined();
    expect(order.dosageInstruction).toHaveLength(1);
  });

  it('hapi-like: the large chart, read through _getpages links, gets the verdict it gets under full', async () => {
    const patient = 'ldn-large-chart';
    const frame = await launchToVerdict(page, patient, 'hapi-like');
    expect(await frame.getAttribute('main.ldn', 'data-verdict')).toBe(expectedVerdict(patient));
    expect(await frame.$('ul.gaps')).toBeNull();
  });
});
