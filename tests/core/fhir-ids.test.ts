/** The one FHIR id pattern and its reference forms (src/core/fhir/ids.ts, issue 14 item 2). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isFhirId } from '../../src/core/fhir/ids.ts';
import { referenceId, referenceOf } from '../../src/core/fhir/references.ts';

describe('FHIR ids', () => {
  it('accepts 1 to 64 of A-Z a-z 0-9 - . and nothing else', () => {
    expect(isFhirId('a')).toBe(true);
    expect(isFhirId('A-1.b')).toBe(true);
    expect(isFhirId('x'.repeat(64))).toBe(true);
    for (const bad of ['', 'x'.repeat(65), 'a/b', 'a b', 'a_b', 'é', 'a\n', 7, undefined])
      expect(isFhirId(bad)).toBe(false);
    fc.assert(fc.property(fc.string(), (s) => isFhirId(s) === /^[A-Za-z0-9\-.]{1,64}$/.test(s)));
  });
});

describe('references', () => {
  it('relative: exactly Type/id', () => {
    expect(referenceId('Patient/123', 'Patient')).toBe('123');
    expect(referenceId('Patient/123/_history/2', 'Patient')).toBeUndefined();
    expect(referenceId('https://ehr.example/fhir/Patient/123', 'Patient')).toBeUndefined();
    expect(referenceId('Practitioner/123', 'Patient')).toBeUndefined();
    expect(referenceOf('Condition/c-1', 'relative')).toEqual({ type: 'Condition', id: 'c-1' });
    expect(referenceOf('condition/c-1', 'relative')).toBeUndefined();
  });

  it('versioned: Type/id with an optional version', () => {
    expect(referenceId('Medication/m1/_history/3', 'Medication', 'versioned')).toBe('m1');
    expect(referenceId('Medication/m1', 'Medication', 'versioned')).toBe('m1');
    expect(referenceId('x/Medication/m1', 'Medication', 'versioned')).toBeUndefined();
  });

  it('trailing: a URL or Location header ending in Type/id (versioned, trailing slash)', () => {
    expect(
      referenceId('https://ehr.example/fhir/MedicationRequest/42/_history/1', 'MedicationRequest', 'trailing'),
    ).toBe('42');
    expect(referenceId('MedicationRequest/42/', 'MedicationRequest', 'trailing')).toBe('42');
    expect(
      referenceId('https://ehr.example/fhir/NotMedicationRequest/42', 'MedicationRequest', 'trailing'),
    ).toBeUndefined();
    expect(referenceOf('https://ehr.example/fhir/Practitioner/p1', 'trailing')).toEqual({
      type: 'Practitioner',
      id: 'p1',
    });
  });

  it('refuses a type that is not a resource type name (no pattern injection) and over-long text', () => {
    expect(referenceId('a/1', '.*')).toBeUndefined();
    expect(referenceId(`Patient/${'1'.repeat(5000)}`, 'Patient')).toBeUndefined();
  });
});
