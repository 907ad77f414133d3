// @vitest-environment happy-dom
/**
 * The signature gate on the screen (issue 10 items 2-4): an incomplete read needs the acknowledgement with a reason
 * (recorded in the note and as a DetectedIssue, or the note alone), no Sign without create permission, an LDN
 * order already in the chart must be answered (continue, replace, cancel), an edit after a failed write is a new
 * order, and an order written meanwhile elsewhere stops the write with a true message.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReadGap } from '../../src/core/chart.ts';
import { ACKNOWLEDGEMENT_TITLE } from '../../src/core/order/detected-issue.ts';
import { TITRATION_PRESETS } from '../../src/core/titration/presets.ts';
import { X } from '../../src/ui/strings.ts';
import { P, W } from '../../src/ui/strings-plan.ts';
import { concept, medicationRequest, rxnorm } from '../../fixtures/factories.ts';
import { chartOf, fakes, fibromyalgia, launchContext, PATIENT_ID, renderScreen } from './support/screen.tsx';
import { readGap } from '../../src/core/chart.ts';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const GAP: ReadGap = readGap('MedicationStatement', 'failed', { what: 'search-failed', answer: 'status', status: 500 });
const GAP_WORDS = 'MedicationStatement search answered 500 (the server reported an error)';
const incompleteChart = () => chartOf({ conditions: [fibromyalgia()], gaps: [GAP] });
const existingLdn = () =>
  medicationRequest({
    id: 'mr-ldn-old',
    patientId: PATIENT_ID,
    status: 'active',
    authoredOn: '2026-10-01',
    medication: { concept: concept([rxnorm('7243', 'naltrexone')], 'Naltrexone 4.5 mg capsule (compounded)') },
    sig: '4.5 mg at bedtime',
  });
const signButton = () =>
  screen.queryByRole('button', {
    name: new RegExp(`${P.sign}|${P.sending}|${P.retrySign}`),
  }) as HTMLButtonElement | null;

async function pickPreset() {
  const preset = TITRATION_PRESETS.find((p) => p.id === 'clinic-weekly') ?? TITRATION_PRESETS[0]!;
  fireEvent.change(await screen.findByLabelText(P.preset), { target: { value: preset.id } });
  await screen.findByRole('heading', { name: P.reviewHeading });
}

function acknowledge(reason: string) {
  fireEvent.click(screen.getByRole('checkbox', { name: W.ackCheck }));
  fireEvent.input(screen.getByLabelText(W.ackReason), { target: { value: reason } });
}

describe('signing on an incomplete read', () => {
  it('shows what was not read, offers a retry, and signs only after the acknowledgement with a reason, which is recorded', async () => {
    const f = fakes({ charts: [incompleteChart()] });
    renderScreen(f);
    await pickPreset();
    expect(screen.getByRole('heading', { name: W.incompleteHeading })).toBeTruthy();
    expect(screen.getByText(GAP_WORDS, { selector: '.sign-gate li' })).toBeTruthy();
    expect(signButton()!.disabled).toBe(true);
    expect(screen.getByText(W.ackMissing, { selector: '#sign-blocked' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: W.ackCheck }));
    expect(signButton()!.disabled).toBe(true); // ticked, no reason yet
    fireEvent.input(screen.getByLabelText(W.ackReason), {
      target: { value: 'Pain clinic letter: no opioids since 2024' },
    });
    await waitFor(() => expect(signButton()!.disabled).toBe(false));
    fireEvent.click(signButton()!);
    await screen.findByRole('heading', { name: new RegExp(W.createdHeading) });
    const sent = f.written[0]!;
    const notes = (sent.medicationRequest.note ?? []).map((n) => n.text).join('\n');
    expect(notes).toContain('Pain clinic letter: no opioids since 2024');
    expect(notes).toContain(GAP_WORDS);
    expect(sent.detectedIssues.map((d) => d.code?.text)).toEqual([ACKNOWLEDGEMENT_TITLE]);
    expect(screen.getByText(W.recordedAck(true))).toBeTruthy();
  });

  it('records it in the note alone where DetectedIssues are not permitted', async () => {
    const f = fakes({ charts: [incompleteChart()] });
    renderScreen(
      f,
      launchContext({ grantedScopes: ['launch', 'patient/MedicationRequest.crs', 'patient/Condition.rs'] }),
    );
    await pickPreset();
    expect(screen.getByText(W.ackRecorded(false))).toBeTruthy();
    acknowledge('Urgent, reviewed paper chart');
    await waitFor(() => expect(signButton()!.disabled).toBe(false));
    fireEvent.click(signButton()!);
    await screen.findByRole('heading', { name: new RegExp(W.createdHeading) });
    expect(f.written[0]!.detectedIssues).toEqual([]);
    expect(f.written[0]!.medicationRequest.note?.some((n) => n.text.includes('Urgent, reviewed paper chart'))).toBe(
      true,
    );
  });

  it('reads the chart again on retry', async () => {
    const f = fakes({ charts: [incompleteChart(), chartOf({ conditions: [fibromyalgia()] })] });
    renderScreen(f);
    fireEvent.click(await screen.findByRole('button', { name: W.retryRead }));
    await waitFor(() => expect(f.readChart).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(screen.queryByRole('heading', { name: W.incompleteHeading })).toBeNull());
  });
});

describe('without permission to create orders', () => {
  it('does not offer Sign, and offers the printable order and the FHIR JSON', async () => {
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()] })] });
    renderScreen(
      f,
      launchContext({ grantedScopes: ['launch', 'patient/MedicationRequest.rs', 'patient/Condition.rs'] }),
    );
    await pickPreset();
    expect(signButton()).toBeNull();
    expect(screen.getByText(W.noPermission)).toBeTruthy();
    expect(screen.getByRole('button', { name: P.print })).toBeTruthy();
    expect(screen.getByRole('link', { name: P.download })).toBeTruthy();
    expect(f.writeOrder).not.toHaveBeenCalled();
  });
});

describe('an LDN order already in the chart', () => {
  it('is shown at the top with its start and step, and blocks signing until the clinician answers', async () => {
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()], medicationRequests: [existingLdn()] })] });
    renderScreen(f);
    const panel = (await screen.findByRole('heading', { name: X.heading })).closest('section')!;
    expect(panel.textContent).toContain('Naltrexone 4.5 mg capsule (compounded)');
    expect(panel.textContent).toContain(X.started('1 Oct 2026'));
    // At the top: before the verdict.
    const verdict = document.querySelector('.verdict')!;
    expect(panel.compareDocumentPosition(verdict) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await pickPreset();
    expect(signButton()!.disabled).toBe(true);
    expect(screen.getByText(W.existingUndecided, { selector: '#sign-blocked' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: X.continue }));
    expect(signButton()).toBeNull();
    expect(screen.getByText(W.noNewOrderContinue)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: X.cancel }));
    expect(screen.getByText(W.noNewOrderCancel)).toBeTruthy();
    expect(f.writeOrder).not.toHaveBeenCalled();
  });

  it('replace: the new order names the old one, and the writer is told to try stopping it', async () => {
    const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()], medicationRequests: [existingLdn()] })] });
    renderScreen(f);
    await pickPreset();
    fireEvent.click(screen.getByRole('radio', { name: X.replace }));
    expect(screen.getByText(X.replaceNote)).toBeTruthy();
    await waitFor(() => expect(signButton()!.disabled).toBe(false));
    fireEvent.click(signButton()!);
    await screen.findByRole('heading', { name: new RegExp(W.createdHeading) });
    expect(f.written[0]!.medicationRequest.priorPrescription?.reference).toBe('MedicationRequest/mr-ldn-old');
    expect(f.writeOptions[0]).toMatchObject({
      replaces: 'MedicationRequest/mr-ldn-old',
      concurrency: { knownOrders: ['MedicationRequest/mr-ldn-old'] },
    });
  });
});

describe('exactly once with the right content', () => {
  it('sends an edited plan after a failed write as a new order, telling the writer about the earlier version', async () => {
    let calls = 0;
    const f = fakes({
      charts: [chartOf({ conditions: [fibromyalgia()] })],
      outcome: (d) =>
        ++calls === 1
          ? {
              kind: 'failed',
              retryable: true,
              code: 'write/unconfirmed',
              severity: 'error',
              params: { cause: 'create/no-answer', type: 'MedicationRequest', answer: 'network' },
            }
          : { ...createdFor(d) },
    });
    renderScreen(f);
    await pickPreset();
    await waitFor(() => expect(signButton()!.disabled).toBe(false));
    fireEvent.click(signButton()!);
    await screen.findByText(P.failed);
    fireEvent.input(screen.getByLabelText(P.startDate), { target: { value: '2026-12-03' } });
    await waitFor(() => expect(signButton()!.disabled).toBe(false));
    fireEvent.click(signButton()!);
    await screen.findByRole('heading', { name: new RegExp(W.createdHeading) });
    const [first, second] = f.written;
    expect(second!.identifier.value).not.toBe(first!.identifier.value);
    expect(f.writeOptions[1]!.concurrency?.ownIdentifiers).toEqual([first!.identifier.value]);
  });

  it('says so truthfully when another LDN order was written meanwhile (another tab), and claims nothing', async () => {
    const f = fakes({
      charts: [chartOf({ conditions: [fibromyalgia()] })],
      outcome: () => ({
        kind: 'concurrent-order',
        code: 'write/concurrent-order',
        severity: 'error',
        params: { reference: 'MedicationRequest/other' },
        order: {
          reference: 'MedicationRequest/other',
          name: 'Naltrexone 1 mg/mL oral liquid',
          authoredOn: '2026-11-25T11:00:00Z',
          ownApp: true,
        },
      }),
    });
    renderScreen(f);
    await pickPreset();
    await waitFor(() => expect(signButton()!.disabled).toBe(false));
    fireEvent.click(signButton()!);
    expect(await screen.findByText(W.concurrentHeading)).toBeTruthy();
    expect(screen.getByText(W.concurrentWritten('Naltrexone 1 mg/mL oral liquid', '25 Nov 2026'))).toBeTruthy();
    expect(
      screen.getByText(/\(MedicationRequest\/other\) was written since the chart was read.*Nothing was sent/),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: new RegExp(W.createdHeading) })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: W.reloadChart }));
    await waitFor(() => expect(f.readChart).toHaveBeenCalledTimes(2));
  });
});

function createdFor(d: { detectedIssues: unknown[] }) {
  return {
    kind: 'created' as const,
    medicationRequest: {
      id: 'mr-2',
      reference: 'MedicationRequest/mr-2',
      url: 'https://ehr.example.org/fhir/MedicationRequest/mr-2',
    },
    detectedIssues: [],
    shape: 'full' as const,
    foldedDetectedIssues: d.detectedIssues.length,
    notes: [],
    recorded: [],
    duplicatesExcluded: true,
  };
}
