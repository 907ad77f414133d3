// @vitest-environment happy-dom
/**
 * Signing: nothing is written before "Sign and send order"; contraindicated/major conflicts need an override with
 * a reason; a double click sends once; the draft (fields, overrides, order identifier) survives a reload in
 * sessionStorage and is cleared after success; a refused write offers print and a FHIR JSON download.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TITRATION_PRESETS } from '../../src/core/titration/presets.ts';
import type { WriteOutcome } from '../../src/edge/order-writer.ts';
import { draftKey } from '../../src/ui/model/draft-store.ts';
import { P, W } from '../../src/ui/strings-plan.ts';
import { chartOf, fakes, fibromyalgia, PATIENT_ID, recentOxycodone, renderScreen, SERVER } from './support/screen.tsx';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

const clinicPreset = () => TITRATION_PRESETS.find((p) => p.id === 'clinic-weekly') ?? TITRATION_PRESETS[0]!;
const fibroChart = () => chartOf({ conditions: [fibromyalgia()] });
const conflictChart = () => chartOf({ conditions: [fibromyalgia()], medicationStatements: [recentOxycodone()] });
const signButton = () =>
  screen.getByRole('button', { name: new RegExp(`${P.sign}|${P.sending}|${P.retrySign}`) }) as HTMLButtonElement;

async function pickPreset() {
  fireEvent.change(await screen.findByLabelText(P.preset), { target: { value: clinicPreset().id } });
  await screen.findByRole('heading', { name: P.reviewHeading });
}

/** The order identifier in the review's JSON (the MedicationRequest is the last block). */
function currentOrderId(): string {
  const pre = document.querySelectorAll('pre');
  return JSON.parse(pre[pre.length - 1]?.textContent ?? '{}').identifier?.[0]?.value;
}

function override(reason: string) {
  fireEvent.click(screen.getByRole('checkbox', { name: /Override: Recent opioid use/ }));
  fireEvent.input(screen.getByLabelText(P.overrideReason), { target: { value: reason } });
}

describe('review and sign', () => {
  it('shows the summary and the exact JSON, and writes nothing until the clinician signs', async () => {
    const f = fakes({ charts: [fibroChart()] });
    renderScreen(f);
    await pickPreset();
    await waitFor(() => expect(signButton().disabled).toBe(false));
    const pre = document.querySelectorAll('pre');
    const json = JSON.parse(pre[pre.length - 1]?.textContent ?? '{}');
    expect(json.resourceType).toBe('MedicationRequest');
    expect(json.subject.reference).toBe(`Patient/${PATIENT_ID}`);
    expect(f.writeOrder).not.toHaveBeenCalled();
    fireEvent.click(signButton());
    const heading = await screen.findByRole('heading', { name: new RegExp(W.createdHeading) });
    expect(f.writeOrder).toHaveBeenCalledTimes(1);
    // What was sent is what was shown.
    expect(JSON.stringify(f.written[0]?.medicationRequest, null, 2)).toBe(pre[pre.length - 1]?.textContent);
    // One order number; behind SMART a link would open a 401 page, so none: the id and where to find it.
    expect(screen.getAllByText('mr-new')).toHaveLength(1);
    expect(screen.queryByRole('link', { name: W.openOrder })).toBeNull();
    expect(screen.getByText(new RegExp(W.findInEhr))).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/Shape written|MedicationRequest\/mr-new/);
    // The success message takes focus (it is below the fold in an 800x600 frame).
    await waitFor(() => expect(document.activeElement).toBe(heading.closest('.outcome')));
  });

  it('requires an override with a reason for a major conflict before signing, and sends it as a DetectedIssue', async () => {
    const f = fakes({ charts: [conflictChart()] });
    renderScreen(f);
    await pickPreset();
    expect(screen.getByRole('heading', { name: P.overridesHeading })).toBeTruthy();
    expect(signButton().disabled).toBe(true);
    expect(screen.getByText(P.overrideMissing, { selector: '#sign-blocked' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Override: Recent opioid use/ }));
    expect(signButton().disabled).toBe(true); // ticked but no reason yet
    fireEvent.input(screen.getByLabelText(P.overrideReason), {
      target: { value: 'Last dose was 5 mg once; patient counselled' },
    });
    await waitFor(() => expect(signButton().disabled).toBe(false));
    fireEvent.click(signButton());
    await screen.findByRole('heading', { name: new RegExp(W.createdHeading) });
    expect(screen.getByText(/Your override of “Recent opioid use/)).toBeTruthy();
    const sent = f.written[0]!;
    expect(sent.detectedIssues).toHaveLength(1);
    expect(JSON.stringify(sent.detectedIssues[0])).toContain('Last dose was 5 mg once; patient counselled');
    expect(sent.medicationRequest.detectedIssue).toHaveLength(1);
  });

  it('sends once on a double click and disables the button while sending', async () => {
    const f = fakes({ charts: [fibroChart()], holdWrite: true });
    renderScreen(f);
    await pickPreset();
    await waitFor(() => expect(signButton().disabled).toBe(false));
    const button = signButton();
    fireEvent.click(button);
    fireEvent.click(button);
    await waitFor(() => expect(signButton().disabled).toBe(true));
    expect(signButton().textContent).toBe(P.sending);
    fireEvent.click(signButton());
    f.releaseWrite();
    await screen.findByRole('heading', { name: new RegExp(W.createdHeading) });
    expect(f.writeOrder).toHaveBeenCalledTimes(1);
  });
});

