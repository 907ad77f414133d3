/**
 * The lookup tables for medications: RxNorm code -> ingredient ids, and name phrase -> ingredient ids. Built from
 * src/core/knowledge (hand-reviewed) and src/core/knowledge/generated (built from public value sets) on first use,
 * once: building them at module load put 10-40 ms into every launch before the chart searches were issued
 * (issue 14 item 1), whether or not a medication was ever read.
 */
import { ABBREVIATIONS, COMBINATION_BRANDS, INGREDIENT_BY_ID, INGREDIENTS } from '../knowledge/ingredients.ts';
import { PACKED_BRAND_INGREDIENTS, PACKED_PRODUCT_CODE_GROUPS } from '../knowledge/generated/rxnorm-tables.ts';
import { decodePackedKeys, packedLines } from '../knowledge/packed-codes.ts';
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

/**
 * The generated product codes as one sorted Int32Array of `code * 64 + group` (60 ingredient sets; RxNorm codes are
 * below 2^25), looked up by binary search: no string or Map entry per code (10,100 of them), so building it costs
 * about a millisecond on first use. Where a code were in two sets the later set wins, as Map.set order did.
 */
interface GeneratedCodes {
  keys: Int32Array;
  targets: CodeTarget[];
}

/** Keys must fit an Int32: code * 64 + group < 2^31, so codes below 2^25 (decodePackedKeys checks it). */
const GROUP_BITS = 64;

function buildGeneratedCodes(): GeneratedCodes {
  const targets: CodeTarget[] = [];
  const lines = packedLines(PACKED_PRODUCT_CODE_GROUPS);
  let room = 0;
  for (let i = 0; i < lines.length; i++) room += (lines[i] as [string, string])[1].length;
  // One key per code, decoded straight into the array (no list of numbers, no callback per code), then sorted.
  const keys = new Int32Array(room);
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const [joined, digits] = lines[i] as [string, string];
    const ingredients = known(joined.split('+'));
    if (!ingredients.length) continue;
    const group = targets.length;
    if (group >= GROUP_BITS) throw new Error('code tables: more ingredient sets than the index holds');
    targets.push({ ingredients, term: `RxNorm product with ${ingredients.join(' / ')}`, kind: 'product' });
    n = decodePackedKeys(digits, keys, n, GROUP_BITS, group);
  }
  return { keys: keys.slice(0, n).sort(), targets };
}

function generatedTarget(index: GeneratedCodes, code: string): CodeTarget | undefined {
  // Only the plain decimal form the tables hold ("1049621", not "01049621" or "1e6").
  if (code.length > 8 || !/^[1-9]\d*$/.test(code)) return undefined;
  const n = Number(code);
  const { keys } = index;
  // The last key of code n: the first key >= (n + 1) * 64, minus one.
  let lo = 0;
  let hi = keys.length;
  const bound = (n + 1) * GROUP_BITS;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < bound) lo = mid + 1;
    else hi = mid;
  }
  const key = lo > 0 ? (keys[lo - 1] as number) : -1;
  return key >= n * GROUP_BITS ? index.targets[key % GROUP_BITS] : undefined;
}

/** The hand-reviewed codes (depots, products, ingredients), which win over the generated ones. */
function buildHandCodes(): Map<string, CodeTarget> {
  const map = new Map<string, CodeTarget>();
  // Depot and implant product codes (ldn-clinical-2b-sources.md code list).
  for (const [code, kind] of DEPOT_RXNORM)
    map.set(code, { ingredients: [DEPOT_INGREDIENT[kind]], term: DEPOT_WINDOWS[kind].label, kind: 'product' });
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
    // Line by line (`<set>:<brand>|<brand>`, what unpackBrandIngredients reads): each ingredient set is split and
    // checked once for all its brands, not once per brand (this runs on the first, cold assess(): issue 14 item 1).
    const lines = packedLines(PACKED_BRAND_INGREDIENTS);
    for (let l = 0; l < lines.length; l++) {
      const [joined, brands] = lines[l] as [string, string];
      const ingredients = known(joined.split('+'));
      if (!ingredients.length) continue;
      const list = brands.split('|');
      for (let b = 0; b < list.length; b++) {
        const brand = list[b] as string;
        index.add(brand, { ingredients, term: brand });
      }
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

let handCodes: Map<string, CodeTarget> | undefined;
let generatedCodes: GeneratedCodes | undefined;
let nameIndex: PhraseIndex<NameTarget> | undefined;
let handNameIndex: PhraseIndex<NameTarget> | undefined;

/**
 * What an RxNorm code names: hand-reviewed ingredient, product and depot codes first, else the generated product
 * codes. The tables are built on first use.
 */
export function rxnormTarget(code: string): CodeTarget | undefined {
  const hit = targetMemo.get(code);
  if (hit !== undefined || targetMemo.has(code)) return hit;
  const found =
    (handCodes ??= buildHandCodes()).get(code) ?? generatedTarget((generatedCodes ??= buildGeneratedCodes()), code);
  if (targetMemo.size > 20_000) targetMemo.clear();
  targetMemo.set(code, found);
  return found;
}

/** Codes as charted -> target: a long chart repeats the same few products thousands of times. */
const targetMemo = new Map<string, CodeTarget | undefined>();

/** Ingredient, synonym and brand names (hand-reviewed and generated). Built on first use. */
export function medicationNames(): PhraseIndex<NameTarget> {
  return (nameIndex ??= buildNameIndex());
}

/** Hand-reviewed names only: used inside a trailing "[Brand]" of an RxNorm-style name (see nameHits). Built on first use. */
export function handMedicationNames(): PhraseIndex<NameTarget> {
  return (handNameIndex ??= buildNameIndex(false));
}
