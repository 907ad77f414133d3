// @vitest-environment happy-dom
/**
 * Review equals send (issue 11 item 3) and the patient handout (item 5), on the clinician screen with fake
 * services: the preview shows every note, dosage and fill of the very resource that is sent, with the patient's
 * and prescriber's names instead of references, one date format and plural units; the handout is made from the
 * plan alone with the schedule by date, the opioid warning, surgery advice, follow-up and contact line.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { patient, practitioner } from '../../fixtures/factories.ts';
import { TITRATION_PRESETS } from '../../src/core/titration/presets.ts';
import { H, R } from '../../src/ui/strings-order.ts';
import { P } from '../../src/ui/strings-plan.ts';
import { chartOf, fakes, fibromyalgia, launchContext, PATIENT_ID, renderScreen } from './support/screen.tsx';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/fhir+json' } });

/** The screen with a server that knows the patient and the launching practitioner, and a scope to read it. */
function screenWithNames() {
  const pat = patient({ id: PATIENT_ID, given: 'Ada', family: 'Lovelace', gender: 'female', birthDate: '1985-12-10' });
  const f = fakes({ charts: [chartOf({ conditions: [fibromyalgia()], patient: pat })] });
  const doc = practitioner({ id: 'dr-1', given: 'Jane', family: 'Doe', prefix: 'Dr.' });
  f.http.fetch = vi.fn(async (path: string) => json(path.startsWith('Practitioner/') ? doc : pat));
  const base = launchContext();
  renderScreen(f, launchContext({ grantedScopes: [...base.grantedScopes, 'user/Practitioner.read'] }));
  return f;
}

async function pick(id: string) {
  fireEvent.change(await screen.findByLabelText(P.preset), { target: { value: id } });
  await screen.findByRole('heading', { name: P.reviewHeading });
}

/** The preview's text without the raw JSON behind its toggle. */
function previewText(): string {
  const preview = document.querySelector('[data-order-preview]')!.cloneNode(true) as HTMLElement;
  preview.querySelector('details.json')?.remove();
  return preview.textContent ?? '';
}

describe('order preview', () => {
  it('renders every note, dosage and fill of the resource that is sent, with names, clinical dates and plural units', async () => {
    const f = screenWithNames();
    await pick('clinic-weekly');
    await waitFor(() => expect(previewText()).toContain('Dr. Jane Doe'));
    const text = previewText();
    const pre = document.querySelectorAll('[data-order-preview] pre');
    const mr = JSON.parse(pre[pre.length - 1]!.textContent ?? '{}');
    expect(mr.requester).toEqual({ reference: 'Practitioner/dr-1', display: 'Dr. Jane Doe' });
    expect(mr.subject).toEqual({ reference: `Patient/${PATIENT_ID}`, display: 'Ada Lovelace' });
    // Every note (the plan with its side-effect advice, the pharmacy's fills) and every dosage text, as sent.
    const notes = document.querySelectorAll('.preview__note');
    expect([...notes].map((n) => n.textContent)).toEqual(mr.note.map((n: { text: string }) => n.text));
    for (const d of mr.dosageInstruction) expect(text).toContain(d.text);
    expect(text).toContain('trouble sleeping or vivid dreams');
    expect(text).toContain(`First fill: ${mr.dispenseRequest.initialFill.quantity.value} mL for 30 days`);
    expect(text).toContain(`Repeats: ${mr.dispenseRequest.numberOfRepeatsAllowed}, each at most`);
    expect(text).toMatch(
      /Fill 5 of 5: [\d.]+ mL of 0\.5 mg\/mL for \d+ days, .* beyond-use date \d{1,2} [A-Z][a-z]{2} \d{4}\./,
    );
    expect(text).toContain('ascorbic acid (inactive)');
    // Names, not references; one date format; no codes in prose.
    expect(text).not.toMatch(/Patient\/|Practitioner\/|Encounter\/|\d{4}-\d{2}-\d{2}|Status: |intent/);
    // The printout carries the prescriber and a signature line.
    expect(document.querySelector('.signature')?.textContent).toContain(R.signatureLine('Dr. Jane Doe'));
    // What is sent is exactly what the preview shows.
    const sign = screen.getByRole('button', { name: P.sign }) as HTMLButtonElement;
    await waitFor(() => expect(sign.disabled).toBe(false));
    fireEvent.click(sign);
    await waitFor(() => expect(f.written).toHaveLength(1));
    expect(JSON.stringify(f.written[0]!.medicationRequest, null, 2)).toBe(pre[pre.length - 1]!.textContent);
  });

  it('says "capsules" for many and "capsule" for one, and the 4.5 mg step is one capsule', async () => {
    screenWithNames();
    await pick('nct04678895');
    const text = previewText();
    expect(text).toContain('First fill: 44 capsules for 44 days');
    expect(text).toMatch(/Then take 1 capsule of 4\.5 mg \(4\.5 mg\)/);
    expect(text).not.toMatch(/\b(?:[02-9]|\d{2,}) capsule\b/);
    expect(text).toContain('microcrystalline cellulose (inactive)');
  });
});

describe('patient handout', () => {
  it('opens from the plan alone: schedule by date, timing, side effects, opioid warning, surgery, follow-up and contact', async () => {
    screenWithNames();
    await pick('clinic-weekly');
    fireEvent.input(screen.getByLabelText(H.clinicContact), { target: { value: 'Call the clinic on 555 0100' } });
    fireEvent.click(screen.getByRole('button', { name: H.open }));
    const handout = (await screen.findByRole('heading', { name: H.title })).closest('article') as HTMLElement;
    await waitFor(() => expect(document.activeElement?.id).toBe('handout-h'));
    const preset = TITRATION_PRESETS.find((p) => p.id === 'clinic-weekly')!;
    const rows = within(handout).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(18);
    expect(rows[0]!.textContent).toMatch(
      /^\d{1,2} [A-Z][a-z]{2} \d{4}\d{1,2} [A-Z][a-z]{2} \d{4}0\.5 mL of the liquid, at bedtime0\.25 mg$/,
    );
    expect(rows.at(-1)!.textContent).toContain(H.continueAfter);
    expect(preset.schedule.targetMg).toBe(4.5);
    const text = handout.textContent ?? '';
    for (const part of [
      H.opioidHeading,
      H.opioid,
      H.surgery,
      H.sideEffects,
      H.morningTip,
      'Call the clinic on 555 0100',
      'For Ada Lovelace',
    ])
      expect(text).toContain(part);
    expect(text).toMatch(/Follow-up on \d{1,2} [A-Z][a-z]{2} \d{4}\./);
    expect(H.morningTip).toMatch(/not from research studies/);
    expect(H.surgery).toMatch(/at least 3 days \(72 hours\)/);
  });
});
