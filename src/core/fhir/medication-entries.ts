/**
 * Reads each medication record of the chart (request, statement, dispense, administration) into one MedEntry:
 * what it names (ingredients with evidence), whether it counts now, and how to show it. Resolves the medication in
 * medicationCodeableConcept, in a contained Medication ("#id") or in a referenced Medication from the chart,
 * including the Medication's ingredient[].itemCodeableConcept.
 */
import type { ChartEntry, MatchEvidence } from '../assess/types.ts';
import { readGap, type Chart, type ReadGap, type ReadGapParams } from '../chart.ts';
import { depotOf, type DepotKind } from '../knowledge/depots.ts';
import { INGREDIENT_BY_ID, type IngredientRole } from '../knowledge/ingredients.ts';
import {
  nameHits,
  readConcept,
  sharedReading,
  type ConceptResult,
  type IngredientMatches,
  type SharedReading,
} from '../match/medication.ts';
import {
  addAdministrationsByOrder,
  dispenseEndsByOrder,
  medicationTiming,
  patchTiming,
  type LastUseCandidate,
  type MedTiming,
} from './medication-timing.ts';
import { arr, isRecord, str, type Rec } from './read.ts';

export type MedResourceType =
  'MedicationRequest' | 'MedicationStatement' | 'MedicationDispense' | 'MedicationAdministration';

/** The ingredient a role was first named by, with its evidence (see MedEntry.roles). */
export interface RoleHit {
  ingredient: string;
  evidence: MatchEvidence;
}

const NO_ROLES: ReadonlyMap<IngredientRole, RoleHit> = new Map();

/**
 * Facts derived from an ingredients Map alone (see MedEntry): per distinct concept when the Map is a concept's
 * shared reading (kept in SharedReading.derived), else per record. Every field present from the start (one shape).
 */
export interface MatchFacts {
  roles: ReadonlyMap<IngredientRole, RoleHit> | undefined;
  /** One bit per role named (roleBit), -1 until computed: withRoles tests it instead of a Map lookup per role. */
  roleMask: number;
  /** Ingredient ids sorted and joined by "+": the course key without its depot. */
  ids: string | undefined;
  /** idsWithRoles answers, per role set asked for. */
  byRoles: Map<ReadonlySet<IngredientRole>, readonly string[]> | undefined;
  /** Whether an ingredient whose wording matters is named (see namesTextIngredient). */
  needsText: boolean | undefined;
}

const newFacts = (): MatchFacts => ({
  roles: undefined,
  roleMask: -1,
  ids: undefined,
  byRoles: undefined,
  needsText: undefined,
});

/** The facts kept with a concept's shared reading, created on first use. */
function sharedFacts(reading: SharedReading): MatchFacts {
  return (reading.derived ??= newFacts()) as MatchFacts;
}

const ROLE_BITS = new Map<IngredientRole, number>();

/** A bit per role, assigned on first use (fewer than 31 roles exist). */
export function roleBit(role: IngredientRole): number {
  let bit = ROLE_BITS.get(role);
  if (bit === undefined) ROLE_BITS.set(role, (bit = 1 << ROLE_BITS.size));
  return bit;
}

/**
 * One medication record as the rules see it; its ChartEntry, course key and roles are built only when needed, once
 * (several rule families ask for them; assess() runs cold once per launch, issue 14 item 1).
 */
export class MedEntry {
  // Declared fields, set in the constructor, not class fields or parameter properties: those compile to a field
  // initialiser that every construction called, which defined each field as undefined before the constructor set
  // it; the engine then saw every field change type and threw its compiled code away, cold (issue 14 item 1).
  declare readonly resourceType: MedResourceType;
  declare private readonly raw: Rec;
  declare private readonly name: string;
  declare readonly matches: IngredientMatches;
  /** Undefined until asked for: most records name nothing rule-relevant, and no rule asks for their timing. */
  declare private known: MedTiming | undefined;
  declare private readonly clock: TimingClock;
  /** For naltrexone only: whether the record reads as low-dose (<= 10 mg) or compounded naltrexone. */
  declare readonly lowDoseNaltrexone: boolean;
  /** The long-acting depot or implant the record names (buprenorphine or naltrexone only). */
  declare readonly depot?: DepotKind;
  /** Lower-case text of the medication's names (concepts only), for the few rules that read wording. */
  declare readonly text: string;
  /** What is derived from `matches` alone: the concept's shared facts when `matches` is its shared reading. */
  declare private readonly facts: MatchFacts;
  declare private built: ChartEntry | undefined;
  declare private course: string | undefined;

