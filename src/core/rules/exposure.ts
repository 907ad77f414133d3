/**
 * Opioid exposure outside the medication list, and kratom (ldn-clinical.md 2b; windows inclusive, "within 10 days"
 * = up to day 10; severities (design) there):
 * - opioid poisoning (T40 intent 1-4, initial encounter, or a poisoning/overdose text naming an opioid): within 10
 *   days (14 after methadone) contraindicated with an opioid-free window, 11-30 days major; subsequent / sequela
 *   encounters info; adverse effect (5) / underdosing (6): as an opioid prescription, same windows;
 * - a naloxone or nalmefene administration (in progress, or completed within 10 days): major;
 * - acute opioid withdrawal (F11.13/F11.23/F11.93, SNOMED 87132004 and related) counting with onset or record date
 *   within 14 days: contraindicated; older or resolved: major;
 * - kratom / mitragynine / 7-OH, current or within 10 days, in any medication record or note: major; with daily
 *   use, dependence or a concentrated 7-OH product documented (record text or a Condition): contraindicated; a
 *   Condition naming kratom use counts the same way;
 * - documented high-dose diphenoxylate misuse: major.
 * Dates come from the Condition's onset, else its recorded date. A refuted or entered-in-error Condition never counts;
 * a resolved poisoning still dates an exposure.
 */
import type { Conflict, WashoutWindow } from '../assess/types.ts';
import type { ConditionEntry } from '../fhir/condition-entries.ts';
import { clinicalDay, isoDay } from '../fhir/dates.ts';
import { timingBasis } from '../fhir/medication-timing.ts';
import { normaliseIcd10 } from '../fhir/systems.ts';
import type { RuleId } from '../knowledge/rules.ts';
import { opioidPoisoningCode } from '../match/poisoning.ts';
import { conflict, medConflict, namesAnyGroup, rolesOf, withRoles, type RuleContext } from './context.ts';
import type { IngredientRole } from '../knowledge/ingredients.ts';
import type { ConditionGroupId } from '../knowledge/conditions.ts';

/** Days of the label's opioid-free interval used for exposure evidence (10; 14 after methadone). */
const EXPOSURE_DAYS = 10;
const EXPOSURE_DAYS_METHADONE = 14;
const RECENT_DAYS = 30;
const WITHDRAWAL_DAYS = 14;
const KRATOM_DAYS = 10;

function window(day: number, days: number, basis: string): WashoutWindow {
  return {
    lastUse: isoDay(day),
    lastUseBasis: basis,
    days: days + 1,
    endsOn: isoDay(day + days + 1),
    rationale: `${days} days after the exposure the diagnosis records (label: 7-10 opioid-free days, 14 after methadone; reading the diagnosis as exposure: design).`,
  };
}

function poisoningRules(c: ConditionEntry, today: number): Conflict[] {
  const hit = c.groups.get('opioid-poisoning');
  if (!hit) return [];
  const parsed = hit.by === 'code' && hit.code ? opioidPoisoningCode(normaliseIcd10(hit.code)) : undefined;
  if (parsed && parsed.encounter !== 'initial') {
    return [
      conflict(
        'opioid-poisoning-followup',
        c.entry,
        hit,
        `${parsed.encounter === 'sequela' ? 'Sequela' : 'Subsequent'} encounter code ${parsed.code}.`,
      ),
    ];
  }
  const therapeutic = parsed !== undefined && parsed.intent >= 5;
  const recentRule: RuleId = therapeutic ? 'opioid-adverse-effect-recent' : 'opioid-poisoning-recent';
  const olderRule: RuleId = therapeutic ? 'opioid-adverse-effect' : 'opioid-poisoning';
  if (c.day === undefined)
    return [conflict(olderRule, c.entry, hit, 'No onset or record date is charted: confirm when it happened.')];
  const since = today - c.day;
  if (since < 0) return [];
  const days = parsed?.methadone ? EXPOSURE_DAYS_METHADONE : EXPOSURE_DAYS;
  if (since <= days)
    return [
      conflict(
        recentRule,
        c.entry,
        hit,
        `Dated ${clinicalDay(c.day)} (${since} days ago).`,
        window(c.day, days, 'date of the poisoning diagnosis (onset, else recorded)'),
      ),
    ];
  if (since <= RECENT_DAYS)
    return [conflict(olderRule, c.entry, hit, `Dated ${clinicalDay(c.day)} (${since} days ago).`)];
  return [];
}

