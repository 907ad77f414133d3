/**
 * The knowledge base is reviewable and honest: every rule and indication carries sources, UNVERIFIED facts say so,
 * codes are unique, and the generated tables record where they came from.
 */
import { describe, expect, it } from 'vitest';
import { CONDITION_GROUPS } from '../../../src/core/knowledge/conditions.ts';
import {
  GENERATED_FROM,
  PACKED_BRAND_INGREDIENTS,
  PACKED_PRODUCT_CODE_GROUPS,
} from '../../../src/core/knowledge/generated/rxnorm-tables.ts';
import { unpackBrandIngredients, unpackProductCodeGroups } from '../../../src/core/knowledge/packed-codes.ts';
import { CONDITION_CODE_GROUPS } from '../../../src/core/knowledge/generated/condition-tables.ts';

const PRODUCT_CODE_GROUPS = unpackProductCodeGroups(PACKED_PRODUCT_CODE_GROUPS);
const BRAND_INGREDIENTS = unpackBrandIngredients(PACKED_BRAND_INGREDIENTS);
import { INDICATIONS } from '../../../src/core/knowledge/indications.ts';
import { INGREDIENT_BY_ID, INGREDIENTS } from '../../../src/core/knowledge/ingredients.ts';
import { PRODUCT_CODES } from '../../../src/core/knowledge/products.ts';
import { RULES } from '../../../src/core/knowledge/rules.ts';

describe('rules and indications', () => {
  it('every rule has a severity, a why and at least one source with a label', () => {
    for (const rule of Object.values(RULES)) {
      expect(rule.why.length, rule.id).toBeGreaterThan(20);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      for (const s of rule.sources) expect(s.label, rule.id).not.toBe('');
    }
  });

  it('severities follow ldn-clinical.md section 2 (and 2b where it differs)', () => {
    const sev = Object.fromEntries(Object.values(RULES).map((r) => [r.id, r.severity]));
    expect(sev).toMatchObject({
      'opioid-agonist': 'contraindicated',
      'opioid-partial-or-mixed': 'contraindicated',
      'opioid-naltrexone-product': 'contraindicated',
      'oud-on-agonist-therapy': 'contraindicated',
      'recent-opioid-use': 'major',
      'naltrexone-duplicate': 'major',
      contrave: 'major',
      samidorphan: 'major',
      'rescue-antagonist': 'info',
      'peripheral-antagonist': 'major',
      'opioid-antidiarrheal': 'caution',
      loperamide: 'caution',
      'acute-liver-injury': 'major',
      'chronic-liver-disease': 'caution',
      pregnancy: 'caution',
      breastfeeding: 'caution',
      'transplant-immunosuppression': 'caution',
      'hashimoto-levothyroxine': 'caution',
      thioridazine: 'caution',
      disulfiram: 'caution',
      // Section 2b.
      'naltrexone-allergy': 'contraindicated',
      'antagonist-allergy': 'caution',
      'acute-opioid-withdrawal': 'contraindicated',
      'past-opioid-withdrawal': 'major',
      'buprenorphine-depot': 'contraindicated',
      'buprenorphine-depot-residual': 'major',
      'naltrexone-depot': 'major',
      'naltrexone-depot-residual': 'info',
      'nalmefene-maintenance': 'major',
      'opioid-poisoning-recent': 'contraindicated',
      'opioid-poisoning': 'major',
      'opioid-poisoning-followup': 'info',
      'opioid-adverse-effect-recent': 'contraindicated',
      'opioid-adverse-effect': 'major',
      'naloxone-given': 'major',
      kratom: 'major',
      'kratom-dependence': 'contraindicated',
      'diphenoxylate-misuse': 'major',
      'surgery-soon': 'major',
      'surgery-planned': 'caution',
    });
  });

  it('every rule has a kind and an override policy: contraindicated and major need an override (design)', () => {
    for (const r of Object.values(RULES)) {
      expect(r.kind, r.id).toBeTruthy();
      expect(r.needsOverride, r.id).toBe(r.severity === 'contraindicated' || r.severity === 'major');
    }
    expect(RULES['buprenorphine-depot'].kind).toBe('opioid');
    expect(RULES['naltrexone-allergy'].kind).toBe('allergy');
    expect(RULES['surgery-soon'].kind).toBe('procedure');
  });

  it('2b (design) severities cite the design source as well', () => {
    for (const id of [
      'antagonist-allergy',
      'acute-opioid-withdrawal',
      'buprenorphine-depot',
      'naltrexone-depot',
      'nalmefene-maintenance',
      'opioid-poisoning-recent',
      'naloxone-given',
      'kratom',
      'surgery-soon',
      'surgery-planned',
    ] as const) {
      expect(
        RULES[id].sources.some((s) => s.kind === 'design'),
        id,
      ).toBe(true);
    }
  });

  it('"(design)" severities cite the design source', () => {
    for (const id of [
      'naltrexone-duplicate',
      'rescue-antagonist',
      'peripheral-antagonist',
      'opioid-partial-or-mixed',
    ] as const) {
      expect(
        RULES[id].sources.some((s) => s.kind === 'design'),
        id,
      ).toBe(true);
    }
  });

  it('UNVERIFIED facts are verified:false (SIBO, Cochrane conclusions, transplant, antidiarrheals at low dose)', () => {
    expect(INDICATIONS.find((i) => i.id === 'sibo')?.sources.every((s) => !s.verified)).toBe(true);
    expect(
      INDICATIONS.find((i) => i.id === 'crohns')?.sources.some((s) => !s.verified && s.id === 'CD010410.pub3'),
    ).toBe(true);
    expect(RULES['transplant-immunosuppression'].sources.every((s) => !s.verified)).toBe(true);
    expect(RULES['opioid-antidiarrheal'].sources.some((s) => !s.verified)).toBe(true);
  });

  it('every indication has evidence, a level and sources, and names a known condition group', () => {
    const groups = new Set(CONDITION_GROUPS.map((g) => g.id));
    for (const i of INDICATIONS) {
      expect(groups.has(i.group), i.id).toBe(true);
      expect(i.sources.length, i.id).toBeGreaterThan(0);
      expect(i.evidenceLevel, i.id).not.toBe('');
    }
  });
});

