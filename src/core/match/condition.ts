/**
 * Which condition groups a Condition.code names: SNOMED CT codes, ICD-10-CM codes and code families (prefixes,
 * with or without the dot), in URI or OID system form; and group names in display/text as whole-word phrases,
 * unless the text is about history, screening or a negation (see NAME_NEGATORS).
 */
import type { MatchEvidence } from '../assess/types.ts';
import { CONDITION_GROUPS, GROUP_EXCLUDERS, NAME_NEGATORS, type ConditionGroupId } from '../knowledge/conditions.ts';
import { CONDITION_CODE_GROUPS } from '../knowledge/generated/condition-tables.ts';
import { isRecord, str } from '../fhir/read.ts';
import { knownSystem, normaliseIcd10 } from '../fhir/systems.ts';
import { medicationNames } from './medication-index.ts';
import { opioidPoisoningCode } from './poisoning.ts';
import { PhraseIndex } from './phrase-index.ts';
import { INGREDIENT_BY_ID } from '../knowledge/ingredients.ts';
import { tokenise } from './tokens.ts';
import { ConceptMemo } from './concept-key.ts';

export type GroupMatches = Map<ConditionGroupId, MatchEvidence>;

interface ConditionTables {
  snomed: Map<string, ConditionGroupId[]>;
  icdExact: Map<string, ConditionGroupId[]>;
  icdPrefix: Map<string, ConditionGroupId[]>;
  names: PhraseIndex<ConditionGroupId>;
  negators: PhraseIndex<true>;
  excluders: Map<ConditionGroupId, Set<string>>;
}

const push = (m: Map<string, ConditionGroupId[]>, k: string, g: ConditionGroupId): void => {
  const list = m.get(k);
  if (list) {
    if (!list.includes(g)) list.push(g);
  } else m.set(k, [g]);
};

/** The code, family and name indexes, built on first use (not at module load: issue 14 item 1). */
function buildTables(): ConditionTables {
  const t: ConditionTables = {
    snomed: new Map(),
    icdExact: new Map(),
    icdPrefix: new Map(),
    names: new PhraseIndex(),
    negators: new PhraseIndex(),
    excluders: new Map(Object.entries(GROUP_EXCLUDERS).map(([g, words]) => [g as ConditionGroupId, new Set(words)])),
  };
  for (const g of CONDITION_GROUPS) {
    for (const c of g.snomed) push(t.snomed, c.code, g.id);
    for (const c of g.icd10) push(t.icdExact, normaliseIcd10(c.code), g.id);
    for (const c of g.icd10Prefixes) push(t.icdPrefix, normaliseIcd10(c.code), g.id);
    for (const n of g.names) t.names.add(n, g.id);
  }
  for (const n of NAME_NEGATORS) t.negators.add(n, true);
  // Generated from public value sets (scripts/build-code-tables.ts); hand-reviewed codes above are added first.
  for (const [group, system, codes] of CONDITION_CODE_GROUPS) {
    for (const code of codes.split(' ')) {
      if (!code) continue;
      if (system === 'snomed') push(t.snomed, code, group as ConditionGroupId);
      else push(t.icdExact, normaliseIcd10(code), group as ConditionGroupId);
    }
  }
  return t;
}

let built: ConditionTables | undefined;
const tables = (): ConditionTables => (built ??= buildTables());

type IcdHit = { groups: ConditionGroupId[]; matched: string } | undefined;

/** ICD-10-CM lookups by code as charted: a long chart repeats the same few codes thousands of times. */
const icdMemo = new Map<string, IcdHit>();

function icdGroups(code: string): IcdHit {
  const hit = icdMemo.get(code);
  if (hit !== undefined || icdMemo.has(code)) return hit;
  const found = icdGroupsOf(code);
  if (icdMemo.size > 20_000) icdMemo.clear();
  icdMemo.set(code, found);
  return found;
}

