/**
 * The clinical core's one entry point: from a chart (as read, with its gaps) and `now`, decide whether LDN is a
 * candidate therapy and what conflicts with it, with reasons and sources. Pure: no I/O, time is a parameter.
 * Fail safe: any gap (failed, refused, truncated read; unreadable medication; missing referenced Medication) makes
 * the verdict "incomplete".
 */
import type { Chart } from '../chart.ts';
import { readAllergyEntries } from '../fhir/allergy-entries.ts';
import { readConditionEntries } from '../fhir/condition-entries.ts';
import { isoDay, nowDay } from '../fhir/dates.ts';
import { readMedicationEntries, type MedEntry } from '../fhir/medication-entries.ts';
import { readPlannedProcedures } from '../fhir/procedure-entries.ts';
import { arr } from '../fhir/read.ts';
import { allergyRules, procedureRules } from '../rules/allergy-procedure.ts';
import { antagonistAndInteractionRules } from '../rules/antagonists.ts';
import { candidacyRules } from '../rules/candidacy.ts';
import { conditionRules } from '../rules/conditions.ts';
import type { RuleContext } from '../rules/context.ts';
import { depotRules } from '../rules/depots.ts';
import { exposureRules } from '../rules/exposure.ts';
import { opioidRules } from '../rules/opioids.ts';
import { oudRules } from '../rules/oud.ts';
import { latestDate, mergeCourses } from './courses.ts';
import { notCheckedOf } from './not-checked.ts';
import type { Assessment, Conflict } from './types.ts';
import { SEVERITY_ORDER, summaryOf, verdictOf } from './verdict.ts';

/**
 * The first day LDN may start as far as the opioid-free windows go: the latest `endsOn` (the first day a window is
 * complete) among the findings whose window is still running today. Undefined when none is.
 */
function opioidFreeFromOf(conflicts: readonly Conflict[], today: number): string | undefined {
  const todayIso = isoDay(today);
  let latest: string | undefined;
  for (const c of conflicts) {
    const end = c.washout?.endsOn;
    if (end && end > todayIso && (!latest || end > latest)) latest = end;
  }
  return latest;
}

/**
 * Assess a chart for low-dose naltrexone.
 * @param chart - the patient's chart as read by the edge, including what could not be read (`gaps`).
 * @param now - the moment of the assessment (Date or ISO string); decides what is current and washout windows.
 * @returns the Assessment: verdict, candidacy, conflicts sorted by severity, completeness and gaps.
 */
export function assess(chart: Chart, now: Date | string): Assessment {
  const { day: today, iso } = nowDay(now);
  const meds = readMedicationEntries(chart, today, true);
  const conds = readConditionEntries(arr(chart.conditions), today);
  const allergies = readAllergyEntries(arr(chart.allergies));
  // Only the records that name an ingredient or a group: every rule skips the others, and a long chart is mostly
  // others (each rule family's loop over all 10,000 records ran cold, issue 14 item 1).
  const ctx: RuleContext = {
    meds: meds.matched,
    conditions: conds.entries,
    allergies: allergies.entries,
    procedures: readPlannedProcedures(chart, today),
    today,
  };

  const findings = [
    ...allergyRules(ctx),
    ...opioidRules(ctx),
    ...depotRules(ctx),
    ...exposureRules(ctx),
    ...oudRules(ctx),
    ...antagonistAndInteractionRules(ctx),
    ...conditionRules(ctx),
    ...procedureRules(ctx),
  ];
  // One finding per drug course; then most severe first and, within a severity, the most recent entry first.
  // Every counting record per course; their ChartEntries are built only for courses that have a finding.
  const records = new Map<string, MedEntry[]>();
  for (let i = 0; i < meds.matched.length; i++) {
    const m = meds.matched[i] as MedEntry;
    if (m.timing.state === 'never') continue;
    const list = records.get(m.courseKey);
    if (list) list.push(m);
    else records.set(m.courseKey, [m]);
  }
  const conflicts: Conflict[] = mergeCourses(findings, records)
    .map((c) => ({ c, rank: SEVERITY_ORDER[c.severity], date: latestDate(c) }))
    .sort((a, b) => a.rank - b.rank || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((x) => x.c);
  const candidacy = candidacyRules(ctx);

  const gaps = [...arr(chart.gaps), ...meds.gaps, ...conds.gaps, ...allergies.gaps] as Assessment['gaps'];
  const complete = gaps.length === 0;
  const verdictIfComplete = verdictOf(candidacy, conflicts);
  const verdict = complete ? verdictIfComplete : 'incomplete';
  const opioidFreeFrom = opioidFreeFromOf(conflicts, today);
  const notChecked = notCheckedOf(chart);
  const summary = summaryOf({
    verdict,
    verdictIfComplete,
    candidacy,
    conflicts,
    gaps,
    ...(opioidFreeFrom ? { opioidFreeFrom } : {}),
  });
  return {
    verdict,
    verdictIfComplete,
    summary,
    complete,
    gaps,
    candidacy,
    conflicts,
    assessedAt: iso,
    ...(opioidFreeFrom ? { opioidFreeFrom } : {}),
    ...(notChecked ? { notChecked } : {}),
  };
}
