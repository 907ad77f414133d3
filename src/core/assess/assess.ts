/**
 * The clinical core's one entry point: from a chart (as read, with its gaps) and `now`, decide whether LDN is a
 * candidate therapy and what conflicts with it, with reasons and sources. Pure: no I/O, time is a parameter.
 * Fail safe: any gap (failed, refused, truncated read; unreadable medication; missing referenced Medication) makes
 * the verdict "incomplete".
 */
import type { Chart } from '../chart.ts';
import { readConditionEntries } from '../fhir/condition-entries.ts';
import { nowDay } from '../fhir/dates.ts';
import { readMedicationEntries } from '../fhir/medication-entries.ts';
import { arr } from '../fhir/read.ts';
import { antagonistAndInteractionRules } from '../rules/antagonists.ts';
import { candidacyRules } from '../rules/candidacy.ts';
import { conditionRules } from '../rules/conditions.ts';
import type { RuleContext } from '../rules/context.ts';
import { opioidRules } from '../rules/opioids.ts';
import { oudRules } from '../rules/oud.ts';
import type { Assessment, Conflict } from './types.ts';
import { SEVERITY_ORDER, summaryOf, verdictOf } from './verdict.ts';

function latestDate(c: Conflict): string {
  return c.washout?.lastUse ?? c.entry.dates?.map((d) => d.value).sort().at(-1) ?? '';
}

/**
 * Assess a chart for low-dose naltrexone.
 * @param chart - the patient's chart as read by the edge, including what could not be read (`gaps`).
 * @param now - the moment of the assessment (Date or ISO string); decides what is current and washout windows.
 * @returns the Assessment: verdict, candidacy, conflicts sorted by severity, completeness and gaps.
 */
export function assess(chart: Chart, now: Date | string): Assessment {
  const { day: today, iso } = nowDay(now);
  const meds = readMedicationEntries(chart, today);
  const conds = readConditionEntries(arr(chart.conditions), today);
  const ctx: RuleContext = { meds: meds.entries, conditions: conds.entries, today };

  // Most severe first; within a severity, the most recent entry first.
  const conflicts: Conflict[] = [...opioidRules(ctx), ...oudRules(ctx), ...antagonistAndInteractionRules(ctx), ...conditionRules(ctx)]
    .map((c) => ({ c, rank: SEVERITY_ORDER[c.severity], date: latestDate(c) }))
    .sort((a, b) => a.rank - b.rank || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((x) => x.c);
  const candidacy = candidacyRules(ctx);

  const gaps = [...arr(chart.gaps), ...meds.gaps, ...conds.gaps] as Assessment['gaps'];
  const complete = gaps.length === 0;
  const verdictIfComplete = verdictOf(candidacy, conflicts);
  const verdict = complete ? verdictIfComplete : 'incomplete';
  const summary = summaryOf({ verdict, verdictIfComplete, candidacy, conflicts, gaps });
  return { verdict, verdictIfComplete, summary, complete, gaps, candidacy, conflicts, assessedAt: iso };
}
