/**
 * Dimensions: form (liquid, one capsule strength, several), status (draft, active), context (requester, encounter,
 * reasons present/absent), overrides (none, one, several; with/without chart reference), validation (medplum
 * structure + US Core + required bindings).
 */
import type { Medication } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { buildOrder, withNames } from '../../../src/core/order/build-order.ts';
import { DETECTED_ISSUE_IDENTIFIER_SYSTEM, ORDER_IDENTIFIER_SYSTEM } from '../../../src/core/order/input.ts';
import { fhirProblems } from './fhir-validation.ts';
import { UUIDS, conflict, orderInput, plan } from './order-fixtures.ts';

describe('buildOrder: 1.5 mg weekly steps to 4.5 mg, 1 mg/mL liquid, draft', { timeout: 60_000 }, () => {
  const draft = buildOrder(orderInput());
  const mr = draft.medicationRequest;

  it('is a draft order for the patient, by the requester, in the encounter, for the candidacy condition', () => {
    expect(mr).toMatchObject({
      resourceType: 'MedicationRequest',
      status: 'draft',
      intent: 'order',
      reportedBoolean: false,
      subject: { reference: 'Patient/ldn-fibromyalgia' },
      requester: { reference: 'Practitioner/dr-1' },
      encounter: { reference: 'Encounter/enc-1' },
      authoredOn: '2026-11-25T16:00:00Z',
      reasonReference: [{ reference: 'Condition/fm-1', display: 'Fibromyalgia' }],
    });
    expect(mr.category?.[0]?.coding?.[0]).toMatchObject({ code: 'community' });
  });

  it('carries the client-generated identifier on the draft and the resource', () => {
    expect(draft.identifier).toEqual({ system: ORDER_IDENTIFIER_SYSTEM, value: UUIDS[0] });
    expect(mr.identifier).toEqual([draft.identifier]);
  });

  it('contains the compound: code.text, form, naltrexone RxNorm 7243 at 1 mg per 1 mL', () => {
    expect(mr.medicationReference?.reference).toBe('#ldn-compound');
    const med = mr.contained?.[0] as Medication;
    expect(med.id).toBe('ldn-compound');
    expect(med.code?.text).toBe(
      'Naltrexone HCl 1 mg/mL oral liquid in ascorbic acid, glycerol and preservative (compounded)',
    );
    expect(mr.medicationReference?.display).toBe(med.code?.text);
    expect(med.form?.text).toBe('Oral liquid');
    expect(med.ingredient).toEqual([
      {
        itemCodeableConcept: {
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '7243', display: 'naltrexone' }],
          text: 'naltrexone hydrochloride',
        },
        isActive: true,
        strength: {
          numerator: { value: 1, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' },
          denominator: { value: 1, unit: 'mL', system: 'http://unitsofmeasure.org', code: 'mL' },
        },
      },
      // The vehicle of the stability study (Fawcett 1997), as inactive ingredients.
      { itemCodeableConcept: { text: 'ascorbic acid' }, isActive: false },
      { itemCodeableConcept: { text: 'glycerol' }, isActive: false },
      { itemCodeableConcept: { text: 'preservative' }, isActive: false },
    ]);
  });

  it('has one dosage per step with increasing sequence, once daily at bedtime, dose in mg, bounded titration steps', () => {
    const d = mr.dosageInstruction!;
    expect(d.map((x) => x.sequence)).toEqual([1, 2, 3]);
    expect(d.map((x) => x.doseAndRate?.[0]?.doseQuantity)).toEqual(
      [1.5, 3, 4.5].map((value) => ({ value, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' })),
    );
    expect(d[0]!.timing?.repeat).toEqual({
      boundsDuration: { value: 7, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
      frequency: 1,
      period: 1,
      periodUnit: 'd',
      when: ['HS'],
    });
    expect(d[2]!.timing?.repeat?.boundsDuration).toBeUndefined();
    expect(d.every((x) => x.route?.text === 'Oral')).toBe(true);
    expect(d[0]!.text).toBe(
      'Take 1.5 mL of 1 mg/mL (1.5 mg) by mouth once daily at bedtime for 7 days (1 Dec 2026 to 7 Dec 2026).',
    );
  });

  it('dispenses 44 days of liquid as an initial fill and one repeat, each inside the 30-day beyond-use limit', () => {
    const u = { system: 'http://unitsofmeasure.org' };
    expect(mr.dispenseRequest).toEqual({
      initialFill: {
        quantity: { value: 67.5, unit: 'mL', ...u, code: 'mL' },
        duration: { value: 22, unit: 'days', ...u, code: 'd' },
      },
      validityPeriod: { start: '2026-12-01', end: '2027-01-13' },
      numberOfRepeatsAllowed: 1,
      quantity: { value: 99, unit: 'mL', ...u, code: 'mL' },
      expectedSupplyDuration: { value: 22, unit: 'days', ...u, code: 'd' },
    });
    const notes = mr.note!.map((n) => n.text);
    expect(notes[0]).toBe(orderInput().plan.planText);
    expect(notes[1]).toContain(
      'To the pharmacy: dispense 166.5 mL of 1 mg/mL for 44 days in 2 fills (an initial fill and 1 repeat).',
    );
    expect(notes[1]).toContain(
      'Fill 1 of 2: 67.5 mL of 1 mg/mL for 22 days, 1 Dec 2026 to 22 Dec 2026, beyond-use date 31 Dec 2026.',
    );
    expect(notes[1]).toContain(
      'Fill 2 of 2: 99 mL of 1 mg/mL for 22 days, 23 Dec 2026 to 13 Jan 2027, beyond-use date 22 Jan 2027.',
    );
    expect(notes[1]).toContain('Store at room temperature.');
    expect(notes[1]).toMatch(/Beyond-use: 30 days from compounding at room temperature \(Fawcett/);
  });

  it("refrigerated liquid (the planner's storage choice): 60 days, one fill, no repeat", () => {
    const mr2 = buildOrder(
      orderInput({ plan: plan({ form: { kind: 'liquid', mgPerMl: 1, storage: 'refrigerated' } }) }),
    ).medicationRequest;
    expect(mr2.dispenseRequest).toMatchObject({
      numberOfRepeatsAllowed: 0,
      quantity: { value: 166.5 },
      initialFill: { quantity: { value: 166.5 }, duration: { value: 44 } },
    });
    expect(mr2.note![1]!.text).toContain('Store refrigerated (2-8 °C).');
    expect(mr2.note![1]!.text).toContain('beyond-use date 30 Jan 2027.');
    expect(fhirProblems(mr2)).toEqual([]);
  });

  it('names the prescriber and the pharmacy when given', () => {
    const mr2 = buildOrder(
      orderInput({
        requesterName: 'Dr Ada Example',
        pharmacy: { reference: 'Organization/rx-1', display: 'Main St Compounding' },
      }),
    ).medicationRequest;
    expect(mr2.requester).toEqual({ reference: 'Practitioner/dr-1', display: 'Dr Ada Example' });
    expect(mr2.dispenseRequest?.performer).toEqual({ reference: 'Organization/rx-1', display: 'Main St Compounding' });
    expect(fhirProblems(mr2)).toEqual([]);
  });

  it('has no detected issues without overrides', () => {
    expect(draft.detectedIssues).toEqual([]);
    expect(mr.detectedIssue).toBeUndefined();
  });

  it('is valid FHIR R4 and US Core (structure, cardinality, required bindings)', () => {
    expect(fhirProblems(mr)).toEqual([]);
  });
});

describe('buildOrder: capsules', () => {
  it('one strength: strength per capsule, microcrystalline cellulose as inactive filler, capsules counted', () => {
    const mr = buildOrder(
      orderInput({ plan: plan({ form: { kind: 'capsule', strengthsMg: [1.5], maxCapsulesPerDose: 3 } }) }),
    ).medicationRequest;
    const med = mr.contained![0] as Medication;
    expect(med.code?.text).toBe('Naltrexone HCl 1.5 mg oral capsule in microcrystalline cellulose (compounded)');
    expect(med.ingredient?.[0]?.strength?.denominator).toEqual({
      value: 1,
      unit: 'capsule',
      system: 'http://unitsofmeasure.org',
      code: '{capsule}',
    });
    expect(med.ingredient?.[1]).toEqual({
      itemCodeableConcept: { text: 'microcrystalline cellulose' },
      isActive: false,
    });
    expect(mr.dispenseRequest?.quantity?.value).toBe(111);
    expect(mr.note![1]!.text).toMatch(
      /Beyond-use: 180 days from compounding at room temperature, protected from light/,
    );
    expect(mr.dispenseRequest).toMatchObject({
      numberOfRepeatsAllowed: 0,
      initialFill: { quantity: { value: 111, unit: 'capsule' } },
    });
    expect(fhirProblems(mr)).toEqual([]);
  });

  it('several strengths: no single strength Ratio, each strength counted in the pharmacy note', () => {
    const mr = buildOrder(
      orderInput({
        plan: plan({ form: { kind: 'capsule', strengthsMg: [1.5, 3], maxCapsulesPerDose: 3, filler: 'sucrose' } }),
      }),
    ).medicationRequest;
    const med = mr.contained![0] as Medication;
    expect(med.ingredient?.[0]?.strength).toBeUndefined();
    expect(med.ingredient?.[1]?.itemCodeableConcept?.text).toBe('sucrose');
    expect(mr.note![1]!.text).toContain('37 capsules of 3 mg and 37 capsules of 1.5 mg (74 capsules)');
    expect(fhirProblems(mr)).toEqual([]);
  });

  it('morning dosing is event timing MORN; a fixed dose is one dosage', () => {
    const mr = buildOrder(
      orderInput({
        plan: plan({ startMg: 4.5, stepMg: 0, timing: 'morning', form: { kind: 'capsule', strengthsMg: [4.5] } }),
      }),
    ).medicationRequest;
    expect(mr.dosageInstruction).toHaveLength(1);
    expect(mr.dosageInstruction![0]!.timing?.repeat?.when).toEqual(['MORN']);
    expect(fhirProblems(mr)).toEqual([]);
  });
});

describe('buildOrder: minimal context', () => {
  it('leaves out requester, encounter and reasons when unknown, active when signed; US Core 5.0.1 then misses only the requester (1..1)', () => {
    const input = orderInput({ status: 'active' });
    delete input.requester;
    delete input.encounter;
    delete input.reasons;
    const mr = buildOrder(input).medicationRequest;
    expect(mr.status).toBe('active');
    expect(mr).not.toHaveProperty('requester');
    expect(mr).not.toHaveProperty('encounter');
    expect(mr).not.toHaveProperty('reasonReference');
    expect(fhirProblems(mr)).toEqual(['US Core MedicationRequest.requester: Missing required property']);
  });
});

describe('buildOrder: overridden conflicts become DetectedIssues', () => {
  const overrides = [
    {
      conflict: conflict(),
      reason: 'Last oxycodone dose 2026-11-20 per patient; start after washout.',
      author: 'Practitioner/dr-2',
    },
    {
      conflict: conflict({
        ruleId: 'chronic-liver-disease',
        severity: 'caution',
        resourceType: 'Condition',
        name: 'Chronic hepatitis C',
        reference: 'Condition/liver-1',
      }),
      reason: 'LFTs normal last month.',
    },
    {
      conflict: conflict({
        ruleId: 'naltrexone-duplicate',
        severity: 'contraindicated',
        reference: '',
        name: 'naltrexone 50 mg (text only)',
      }),
      reason: 'Old order, stopped in 2024.',
    },
  ];
  const draft = buildOrder(
    orderInput({ overrides, ids: { order: UUIDS[0], detectedIssues: ['d1-uuid', 'd2-uuid', 'd3-uuid'] } }),
  );
  const [opioid, liver, duplicate] = draft.detectedIssues;

  it('one final DetectedIssue per override, each with its own identifier, referenced by urn:uuid', () => {
    expect(draft.detectedIssues).toHaveLength(3);
    expect(draft.detectedIssues.map((d) => d.identifier?.[0])).toEqual(
      ['d1-uuid', 'd2-uuid', 'd3-uuid'].map((value) => ({ system: DETECTED_ISSUE_IDENTIFIER_SYSTEM, value })),
    );
    expect(draft.detectedIssues.every((d) => d.status === 'final')).toBe(true);
    expect(draft.medicationRequest.detectedIssue?.map((r) => r.reference)).toEqual([
      'urn:uuid:d1-uuid',
      'urn:uuid:d2-uuid',
      'urn:uuid:d3-uuid',
    ]);
  });

  it('codes, severities and implicated entries follow the conflict', () => {
    expect(opioid!.code?.coding?.[0]).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
      code: 'DRG',
    });
    expect(liver!.code?.coding?.[0]?.code).toBe('COND');
    expect(duplicate!.code?.coding?.[0]?.code).toBe('DUPTHPY');
    expect(draft.detectedIssues.map((d) => d.severity)).toEqual(['high', 'moderate', 'high']);
    expect(opioid!.implicated).toEqual([
      { reference: 'MedicationRequest/opioid-1', display: 'oxycodone 5 MG Oral Tablet' },
    ]);
    expect(duplicate!.implicated).toEqual([{ display: 'naltrexone 50 mg (text only)' }]);
    expect(opioid!.patient).toEqual({ reference: 'Patient/ldn-fibromyalgia' });
  });

  it('the detail carries why, the washout and the sources with UNVERIFIED marked', () => {
    expect(opioid!.detail).toContain('precipitate withdrawal');
    expect(opioid!.detail).toContain('window ends 2026-12-05');
    expect(opioid!.detail).toContain('Patient monograph: 10 days for opioids [UNVERIFIED]');
  });

  it('the mitigation records the action, date, author (override author, else requester) and the reason', () => {
    expect(opioid!.mitigation).toEqual([
      {
        action: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '1', display: 'Therapy Appropriate' },
          ],
          text: 'Prescriber overrode the alert and ordered low-dose naltrexone. Reason: Last oxycodone dose 2026-11-20 per patient; start after washout.',
        },
        date: '2026-11-25T16:00:00Z',
        author: { reference: 'Practitioner/dr-2' },
      },
    ]);
    expect(liver!.mitigation?.[0]?.author).toEqual({ reference: 'Practitioner/dr-1' });
  });

  it('every DetectedIssue and the order are valid FHIR R4 (required bindings included)', () => {
    for (const di of draft.detectedIssues) expect(fhirProblems(di)).toEqual([]);
    expect(fhirProblems(draft.medicationRequest)).toEqual([]);
  });
});

