/**
 * Allergies and planned procedures (ldn-clinical.md 2b). Dimensions: allergen x evidence (RxNorm IN / PIN / product,
 * brand, text) x status (active, inactive, refuted, entered-in-error); procedure source (ServiceRequest, Procedure,
 * Appointment) x days ahead (window edges 7 / 8 / 30 / 31, past) x surgical or not.
 */
import { describe, expect, it } from 'vitest';
import {
  allergyIntolerance,
  appointment,
  concept,
  procedure,
  rxnorm,
  serviceRequest,
  snomed,
} from '../../../fixtures/factories.ts';
import { daysAfter, daysBefore } from '../../../fixtures/dates.ts';
import { NOW_DATE, only, P, rules, run } from './helpers.ts';

const allergy = (code: ReturnType<typeof concept>, extra: Partial<Parameters<typeof allergyIntolerance>[0]> = {}) =>
  allergyIntolerance({ patientId: P, code, ...extra });

describe('naltrexone allergy is contraindicated', () => {
  it.each([
    ['RxNorm 7243 (US Core allergy substance)', concept([rxnorm('7243', 'Naltrexone')])],
    ['RxNorm PIN 105069', concept([rxnorm('105069')])],
    ['a naltrexone product code (Vivitrol SBD 637216)', concept([rxnorm('637216')])],
    ['text "naltrexone"', concept([], 'naltrexone')],
    ['brand ReVia', concept([], 'ReVia')],
    ['brand Vivitrol', concept([], 'Vivitrol')],
    ['"LDN"', concept([], 'LDN (hives)')],
  ])('%s', (_n, code) => {
    const a = run(allergy(code));
    const c = only(a, 'naltrexone-allergy');
    expect(c.severity).toBe('contraindicated');
    expect(c.kind).toBe('allergy');
    expect(c.needsOverride).toBe(true);
    expect(c.entry.resourceType).toBe('AllergyIntolerance');
    expect(c.sources.some((s) => s.kind === 'label')).toBe(true);
    expect(a.verdictIfComplete).toBe('not-recommended');
  });

  it.each(['inactive', 'resolved'] as const)('a %s allergy does not count', (clinicalStatus) => {
    expect(rules(run(allergy(concept([rxnorm('7243')]), { clinicalStatus })))).toEqual([]);
  });
  it.each(['refuted', 'entered-in-error'] as const)('a %s allergy does not count', (verificationStatus) => {
    expect(rules(run(allergy(concept([rxnorm('7243')]), { verificationStatus })))).toEqual([]);
  });
  it('an unconfirmed allergy still counts (fail safe)', () => {
    expect(rules(run(allergy(concept([rxnorm('7243')]), { verificationStatus: 'unconfirmed' })))).toEqual([
      'naltrexone-allergy',
    ]);
  });
  it('methylnaltrexone and penicillin allergies are not naltrexone allergies', () => {
    expect(
      rules(
        run(allergy(concept([], 'methylnaltrexone')), allergy(concept([snomed('91936005', 'Allergy to penicillin')]))),
      ),
    ).toEqual([]);
  });
  it('an allergy that names nothing is a gap, not silence', () => {
    const a = run(allergy(concept([])));
    expect(a.verdict).toBe('incomplete');
    expect(a.gaps[0]?.resourceType).toBe('AllergyIntolerance');
  });
});

describe('naloxone or nalmefene allergy is a caution', () => {
  it.each([
    ['naloxone', concept([rxnorm('7242')])],
    ['Narcan', concept([], 'Narcan')],
    ['nalmefene', concept([], 'nalmefene')],
  ])('%s', (_n, code) => {
    const c = only(run(allergy(code)), 'antagonist-allergy');
    expect(c.severity).toBe('caution');
    expect(c.sources.some((s) => s.kind === 'design')).toBe(true);
  });
});

const HIP = concept([snomed('52734007', 'Total replacement of hip')], 'Total hip arthroplasty');