  constructor(
    resourceType: MedResourceType,
    raw: Rec,
    name: string,
    matches: IngredientMatches,
    known: MedTiming | undefined,
    clock: TimingClock,
    lowDoseNaltrexone = false,
    depot?: DepotKind,
    text = '',
    facts: MatchFacts = newFacts(),
  ) {
    this.resourceType = resourceType;
    this.raw = raw;
    this.name = name;
    this.matches = matches;
    this.known = known;
    this.clock = clock;
    this.lowDoseNaltrexone = lowDoseNaltrexone;
    this.depot = depot;
    this.text = text;
    this.facts = facts;
    this.built = undefined;
    this.course = undefined;
  }

  /** Whether the record counts now (status and dates), computed on first use. */
  get timing(): MedTiming {
    return (this.known ??= timingOf(this.resourceType, this.raw, this.clock));
  }

  /** A transdermal patch (fentanyl, buprenorphine): its window is 14 days from removal (ldn-clinical.md 2b). */
  get patch(): boolean {
    return this.text !== '' && PATCH.test(this.text);
  }

  /** The drug course: the set of ingredients (a depot is its own course). One finding per course and kind. */
  get courseKey(): string {
    if (this.course !== undefined) return this.course;
    const facts = this.facts;
    let ids = facts.ids;
    if (ids === undefined) {
      if (this.matches.size === 1) {
        ids = '';
        this.matches.forEach((_e, id) => {
          ids = id;
        });
      } else ids = [...this.matches.keys()].sort().join('+');
      facts.ids = ids;
    }
    this.course = this.depot ? `${ids}@${this.depot}` : ids;
    return this.course;
  }

  /** The ingredient ids the record names, grouped by role, with the first evidence for each role. */
  get roles(): ReadonlyMap<IngredientRole, RoleHit> {
    if (this.matches.size === 0) return NO_ROLES;
    const facts = this.facts;
    if (facts.roles) return facts.roles;
    const roles = new Map<IngredientRole, RoleHit>();
    this.matches.forEach((evidence, id) => {
      const role = INGREDIENT_BY_ID.get(id)?.role;
      if (role && !roles.has(role)) roles.set(role, { ingredient: id, evidence });
    });
    return (facts.roles = roles);
  }

  /** The roles named, one bit each (roleBit). */
  get roleMask(): number {
    const facts = this.facts;
    if (facts.roleMask >= 0) return facts.roleMask;
    let mask = 0;
    this.roles.forEach((_hit, role) => {
      mask |= roleBit(role);
    });
    return (facts.roleMask = mask);
  }

  /** The ingredients of the given roles, in the order the record names them. */
  idsWithRoles(roles: ReadonlySet<IngredientRole>): readonly string[] {
    const facts = this.facts;
    const byRoles = (facts.byRoles ??= new Map());
    const known = byRoles.get(roles);
    if (known) return known;
    const ids: string[] = [];
    this.matches.forEach((_e, id) => {
      const role = INGREDIENT_BY_ID.get(id)?.role;
      if (role && roles.has(role)) ids.push(id);
    });
    byRoles.set(roles, ids);
    return ids;
  }

  /** How to show and reference the record. */
  get entry(): ChartEntry {
    if (this.built) return this.built;
    const r = this.raw;
    const type = this.resourceType;
    const ref = refOf(type, r);
    const status = str(r.status);
    const dates = entryDates(type, r);
    // Assigned in the order the spread form gave (JSON output unchanged), without temporary objects.
    const e = { resourceType: type } as ChartEntry;
    if (str(r.id)) e.id = r.id as string;
    if (ref) e.reference = ref;
    e.name = this.name;
    if (status) e.status = status;
    if (dates.length) e.dates = dates;
    this.built = e;
    return e;
  }
}

