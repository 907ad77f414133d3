/**
 * Medication matching. Dimensions: evidence (RxNorm code in URI / OID form, display, text, brand, abbreviation),
 * location (inline concept, contained Medication, referenced Medication, ingredient itemCodeableConcept),
 * look-alikes (whole-word tokens), unreadable / unresolved input.
 */
import { describe, expect, it } from 'vitest';
import { readConcept, type IngredientMatches } from '../../../src/core/match/medication.ts';
import { tokenise } from '../../../src/core/match/tokens.ts';
import { concept, localCode, medication, medicationRequest, rxnorm, SYSTEM } from '../../../fixtures/factories.ts';
import { chartOf, P, rules, run } from '../rules/helpers.ts';
import { assess } from '../../../src/core/assess/index.ts';

const ingredientsOf = (c: unknown): string[] => {
  const m: IngredientMatches = new Map();
  readConcept(c, 'x', m);
  return [...m.keys()].sort();
};

describe('tokenise', () => {
  it('folds case and tall-man lettering, splits combinations and drops possessives', () => {
    expect(tokenise('Acetaminophen / HYDROcodone 325-5')).toEqual(['acetaminophen', 'hydrocodone', '325', '5']);
    expect(tokenise("Crohn's disease")).toEqual(['crohn', 'disease']);
    expect(tokenise('APAP/codeine')).toEqual(['apap', 'codeine']);
  });
});

describe('readConcept', () => {
  it.each([
    ['RxNorm URI', concept([rxnorm('1049621')]), ['oxycodone']],
    ['RxNorm OID', concept([{ system: SYSTEM.rxnormOid, code: '1049621' }]), ['oxycodone']],
    ['ingredient code', concept([rxnorm('7804')]), ['oxycodone']],
    ['display only', concept([localCode('1', 'HYDROcodone-acetaminophen 5-325')]), ['acetaminophen', 'hydrocodone']],
    ['text with APAP', concept([], 'oxyCODONE/APAP 5/325'), ['acetaminophen', 'oxycodone']],
    ['brand (combination)', concept([], 'Suboxone film'), ['buprenorphine', 'naloxone']],
    ['abbreviation bup/nx', concept([], 'bup/nx 8/2'), ['buprenorphine', 'naloxone']],
    ['learnt brand (generated table)', concept([], 'Lortab 5/325'), ['hydrocodone']],
    ['whole word: methylnaltrexone', concept([], 'methylnaltrexone'), ['methylnaltrexone']],
    ['whole word: apomorphine', concept([], 'apomorphine'), []],
    ['anticholinergics are not opioids', concept([], 'ipratropium / tiotropium / trospium / glycopyrronium'), []],
    ['a local code without text', concept([localCode('123')]), []],
  ])('%s', (_n, c, expected) => {
    expect(ingredientsOf(c)).toEqual(expected);
  });

  it('a brand inside "[...]" after the ingredients is read with hand-reviewed names only', () => {
    expect(ingredientsOf(concept([], 'chlophedianol 12.5 MG / pyrilamine 12.5 MG Oral Solution [Vanacof AC]'))).toEqual(
      [],
    );
    expect(ingredientsOf(concept([], 'Vanacof liquid'))).toEqual(['codeine']);
  });

  it('is readable with a code or a text, unreadable with neither', () => {
    expect(readConcept(concept([rxnorm('999999999')]), 'x', new Map()).readable).toBe(true);
    expect(readConcept(concept([], 'something'), 'x', new Map()).readable).toBe(true);
    expect(readConcept(concept([localCode('1')]), 'x', new Map()).readable).toBe(false);
    expect(readConcept(42, 'x', new Map()).readable).toBe(false);
  });
});

describe('medications in Medication resources', () => {
  it('finds a referenced Medication and its ingredient codes', () => {
    const med = medication({
      id: 'm1',
      code: concept([], 'House compound'),
      ingredients: [{ item: concept([rxnorm('1819', 'buprenorphine')]) }],
    });
    const a = run(med, medicationRequest({ patientId: P, medication: { reference: 'Medication/m1' } }));
    expect(rules(a)).toEqual(['opioid-partial-or-mixed']);
    expect(a.conflicts[0]?.matched.where).toBe('referenced Medication.ingredient[0].itemCodeableConcept.coding[0]');
    expect(a.conflicts[0]?.entry.name).toBe('House compound');
  });

  it('a missing referenced Medication makes the result incomplete, and its display is still checked', () => {
    const a = run(
      medicationRequest({ patientId: P, medication: { reference: 'Medication/gone', display: 'oxycodone 5 mg' } }),
    );
    expect(a.verdict).toBe('incomplete');
    expect(a.verdictIfComplete).toBe('not-recommended');
    expect(a.gaps).toEqual([expect.objectContaining({ reason: 'unresolved-reference', target: 'Medication/gone' })]);
  });

  it('an unreadable medication (local code only) makes the result incomplete', () => {
    const a = assess(
      chartOf(medicationRequest({ id: 'mr-x', patientId: P, medication: { concept: concept([localCode('77')]) } })),
      '2026-03-15',
    );
    expect(a.complete).toBe(false);
    expect(a.gaps[0]).toMatchObject({
      resourceType: 'MedicationRequest',
      reason: 'unreadable-medication',
      target: 'MedicationRequest/mr-x',
    });
  });

  it('an entered-in-error unreadable record is not a gap', () => {
    expect(
      run(
        medicationRequest({
          patientId: P,
          status: 'entered-in-error',
          medication: { concept: concept([localCode('77')]) },
        }),
      ).complete,
    ).toBe(true);
  });
});

describe('learnt brands that are everyday words', () => {
  it('"Vortex valved holding chamber" (a spacer) is not an opioid', () => {
    expect(ingredientsOf(concept([], 'PARI Vortex valved holding chamber'))).toEqual([]);
  });
});
