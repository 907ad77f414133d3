/**
 * Condition rules and OUD. Dimensions: group (OUD, hepatic, pregnancy, breastfeeding, transplant, Hashimoto's) x
 * evidence (SNOMED, ICD-10-CM, name) x combination with medications.
 */
import { describe, expect, it } from 'vitest';
import { concept, condition, icd10, snomed, SYSTEM } from '../../../fixtures/factories.ts';
import { only, orderText, P, rules, run } from './helpers.ts';

const cond = (code: ReturnType<typeof concept>, extra: Partial<Parameters<typeof condition>[0]> = {}) =>
  condition({ patientId: P, code, ...extra });

describe('opioid use disorder', () => {
  it('F11.20 + current buprenorphine/naloxone: OUD on agonist therapy is contraindicated', () => {
    const a = run(
      cond(concept([icd10('F11.20', 'Opioid dependence, uncomplicated')])),
      orderText('Suboxone 8-2 mg film'),
    );
    const c = only(a, 'oud-on-agonist-therapy');
    expect(c.severity).toBe('contraindicated');
    expect(c.entry.resourceType).toBe('Condition');
    expect(c.why).toContain('Suboxone');
    expect(c.matched).toMatchObject({ by: 'code', code: 'F11.20' });
  });

  it('F11.21 in remission + methadone maintenance counts too (decided from the medication)', () => {
    expect(rules(run(cond(concept([icd10('F11.21')])), orderText('methadone 60 mg/day oral solution')))).toContain(
      'oud-on-agonist-therapy',
    );
  });

  it('SNOMED 1081000119105 "on agonist therapy" is contraindicated by itself', () => {
    expect(only(run(cond(concept([snomed('1081000119105')]))), 'oud-on-agonist-therapy').severity).toBe(
      'contraindicated',
    );
  });

  it('OUD with no agonist therapy charted is a caution to confirm the patient is opioid-free', () => {
    const a = run(cond(concept([snomed('75544000', 'Opioid dependence')])));
    expect(only(a, 'oud-without-agonist').severity).toBe('caution');
  });

  it('an opioid overdose or poisoning is not OUD', () => {
    expect(run(cond(concept([], 'Accidental poisoning caused by methadone'))).conflicts).toEqual([]);
    expect(run(cond(concept([icd10('T40.2X1A', 'Poisoning by other opioids, accidental')]))).conflicts).toEqual([]);
  });
});

describe('hepatic, pregnancy, breastfeeding, transplant', () => {
  it.each([
    ['acute hepatic failure K72.00', concept([icd10('K72.00')]), 'acute-liver-injury', 'major'],
    ['acute hepatitis SNOMED 37871000', concept([snomed('37871000')]), 'acute-liver-injury', 'major'],
    ['cirrhosis SNOMED 19943007', concept([snomed('19943007')]), 'chronic-liver-disease', 'caution'],
    ['"Chronic liver disease" text', concept([], 'Chronic liver disease'), 'chronic-liver-disease', 'caution'],
    ['pregnancy SNOMED 72892002 (Synthea)', concept([snomed('72892002')]), 'pregnancy', 'caution'],
    [
      'pregnancy ICD Z33.1 (OID system)',
      concept([{ system: SYSTEM.icd10cmOid, code: 'Z33.1' }]),
      'pregnancy',
      'caution',
    ],
    ['breastfeeding SNOMED 69840006', concept([snomed('69840006')]), 'breastfeeding', 'caution'],
    ['breastfeeding ICD Z39.1', concept([icd10('Z39.1')]), 'breastfeeding', 'caution'],
    ['kidney transplant (name)', concept([], 'Kidney transplant recipient'), 'transplant-immunosuppression', 'caution'],
  ])('%s -> %s', (_n, code, ruleId, severity) => {
    expect(only(run(cond(code)), ruleId).severity).toBe(severity);
  });

  it('acute hepatitis is not reported again as chronic liver disease', () => {
    expect(rules(run(cond(concept([], 'Acute hepatitis'))))).toEqual(['acute-liver-injury']);
  });

  it('transplant caution comes from a second-hand source and says so (verified:false)', () => {
    const c = only(run(orderText('tacrolimus 1 mg capsule')), 'transplant-immunosuppression');
    expect(c.sources.every((s) => s.verified === false)).toBe(true);
  });

  it("Hashimoto's on levothyroxine: caution; Hashimoto's alone or levothyroxine alone: none", () => {
    const hashi = cond(concept([snomed('21983002', 'Hashimoto thyroiditis')]));
    expect(only(run(hashi, orderText('levothyroxine 75 mcg')), 'hashimoto-levothyroxine').severity).toBe('caution');
    expect(run(hashi).conflicts).toEqual([]);
    expect(run(orderText('Synthroid 50 mcg')).conflicts).toEqual([]);
  });

  it('history, screening and negated texts name no condition', () => {
    for (const text of [
      'Family history of multiple sclerosis',
      'Pregnancy test negative',
      'Screening for hepatitis',
      'Not pregnant',
    ]) {
      const a = run(cond(concept([], text)));
      expect({ text, conflicts: a.conflicts.length, candidacy: a.candidacy.length }).toEqual({
        text,
        conflicts: 0,
        candidacy: 0,
      });
    }
  });
});