export interface MedReading {
  entries: MedEntry[];
  /** The entries that name a rule-relevant ingredient, in chart order (the only ones any rule looks at). */
  matched: MedEntry[];
  gaps: ReadGap[];
}

const DATE_FIELDS: Record<MedResourceType, string[]> = {
  MedicationRequest: ['authoredOn'],
  MedicationStatement: ['effectiveDateTime', 'dateAsserted'],
  MedicationDispense: ['whenHandedOver', 'whenPrepared'],
  MedicationAdministration: ['effectiveDateTime'],
};

function entryDates(type: MedResourceType, r: Rec): { label: string; value: string }[] {
  const dates: { label: string; value: string }[] = [];
  const fields = DATE_FIELDS[type];
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    const v = str(r[f]);
    if (v) dates.push({ label: f, value: v });
  }
  const period = isRecord(r.effectivePeriod)
    ? r.effectivePeriod
    : isRecord(r.dispenseRequest) && isRecord(r.dispenseRequest.validityPeriod)
      ? r.dispenseRequest.validityPeriod
      : undefined;
  if (period) {
    // Constant labels, not a string built per record: thousands of entries are built on a long chart (issue 14 item 1).
    const effective = isRecord(r.effectivePeriod);
    if (str(period.start))
      dates.push({
        label: effective ? 'effectivePeriod.start' : 'validityPeriod.start',
        value: period.start as string,
      });
    if (str(period.end))
      dates.push({ label: effective ? 'effectivePeriod.end' : 'validityPeriod.end', value: period.end as string });
  }
  return dates;
}

/** Reads a Medication resource (untrusted) into `into`: its code and its ingredients. */
function readMedication(
  med: Rec,
  where: string,
  into: IngredientMatches,
  byId: Map<string, Rec>,
  depth = 0,
  codes?: string[],
): { readable: boolean; name?: string } {
  const code = readConcept(med.code, `${where}.code`, into, codes);
  let readable = code.readable;
  const ingredients = arr(med.ingredient);
  for (let i = 0; i < ingredients.length; i++) {
    const ing = ingredients[i];
    if (!isRecord(ing)) continue;
    const item = readConcept(ing.itemCodeableConcept, `${where}.ingredient[${i}].itemCodeableConcept`, into);
    readable ||= item.readable;
    const ref = isRecord(ing.itemReference) ? str(ing.itemReference.reference) : undefined;
    const target = ref && depth < 1 ? byId.get(ref.slice(ref.lastIndexOf('/') + 1)) : undefined;
    if (target)
      readable =
        readMedication(target, `${where}.ingredient[${i}].itemReference`, into, byId, depth + 1).readable || readable;
  }
  return code.name ? { readable, name: code.name } : { readable };
}

function refOf(type: string, r: Rec): string | undefined {
  const id = str(r.id);
  return id ? `${type}/${id}` : undefined;
}

const EMPTY: IngredientMatches = new Map();

function resolvedTarget(raw: Rec, byId: Map<string, Rec>): Rec | undefined {
  const reference = isRecord(raw.medicationReference) ? str(raw.medicationReference.reference) : undefined;
  if (!reference) return undefined;
  if (reference.startsWith('#'))
    return arr(raw.contained).find((c): c is Rec => isRecord(c) && c.id === reference.slice(1));
  return byId.get(reference.slice(reference.lastIndexOf('/') + 1));
}

/**
 * Low-dose naltrexone: every "N mg" (and every mg strength) at most 10 mg (LDN Research Trust: "low dose" is up to
 * 10 mg), or no dose but the words LDN / low dose / compounded; any dose above 10 mg is not low-dose. A naltrexone of unknown dose is NOT low-dose (fail safe: it stays
 * a duplicate). Only run for the rare records that name naltrexone.
 */
function readsAsLowDose(json: string): boolean {
  const doses = [...json.matchAll(DOSE_MG), ...json.matchAll(DOSE_QUANTITY_MG)].map((m) => Number(m[1]));
  if (doses.some((d) => d > 10)) return false;
  return doses.length > 0 || /\b(ldn|low[ -]dose|compounded)\b/.test(json);
}

