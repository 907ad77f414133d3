/** What every rule family receives, and the one way a finding is built from rule metadata. */
import type { ChartEntry, Conflict, MatchEvidence, WashoutWindow } from '../assess/types.ts';
import type { AllergyEntry } from '../fhir/allergy-entries.ts';
import type { ConditionEntry } from '../fhir/condition-entries.ts';
import { roleBit, type MedEntry } from '../fhir/medication-entries.ts';
import type { PlannedProcedure } from '../fhir/procedure-entries.ts';
import type { ConditionGroupId } from '../knowledge/conditions.ts';
import type { IngredientRole } from '../knowledge/ingredients.ts';
import type { GroupMatches } from '../match/condition.ts';
import { RULES, type RuleId } from '../knowledge/rules.ts';

export interface RuleContext {
  /** The medication records that name a rule-relevant ingredient (the others name nothing any rule reads). */
  meds: readonly MedEntry[];
  /** The Conditions that name a condition group (every rule reads groups only). */
  conditions: readonly ConditionEntry[];
  /** Allergies that count (active, not refuted or entered-in-error). */
  allergies: readonly AllergyEntry[];
  /** Planned procedures within the look-ahead (ServiceRequest, Procedure, Appointment). */
  procedures: readonly PlannedProcedure[];
  /** Today as a UTC day number. */
  today: number;
}

/**
 * The drug course a finding belongs to (its kind and ingredient set), kept beside the finding rather than in the
 * contract: assess.ts merges findings of one course into one (issue 9 item 4).
 */
export const COURSE_OF: WeakMap<Conflict, string> = new WeakMap();

/** A finding about a medication record, registered under its course (same kind, same ingredient set). */
export function medConflict(
  ruleId: RuleId,
  med: MedEntry,
  matched: MatchEvidence,
  extraWhy?: string,
  washout?: WashoutWindow,
): Conflict {
  const c = conflict(ruleId, med.entry, matched, extraWhy, washout);
  COURSE_OF.set(c, `${RULES[ruleId].kind}|${med.courseKey}`);
  return c;
}

/** A finding from rule metadata; `why` may be extended with what the chart showed. */
export function conflict(
  ruleId: RuleId,
  entry: ChartEntry,
  matched: MatchEvidence,
  extraWhy?: string,
  washout?: WashoutWindow,
): Conflict {
  const meta = RULES[ruleId];
  const c: Conflict = {
    ruleId,
    kind: meta.kind,
    needsOverride: meta.needsOverride,
    severity: meta.severity,
    title: meta.title,
    why: extraWhy ? `${meta.why} ${extraWhy}` : meta.why,
    sources: meta.sources,
    entry,
    matched,
  };
  if (washout) c.washout = washout;
  return c;
}

/** The ingredient ids a medication names, grouped by role, with the first evidence for each role (built once per record). */
export function rolesOf(med: MedEntry): ReadonlyMap<IngredientRole, { ingredient: string; evidence: MatchEvidence }> {
  return med.roles;
}

export const OPIOID_ROLES: ReadonlySet<IngredientRole> = new Set<IngredientRole>([
  'opioid-agonist',
  'opioid-partial-agonist',
  'opioid-mixed',
]);

/** True when the medication contains an opioid agonist, partial agonist or mixed agonist-antagonist. */
export function hasOpioid(roles: ReadonlyMap<IngredientRole, unknown>): boolean {
  const list = roleList(OPIOID_ROLES);
  for (let k = 0; k < list.length; k++) if (roles.has(list[k] as IngredientRole)) return true;
  return false;
}

/**
 * The records that name an ingredient of any of `roles`, in chart order. A rule family that can only fire for some
 * roles loops over these instead of every matched record: on a long chart most of its loop bodies never run, cold
 * (issue 14 item 1). Roles are computed once per concept (MedEntry.roles), so the filter is cheap.
 */
export function withRoles(meds: readonly MedEntry[], roles: ReadonlySet<IngredientRole>): MedEntry[] {
  const mask = maskOf(roles);
  const masks = roleMasksOf(meds);
  const out: MedEntry[] = [];
  // One bit test per record instead of a Map lookup per role.
  for (let i = 0; i < masks.length; i++) if (((masks[i] as number) & mask) !== 0) out.push(meds[i] as MedEntry);
  return out;
}

/** Each list's role masks (MedEntry.roleMask, in list order), read once for all the rule families that filter it. */
const LIST_MASKS = new WeakMap<readonly MedEntry[], Int32Array>();

/**
 * The role masks of a list of records: several rule families filter the same matched records by role, and each
 * read every record's mask through its getter, cold (issue 14 item 1: 4 families x 3,750 records).
 */
function roleMasksOf(meds: readonly MedEntry[]): Int32Array {
  let masks = LIST_MASKS.get(meds);
  if (masks === undefined || masks.length !== meds.length) {
    masks = new Int32Array(meds.length);
    for (let i = 0; i < meds.length; i++) masks[i] = (meds[i] as MedEntry).roleMask;
    LIST_MASKS.set(meds, masks);
  }
  return masks;
}

/** Each role set as one mask of role bits, once. */
const ROLE_MASKS = new WeakMap<ReadonlySet<IngredientRole>, number>();

function maskOf(roles: ReadonlySet<IngredientRole>): number {
  let mask = ROLE_MASKS.get(roles);
  if (mask === undefined) {
    mask = 0;
    for (const role of roles) mask |= roleBit(role);
    ROLE_MASKS.set(roles, mask);
  }
  return mask;
}

/** Each role set as an array, once: iterating a Set allocates an iterator per record. */
const ROLE_LISTS = new WeakMap<ReadonlySet<IngredientRole>, readonly IngredientRole[]>();

function roleList(roles: ReadonlySet<IngredientRole>): readonly IngredientRole[] {
  let list = ROLE_LISTS.get(roles);
  if (!list) ROLE_LISTS.set(roles, (list = [...roles]));
  return list;
}

/**
 * A test of whether a Condition's groups name any of `groups`, answered once per groups Map: Conditions with the
 * same code share one Map, and a long chart's Conditions are mostly of groups a rule family does not read (issue 14
 * item 1). One per rule-family call; `groups` must list every group the family reads after the test.
 */
export function namesAnyGroup(groups: readonly ConditionGroupId[]): (matches: GroupMatches) => boolean {
  const known = new Map<GroupMatches, boolean>();
  return (matches) => {
    let any = known.get(matches);
    if (any === undefined) {
      any = false;
      for (let k = 0; k < groups.length && !any; k++) any = matches.has(groups[k] as ConditionGroupId);
      known.set(matches, any);
    }
    return any;
  };
}
