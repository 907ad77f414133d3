/**
 * Recent opioid exposure outside the medication list, withdrawal, kratom and oral nalmefene (ldn-clinical.md 2b).
 * Dimensions: evidence (T40 code old / new form, text; administration; withdrawal code / SNOMED / text; kratom in a
 * medication, a statement, a note, a Condition) x days since (window edges) x encounter / intent / status.
 */
import { describe, expect, it } from 'vitest';
import {
  concept,
  condition,
  icd10,
  medicationAdministration,
  medicationStatement,
  snomed,
} from '../../../fixtures/factories.ts';
import { daysBefore } from '../../../fixtures/dates.ts';
import { NOW_DATE, only, orderText, P, rules, run } from './helpers.ts';

const dx = (code: ReturnType<typeof concept>, days: number, extra: Partial<Parameters<typeof condition>[0]> = {}) =>
  condition({ patientId: P, code, onset: daysBefore(NOW_DATE, days), category: 'encounter-diagnosis', ...extra });

describe('opioid poisoning', () => {
  it.each([
    ['T40.1X1A heroin, accidental', 'T40.1X1A'],
    ['T40.411A fentanyl (newer form)', 'T40.411A'],
    ['T40.4X2A (older form)', 'T40.4X2A'],
    ['T40.601A unspecified narcotics', 'T40.601A'],
    ['T40.2X4A, written without the dot', 'T402X4A'],
  ])('%s yesterday -> contraindicated, with an opioid-free window', (_n, code) => {
    const a = run(dx(concept([icd10(code)]), 1));
    const c = only(a, 'opioid-poisoning-recent');
    expect(c.severity).toBe('contraindicated');
    expect(c.kind).toBe('opioid-exposure');
    expect(a.opioidFreeFrom).toBe(daysBefore(NOW_DATE, 1 - 11));
  });
  it.each([
    [10, 'opioid-poisoning-recent'],
    [11, 'opioid-poisoning'],
    [30, 'opioid-poisoning'],
  ] as const)('T40.2X1A %i days ago -> %s', (days, ruleId) => {
    expect(rules(run(dx(concept([icd10('T40.2X1A')]), days)))).toEqual([ruleId]);
  });
  it('31 days ago: no finding', () => expect(rules(run(dx(concept([icd10('T40.2X1A')]), 31)))).toEqual([]));
  it('methadone (T40.3X1A): 14 days', () => {
    expect(rules(run(dx(concept([icd10('T40.3X1A')]), 14)))).toEqual(['opioid-poisoning-recent']);
    expect(rules(run(dx(concept([icd10('T40.3X1A')]), 15)))).toEqual(['opioid-poisoning']);
  });
  it('subsequent and sequela encounters are info', () => {
    expect(only(run(dx(concept([icd10('T40.1X1D')]), 2)), 'opioid-poisoning-followup').severity).toBe('info');
    expect(rules(run(dx(concept([icd10('T40.1X1S')]), 200)))).toEqual(['opioid-poisoning-followup']);
  });
  it('adverse effect (5) and underdosing (6) are an opioid prescription', () => {
    expect(rules(run(dx(concept([icd10('T40.2X5A')]), 3)))).toEqual(['opioid-adverse-effect-recent']);
    expect(rules(run(dx(concept([icd10('T40.2X6A')]), 20)))).toEqual(['opioid-adverse-effect']);
  });
  it('by text: "Accidental fentanyl overdose" and "Opioid overdose" count; cocaine poisoning and "history of overdose" do not', () => {
    expect(rules(run(dx(concept([], 'Accidental fentanyl overdose'), 2)))).toEqual(['opioid-poisoning-recent']);
    expect(rules(run(dx(concept([snomed('242253008', 'Overdose of opiate')]), 2)))).toEqual([
      'opioid-poisoning-recent',
    ]);
    expect(rules(run(dx(concept([icd10('T40.5X1A', 'Poisoning by cocaine, accidental')]), 2)))).toEqual([]);
    expect(rules(run(dx(concept([], 'History of opioid overdose'), 2)))).toEqual([]);
  });
  it('a resolved poisoning still dates an exposure; a refuted one never counts', () => {
    expect(rules(run(dx(concept([icd10('T40.1X1A')]), 2, { clinicalStatus: 'resolved' })))).toEqual([
      'opioid-poisoning-recent',
    ]);
    expect(rules(run(dx(concept([icd10('T40.1X1A')]), 2, { verificationStatus: 'refuted' })))).toEqual([]);
  });
});

describe('naloxone or nalmefene given', () => {
  const given = (text: string, days: number, status: 'completed' | 'not-done' = 'completed') =>
    medicationAdministration({
      patientId: P,
      medication: { concept: concept([], text) },
      status,
      effective: `${daysBefore(NOW_DATE, days)}T03:00:00Z`,
    });
  it.each([
    [1, ['naloxone-given']],
    [10, ['naloxone-given']],
    [11, []],
  ] as const)('naloxone given %i days ago -> %j', (days, expected) => {
    expect(rules(run(given('naloxone 0.4 mg IV', days)))).toEqual(expected);
  });
  it('major; nalmefene too; a not-done administration never counts', () => {
    expect(only(run(given('naloxone 0.4 mg IV', 1)), 'naloxone-given').severity).toBe('major');
    expect(rules(run(given('nalmefene 1 mg injection', 2)))).toEqual(['naloxone-given']);
    expect(rules(run(given('naloxone 0.4 mg IV', 1, 'not-done')))).toEqual([]);
  });
  it('a rescue kit on the medication list stays info', () => {
    expect(only(run(orderText('Narcan 4 mg nasal spray')), 'rescue-antagonist').severity).toBe('info');
  });
});

