// @vitest-environment happy-dom
/**
 * The screen's small models: the planner form's parsing and problem placement, the draft store's tolerance of
 * a corrupt or blocked sessionStorage, and the "what was read" summary.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanProblem } from '../../src/core/titration/types.ts';
import { draftKey, loadDraft, saveDraft, type PlanDraft } from '../../src/ui/model/draft-store.ts';
import { defaultFields, editField, problemsByField, toTitrationInput } from '../../src/ui/model/plan-fields.ts';
import { summariseChart } from '../../src/ui/model/chart-summary.ts';
import {
  allergyIntolerance,
  appointment,
  concept,
  medication,
  medicationRequest,
  rxnorm,
  serviceRequest,
} from '../../fixtures/factories.ts';
import { chartOf, fibromyalgia, PATIENT_ID } from './support/screen.tsx';

afterEach(() => sessionStorage.clear());

describe('planner form', () => {
  it('parses decimal commas and capsule strength lists; an empty dose stays NaN for the planner to report', () => {
    const f = {
      ...defaultFields('2026-11-25'),
      startMg: '0,5',
      stepMg: '',
      intervalDays: '14',
      formKind: 'capsule' as const,
      strengthsMg: '1, 1.5;3',
    };
    const input = toTitrationInput(f);
    expect(input.startMg).toBe(0.5);
    expect(input.stepMg).toBe(0);
    expect(input.form).toEqual({ kind: 'capsule', strengthsMg: [1, 1.5, 3] });
    expect(Number.isNaN(toTitrationInput({ ...f, startMg: '' }).startMg)).toBe(true);
  });

  it("drops a preset's explicit ladder once the schedule is edited", () => {
    const f = { ...defaultFields('2026-11-25'), ladderMg: [1, 2, 3] };
    expect(editField(f, 'timing', 'morning').ladderMg).toEqual([1, 2, 3]);
    expect(editField(f, 'stepMg', '1').ladderMg).toBeUndefined();
  });

  it('places problems beside their field, without repeats, and summarises a long list', () => {
    const p = (target: string, doseMg: string): PlanProblem => ({
      code: 'plan/not-deliverable',
      severity: 'error',
      target,
      params: { form: 'capsule', doseMg, strengthsMg: '1.5', maxPerDose: 1 },
    });
    const byField = problemsByField(
      [
        p('targetMg', '7'),
        p('targetMg', '7'),
        p('form.mgPerMl', '0.7'),
        ...['1', '2', '4', '5', '6'].map((d) => p('stepMg', d)),
      ],
      'liquid',
    );
    const says = (doseMg: string) =>
      `${doseMg} mg is not one of the capsule strengths (1.5 mg): add a ${doseMg} mg capsule, allow several capsules per dose, or choose an oral liquid.`;
    expect(byField.targetMg).toEqual([says('7')]);
    expect(byField.mgPerMl).toEqual([says('0.7')]);
    expect(byField.stepMg).toEqual([says('1'), says('2'), says('4'), '…and 2 more like this.']);
  });
});

describe('draft store', () => {
  const key = draftKey('https://ehr.example.org/fhir', PATIENT_ID);
  const draft: PlanDraft = {
    version: 1,
    fields: defaultFields('2026-11-25'),
    overrides: { a: { checked: true, reason: 'r' } },
    nonce: 'n-1',
    acknowledgement: { checked: true, reason: 'urgent' },
    existing: { choice: 'replace', reference: 'MedicationRequest/old' },
    sent: ['id-0'],
  };

  it('round-trips a draft and ignores corrupt or foreign data', () => {
    saveDraft(sessionStorage, key, draft);
    expect(loadDraft(sessionStorage, key)).toEqual(draft);
    sessionStorage.setItem(key, '{not json');
    expect(loadDraft(sessionStorage, key)).toBeUndefined();
    sessionStorage.setItem(key, JSON.stringify({ version: 2, fields: {} }));
    expect(loadDraft(sessionStorage, key)).toBeUndefined();
  });

  it('restores a draft saved before the planner was edited (the existing-order answer alone), not broken fields', () => {
    // The verdict part saves the draft before the planner has downloaded: no fields yet (issue 14 item 1).
    const early: PlanDraft = {
      version: 1,
      overrides: {},
      nonce: 'n-2',
      existing: { choice: 'continue', reference: 'r' },
    };
    saveDraft(sessionStorage, key, early);
    expect(loadDraft(sessionStorage, key)).toEqual(early);
    sessionStorage.setItem(key, JSON.stringify({ ...early, fields: null }));
    expect(loadDraft(sessionStorage, key)).toBeUndefined();
    sessionStorage.setItem(key, JSON.stringify({ ...early, fields: 'x' }));
    expect(loadDraft(sessionStorage, key)).toBeUndefined();
  });

  it('keeps working when storage throws (blocked in a third-party frame)', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    expect(() => saveDraft(blocked, key, draft)).not.toThrow();
    expect(loadDraft(blocked, key)).toBeUndefined();
  });
});

describe('what was read', () => {
  it('names conditions and medications, resolving referenced Medications, and caps the list', () => {
    const med = medication({ id: 'm-1', code: concept([rxnorm('1049621', 'oxycodone 5 MG Oral Tablet')]) });
    const chart = chartOf({
      conditions: [fibromyalgia()],
      medications: [med],
      medicationRequests: [
        medicationRequest({ patientId: PATIENT_ID, medication: { reference: 'Medication/m-1' } }),
        medicationRequest({ patientId: PATIENT_ID, medication: { concept: concept([], 'vitamin D') } }),
      ],
    });
    const all = summariseChart(chart);
    expect(all.items.map((i) => i.name)).toEqual(['Fibromyalgia', 'oxycodone 5 MG Oral Tablet', 'vitamin D']);
    const capped = summariseChart(chart, 2);
    expect([capped.items.length, capped.more, capped.total]).toEqual([2, 1, 3]);
  });

  it('lists allergies and planned procedures as read too', () => {
    const chart = chartOf({
      allergies: [allergyIntolerance({ patientId: PATIENT_ID, code: concept([rxnorm('7243', 'Naltrexone')]) })],
      serviceRequests: [serviceRequest({ patientId: PATIENT_ID, code: concept([], 'Total hip arthroplasty') })],
      appointments: [appointment({ patientId: PATIENT_ID, description: 'Pre-operative assessment' })],
    });
    const all = summariseChart(chart);
    expect(all.items.map((i) => [i.resourceType, i.name])).toEqual([
      ['AllergyIntolerance', 'Naltrexone'],
      ['ServiceRequest', 'Total hip arthroplasty'],
      ['Appointment', 'Pre-operative assessment'],
    ]);
  });
});
