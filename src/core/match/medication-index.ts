/**
 * The lookup tables for medications: RxNorm code -> ingredient ids, and name phrase -> ingredient ids. Built from
 * src/core/knowledge (hand-reviewed) and src/core/knowledge/generated (built from public value sets) on first use,
 * once: building them at module load put 10-40 ms into every launch before the chart searches were issued
 * (issue 14 item 1), whether or not a medication was ever read.
 */
import { ABBREVIATIONS, COMBINATION_BRANDS, INGREDIENT_BY_ID, INGREDIENTS } from '../knowledge/ingredients.ts';
import { PACKED_BRAND_INGREDIENTS, PACKED_PRODUCT_CODE_GROUPS } from '../knowledge/generated/rxnorm-tables.ts';
import { packedLines, unpackBrandIngredients, unpackCodes } from '../knowledge/packed-codes.ts';
import { DEPOT_INGREDIENT, DEPOT_RXNORM, DEPOT_WINDOWS } from '../knowledge/depots.ts';
import { PRODUCT_CODES } from '../knowledge/products.ts';
import { PhraseIndex } from './phrase-index.ts';

export interface NameTarget {
  ingredients: readonly string[];
  /** What the phrase is, for the evidence shown to the clinician, e.g. "oxycodone" or "Suboxone". */
  term: string;
}

export interface CodeTarget {
  ingredients: readonly string[];
  term: string;
  kind: 'ingredient' | 'product';
}

const known = (ids: readonly string[]): string[] => ids.filter((id) => INGREDIENT_BY_ID.has(id));

function buildCodeIndex(): Map<string, CodeTarget> {
  const map = new Map<string, CodeTarget>();
  for (const [joined, digits] of packedLines(PACKED_PRODUCT_CODE_GROUPS)) {
    const ingredients = known(joined.split('+'));
    if (!ingredients.length) continue;
    const target: CodeTarget = { ingredients, term: `RxNorm product with ${ingredients.join(' / ')}`, kind: 'product' };
    const codes = unpackCodes(digits);
    for (let i = 0; i < codes.length; i++) map.set(codes[i] as string, target);
  }
  // Depot and implant product codes (ldn-clinical-2b-sources.md code list).
  for (const [code, kind] of DEPOT_RXNORM) map.set(code, { ingredients: [DEPOT_INGREDIENT[kind]], term: DEPOT_WINDOWS[kind].label, kind: 'product' });
  for (const p of PRODUCT_CODES) {
    map.set(p.code, { ingredients: known(p.ingredients), term: p.name, kind: 'product' });
  }
  // Hand-reviewed ingredient codes win over generated rows.
  for (const ing of INGREDIENTS) {
    for (const code of ing.rxcui ?? []) map.set(code, { ingredients: [ing.id], term: ing.name, kind: 'ingredient' });
  }
  return map;
}

/**
 * The name index. `withGenerated` false gives the hand-reviewed knowledge only: scripts/build-code-tables.ts uses
 * that, so its output never depends on an earlier run.
 */
export function buildNameIndex(withGenerated = true): PhraseIndex<NameTarget> {
  const index = new PhraseIndex<NameTarget>();
  if (withGenerated) {
    for (const [brand, joined] of unpackBrandIngredients(PACKED_BRAND_INGREDIENTS)) {
      const ingredients = known(joined.split('+'));
      if (ingredients.length) index.add(brand, { ingredients, term: brand });
    }
  }
  for (const ing of INGREDIENTS) {
    index.add(ing.name, { ingredients: [ing.id], term: ing.name });
    for (const syn of ing.synonyms ?? []) index.add(syn, { ingredients: [ing.id], term: syn });
    for (const brand of ing.brands ?? []) index.add(brand, { ingredients: [ing.id], term: brand });
  }
  for (const c of COMBINATION_BRANDS) index.add(c.brand, { ingredients: known(c.ingredients), term: c.brand });
  for (const a of ABBREVIATIONS) index.add(a.phrase, { ingredients: known(a.ingredients), term: a.phrase });
  return index;
}

let codeIndex: ReadonlyMap<string, CodeTarget> | undefined;
let nameIndex: PhraseIndex<NameTarget> | undefined;
let handNameIndex: PhraseIndex<NameTarget> | undefined;

/** RxNorm code -> what it names (generated product codes, depots, hand-reviewed products and ingredients). Built on first use. */
export function medicationCodes(): ReadonlyMap<string, CodeTarget> {
  return (codeIndex ??= buildCodeIndex());
}

/** Ingredient, synonym and brand names (hand-reviewed and generated). Built on first use. */
export function medicationNames(): PhraseIndex<NameTarget> {
  return (nameIndex ??= buildNameIndex());
}

/** Hand-reviewed names only: used inside a trailing "[Brand]" of an RxNorm-style name (see nameHits). Built on first use. */
export function handMedicationNames(): PhraseIndex<NameTarget> {
  return (handNameIndex ??= buildNameIndex(false));
}
