/**
 * Dimensions: shape (full -> reported-only), overrides (none / several, folded into note), summary (full, reported,
 * with overrides), print text.
 */
import { describe, expect, it } from 'vitest';
import { buildOrder } from '../../../src/core/order/build-order.ts';
import { orderAsText, orderSummaryLines, reportedOnlyOrder } from '../../../src/core/order/fallbacks.ts';
import { quantityText } from '../../../src/core/order/summary.ts';
import { fhirProblems } from './fhir-validation.ts';
import { UUIDS, conflict, orderInput } from './order-fixtures.ts';

const withOverride = () =>
  buildOrder(
    orderInput({
      overrides: [{ conflict: conflict(), reason: 'Washout done 2026-11-20.' }],
      ids: { order: UUIDS[0], detectedIssues: [UUIDS[1]] },
    }),
  );

describe('reportedOnlyOrder: the Oracle Health shape', { timeout: 60_000 }, () => {
  const full = withOverride();
  const reported = reportedOnlyOrder(full);
  const mr = reported.medicationRequest;

  it('is an active reported order naming the compound by text only, nothing contained', () => {
    expect(mr).toMatchObject({
      status: 'active',
      intent: 'order',
      reportedBoolean: true,
      medicationCodeableConcept: {
        text: 'Naltrexone HCl 1 mg/mL oral liquid in ascorbic acid, glycerol and preservative (compounded)',
      },
    });
    expect(mr.medicationCodeableConcept?.coding).toBeUndefined();
    expect(mr).not.toHaveProperty('contained');
    expect(mr).not.toHaveProperty('medicationReference');
    expect(mr).not.toHaveProperty('dispenseRequest');
    expect(mr).not.toHaveProperty('detectedIssue');
  });

  it('keeps the identifier (so a retry of either shape finds the first), patient, requester, encounter and date', () => {
    expect(reported.identifier).toEqual(full.identifier);
    expect(mr.identifier).toEqual([full.identifier]);
    expect(mr.subject).toEqual(full.medicationRequest.subject);
    expect(mr.requester).toEqual(full.medicationRequest.requester);
    expect(mr.encounter).toEqual(full.medicationRequest.encounter);
    expect(mr.authoredOn).toBe(full.medicationRequest.authoredOn);
  });

  it('has ONE dosage whose text is every step in order', () => {
    expect(mr.dosageInstruction).toHaveLength(1);
    const text = mr.dosageInstruction![0]!.text!;
    const steps = full.medicationRequest.dosageInstruction!.map((d) => d.text!);
    expect(text).toBe(steps.map((t, i) => `Step ${i + 1}: ${t}`).join(' '));
    expect(text.indexOf('1.5 mg')).toBeLessThan(text.indexOf('(3 mg)'));
  });

  it('folds the overridden conflict and the reasons into the note, and leaves no DetectedIssue to create', () => {
    expect(reported.detectedIssues).toEqual([]);
    const notes = mr.note!.map((n) => n.text);
    expect(notes).toEqual(expect.arrayContaining(full.medicationRequest.note!.map((n) => n.text)));
    expect(
      notes.some(
        (n) =>
          n.includes('Overridden alert (high severity)') &&
          n.includes('Washout done 2026-11-20.') &&
          n.includes('oxycodone'),
      ),
    ).toBe(true);
    expect(notes).toContain('For: Fibromyalgia (Condition/fm-1)');
  });

  it('is valid FHIR R4 and US Core', () => {
    expect(fhirProblems(mr)).toEqual([]);
  });

  it('does not change the full draft', () => {
    expect(full.medicationRequest.contained).toHaveLength(1);
    expect(full.detectedIssues).toHaveLength(1);
  });
});

describe('orderSummaryLines and orderAsText', () => {
  it('the full order: compound, kind, people by name, steps, fills, every note, override, identifier', () => {
    const draft = withOverride();
    const lines = orderSummaryLines(draft);
    expect(lines[0]).toBe(
      'Naltrexone HCl 1 mg/mL oral liquid in ascorbic acid, glycerol and preservative (compounded)',
    );
    expect(lines).toContain('Order: Draft prescription, not signed');
    expect(lines).toContain('Patient: Patient (record ldn-fibromyalgia)');
    expect(lines).toContain('Prescriber: Prescriber (record dr-1)');
    expect(lines).toContain('Written: 25 Nov 2026');
    expect(lines).toContain('For: Fibromyalgia');
    expect(lines).toContain(
      'Ingredients: naltrexone hydrochloride 1 mg per 1 mL (active); ascorbic acid (inactive); glycerol (inactive); preservative (inactive)',
    );
    expect(lines.filter((l) => l.startsWith('Step '))).toHaveLength(3);
    expect(lines).toContain('First fill: 67.5 mL for 22 days');
    expect(lines).toContain('Repeats: 1, each at most 99 mL for 22 days');
    expect(lines).toContain('Valid from 1 Dec 2026 to 13 Jan 2027');
    // Every note is shown, the plan note with the side-effect advice included.
    expect(lines.filter((l) => l.startsWith('Note: '))).toEqual(
      draft.medicationRequest.note!.map((n) => `Note: ${n.text}`),
    );
    expect(lines.some((l) => /^Note: [\s\S]*trouble sleeping or vivid dreams/.test(l))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/Patient\/|Practitioner\/|T16:00|\d capsule\b/);
    expect(
      lines.some(
        (l) =>
          l.startsWith('Overridden alert (high severity): Recent opioid use') && l.includes('Reason: Washout done'),
      ),
    ).toBe(true);
    expect(lines.at(-1)).toBe(`Order identifier: ${UUIDS[0]}`);
  });

  it('the reported shape: one instruction line, reported, the folded alert as a note', () => {
    const lines = orderSummaryLines(reportedOnlyOrder(withOverride()));
    expect(lines).toContain('Order: Recorded as a reported medication (this EHR accepts no other kind)');
    expect(lines.filter((l) => l.startsWith('Instructions: Step 1: Take 1.5 mL'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('Note: Overridden alert'))).toBe(true);
  });

  it("orderAsText is a heading, the lines and the prescriber's signature line", () => {
    const draft = withOverride();
    draft.medicationRequest.requester = { reference: 'Practitioner/dr-1', display: 'Dr Ada Example' };
    const text = orderAsText(draft);
    const heading = ['Low-dose naltrexone order (compounded)', '======================================'];
    expect(text).toBe(
      [
        ...heading,
        ...orderSummaryLines(draft),
        '',
        'Signature of Dr Ada Example: ______________________   Date: ____________',
      ].join('\n'),
    );
    expect(orderSummaryLines(draft)).toContain('Prescriber: Dr Ada Example');
  });

  it('says quantities with plural units: 1 capsule, 74 capsules, 1 day', () => {
    expect(quantityText({ value: 1, unit: 'capsule' })).toBe('1 capsule');
    expect(quantityText({ value: 74, unit: 'capsule' })).toBe('74 capsules');
    expect(quantityText({ value: 1, unit: 'days' })).toBe('1 day');
    expect(quantityText({ value: 7000, unit: 'mL' })).toBe('7,000 mL');
  });
});
