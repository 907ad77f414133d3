/**
 * The pure helpers behind read integrity and parallel paging: which links are plain offset paging, whose record an
 * entry is, when two entries are the same record, what an OperationOutcome entry says, which server text is safe.
 */
import { describe, expect, it } from 'vitest';
import { offsetPlan, samePage } from '../../src/edge/fhir/offset-pages.ts';
import {
  isOtherPatients,
  outcomeNotice,
  patientIdOf,
  safeServerText,
  sameJson,
} from '../../src/core/fhir/entry-checks.ts';
import { appointment, concept, condition } from '../../fixtures/factories.ts';

const BASE = 'https://ehr.example/fhir';

describe('offsetPlan', () => {
  it('names every remaining page of an _offset search up to the total', () => {
    const plan = offsetPlan(`${BASE}/Condition?patient=p&_count=100&_offset=100`, 350, 49);
    expect(plan?.urls.map((u) => new URL(u).searchParams.get('_offset'))).toEqual(['100', '200', '300']);
  });
  it("understands HAPI's _getpagesoffset", () => {
    expect(offsetPlan(`${BASE}?_getpages=abc&_getpagesoffset=20&_count=20`, 65, 49)?.urls).toHaveLength(3);
  });
  it('never guesses opaque cursors, odd shapes or a single remaining page', () => {
    expect(offsetPlan(`${BASE}/Condition?cursor=xyz`, 500, 49)).toBeUndefined();
    expect(offsetPlan(`${BASE}/Condition?_count=100&_offset=50`, 500, 49)).toBeUndefined();
    expect(offsetPlan(`${BASE}/Condition?_count=100&_offset=100`, 150, 49)).toBeUndefined();
    expect(offsetPlan('not a url', 500, 49)).toBeUndefined();
  });
  it('stops at the page budget', () => {
    expect(offsetPlan(`${BASE}/Condition?_count=10&_offset=10`, 10_000, 4)?.urls).toHaveLength(4);
  });
  it('treats parameter order and encoding as the same page', () => {
    expect(samePage(`${BASE}/C?a=1&status=x%2Cy`, `${BASE}/C?status=x,y&a=1`)).toBe(true);
    expect(samePage(`${BASE}/C?_offset=1`, `${BASE}/C?_offset=2`)).toBe(false);
  });
});

describe('whose record an entry is', () => {
  it('reads relative, absolute and versioned Patient references', () => {
    expect(patientIdOf('Patient/abc')).toBe('abc');
    expect(patientIdOf(`${BASE}/Patient/abc/_history/2`)).toBe('abc');
    expect(patientIdOf('Group/abc')).toBeUndefined();
  });
  it("flags another patient's Condition and Appointment, keeps an entry that names no patient", () => {
    const theirs = condition({ id: 'c', patientId: 'other', code: concept([], 'x') });
    expect(isOtherPatients(theirs as never, 'Condition', 'me')).toBe(true);
    expect(
      isOtherPatients(condition({ id: 'c', patientId: 'me', code: concept([], 'x') }) as never, 'Condition', 'me'),
    ).toBe(false);
    expect(isOtherPatients(appointment({ id: 'a', patientId: 'other' }) as never, 'Appointment', 'me')).toBe(true);
    expect(isOtherPatients({ resourceType: 'Condition', id: 'c' }, 'Condition', 'me')).toBe(false);
  });
});

describe('same record or a second version', () => {
  it('ignores key order, sees any changed value', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { a: 1, b: [1, { c: 3 }] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
  });
});

describe('OperationOutcome entries and server text', () => {
  it('reports the worst severity and the codes; information alone is nothing', () => {
    expect(outcomeNotice({ issue: [{ severity: 'information', code: 'informational' }] })).toBeUndefined();
    expect(
      outcomeNotice({
        issue: [
          { severity: 'warning', code: 'suppressed' },
          { severity: 'fatal', code: 'exception' },
        ],
      }),
    ).toMatchObject({ severity: 'fatal', codes: 'suppressed, exception' });
  });
  it("Epic's warning 4101 (no results) is an empty answer, not a gap; its 4119 (may not contain the entire record) is a gap", () => {
    const epic = (code: string) => ({
      issue: [
        {
          severity: 'warning',
          code: 'processing',
          details: { coding: [{ system: 'urn:oid:1.2.840.114350.1.13.0.1.7.2.657369', code }] },
        },
      ],
    });
    expect(outcomeNotice(epic('4101'))).toBeUndefined();
    expect(outcomeNotice(epic('4119'))).toMatchObject({ severity: 'warning', codes: 'processing' });
    const elsewhere = {
      issue: [
        { severity: 'warning', code: 'processing', details: { coding: [{ system: 'urn:other', code: '4101' }] } },
      ],
    };
    expect(outcomeNotice(elsewhere)).toBeDefined();
  });
  it('an issue without a known severity counts as an error (fail safe)', () => {
    expect(outcomeNotice({ issue: [{ code: 'processing' }] })).toMatchObject({ severity: 'error' });
  });
  it('keeps only short text without digits, slashes, @ or markup', () => {
    expect(safeServerText('Results were withheld by policy')).toBe('Results were withheld by policy');
    for (const bad of ['MRN 12345 suppressed', 'see Patient/abc', 'mail a@b.c', '<b>x</b>', 'x'.repeat(101), 42])
      expect(safeServerText(bad)).toBeUndefined();
  });
});