function icdGroupsOf(code: string): IcdHit {
  const c = normaliseIcd10(code);
  if (c.length > 12) return undefined;
  if (opioidPoisoningCode(c)) return { groups: ['opioid-poisoning'], matched: c };
  const { icdExact, icdPrefix } = tables();
  const exact = icdExact.get(c);
  // Every family the code falls in, longest first ("F11.23" is in F11.23, withdrawal, and F11, OUD): a hand-reviewed
  // family adds to the exact (generated) groups, e.g. B17.0 is "chronic" in a generated list but an acute viral
  // hepatitis by its family (ldn-clinical.md 2b).
  let groups: ConditionGroupId[] | undefined;
  let matched: string | undefined;
  for (let len = c.length; len >= 3; len--) {
    const prefix = c.slice(0, len);
    if (prefix.endsWith('.')) continue;
    const hit = icdPrefix.get(prefix);
    if (!hit) continue;
    matched ??= len < c.length ? `${prefix} family` : c;
    groups = groups ? [...new Set([...groups, ...hit])] : hit;
  }
  if (exact) return { groups: groups ? [...new Set([...exact, ...groups])] : exact, matched: c };
  return groups && matched ? { groups, matched } : undefined;
}

const POISON_WORDS = new Set(['poisoning', 'overdose', 'poisoned', 'overdosed']);
const OPIOID_WORDS = new Set([
  'opioid',
  'opioids',
  'opiate',
  'opiates',
  'narcotic',
  'narcotics',
  'morphinan',
  'phenanthrene',
  'phenoperidine',
  'dextropropoxyphene',
]);
const OPIOID_ROLES = new Set(['opioid-agonist', 'opioid-partial-agonist', 'opioid-mixed']);

/** "Opioid dependence with withdrawal", "Delirium due to opioid withdrawal": withdrawal with an opioid named. */
function namesOpioidWithdrawal(tokens: readonly string[]): boolean {
  return tokens.includes('withdrawal') && namesOpioid(tokens);
}

/** "Accidental fentanyl poisoning", "Overdose of opiate": a poisoning word and an opioid named (ldn-clinical.md 2b). */
function namesOpioidPoisoning(tokens: readonly string[]): boolean {
  return tokens.some((t) => POISON_WORDS.has(t)) && namesOpioid(tokens);
}

function namesOpioid(tokens: readonly string[]): boolean {
  if (tokens.some((t) => OPIOID_WORDS.has(t))) return true;
  return medicationNames()
    .find(tokens)
    .some((h) => h.value.ingredients.some((id) => OPIOID_ROLES.has(INGREDIENT_BY_ID.get(id)?.role ?? '')));
}

/** "high risk pregnancy" is a pregnancy: "risk" after "high" is not a negation (ldn-clinical.md 2b). */
function withoutHighRisk(tokens: readonly string[]): string[] {
  return tokens.filter((t, i) => !(t === 'risk' && tokens[i - 1] === 'high'));
}

const NOT_NEGATION = /\bnot (elsewhere|otherwise) (classified|specified)\b/i;
const NOT_NEGATION_ALL = /\bnot (elsewhere|otherwise) (classified|specified)\b/gi;

const textMemo = new Map<string, { group: ConditionGroupId; phrase: string }[]>();

function textGroups(text: string): { group: ConditionGroupId; phrase: string }[] {
  let found = textMemo.get(text);
  if (!found) {
    const { names, negators, excluders } = tables();
    const tokens = tokenise(text);
    // "not elsewhere classified" / "not otherwise specified" are ICD wording, not negation.
    const negatable = withoutHighRisk(NOT_NEGATION.test(text) ? tokenise(text.replace(NOT_NEGATION_ALL, ' ')) : tokens);
    found = negators.find(negatable).length
      ? []
      : names
          .find(tokens)
          .filter((h) => {
            const ex = excluders.get(h.value);
            return !ex || !tokens.some((t) => ex.has(t));
          })
          .map((h) => ({ group: h.value, phrase: h.phrase }));
    if (found.length === 0 || !found.some((f) => f.group === 'opioid-poisoning')) {
      const ex = excluders.get('opioid-poisoning');
      if (negators.find(negatable).length === 0 && namesOpioidPoisoning(tokens) && !tokens.some((t) => ex?.has(t)))
        found = [...found, { group: 'opioid-poisoning', phrase: 'poisoning or overdose with an opioid' }];
    }
    if (
      !found.some((f) => f.group === 'opioid-withdrawal') &&
      namesOpioidWithdrawal(tokens) &&
      negators.find(negatable).length === 0
    ) {
      found = [...found, { group: 'opioid-withdrawal', phrase: 'withdrawal with an opioid' }];
    }
    if (
      !found.some((f) => f.group === 'chronic-pain') &&
      tokens.includes('chronic') &&
      tokens.includes('pain') &&
      negators.find(negatable).length === 0
    ) {
      found = [...found, { group: 'chronic-pain', phrase: 'chronic ... pain' }];
    }
    if (textMemo.size > 50_000) textMemo.clear();
    textMemo.set(text, found);
  }
  return found;
}