describe('draft across a reload', () => {
  it('restores the fields, the override and the order identifier, and clears them after success', async () => {
    const key = draftKey(SERVER, PATIENT_ID);
    const first = fakes({ charts: [conflictChart()] });
    const view = renderScreen(first);
    await pickPreset();
    fireEvent.input(screen.getByLabelText(P.startDate), { target: { value: '2026-12-01' } });
    override('Reviewed with the patient');
    await waitFor(() => expect(signButton().disabled).toBe(false));
    const idBefore = currentOrderId();
    expect(idBefore).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(sessionStorage.getItem(key) ?? '{}').nonce).toBeTruthy();
    expect(localStorage.length).toBe(0);
    view.unmount(); // the reload

    const second = fakes({ charts: [conflictChart()] });
    renderScreen(second);
    const preset = (await screen.findByLabelText(P.preset)) as HTMLSelectElement;
    expect(preset.value).toBe(clinicPreset().id);
    // Shown in the one clinical format, as it was restored: the model holds the ISO date.
    expect((screen.getByLabelText(P.startDate) as HTMLInputElement).value).toBe('1 Dec 2026');
    expect((screen.getByRole('checkbox', { name: /Override: Recent opioid use/ }) as HTMLInputElement).checked).toBe(
      true,
    );
    expect((screen.getByLabelText(P.overrideReason) as HTMLTextAreaElement).value).toBe('Reviewed with the patient');
    await waitFor(() => expect(signButton().disabled).toBe(false));
    fireEvent.click(signButton());
    await screen.findByRole('heading', { name: new RegExp(W.createdHeading) });
    // The same identifier (same plan, same draft): a write begun before the reload cannot become a second order.
    expect(second.written[0]?.identifier.value).toBe(idBefore);
    expect(sessionStorage.getItem(key)).toBeNull();
  });

  it('keeps one draft per patient', async () => {
    renderScreen(fakes({ charts: [fibroChart()] }));
    await pickPreset();
    expect(sessionStorage.getItem(draftKey(SERVER, PATIENT_ID))).not.toBeNull();
    expect(sessionStorage.getItem(draftKey(SERVER, 'someone-else'))).toBeNull();
  });
});

describe('fallbacks when the order cannot be written', () => {
  const notPermitted = (): WriteOutcome => ({
    kind: 'not-permitted',
    code: 'write/no-create-scope',
    severity: 'error',
    offer: 'print-and-download',
  });

  it('offers a printable order and a download of the FHIR JSON', async () => {
    const f = fakes({ charts: [fibroChart()], outcome: notPermitted });
    // happy-dom has no print dialog: stand in for the browser's.
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true });
    const created: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      created.push(b as Blob);
      return 'blob:http://localhost/order-1';
    });
    renderScreen(f);
    await pickPreset();
    await waitFor(() => expect(signButton().disabled).toBe(false));
    fireEvent.click(signButton());
    expect(await screen.findByText(P.notPermitted)).toBeTruthy();
    expect(screen.getByText(/not granted permission to create medication orders/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: P.print }));
    expect(print).toHaveBeenCalledTimes(1);
    const link = screen.getByRole('link', { name: P.download });
    expect(link.getAttribute('href')).toBe('blob:http://localhost/order-1');
    expect(link.getAttribute('download')).toMatch(/^naltrexone-order-.+\.json$/);
    const bundle = JSON.parse(await created[created.length - 1]!.text());
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.at(-1).resource.resourceType).toBe('MedicationRequest');
    expect(bundle.entry.at(-1).request.ifNoneExist).toContain(encodeURIComponent(f.written[0]!.identifier.value));
    // The print view carries the order in words.
    expect(document.querySelector('.print-order__text')?.textContent).toBe(f.planServices.orderAsText(f.written[0]!));
    // Still a draft: not cleared, so the clinician can try again later with the same identifier.
    expect(sessionStorage.getItem(draftKey(SERVER, PATIENT_ID))).not.toBeNull();
    createObjectURL.mockRestore();
  });

  it('offers the same fallbacks and a retry after a failed write', async () => {
    const f = fakes({
      charts: [fibroChart()],
      outcome: () => ({
        kind: 'failed',
        code: 'write/unconfirmed',
        severity: 'error',
        params: { cause: 'create/no-answer', type: 'MedicationRequest', answer: 'status', status: 500 },
        retryable: true,
        status: 500,
      }),
    });
    renderScreen(f);
    await pickPreset();
    await waitFor(() => expect(signButton().disabled).toBe(false));
    fireEvent.click(signButton());
    expect(await screen.findByText(P.failed)).toBeTruthy();
    expect(
      screen.getByText(/could not be confirmed as saved: the server answered 500 \(the server reported an error\)/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: P.print })).toBeTruthy();
    expect(screen.getByRole('link', { name: P.download })).toBeTruthy();
    expect(signButton().textContent).toBe(P.retrySign);
  });
});
