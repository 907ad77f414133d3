/**
 * Opioid rules (ldn-clinical.md section 2).
 * When a medication that contains an opioid agonist, partial agonist or mixed agonist-antagonist is current,
 * then contraindicated: "opioid-naltrexone-product" when it also contains naltrexone (Embeda, Troxyca),
 * "opioid-partial-or-mixed" for buprenorphine (incl. buprenorphine/naloxone), butorphanol, pentazocine, nalbuphine,
 * else "opioid-agonist" (analgesics, antitussives, combinations incl. cough and cold, tramadol, tapentadol,
 * methadone). When it ended but its last use is inside the opioid-free window, then major "recent-opioid-use"
 * with the window. Naloxone inside an opioid product is part of that product, never a separate "rescue" finding.
 */
import type { Conflict, MatchEvidence } from '../assess/types.ts';
import type { MedEntry } from '../fhir/medication-entries.ts';
import { medConflict, OPIOID_ROLES, rolesOf, withRoles, type RuleContext } from './context.ts';
import { clinicalDate } from '../fhir/dates.ts';
import { timingBasis } from '../fhir/medication-timing.ts';
import { washoutDays, washoutFor } from './washout.ts';

/** The opioid ingredients of a record, in the order it names them (computed once per concept). */
function opioidIngredients(med: MedEntry): readonly string[] {
  return med.idsWithRoles(OPIOID_ROLES);
}

/** The current-opioid rule a medication triggers, if it contains an opioid. */
export function currentOpioidRule(
  med: MedEntry,
): 'opioid-naltrexone-product' | 'opioid-partial-or-mixed' | 'opioid-agonist' | undefined {
  const roles = rolesOf(med);
  if (roles.has('opioid-agonist') && roles.has('naltrexone')) return 'opioid-naltrexone-product';
  if (roles.has('opioid-agonist')) return 'opioid-agonist';
  if (roles.has('opioid-partial-agonist') || roles.has('opioid-mixed')) return 'opioid-partial-or-mixed';
  return undefined;
}

/** What opioidRules reads from a record's ingredients alone: the same for every record of one concept. */
interface OpioidFacts {
  ids: readonly string[];
  evidence: MatchEvidence | undefined;
  /** washoutDays(ids) for a record that is not a patch. */
  days: number;
}

export function opioidRules(ctx: RuleContext): Conflict[] {
  const out: Conflict[] = [];
  const meds = withRoles(ctx.meds, OPIOID_ROLES);
  // Records of one concept share their ingredients Map (MedEntry.matches): its facts are read once per Map.
  const byMatches = new Map<MedEntry['matches'], OpioidFacts>();
  for (let i = 0; i < meds.length; i++) {
    const med = meds[i]!;
    if (med.matches.size === 0 || med.depot) continue; // depots and implants: rules/depots.ts
    const timing = med.timing;
    if (timing.state === 'never') continue;
    let facts = byMatches.get(med.matches);
    if (facts === undefined) {
      const ids = opioidIngredients(med);
      const evidence = ids.length ? med.matches.get(ids[0] as string) : undefined;
      facts = { ids, evidence, days: ids.length ? washoutDays(ids) : 0 };
      byMatches.set(med.matches, facts);
    }
    const ids = facts.ids;
    const evidence = facts.evidence;
    if (!ids.length || !evidence) continue;
    if (timing.state === 'current') {
      const rule = currentOpioidRule(med);
      if (rule) out.push(medConflict(rule, med, evidence, `Counts as current: ${timingBasis(timing)}.`));
      continue;
    }
    // Ended: inside the window, or date unknown (fail safe: an undated stopped opioid might be recent).
    if (timing.lastUse === undefined) {
      out.push(
        medConflict(
          'recent-opioid-use',
          med,
          evidence,
          `The record ended (${timingBasis(timing)}), so the end of the opioid-free window cannot be computed: confirm the last dose.`,
        ),
      );
      continue;
    }
    const patch = med.patch;
    if (ctx.today >= timing.lastUse + (patch ? washoutDays(ids, true) : facts.days)) continue; // outside the window: no finding
    const window = washoutFor(ids, timing.lastUse, timingBasis(timing), patch);
    out.push(
      medConflict(
        'recent-opioid-use',
        med,
        evidence,
        `Last use ${clinicalDate(window.lastUse)} (${window.lastUseBasis}); opioid-free from ${clinicalDate(window.endsOn)}.`,
        window,
      ),
    );
  }
  return out;
}