/**
 * "4.5 mg". The lookbehind makes a run of digits start a match only at its first digit and the digit counts are
 * bounded, so the scan is linear: the former /(\d+(?:\.\d+)?)\s*mg\b/ restarted at every digit of a long run and
 * took quadratic time (60,000 digits froze the page for 10 s).
 */
const DOSE_MG = /(?<![\d.])(\d{1,6}(?:\.\d{1,6})?) {0,3}mg\b/g;
const DOSE_QUANTITY_MG = /"value": {0,3}(\d{1,6}(?:\.\d{1,6})?) {0,3}, {0,3}"unit": {0,3}"mg"/g;

/** The medication text of a record (its concepts, and the resolved Medication), lower case, as JSON. */
function conceptJson(raw: Rec, medication: Rec | undefined): string {
  return JSON.stringify(
    medication
      ? [raw.medicationCodeableConcept, raw.medicationReference, medication]
      : [raw.medicationCodeableConcept, raw.medicationReference],
  ).toLowerCase();
}

/** Notes and free-text dosage of a record: kratom is often only mentioned there (ldn-clinical.md 2b). */
function noteTexts(raw: Rec): readonly string[] {
  const notes = raw.note;
  const dosage = raw.dosageInstruction ?? raw.dosage;
  // Most records have neither: no array, no iterator (this runs for every record, cold).
  if (!Array.isArray(notes) && !Array.isArray(dosage)) return NO_TEXTS;
  const out: string[] = [];
  const n = arr(notes);
  for (let i = 0; i < n.length; i++) {
    const x = n[i];
    if (isRecord(x) && str(x.text)) out.push(x.text as string);
  }
  const d = arr(dosage);
  for (let i = 0; i < d.length; i++) {
    const x = d[i];
    if (isRecord(x) && str(x.text)) out.push(x.text as string);
  }
  return out;
}

const NO_TEXTS: readonly string[] = [];

/** Ingredients whose record text matters to a rule (depots, patches, oral nalmefene, kratom wording). */
const NEEDS_TEXT = new Set(['buprenorphine', 'naltrexone', 'nalmefene', 'kratom', 'fentanyl', 'diphenoxylate']);

/**
 * Whether the record names an ingredient whose wording matters (NEEDS_TEXT). Not a forEach callback in
 * readRecord: a closure there made every call, matched or not, allocate a context for the flag it set (cold).
 */
function namesTextIngredient(matches: IngredientMatches): boolean {
  for (const id of matches.keys()) if (NEEDS_TEXT.has(id)) return true;
  return false;
}

/** namesTextIngredient of a concept's shared reading, once per concept. */
function sharedNeedsText(reading: SharedReading): boolean {
  const facts = sharedFacts(reading);
  return (facts.needsText ??= namesTextIngredient(reading.matches));
}

/** The ingredients a record must name to be read as a depot or implant (rules/depots.ts filters on their roles). */
export const DEPOT_INGREDIENTS = ['buprenorphine', 'naltrexone'] as const;

const PATCH = /\b(?:transdermal|patch|patches|duragesic|butrans)\b/;

/** The paths readMedication reads a referenced or contained Medication's code at (the evidence names them). */
const CONTAINED_CODE = 'contained Medication.code';
const REFERENCED_CODE = 'referenced Medication.code';

/** The reading of an absent concept (readConcept of undefined). */
const NOT_READ: ConceptResult = { readable: false };

/** What a record's timing is computed from: today and the latest dispense / administration of each order. */
interface TimingClock {
  dispenseEnds: Map<string, LastUseCandidate>;
  today: number;
}

/** The record's timing; "MedicationRequest/id" is built only where a dispense or administration names orders. */
function timingOf(type: MedResourceType, raw: Rec, clock: TimingClock): MedTiming {
  const orderRef = type === 'MedicationRequest' && clock.dispenseEnds.size > 0 ? refOf(type, raw) : undefined;
  return medicationTiming(type, raw, clock.today, orderRef ? clock.dispenseEnds.get(orderRef) : undefined);
}

