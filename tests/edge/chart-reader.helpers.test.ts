/**
 * The chart reader's small helpers: next-link safety, medication reference forms, OperationOutcome text, and the
 * status-to-gap mapping. Pure functions, so no server.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle } from 'fhir/r4';
import { isUnderBase, nextLink } from '../../src/edge/fhir/bundle-paging.ts';
import { findMissingMedications, medicationPointer } from '../../src/edge/fhir/medication-refs.ts';
import { outcomeCodes, outcomeText } from '../../src/core/fhir/operation-outcome.ts';
import { answerFacts, reasonForStatus } from '../../src/edge/fhir/gaps.ts';
import { answerWords } from '../../src/ui/strings-read.ts';
import { chartSearches } from '../../src/edge/chart-reader.ts';
import { concept, medication, medicationRequest, medicationStatement } from '../../fixtures/factories.ts';

const BASE = 'https://ehr.example/fhir/r4';
const withNext = (url: string | undefined): Bundle => ({
  resourceType: 'Bundle',
  type: 'searchset',
  link: [{ relation: 'next', url: url as string }],
});

describe('nextLink', () => {
  it('follows an absolute link under the FHIR base', () => {
    expect(nextLink(withNext(`${BASE}/Condition?page=2`), BASE)).toEqual({
      kind: 'next',
      url: `${BASE}/Condition?page=2`,
    });
  });
  it('resolves a relative link against the base', () => {
    expect(nextLink(withNext('Condition?page=2'), BASE)).toEqual({ kind: 'next', url: `${BASE}/Condition?page=2` });
  });
  it('follows a link to the base itself with a paging query (HAPI style)', () => {
    expect(nextLink(withNext(`${BASE}?_getpages=abc&_getpagesoffset=10`), BASE).kind).toBe('next');
  });
  it('refuses a link to another server, which would receive the token', () => {
    expect(nextLink(withNext('https://elsewhere.example/fhir/r4/Condition?page=2'), BASE)).toMatchObject({
      kind: 'refused',
    });
  });
  it('refuses a link that only shares a prefix with the base', () => {
    expect(nextLink(withNext(`${BASE}-evil/Condition`), BASE)).toMatchObject({ kind: 'refused' });
    expect(isUnderBase(`${BASE}x`, BASE)).toBe(false);
  });
  it('refuses a next link without an address, and reports none when there is no next link', () => {
    expect(nextLink(withNext(''), BASE)).toMatchObject({ kind: 'refused' });
    expect(
      nextLink({ resourceType: 'Bundle', type: 'searchset', link: [{ relation: 'self', url: BASE }] }, BASE),
    ).toEqual({ kind: 'none' });
  });
});

describe('medicationPointer', () => {
  it.each([
    ['#m1', { kind: 'contained', id: 'm1' }],
    ['Medication/abc', { kind: 'server', id: 'abc' }],
    ['Medication/abc/_history/3', { kind: 'server', id: 'abc' }],
    [`${BASE}/Medication/abc`, { kind: 'server', id: 'abc' }],
    ['https://other.example/fhir/Medication/abc', { kind: 'elsewhere' }],
    ['urn:uuid:1b2c', { kind: 'elsewhere' }],
    ['Substance/abc', { kind: 'elsewhere' }],
  ])('classifies %s', (reference, expected) => {
    expect(medicationPointer(reference, BASE)).toEqual(expected);
  });
});

describe('findMissingMedications', () => {
  it('lists each missing server Medication once with how many records use it, and skips known and contained ones', () => {
    const users = [
      medicationRequest({ id: 'a', patientId: 'p', medication: { reference: 'Medication/known' } }),
      medicationRequest({ id: 'b', patientId: 'p', medication: { reference: 'Medication/missing' } }),
      medicationStatement({ id: 'c', patientId: 'p', medication: { reference: `${BASE}/Medication/missing` } }),
      medicationStatement({
        id: 'd',
        patientId: 'p',
        medication: { contained: medication({ id: 'x', code: concept([], 'inline') }) },
      }),
      medicationStatement({ id: 'e', patientId: 'p', medication: { concept: concept([], 'by code') } }),
    ];
    const missing = findMissingMedications(users, new Set(['Medication/known']), BASE);
    expect([...missing.toRead]).toEqual([['missing', 2]]);
    expect(missing.gaps).toEqual([]);
  });
});

describe('OperationOutcome text', () => {
  const oo = {
    resourceType: 'OperationOutcome',
    issue: [
      { severity: 'error', code: 'business-rule', details: { text: 'Only reported medications' } },
      { severity: 'error', code: 'invalid', diagnostics: 'dosageInstruction: too many' },
      { severity: 'warning', code: 'informational' },
    ],
  };
  it('joins details text, diagnostics and codes', () => {
    expect(outcomeText(oo)).toBe('Only reported medications; dosageInstruction: too many; informational');
    expect(outcomeCodes(oo)).toBe('business-rule, invalid, informational');
  });
  it('says nothing for a body that is not an OperationOutcome, and shortens long text', () => {
    expect(outcomeText({ resourceType: 'Bundle' })).toBeUndefined();
    expect(outcomeText('text')).toBeUndefined();
    const long = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'x', diagnostics: 'a'.repeat(900) }],
    };
    expect(outcomeText(long, 100)).toHaveLength(100);
  });
});

describe('status to gap reason', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'refused'],
    [404, 'not-found'],
    [410, 'not-found'],
    [408, 'timeout'],
    [504, 'timeout'],
    [500, 'failed'],
    [503, 'failed'],
    [400, 'failed'],
  ] as const)('%i is %s', (status, reason) => {
    expect(reasonForStatus(status)).toBe(reason);
  });
  it('quotes issue codes but never the server free text (which might carry patient data)', () => {
    const facts = answerFacts({
      kind: 'answered',
      status: 500,
      headers: new Headers(),
      notJson: false,
      json: {
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'error', code: 'exception', diagnostics: 'Patient Jane Doe not found' }],
      },
    });
    expect(facts).toEqual({ answer: 'status', status: 500, issues: 'exception' });
    expect(answerWords(facts)).toBe('answered 500 (the server reported an error; issue: exception)');
  });
});

describe('chartSearches', () => {
  it('encodes the patient id and asks every search for the same page size', () => {
    const specs = chartSearches('a b&c', 250);
    expect(specs.map((s) => s.resourceType)).toEqual([
      'Condition',
      'MedicationRequest',
      'MedicationStatement',
      'MedicationDispense',
      'MedicationAdministration',
      'AllergyIntolerance',
      'ServiceRequest',
      'Procedure',
      'Appointment',
    ]);
    for (const s of specs) {
      expect(s.path).toContain('patient=a%20b%26c');
      expect(s.path).toContain('_count=250');
    }
  });
});
