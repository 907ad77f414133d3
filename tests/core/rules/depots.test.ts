/**
 * Depots and implants (ldn-clinical.md 2b). Dimensions: product (Sublocade, Brixadi weekly / monthly, Probuphine,
 * Vivitrol) x evidence (RxNorm SCD/SBD/BN, HCPCS, name) x record (completed administration, dispense, order) x days
 * since the dose (each window edge).
 */
import { describe, expect, it } from 'vitest';
import {
  concept,
  condition,
  icd10,
  medicationAdministration,
  medicationDispense,
  rxnorm,
} from '../../../fixtures/factories.ts';
import { daysBefore } from '../../../fixtures/dates.ts';
import { NOW_DATE, only, orderText, P, rules, run } from './helpers.ts';

const HCPCS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const given = (c: ReturnType<typeof concept>, days: number) =>
  medicationAdministration({
    patientId: P,
    medication: { concept: c },
    status: 'completed',
    effective: `${daysBefore(NOW_DATE, days)}T10:00:00Z`,
  });

describe('buprenorphine depots count as current for their interval', () => {
  it.each([
    ['Sublocade SCD 1996184', concept([rxnorm('1996184')])],
    ['Sublocade SBD 1996193', concept([rxnorm('1996193')])],
    ['Sublocade by HCPCS Q9992', concept([{ system: HCPCS, code: 'Q9992' }])],
    ['Sublocade by name', concept([], 'Sublocade 300 mg/1.5 mL subcutaneous')],
    ['Brixadi monthly SCD 2639041', concept([rxnorm('2639041')])],
  ])('%s given 3 weeks ago -> contraindicated (a completed administration is not over)', (_n, c) => {
    const a = run(given(c, 21));
    const f = only(a, 'buprenorphine-depot');
    expect(f.severity).toBe('contraindicated');
    expect(f.kind).toBe('opioid');
    expect(f.washout?.endsOn).toBe(daysBefore(NOW_DATE, 21 - 57));
    expect(a.opioidFreeFrom).toBe(f.washout?.endsOn);
    expect(a.summary).toContain('not before');
  });

  it.each([
    [56, 'buprenorphine-depot'],
    [57, 'buprenorphine-depot-residual'],
    [365, 'buprenorphine-depot-residual'],
  ] as const)('Sublocade %i days ago -> %s', (days, ruleId) => {
    expect(rules(run(given(concept([rxnorm('1996189')]), days)))).toEqual([ruleId]);
  });
  it('Sublocade 366 days ago: over', () => expect(rules(run(given(concept([rxnorm('1996189')]), 366)))).toEqual([]));
  it.each([
    [183, 'buprenorphine-depot-residual'],
    [184, undefined],
  ] as const)('Brixadi monthly %i days ago -> %s', (days, ruleId) => {
    expect(rules(run(given(concept([rxnorm('2639042')]), days)))).toEqual(ruleId ? [ruleId] : []);
  });
  it.each([
    [21, ['buprenorphine-depot']],
    [22, []],
  ] as const)('Brixadi weekly %i days ago -> %j', (days, expected) => {
    expect(rules(run(given(concept([rxnorm('2639029')]), days)))).toEqual(expected);
  });
  it('Probuphine implant inserted 4 months ago is in place; removed 14 / 15 days ago', () => {
    expect(rules(run(given(concept([{ system: HCPCS, code: 'J0570' }]), 120)))).toEqual(['buprenorphine-depot']);
    const removed = (days: number) =>
      medicationAdministration({
        patientId: P,
        medication: { concept: concept([rxnorm('1797655')]) },
        status: 'completed',
        effective: { start: daysBefore(NOW_DATE, 100), end: daysBefore(NOW_DATE, days) },
      });
    expect(rules(run(removed(14)))).toEqual(['buprenorphine-depot']);
    expect(rules(run(removed(15)))).toEqual([]);
  });
  it('a dispensed depot counts from the day it was handed over, not from its days supply', () => {
    const d = medicationDispense({
      patientId: P,
      medication: { concept: concept([rxnorm('1996192')]) },
      whenHandedOver: daysBefore(NOW_DATE, 40),
      daysSupply: 30,
    });
    expect(rules(run(d))).toEqual(['buprenorphine-depot']);
  });
  it('a depot inside its window is agonist therapy for the OUD rule', () => {
    const oud = condition({ patientId: P, code: concept([icd10('F11.20', 'Opioid dependence, uncomplicated')]) });
    expect(rules(run(oud, given(concept([rxnorm('1996184')]), 30)))).toContain('oud-on-agonist-therapy');
  });
  it('sublingual buprenorphine and a Buprenex injection are not depots', () => {
    expect(rules(run(orderText('buprenorphine 8 mg sublingual tablet')))).toEqual(['opioid-partial-or-mixed']);
    expect(rules(run(given(concept([], 'Buprenex 0.3 mg/mL injection'), 20)))).toEqual([]);
  });
  it('generic RxNorm names: a 200 mg/mL prefilled syringe is Sublocade, 50 mg/mL Brixadi weekly, a drug implant Probuphine', () => {
    expect(rules(run(given(concept([], '1.5 ML Buprenorphine 200 MG/ML Prefilled Syringe'), 50)))).toEqual([
      'buprenorphine-depot',
    ]);
    expect(rules(run(given(concept([], '0.32 ML buprenorphine 50 MG/ML Prefilled Syringe'), 25)))).toEqual([]);
    expect(rules(run(given(concept([], 'Buprenorphine 74.2 MG Drug Implant'), 90)))).toEqual(['buprenorphine-depot']);
  });
});

describe('extended-release naltrexone injection (Vivitrol)', () => {
  it.each([
    [7, 'naltrexone-depot', 'major'],
    [28, 'naltrexone-depot', 'major'],
    [29, 'naltrexone-depot-residual', 'info'],
    [56, 'naltrexone-depot-residual', 'info'],
  ] as const)('given %i days ago -> %s (%s)', (days, ruleId, severity) => {
    expect(only(run(given(concept([rxnorm('637216')]), days)), ruleId).severity).toBe(severity);
  });
  it('57 days ago: over', () => expect(rules(run(given(concept([], 'Vivitrol 380 mg IM'), 57)))).toEqual([]));
  it('by HCPCS J2315 and by "naltrexone 380 mg injection"', () => {
    expect(rules(run(given(concept([{ system: HCPCS, code: 'J2315' }]), 7)))).toEqual(['naltrexone-depot']);
    expect(rules(run(given(concept([], 'naltrexone 380 mg extended-release injectable suspension'), 7)))).toEqual([
      'naltrexone-depot',
    ]);
  });
});