/** What reading one record needs and adds to (one object, so the per-record function below stays small). */
interface ReadState extends TimingClock {
  byId: Map<string, Rec>;
  entries: MedEntry[];
  matched: MedEntry[];
  /** Keep no entry for records that name nothing (see readMedicationEntries). */
  matchedOnly: boolean;
  gaps: ReadGap[];
  /** Reused until a record matches something (the record then keeps the Map): no Map per unmatched record. */
  scratch: IngredientMatches;
  codes: string[];
}

/**
 * One record into a MedEntry (and its gaps). A function of its own rather than the body of the loop: called once
 * per record it is optimised after a few hundred records, where one long loop body waited for on-stack replacement
 * (assess() runs cold once per launch, issue 14 item 1).
 */
function readRecord(type: MedResourceType, raw: Rec, st: ReadState): void {
  // Timing only where this function needs it (gaps, patches); otherwise the MedEntry computes it when asked.
  let timing: MedTiming | undefined;
  const medRef = isRecord(raw.medicationReference) ? raw.medicationReference : undefined;
  const notes = noteTexts(raw);
  // Most records name their medication inline and nothing else: they keep the concept's shared reading (its
  // ingredients Map and codes) instead of a copy, and the facts rules derive from it are computed once per concept.
  // So does a record that only references a Medication whose code is all it says (no ingredients, no display, no
  // inline concept): reading it would copy exactly that code's reading into an empty Map.
  const inlineConcept = raw.medicationCodeableConcept;
  let shared: SharedReading | undefined;
  let byReference = false;
  let target: Rec | undefined;
  if (notes.length === 0) {
    if (medRef === undefined) shared = sharedReading(inlineConcept, 'medicationCodeableConcept');
    else if (inlineConcept === undefined && str(medRef.display) === undefined) {
      target = resolvedTarget(raw, st.byId);
      const ingredients = target?.ingredient;
      // Not arr(): no empty array per record that references its Medication.
      if (target !== undefined && (!Array.isArray(ingredients) || ingredients.length === 0)) {
        const contained = str(medRef.reference)?.startsWith('#') === true;
        shared = sharedReading(target.code, contained ? CONTAINED_CODE : REFERENCED_CODE);
        byReference = shared !== undefined;
      }
    }
  }
  let matches: IngredientMatches;
  let codes: string[];
  let inline: ConceptResult;
  let readable: boolean;
  let name: string | undefined;
  if (shared) {
    matches = shared.matches;
    codes = shared.codes;
    // By reference the inline concept is absent: read as nothing (no NDC of its own), the Medication's code names it.
    inline = byReference ? NOT_READ : shared.result;
    readable = shared.result.readable;
    name = shared.result.name;
  } else {
    matches = st.scratch;
    codes = st.codes;
    codes.length = 0;
    inline = readConcept(inlineConcept, 'medicationCodeableConcept', matches, codes);
    readable = inline.readable;
    name = inline.name;
  }
  if (medRef && !byReference) {
    const reference = str(medRef.reference);
    const display = str(medRef.display);
    target ??= resolvedTarget(raw, st.byId);
    if (target) {
      const where = reference?.startsWith('#') ? 'contained Medication' : 'referenced Medication';
      const got = readMedication(target, where, matches, st.byId, 0, codes);
      readable ||= got.readable;
      name ??= got.name;
    } else if ((timing ??= timingOf(type, raw, st)).state !== 'never') {
      const ref = refOf(type, raw);
      const facts = { what: 'medication-not-found' as const, user: ref ?? type, ...(display ? { display } : {}) };
      st.gaps.push(readGap('Medication', 'unresolved-reference', facts, reference));
    }
    if (display) {
      const disp = readConcept({ text: display }, 'medicationReference.display', matches);
      readable ||= disp.readable;
      name ??= display;
    }
  }
  if (!readable && (timing ??= timingOf(type, raw, st)).state !== 'never') {
    const ref = refOf(type, raw);
    const facts: ReadGapParams =
      inline.ndc !== undefined
        ? { what: 'ndc-only' as const, ndc: inline.ndc }
        : { what: 'medication-unreadable' as const };
    st.gaps.push(readGap(type, 'unreadable-medication', facts, ref));
  }
  // Kratom named in a note or a free-text dosage of any medication record counts (ldn-clinical.md 2b).
  for (let n = 0; n < notes.length; n++) {
    for (const hit of nameHits(notes[n] as string)) {
      for (const id of hit.value.ingredients) {
        if (INGREDIENT_BY_ID.get(id)?.role === 'kratom' && !matches.has(id))
          matches.set(id, { by: 'name', term: hit.value.term, where: 'note' });
      }
    }
  }
  let text = '';
  let depot: DepotKind | undefined;
  let lowDose = false;
  const needsText = matches.size > 0 && (shared ? sharedNeedsText(shared) : namesTextIngredient(matches));
  if (needsText) {
    text = `${conceptJson(raw, target)} ${notes.join(' ').toLowerCase()}`;
    if (matches.has(DEPOT_INGREDIENTS[0]) || matches.has(DEPOT_INGREDIENTS[1])) depot = depotOf(codes, text);
    if (matches.has('naltrexone') && depot === undefined) lowDose = readsAsLowDose(conceptJson(raw, target));
    if (depot === undefined && PATCH.test(text))
      timing = patchTiming(type, raw, timing ?? timingOf(type, raw, st), st.today);
  }
  // Records naming nothing rule-relevant are kept only when the caller wants every record (issue 14 item 1: a
  // long chart is mostly such records, and each kept entry survives every young-generation collection).
  if (matches.size === 0 && st.matchedOnly) return;
  const med = new MedEntry(
    type,
    raw,
    name ?? 'Unnamed medication',
    matches.size ? matches : EMPTY,
    timing,
    st,
    lowDose,
    depot,
    text,
    shared !== undefined ? sharedFacts(shared) : newFacts(),
  );
  st.entries.push(med);
  if (matches.size) {
    st.matched.push(med);
    if (!shared) st.scratch = new Map();
  }
}