function withdrawalRules(c: ConditionEntry, today: number): Conflict[] {
  const hit = c.groups.get('opioid-withdrawal');
  if (!hit) return [];
  const recent = c.counts && c.day !== undefined && today - c.day <= WITHDRAWAL_DAYS && today >= c.day;
  const when = c.day !== undefined ? `Dated ${clinicalDay(c.day)}` : 'No onset or record date charted';
  return [
    conflict(
      recent ? 'acute-opioid-withdrawal' : 'past-opioid-withdrawal',
      c.entry,
      hit,
      `${when}${c.counts ? '' : ` (${c.excludedBecause})`}.`,
    ),
  ];
}

const KRATOM_DEPENDENCE =
  /\bdaily\b|\bevery day\b|\bdependen|\baddict|\buse disorder\b|\b7-?oh\b|\b7-hydroxy|\bhydroxymitragynine\b|\bconcentrat/;

/** The condition groups the exposure rules read: every group the loop below reads must be listed here. */
const EXPOSURE_GROUPS: readonly ConditionGroupId[] = [
  'opioid-poisoning',
  'opioid-withdrawal',
  'kratom-dependence',
  'kratom-use',
  'diphenoxylate-misuse',
];

/** The medication roles the exposure rules read (naloxone / nalmefene given, kratom). */
const EXPOSURE_ROLES: ReadonlySet<IngredientRole> = new Set<IngredientRole>(['rescue-antagonist', 'kratom']);

export function exposureRules(ctx: RuleContext): Conflict[] {
  const out: Conflict[] = [];
  let kratomDependence: ConditionEntry | undefined;
  const conditions = ctx.conditions;
  const readsAny = namesAnyGroup(EXPOSURE_GROUPS);
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    // Every rule below needs a group; most Conditions name none (indexed loop: cold code, issue 14 item 1).
    if (c.refuted || c.groups.size === 0) continue;
    if (!readsAny(c.groups)) continue;
    if (c.groups.has('opioid-poisoning')) out.push(...poisoningRules(c, ctx.today));
    if (c.groups.has('opioid-withdrawal')) out.push(...withdrawalRules(c, ctx.today));
    if (!c.counts) continue;
    const dep = c.groups.get('kratom-dependence');
    if (dep) {
      kratomDependence ??= c;
      out.push(conflict('kratom-dependence', c.entry, dep));
    } else {
      const use = c.groups.get('kratom-use');
      if (use) out.push(conflict('kratom', c.entry, use));
    }
    const misuse = c.groups.get('diphenoxylate-misuse');
    if (misuse) out.push(conflict('diphenoxylate-misuse', c.entry, misuse));
  }
  const meds = withRoles(ctx.meds, EXPOSURE_ROLES);
  for (let i = 0; i < meds.length; i++) {
    const med = meds[i]!;
    if (med.matches.size === 0 || med.timing.state === 'never') continue;
    const recent =
      med.timing.state === 'current' ||
      med.timing.lastUse === undefined ||
      ctx.today - med.timing.lastUse <= KRATOM_DAYS;
    const roles = rolesOf(med);
    const rescue = roles.get('rescue-antagonist');
    if (
      rescue &&
      med.resourceType === 'MedicationAdministration' &&
      recent &&
      (med.timing.state === 'current' || med.timing.lastUse !== undefined)
    ) {
      out.push(medConflict('naloxone-given', med, rescue.evidence, `Given: ${timingBasis(med.timing)}.`));
    }
    const kratom = roles.get('kratom');
    if (kratom && recent) {
      const dependence = KRATOM_DEPENDENCE.test(med.text) || kratomDependence !== undefined;
      out.push(
        medConflict(
          dependence ? 'kratom-dependence' : 'kratom',
          med,
          kratom.evidence,
          `Counts: ${timingBasis(med.timing)}.`,
        ),
      );
    }
  }
  return out;
}