describe('buildOrder: caller mistakes are bugs and throw', () => {
  it('missing DetectedIssue ids, duplicate ids, empty reason, malformed patient', () => {
    const one = [{ conflict: conflict(), reason: 'ok' }];
    expect(() => buildOrder(orderInput({ overrides: one }))).toThrow(/1 overrides need 1 DetectedIssue ids, got 0/);
    expect(() => buildOrder(orderInput({ overrides: one, ids: { order: 'a', detectedIssues: ['a'] } }))).toThrow(
      /unique/,
    );
    expect(() =>
      buildOrder(
        orderInput({ overrides: [{ conflict: conflict(), reason: '  ' }], ids: { order: 'a', detectedIssues: ['b'] } }),
      ),
    ).toThrow(/reason/);
    expect(() => buildOrder(orderInput({ patient: 'ldn-fibromyalgia' }))).toThrow(/Patient\/<id>/);
  });
});

describe('withNames: names learnt after building', () => {
  it('adds the patient and prescriber names as displays, keeps what is there, and leaves the rest unchanged', () => {
    const draft = buildOrder(orderInput());
    const named = withNames(draft, { patient: 'Maria Lopez', prescriber: 'Dr. Ada Okafor' });
    expect(named.medicationRequest.subject).toEqual({ reference: 'Patient/ldn-fibromyalgia', display: 'Maria Lopez' });
    expect(named.medicationRequest.requester).toEqual({ reference: 'Practitioner/dr-1', display: 'Dr. Ada Okafor' });
    expect({
      ...named.medicationRequest,
      subject: draft.medicationRequest.subject,
      requester: draft.medicationRequest.requester,
    }).toEqual(draft.medicationRequest);
    expect(withNames(draft, { patient: ' ', prescriber: '' })).toBe(draft);
    expect(withNames(named, { patient: 'Someone Else' }).medicationRequest.subject.display).toBe('Maria Lopez');
    expect(fhirProblems(named.medicationRequest)).toEqual([]);
  });
});
