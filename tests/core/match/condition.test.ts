/**
 * Condition matching. Dimensions: system (SNOMED, ICD-10-CM) x form (URI, OID; ICD with / without dot; exact,
 * family prefix) x names (phrases, negation) .
 */
import { describe, expect, it } from 'vitest';
import { readConditionCode } from '../../../src/core/match/condition.ts';
import { concept, icd10, snomed, SYSTEM } from '../../../fixtures/factories.ts';

const groups = (c: unknown): string[] => [...readConditionCode(c).matches.keys()].sort();

describe('readConditionCode', () => {
  it.each([
    ['ICD K50.90 (K50 family)', concept([icd10('K50.90')]), ['crohns']],
    ['ICD without dot K5090', concept([icd10('K5090')]), ['crohns']],
    ['ICD OID form', concept([{ system: SYSTEM.icd10cmOid, code: 'K51.90' }]), ['ulcerative-colitis']],
    ['ICD G35.A (new MS code, G35 family)', concept([icd10('G35.A')]), ['multiple-sclerosis']],
    ['ICD G90.511 (CRPS I family)', concept([icd10('G90.511')]), ['crps']],
    ['ICD F11.20', concept([icd10('F11.20')]), ['oud']],
    ['ICD F11.10 opioid abuse', concept([icd10('F11.10')]), ['oud']],
    ['ICD M79.7', concept([icd10('M79.7')]), ['fibromyalgia']],
    ['ICD M79.1 is not fibromyalgia', concept([icd10('M79.1')]), []],
    ['SNOMED 95417003 (Synthea fibromyalgia)', concept([snomed('95417003')]), ['fibromyalgia']],
    ['SNOMED OID form', concept([{ system: SYSTEM.snomedOid, code: '34000006' }]), ['crohns']],
    ['SNOMED 1081000119105', concept([snomed('1081000119105')]), ['oud', 'oud-on-agonist-therapy']],
    ['SNOMED 5602001 opioid abuse (grouped as OUD by design)', concept([snomed('5602001')]), ['oud']],
    [
      'name: "Relapsing remitting multiple sclerosis"',
      concept([], 'Relapsing remitting multiple sclerosis'),
      ['multiple-sclerosis'],
    ],
    ['name: "Crohn\'s disease of ileum"', concept([], "Crohn's disease of ileum"), ['crohns']],
    ['name: "ME/CFS"', concept([], 'ME/CFS'), ['me-cfs']],
    ['name: "Long COVID"', concept([], 'Long COVID'), ['long-covid']],
    ['name: "SIBO"', concept([], 'SIBO'), ['sibo']],
    ['negated: "Family history of Crohn\'s disease"', concept([], "Family history of Crohn's disease"), []],
    ['negated: "Screening for multiple sclerosis"', concept([], 'Screening for multiple sclerosis'), []],
    ['unknown system', concept([{ system: 'urn:local', code: 'K50.90' }]), []],
  ])('%s', (_n, c, expected) => {
    expect(groups(c)).toEqual(expected);
  });

  it('reports what matched: the family for a prefix, the code for an exact code', () => {
    expect(readConditionCode(concept([icd10('K50.90')])).matches.get('crohns')).toMatchObject({
      by: 'code',
      code: 'K50.90',
    });
    expect(readConditionCode(concept([icd10('G90.519')])).matches.get('crps')?.term).toBe('G90.5 family');
  });

  it('is unreadable without code or text', () => {
    expect(readConditionCode({}).readable).toBe(false);
    expect(readConditionCode(null).readable).toBe(false);
    expect(readConditionCode(concept([{ system: 'urn:x', code: '1' }])).readable).toBe(false);
  });
});

describe('ICD wording is not negation', () => {
  it('"not elsewhere classified" / "not otherwise specified" still name the condition', () => {
    expect(groups(concept([], 'Psoriasis, not elsewhere classified'))).toEqual(['psoriasis']);
    expect(groups(concept([], 'Multiple sclerosis, not otherwise specified'))).toEqual(['multiple-sclerosis']);
    expect(groups(concept([], 'Not pregnant, multiple sclerosis not otherwise specified'))).toEqual([]);
  });
});
