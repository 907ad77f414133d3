/** The validator the order tests rely on must itself catch what it claims to (so its empty answers mean something). */
import { describe, expect, it } from 'vitest';
import { buildOrder } from '../../../src/core/order/build-order.ts';
import { fhirProblems } from './fhir-validation.ts';
import { conflict, orderInput } from './order-fixtures.ts';

const valid = () =>
  buildOrder(
    orderInput({ overrides: [{ conflict: conflict(), reason: 'r' }], ids: { order: 'o', detectedIssues: ['d'] } }),
  );

describe('fhirProblems (medplum validateResource + US Core + required bindings)', { timeout: 60_000 }, () => {
  it('finds a status outside the required value set, which medplum alone lets through', () => {
    const mr = { ...valid().medicationRequest, status: 'bogus' as 'active' };
    expect(fhirProblems(mr)).toEqual([
      expect.stringContaining(
        'MedicationRequest.status: "bogus" is not in http://hl7.org/fhir/ValueSet/medicationrequest-status',
      ),
    ]);
  });

  it('finds a bad intent, a bad event timing inside a dosage and a bad DetectedIssue severity', () => {
    const mr = valid().medicationRequest;
    const d0 = mr.dosageInstruction![0]!;
    const bad = {
      ...mr,
      intent: 'wish' as 'order',
      dosageInstruction: [{ ...d0, timing: { repeat: { ...d0.timing!.repeat, when: ['NIGHTISH' as 'HS'] } } }],
    };
    const problems = fhirProblems(bad);
    expect(problems.some((p) => p.startsWith('MedicationRequest.intent'))).toBe(true);
    expect(problems.some((p) => p.startsWith('MedicationRequest.dosageInstruction[0].timing.repeat.when[0]'))).toBe(
      true,
    );
    const di = { ...valid().detectedIssues[0]!, severity: 'severe' as 'high' };
    expect(fhirProblems(di)).toEqual([expect.stringContaining('DetectedIssue.severity')]);
  });

  it('finds a missing subject, an unknown property inside the contained Medication, and a wrong type', () => {
    const mr = valid().medicationRequest;
    const { subject: _drop, ...noSubject } = mr;
    expect(fhirProblems(noSubject as typeof mr).join('\n')).toMatch(/subject/);
    const med = { ...(mr.contained![0] as object), strengthText: '1 mg' };
    expect(fhirProblems({ ...mr, contained: [med] } as unknown as typeof mr).join('\n')).toMatch(/strengthText/);
    expect(fhirProblems({ ...mr, authoredOn: 12 } as unknown as typeof mr).length).toBeGreaterThan(0);
  });

  it('checks US Core: a MedicationRequest without its must-have medication fails', () => {
    const { medicationReference: _m, ...noMed } = valid().medicationRequest;
    expect(fhirProblems(noMed as typeof noMed & { resourceType: 'MedicationRequest' }).join('\n')).toMatch(
      /medication/,
    );
  });
});