describe('planned surgery', () => {
  it.each([
    [0, 'surgery-soon', 'major'],
    [5, 'surgery-soon', 'major'],
    [7, 'surgery-soon', 'major'],
    [8, 'surgery-planned', 'caution'],
    [30, 'surgery-planned', 'caution'],
  ] as const)('ServiceRequest in %i days -> %s (%s)', (days, ruleId, severity) => {
    const c = only(run(serviceRequest({ patientId: P, code: HIP, occurrence: daysAfter(NOW_DATE, days) })), ruleId);
    expect(c.severity).toBe(severity);
    expect(c.kind).toBe('procedure');
  });

  it('the caution gives the date by which to stop LDN (at least 72 h before)', () => {
    const c = only(run(serviceRequest({ patientId: P, code: HIP, occurrence: '2026-04-04' })), 'surgery-planned');
    expect(c.why).toContain('stop it by 1 Apr 2026');
  });

  it.each([31, -1])('nothing at %i days (outside the 30-day look-ahead, or past)', (days) => {
    expect(rules(run(serviceRequest({ patientId: P, code: HIP, occurrence: daysAfter(NOW_DATE, days) })))).toEqual([]);
  });

  it.each([
    [
      'a completed ServiceRequest',
      serviceRequest({ patientId: P, code: HIP, status: 'completed', occurrence: daysAfter(NOW_DATE, 3) }),
    ],
    [
      'a proposal (not plan/order)',
      serviceRequest({ patientId: P, code: HIP, intent: 'proposal', occurrence: daysAfter(NOW_DATE, 3) }),
    ],
    [
      'a non-surgical request (MRI)',
      serviceRequest({
        patientId: P,
        code: concept([], 'MRI of the knee'),
        category: concept([], 'Imaging'),
        occurrence: daysAfter(NOW_DATE, 3),
      }),
    ],
    [
      'a completed Procedure',
      procedure({ patientId: P, code: HIP, status: 'completed', performed: daysBefore(NOW_DATE, 3) }),
    ],
    [
      'a cancelled Appointment',
      appointment({
        patientId: P,
        status: 'cancelled',
        start: `${daysAfter(NOW_DATE, 3)}T09:00:00Z`,
        description: 'Laparoscopic cholecystectomy',
      }),
    ],
    [
      'a routine follow-up Appointment',
      appointment({
        patientId: P,
        start: `${daysAfter(NOW_DATE, 3)}T09:00:00Z`,
        description: 'Rheumatology follow-up',
      }),
    ],
  ])('%s gives no finding', (_n, r) => {
    expect(rules(run(r))).toEqual([]);
  });

  it('a Procedure in preparation (dated or not) and a booked surgical Appointment count', () => {
    expect(rules(run(procedure({ patientId: P, code: HIP, performed: daysAfter(NOW_DATE, 2) })))).toEqual([
      'surgery-soon',
    ]);
    expect(rules(run(procedure({ patientId: P, code: HIP })))).toEqual(['surgery-soon']);
    expect(
      rules(
        run(
          appointment({
            patientId: P,
            status: 'pending',
            start: `${daysAfter(NOW_DATE, 12)}T09:00:00Z`,
            description: 'Laparoscopic cholecystectomy',
          }),
        ),
      ),
    ).toEqual(['surgery-planned']);
  });
});

describe('what made a planned procedure surgical, as evidence', () => {
  it('a SNOMED CT surgical category is matched by code, named by its display', () => {
    const c = only(
      run(serviceRequest({ patientId: P, code: concept([], 'Knee review'), occurrence: daysAfter(NOW_DATE, 3) })),
      'surgery-soon',
    );
    expect(c.matched).toMatchObject({ by: 'code', code: '387713003', term: 'Surgical procedure' });
  });
  it('the same code in another system is not a surgical category; a surgical word is matched by name', () => {
    const other = concept([{ system: 'urn:oid:1.2.3.4', code: '387713003', display: 'Clinic visit' }]);
    const visit = serviceRequest({
      patientId: P,
      code: concept([], 'Follow-up visit'),
      occurrence: daysAfter(NOW_DATE, 3),
      category: other,
    });
    expect(rules(run(visit))).toEqual([]);
    const hip = serviceRequest({ patientId: P, code: HIP, occurrence: daysAfter(NOW_DATE, 3), category: other });
    expect(only(run(hip), 'surgery-soon').matched).toMatchObject({ by: 'name', term: 'replacement' });
  });
  it('the verdict sentence keeps "LDN" in capitals', () => {
    const a = run(serviceRequest({ patientId: P, code: HIP, occurrence: daysAfter(NOW_DATE, 3) }));
    expect(a.summary).toContain('surgery or procedure within 7 days: start LDN after it');
  });
});