/**
 * Every medication record of the chart as a MedEntry, plus the gaps found while reading them. With `matchedOnly`,
 * `entries` holds only the records that name a rule-relevant ingredient (the same list as `matched`): what the
 * rules read, without an entry per other record. Gaps are the same either way.
 */
export function readMedicationEntries(chart: Chart, today: number, matchedOnly = false): MedReading {
  const byId = new Map<string, Rec>();
  // Indexed: one entry per Medication of the chart (thousands on a long chart), read cold (issue 14 item 1).
  const medications = arr(chart.medications);
  for (let i = 0; i < medications.length; i++) {
    const m = medications[i];
    if (isRecord(m) && str(m.id)) byId.set(m.id as string, m);
  }
  const dispenseEnds = dispenseEndsByOrder(arr(chart.medicationDispenses));
  addAdministrationsByOrder(arr(chart.medicationAdministrations), dispenseEnds);
  const st: ReadState = {
    byId,
    dispenseEnds,
    today,
    entries: [],
    matched: [],
    matchedOnly,
    gaps: [],
    scratch: new Map(),
    codes: [],
  };
  const lists: [MedResourceType, unknown[]][] = [
    ['MedicationRequest', arr(chart.medicationRequests)],
    ['MedicationStatement', arr(chart.medicationStatements)],
    ['MedicationDispense', arr(chart.medicationDispenses)],
    ['MedicationAdministration', arr(chart.medicationAdministrations)],
  ];
  // Indexed loops: a 10,000-record chart is read once per launch by cold code, where iterators and per-record
  // Maps were most of the garbage (issue 14 item 1).
  for (let l = 0; l < lists.length; l++) {
    const [type, list] = lists[l] as [MedResourceType, unknown[]];
    for (let r = 0; r < list.length; r++) {
      const raw = list[r];
      if (isRecord(raw)) readRecord(type, raw, st);
      else st.gaps.push(readGap(type, 'malformed', { what: 'entry-not-object' }));
    }
  }
  return { entries: st.entries, matched: st.matched, gaps: st.gaps };
}

export type { MatchEvidence };
