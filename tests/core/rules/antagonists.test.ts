/**
 * Antagonists, opioid-acting drugs and label interactions. Dimensions: ingredient class x evidence (code, brand,
 * ingredient name) x timing (current only).
 */
import { describe, expect, it } from 'vitest';
import { concept, medication, rxnorm } from '../../../fixtures/factories.ts';
import { only, orderOf, orderText, rules, run } from './helpers.ts';

describe('duplicate naltrexone and other antagonists', () => {
  it.each([
    [
      'naltrexone 50 mg by SCD 1483744',
      orderOf({ concept: concept([rxnorm('1483744')]) }),
      'naltrexone-duplicate',
      'major',
    ],
    ['ReVia by SBD 1483746', orderOf({ concept: concept([rxnorm('1483746')]) }), 'naltrexone-duplicate', 'major'],
    [
      'Vivitrol by SBD 637216 (a depot, ldn-clinical.md 2b)',
      orderOf({ concept: concept([rxnorm('637216')]) }),
      'naltrexone-depot',
      'major',
    ],
    ['Vivitrol by brand name', orderText('Vivitrol 380 mg IM monthly'), 'naltrexone-depot', 'major'],
    ['Contrave by SBD 1551474', orderOf({ concept: concept([rxnorm('1551474')]) }), 'contrave', 'major'],
    ['Contrave by name', orderText('naltrexone/bupropion ER 8-90 mg'), 'contrave', 'major'],
    ['Lybalvi by SBD 2570398', orderOf({ concept: concept([rxnorm('2570398')]) }), 'samidorphan', 'major'],
    ['Lybalvi by brand', orderText('Lybalvi 10 mg/10 mg tablet'), 'samidorphan', 'major'],
    ['naloxone nasal spray (rescue)', orderText('Narcan 4 mg nasal spray'), 'rescue-antagonist', 'info'],
    ['nalmefene (rescue)', orderText('nalmefene 2.7 mg nasal spray'), 'rescue-antagonist', 'info'],
    ['methylnaltrexone (Relistor)', orderText('Relistor 150 mg tablet'), 'peripheral-antagonist', 'major'],
    ['naloxegol by SCD', orderOf({ concept: concept([rxnorm('1551917')]) }), 'peripheral-antagonist', 'major'],
    ['naldemedine (Symproic)', orderText('Symproic 0.2 mg'), 'peripheral-antagonist', 'major'],
    ['alvimopan (name only, no verified code)', orderText('alvimopan 12 mg capsule'), 'peripheral-antagonist', 'major'],
    [
      'diphenoxylate/atropine (Lomotil): caution since 2b',
      orderText('Lomotil 2.5 mg-0.025 mg'),
      'opioid-antidiarrheal',
      'caution',
    ],
    ['difenoxin by SCD', orderOf({ concept: concept([rxnorm('1190738')]) }), 'opioid-antidiarrheal', 'caution'],
    ['eluxadoline (Viberzi)', orderText('Viberzi 100 mg'), 'opioid-antidiarrheal', 'caution'],
    ['loperamide', orderText('loperamide 2 mg capsule'), 'loperamide', 'caution'],
    ['thioridazine', orderText('thioridazine 25 mg'), 'thioridazine', 'caution'],
    ['disulfiram (Antabuse)', orderText('Antabuse 250 mg'), 'disulfiram', 'caution'],
  ])('%s -> %s (%s)', (_n, order, ruleId, severity) => {
    const c = only(run(order), ruleId);
    expect(c.severity).toBe(severity);
    expect(c.sources.length).toBeGreaterThan(0);
  });

  it('methylnaltrexone is not naltrexone (whole-word matching)', () => {
    expect(rules(run(orderText('methylnaltrexone bromide 12 mg/0.6 mL injection')))).toEqual(['peripheral-antagonist']);
  });

  it('a rescue kit alone does not change a candidate verdict; a duplicate antagonist does', () => {
    expect(run(orderText('naloxone 4 mg nasal spray')).verdictIfComplete).toBe('no-indication');
    expect(run(orderText('Vivitrol 380 mg')).verdict).toBe('not-recommended');
  });

  it('eluxadoline cites its pharmacology, and that the effect of a low dose on antidiarrheals is UNVERIFIED', () => {
    const c = only(run(orderText('eluxadoline 75 mg')), 'opioid-antidiarrheal');
    expect(c.sources.some((s) => s.verified && /eluxadoline/i.test(s.label))).toBe(true);
    expect(c.sources.some((s) => !s.verified && /low-dose naltrexone/.test(s.label))).toBe(true);
  });

  it('dextromethorphan gives no finding (design: not an opioid-receptor agonist analgesic)', () => {
    expect(run(orderText('dextromethorphan HBr 30 mg/10 mL syrup')).conflicts).toEqual([]);
  });

  it('a stopped antagonist (outside opioid rules) no longer counts', () => {
    expect(run(orderText('naltrexone 50 mg', { status: 'stopped', authoredOn: '2026-03-10' })).conflicts).toEqual([]);
  });

  it('reads a contained Medication with ingredient codes (itemCodeableConcept)', () => {
    const med = medication({
      id: 'cmp',
      code: concept([], 'House capsule'),
      ingredients: [{ item: concept([rxnorm('7243', 'naltrexone')]) }],
    });
    const c = only(run(orderOf({ contained: med })), 'naltrexone-duplicate');
    expect(c.matched).toMatchObject({ by: 'code', code: '7243' });
    expect(c.matched.where).toContain('contained Medication.ingredient[0]');
  });
});

describe('low-dose naltrexone already charted', () => {
  it.each([
    ['compounded capsule text', orderText('Naltrexone HCl 1.5 mg and 3 mg oral capsules (compounded)')],
    ['"LDN 4.5 mg"', orderText('LDN 4.5 mg capsule')],
    ['liquid 1 mg/mL', orderText('naltrexone 1 mg/mL oral liquid')],
  ])('%s is info, not a duplicate', (_n, order) => {
    const a = run(order);
    expect(only(a, 'ldn-already-charted').severity).toBe('info');
    expect(rules(a)).not.toContain('naltrexone-duplicate');
  });

  it("the app's own order shape (contained Medication, RxNorm 7243 with a 4.5 mg strength) reads as low-dose", () => {
    const med = medication({
      id: 'ldn',
      code: concept([], 'Naltrexone HCl 4.5 mg oral capsule (compounded)'),
      ingredients: [{ item: concept([rxnorm('7243')]), strength: { value: 4.5, unit: 'mg' } }],
    });
    expect(rules(run(orderOf({ contained: med })))).toEqual(['ldn-already-charted']);
  });

  it('a dose above 10 mg, or no dose at all, stays a duplicate (fail safe)', () => {
    expect(rules(run(orderText('naltrexone 50 mg tablet (compounded)')))).toEqual(['naltrexone-duplicate']);
    expect(rules(run(orderOf({ concept: concept([rxnorm('7243')]) })))).toEqual(['naltrexone-duplicate']);
  });
});