describe('acute opioid withdrawal', () => {
  it.each([
    ['F11.23', concept([icd10('F11.23', 'Opioid dependence with withdrawal')])],
    ['F11.13', concept([icd10('F11.13')])],
    ['F11.93', concept([icd10('F11.93')])],
    ['SNOMED 87132004', concept([snomed('87132004', 'Opioid withdrawal syndrome')])],
    ['text', concept([], 'Opiate withdrawal')],
  ])('%s with onset 3 days ago -> contraindicated', (_n, code) => {
    const c = only(run(dx(code, 3)), 'acute-opioid-withdrawal');
    expect(c.severity).toBe('contraindicated');
  });
  it.each([
    [14, 'acute-opioid-withdrawal'],
    [15, 'past-opioid-withdrawal'],
  ] as const)('onset %i days ago -> %s', (days, ruleId) => {
    expect(rules(run(dx(concept([icd10('F11.23')]), days)))).toEqual([ruleId]);
  });
  it('a resolved withdrawal is major (confirm opioid-free); alcohol withdrawal is not opioid withdrawal', () => {
    expect(rules(run(dx(concept([icd10('F11.23')]), 3, { clinicalStatus: 'resolved' })))).toEqual([
      'past-opioid-withdrawal',
    ]);
    expect(rules(run(dx(concept([icd10('F10.230', 'Alcohol dependence with withdrawal, uncomplicated')]), 3)))).toEqual(
      [],
    );
  });
});

describe('kratom', () => {
  it.each([
    [
      'a statement "kratom powder"',
      medicationStatement({ patientId: P, medication: { concept: concept([], 'Kratom powder') }, status: 'active' }),
    ],
    ['mitragynine', orderText('mitragynine capsules')],
    [
      'a note on another record',
      medicationStatement({
        patientId: P,
        medication: { concept: concept([], 'Herbal supplement') },
        status: 'active',
      }),
    ],
    ['a Condition "kratom use"', dx(concept([], 'Kratom use'), 30)],
  ])('%s -> major', (name, r) => {
    if (name.startsWith('a note'))
      (r as { note?: { text: string }[] }).note = [{ text: 'Patient takes kratom most weekends' }];
    expect(only(run(r), 'kratom').severity).toBe('major');
  });
  it.each([
    ['daily use', orderText('kratom 4 g daily')],
    [
      'concentrated 7-OH',
      medicationStatement({
        patientId: P,
        medication: { concept: concept([], '7-hydroxymitragynine (7-OH) tablets') },
        status: 'active',
      }),
    ],
    ['a dependence Condition', dx(concept([], 'Kratom dependence'), 100)],
  ])('%s -> contraindicated', (_n, r) => {
    expect(only(run(r), 'kratom-dependence').severity).toBe('contraindicated');
  });
  it('kratom stopped 10 days ago counts, 11 days ago not; "not taken" never', () => {
    const stopped = (days: number) =>
      medicationStatement({
        patientId: P,
        medication: { concept: concept([], 'kratom') },
        status: 'completed',
        effective: daysBefore(NOW_DATE, days),
      });
    expect(rules(run(stopped(10)))).toEqual(['kratom']);
    expect(rules(run(stopped(11)))).toEqual([]);
    expect(
      rules(
        run(medicationStatement({ patientId: P, medication: { concept: concept([], 'kratom') }, status: 'not-taken' })),
      ),
    ).toEqual([]);
  });
});

describe('oral nalmefene and antidiarrheals', () => {
  it('Selincro / nalmefene 18 mg tablet is a major duplicate antagonist; the nasal spray stays rescue', () => {
    expect(only(run(orderText('Selincro 18 mg film-coated tablet')), 'nalmefene-maintenance').severity).toBe('major');
    expect(rules(run(orderText('nalmefene 18 mg tablet as needed')))).toEqual(['nalmefene-maintenance']);
    expect(rules(run(orderText('Opvee nalmefene 2.7 mg nasal spray')))).toEqual(['rescue-antagonist']);
  });
  it('an antidiarrheal alone leaves a candidate with cautions; documented diphenoxylate misuse is major', () => {
    const fm = condition({ patientId: P, code: concept([icd10('M79.7', 'Fibromyalgia')]) });
    expect(run(fm, orderText('Lomotil 2.5 mg'), orderText('loperamide 2 mg')).verdict).toBe('candidate-with-cautions');
    expect(only(run(fm, dx(concept([], 'Lomotil abuse'), 20)), 'diphenoxylate-misuse').severity).toBe('major');
  });
});

describe('kratom in a Condition note', () => {
  it('a note "uses kratom daily" on another diagnosis counts; a note without kratom does not', () => {
    const withNote = (text: string) => ({
      ...condition({ patientId: P, code: concept([icd10('F41.1', 'Generalized anxiety disorder')]) }),
      note: [{ text }],
    });
    expect(rules(run(withNote('Reports kratom use on weekends')))).toEqual(['kratom']);
    expect(rules(run(withNote('Uses kratom daily, dependence suspected')))).toEqual(['kratom-dependence']);
    expect(rules(run(withNote('Walks daily')))).toEqual([]);
  });
});