/** The groups a free text names (whole-word phrases; history, screening and negation texts name none). */
export function groupsInText(text: string): ConditionGroupId[] {
  return [...new Set(textGroups(text).map((h) => h.group))];
}

const EMPTY: GroupMatches = new Map();
const NO_GROUPS: readonly ConditionGroupId[] = [];

/** What a Condition.code names; shared between Conditions with the same code (never mutate it). */
export interface ConditionCodeReading {
  matches: GroupMatches;
  readable: boolean;
  name?: string;
}

const codeMemo = new ConceptMemo<ConditionCodeReading>(20_000);

/**
 * The groups an (untrusted) CodeableConcept names, each with its first evidence; plus readability and a name.
 * The reading (its `matches` Map included) is shared by every concept with the same text and codings: do not
 * mutate it. A long chart repeats the same few diagnoses thousands of times (issue 14 item 1).
 */
export function readConditionCode(concept: unknown, where = 'code'): ConditionCodeReading {
  if (where !== 'code') return readCode(concept, where);
  const slot = codeMemo.slot(concept);
  if (slot === undefined) return readCode(concept, where);
  if (!slot.done || slot.value === undefined) {
    slot.value = readCode(concept, where);
    slot.done = true;
  }
  return slot.value;
}

function readCode(concept: unknown, where: string): ConditionCodeReading {
  if (!isRecord(concept)) return { matches: EMPTY, readable: false };
  let matches: GroupMatches | undefined;
  let readable = false;
  const text = str(concept.text);
  let name = text;
  const codings = Array.isArray(concept.coding) ? concept.coding : [];
  for (let i = 0; i < codings.length; i++) {
    const coding: unknown = codings[i];
    if (!isRecord(coding)) continue;
    const code = typeof coding.code === 'string' ? coding.code.trim() : '';
    const system = code ? knownSystem(coding.system) : undefined;
    name ??= str(coding.display);
    if (system === 'snomed') {
      readable = true;
      const groups = tables().snomed.get(code) ?? NO_GROUPS;
      for (let k = 0; k < groups.length; k++) {
        const g = groups[k] as ConditionGroupId;
        matches ??= new Map();
        if (!matches.has(g))
          matches.set(g, {
            by: 'code',
            system: String(coding.system),
            code,
            term: code,
            where: `${where}.coding[${i}]`,
          });
      }
    } else if (system === 'icd10cm') {
      readable = true;
      const hit = icdGroups(code);
      const groups = hit?.groups ?? NO_GROUPS;
      for (let k = 0; k < groups.length; k++) {
        const g = groups[k] as ConditionGroupId;
        matches ??= new Map();
        if (!matches.has(g))
          matches.set(g, {
            by: 'code',
            system: String(coding.system),
            code,
            term: hit?.matched ?? code,
            where: `${where}.coding[${i}]`,
          });
      }
    }
  }
  for (let i = 0; i < codings.length; i++) {
    const coding: unknown = codings[i];
    if (!isRecord(coding)) continue;
    const display = str(coding.display);
    if (!display) continue;
    readable = true;
    const hits = textGroups(display);
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k]!;
      matches ??= new Map();
      if (!matches.has(h.group))
        matches.set(h.group, { by: 'name', term: h.phrase, where: `${where}.coding[${i}].display` });
    }
  }
  if (text) {
    readable = true;
    const hits = textGroups(text);
    for (let k = 0; k < hits.length; k++) {
      const h = hits[k]!;
      matches ??= new Map();
      if (!matches.has(h.group)) matches.set(h.group, { by: 'name', term: h.phrase, where: `${where}.text` });
    }
  }
  const m = matches ?? EMPTY;
  return name ? { matches: m, readable, name } : { matches: m, readable };
}
