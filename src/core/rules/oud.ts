/**
 * Opioid use disorder (ldn-clinical.md section 2, codes-verified.md "What this changes" item 5).
 * No ICD-10-CM code says "on agonist therapy" and F11.2x includes "in remission", so the decision comes from the
 * medications: when a counting OUD Condition exists and a methadone or buprenorphine medication is current, then
 * contraindicated "oud-on-agonist-therapy". SNOMED 1081000119105 "Opioid dependence,
 * on agonist therapy" says so by itself and is contraindicated even without a charted medication. An OUD Condition
 * with no agonist therapy found gives the caution "oud-without-agonist" (design): confirm the patient is opioid-free.
 * Opioid overdose / poisoning codes are not OUD and are not in the OUD group (design).
 */
import type { Conflict } from '../assess/types.ts';
import { conflict, type RuleContext } from './context.ts';
import { depotStates } from './depots.ts';

const AGONIST_THERAPY = new Set(['methadone', 'buprenorphine', 'levomethadyl', 'levomethadone']);

export function oudRules(ctx: RuleContext): Conflict[] {
  // Most charts have no OUD Condition: then the medication scan below is not needed (it runs cold, once per launch).
  const anyOud = ctx.conditions.some(
    (c) => c.groups.size > 0 && c.counts && (c.groups.has('oud') || c.groups.has('oud-on-agonist-therapy')),
  );
  if (!anyOud) return [];
  // Agonist therapy = a current methadone / buprenorphine record (an ended one is left to recent-opioid-use).
  // A buprenorphine depot or implant inside its active window is agonist therapy too (ldn-clinical.md 2b).
  const depot = depotStates(ctx).find((s) => s.phase === 'active' && s.depot !== 'vivitrol')?.med;
  const therapy =
    depot ??
    ctx.meds.find((m) => {
      if (m.matches.size === 0 || m.timing.state !== 'current') return false;
      for (const id of AGONIST_THERAPY) if (m.matches.has(id)) return true;
      return false;
    });
  const out: Conflict[] = [];
  const conditions = ctx.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    if (c.groups.size === 0 || !c.counts) continue;
    const explicit = c.groups.get('oud-on-agonist-therapy');
    const oud = c.groups.get('oud');
    const matched = explicit ?? oud;
    if (!matched) continue;
    if (therapy) {
      const ing = [...therapy.matches.keys()].find((id) => AGONIST_THERAPY.has(id));
      out.push(
        conflict(
          'oud-on-agonist-therapy',
          c.entry,
          matched,
          `Agonist therapy in the chart: ${therapy.entry.name}${ing ? ` (${ing})` : ''}.`,
        ),
      );
    } else if (explicit) {
      out.push(conflict('oud-on-agonist-therapy', c.entry, explicit, 'The diagnosis itself records agonist therapy.'));
    } else if (oud && !c.groups.has('opioid-withdrawal')) {
      // A withdrawal code is its own finding (rules/exposure.ts), stronger than this caution.
      out.push(conflict('oud-without-agonist', c.entry, oud));
    }
  }
  return out;
}
