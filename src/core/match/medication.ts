/**
 * Which rule-relevant ingredients a medication names: by RxNorm code (ingredient or product, URI or OID system
 * form) and by ingredient / brand name in coding.display and text. Works on untrusted input: anything of the wrong
 * shape is skipped, never thrown on.
 */
import type { MatchEvidence } from '../assess/types.ts';
import { isRecord, str } from '../fhir/read.ts';
import { knownSystem } from '../fhir/systems.ts';
import { handMedicationNames, medicationNames, rxnormTarget, type NameTarget } from './medication-index.ts';
import { DEPOT_HCPCS } from '../knowledge/depots.ts';
import { ABBREVIATION_EXCLUDERS } from '../knowledge/ingredients.ts';
import { tokenise } from './tokens.ts';
import { ConceptMemo } from './concept-key.ts';
import type { PhraseHit } from './phrase-index.ts';

/** Ingredient id -> the first evidence that named it. */
export type IngredientMatches = Map<string, MatchEvidence>;

export interface ConceptReading {
  matches: IngredientMatches;
  /** True when the concept had an RxNorm code or some text/display to read. */
  readable: boolean;
  /** A name to show: text, else the first display, else "system|code". */
  name?: string;
}

const nameMemo = new Map<string, PhraseHit<NameTarget>[]>();
const MEMO_LIMIT = 50_000;

/**
 * Name hits for a text, memoised (large charts repeat the same medication text many times).
 * RxNorm-style names end in "[Brand]" after naming their ingredients; inside that bracket only hand-reviewed names
 * count, because a learnt brand line can mix formulas ("Vanacof" has codeine, "Vanacof AC" has none).
 */
export function nameHits(text: string): PhraseHit<NameTarget>[] {
  let hits = nameMemo.get(text);
  if (!hits) {
    const open = text.lastIndexOf('[');
    const bracketed = open > 0 && text.trimEnd().endsWith(']') && text.slice(0, open).trim() !== '';
    const tokens = tokenise(text);
    hits = bracketed
      ? [
          ...medicationNames().find(tokenise(text.slice(0, open))),
          ...handMedicationNames().find(tokenise(text.slice(open))),
        ]
      : medicationNames().find(tokens);
    // Ambiguous abbreviations ("T3" is also liothyronine) count only without their excluding words.
    if (hits.some((h) => ABBREVIATION_EXCLUDERS.has(h.phrase))) {
      hits = hits.filter((h) => !ABBREVIATION_EXCLUDERS.get(h.phrase)?.some((w) => tokens.includes(w)));
    }
    if (nameMemo.size > MEMO_LIMIT) nameMemo.clear();
    nameMemo.set(text, hits);
  }
  return hits;
}

function addName(into: IngredientMatches, text: string, where: string, index: number): void {
  const hits = nameHits(text);
  if (hits.length === 0) return;
  const at = index < 0 ? `${where}.text` : `${where}.coding[${index}].display`;
  for (let h = 0; h < hits.length; h++) {
    const value = hits[h]!.value;
    for (let k = 0; k < value.ingredients.length; k++) {
      const id = value.ingredients[k] as string;
      if (!into.has(id)) into.set(id, { by: 'name', term: value.term, where: at });
    }
  }
}

/** What reading a concept gave: shared by every concept with the same text and codings (never mutate it). */
export interface ConceptResult {
  readable: boolean;
  name?: string;
  ndc?: string;
}

/** A concept's reading as memoised: shared by every record naming the same concept (never mutate it). */
export interface SharedReading {
  result: ConceptResult;
  /** Ingredient id -> first evidence, in the order reading the concept found them. */
  matches: IngredientMatches;
  /** The RxNorm and HCPCS codes the concept carries. */
  codes: string[];
  /**
   * What a caller derives from `matches` alone, kept with the reading so each distinct concept derives it once
   * (fhir/medication-entries.ts keeps its roles and course ids here): a field rather than a WeakMap lookup per
   * record. Undefined until the caller sets it.
   */
  derived: unknown;
}

const NO_MATCHES: IngredientMatches = new Map();
const NO_CODES: string[] = [];
const scratchMatches: IngredientMatches = new Map();
const scratchCodes: string[] = [];

/** One memo per `where` (the evidence names the path it was read at); a handful of paths exist. */
const conceptMemos = new Map<string, ConceptMemo<SharedReading>>();