describe('ingredients and codes', () => {
  it('ingredient ids and RxNorm ingredient codes are unique', () => {
    expect(new Set(INGREDIENTS.map((i) => i.id)).size).toBe(INGREDIENTS.length);
    const codes = INGREDIENTS.flatMap((i) => i.rxcui ?? []);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('every opioid has a washout class; alvimopan has no code (NOT FOUND) and is unverified', () => {
    for (const i of INGREDIENTS.filter((x) => x.role.startsWith('opioid-') && x.role !== 'opioid-antidiarrheal'))
      expect(i.washout, i.id).toBeDefined();
    expect(INGREDIENT_BY_ID.get('alvimopan')).toMatchObject({ verified: false });
    expect(INGREDIENT_BY_ID.get('alvimopan')?.rxcui).toBeUndefined();
  });

  it('hand-reviewed products name known ingredients, and no naltrexone-only product contains an opioid', () => {
    for (const p of PRODUCT_CODES)
      for (const id of p.ingredients) expect(INGREDIENT_BY_ID.has(id), `${p.code} ${id}`).toBe(true);
    const vivitrol = PRODUCT_CODES.filter((p) => p.name.includes('Vivitrol'));
    expect(vivitrol.every((p) => p.ingredients.join() === 'naltrexone')).toBe(true);
  });

  it('generated tables record repository, full commit and date, and use known ingredients only', () => {
    expect(GENERATED_FROM.length).toBeGreaterThan(0);
    for (const g of GENERATED_FROM) {
      expect(g.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(g.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(Number.isNaN(Date.parse(g.date))).toBe(false);
      expect(g.files.length).toBeGreaterThan(0);
    }
    for (const [set] of PRODUCT_CODE_GROUPS)
      for (const id of set.split('+')) expect(INGREDIENT_BY_ID.has(id), id).toBe(true);
    for (const [, set] of BRAND_INGREDIENTS)
      for (const id of set.split('+')) expect(INGREDIENT_BY_ID.has(id), id).toBe(true);
    const groupIds = new Set<string>(CONDITION_GROUPS.map((g) => g.id));
    for (const [g] of CONDITION_CODE_GROUPS) expect(groupIds.has(g), g).toBe(true);
  });

  it('a product code belongs to one ingredient set only', () => {
    const seen = new Map<string, string>();
    for (const [set, codes] of PRODUCT_CODE_GROUPS) {
      for (const code of codes.split(' ')) {
        expect(seen.get(code), `${code} in ${set} and ${seen.get(code)}`).toBeUndefined();
        seen.set(code, set);
      }
    }
  });
});