/**
 * Read one CodeableConcept (untrusted) into `into`; returns whether it was readable and a display name, and whether
 * it carried an NDC code (NDC product codes are not mapped to ingredients: no NDC table is shipped, so an NDC-only
 * entry without a name stays unreadable and becomes a gap). `codes` collects the RxNorm and HCPCS codes seen
 * (depot detection). Each distinct concept (per `where`) is read once, then replayed: the same ingredients in the
 * same order, each added only when `into` lacks it, exactly as reading it again would (issue 14 item 1).
 */
export function readConcept(concept: unknown, where: string, into: IngredientMatches, codes?: string[]): ConceptResult {
  const reading = sharedReading(concept, where);
  if (reading === undefined) return readConceptInto(concept, where, into, codes);
  if (codes) for (let i = 0; i < reading.codes.length; i++) codes.push(reading.codes[i] as string);
  if (reading.matches.size)
    reading.matches.forEach((evidence, id) => {
      if (!into.has(id)) into.set(id, evidence);
    });
  return reading.result;
}

/**
 * The memoised reading of a concept read at `where` (what readConcept would add to an empty Map), or undefined when
 * the concept is not memoisable: then read it with readConcept.
 */
export function sharedReading(concept: unknown, where: string): SharedReading | undefined {
  let memo = conceptMemos.get(where);
  if (memo === undefined) {
    if (conceptMemos.size > 100) conceptMemos.clear();
    conceptMemos.set(where, (memo = new ConceptMemo<SharedReading>(20_000)));
  }
  const slot = memo.slot(concept);
  if (slot === undefined) return undefined;
  let reading = slot.value;
  if (!slot.done || reading === undefined) {
    // Read into reused scratch lists, kept as the reading's own only when not empty: a concept naming nothing and
    // carrying no codes shares the empty ones (a long chart has thousands of distinct free texts, issue 14 item 1;
    // readings are never mutated). readConceptInto does not come back here, so the scratch lists are free.
    scratchMatches.clear();
    scratchCodes.length = 0;
    const result = readConceptInto(concept, where, scratchMatches, scratchCodes);
    reading = {
      result,
      matches: scratchMatches.size ? new Map(scratchMatches) : NO_MATCHES,
      codes: scratchCodes.length ? scratchCodes.slice() : NO_CODES,
      derived: undefined,
    };
    slot.value = reading;
    slot.done = true;
  }
  return reading;
}

function readConceptInto(concept: unknown, where: string, into: IngredientMatches, codes?: string[]): ConceptResult {
  if (!isRecord(concept)) return { readable: false };
  let readable = false;
  const text = str(concept.text);
  let name = text;
  let codeName: string | undefined;
  let ndc: string | undefined;
  const codings = Array.isArray(concept.coding) ? concept.coding : [];
  // Codes first: a code is the stronger evidence, so it wins the evidence slot for its ingredients.
  for (let i = 0; i < codings.length; i++) {
    const coding: unknown = codings[i];
    if (!isRecord(coding)) continue;
    const code = typeof coding.code === 'string' ? coding.code.trim() : '';
    const system = code ? knownSystem(coding.system) : undefined;
    if (system === 'ndc') ndc ??= code;
    if (system === 'hcpcs') {
      codes?.push(code);
      const depot = DEPOT_HCPCS.get(code.toUpperCase());
      if (depot) {
        readable = true;
        codeName ??= depot.term;
        if (!into.has(depot.ingredient))
          into.set(depot.ingredient, {
            by: 'code',
            system: String(coding.system),
            code,
            term: depot.term,
            where: `${where}.coding[${i}]`,
          });
      }
    }
    if (system === 'rxnorm') {
      codes?.push(code);
      readable = true;
      const target = rxnormTarget(code);
      if (target) {
        codeName ??= `RxNorm ${code} (${target.term})`;
        for (const id of target.ingredients) {
          if (!into.has(id))
            into.set(id, {
              by: 'code',
              system: String(coding.system),
              code,
              term: target.term,
              where: `${where}.coding[${i}]`,
            });
        }
      }
    }
  }
  for (let i = 0; i < codings.length; i++) {
    const coding: unknown = codings[i];
    if (!isRecord(coding)) continue;
    const display = str(coding.display);
    if (display) {
      readable = true;
      name ??= display;
      addName(into, display, where, i);
    }
  }
  if (text) {
    readable = true;
    addName(into, text, where, -1);
  }
  name ??= codeName;
  if (!name) {
    const first = codings.find((c) => isRecord(c) && str(c.code));
    if (isRecord(first))
      name = ndc !== undefined ? `NDC ${ndc}` : `${String(first.system ?? 'unknown system')}|${String(first.code)}`;
  }
  const out: { readable: boolean; name?: string; ndc?: string } = name ? { readable, name } : { readable };
  if (ndc !== undefined) out.ndc = ndc;
  return out;
}
