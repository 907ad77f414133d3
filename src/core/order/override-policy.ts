/**
 * Which conflicts the clinician must override, each with a reason, before signing (issue 4 item 2, issue 10).
 * The rule's own policy decides (Conflict.needsOverride, set by the clinical core from the rule's metadata); a
 * finding without it falls back to its severity: contraindicated and major need an override (the verdict's
 * "not recommended now" threshold, README "Verdicts"). The UI renders this decision; it does not make it.
 */
import type { Assessment, Conflict, Severity } from '../assess/types.ts';

/** Severities that need an override when the rule says nothing (the design default). */
const OVERRIDE_SEVERITIES: ReadonlySet<Severity> = new Set<Severity>(['contraindicated', 'major']);

/** Whether signing past this conflict needs the clinician's explicit override with a reason. */
export function needsOverride(c: Conflict): boolean {
  return c.needsOverride ?? OVERRIDE_SEVERITIES.has(c.severity);
}

/**
 * A stable key for one finding: the rule and the chart entry that decided. One finding per drug course (its
 * `entries` are every record of the course), so one key, one override and one DetectedIssue per course.
 */
export function overrideKey(c: Conflict): string {
  return `${c.ruleId}|${c.entry.reference ?? c.entry.name}`;
}

/** The conflicts to override, one per key, in the assessment's order (most severe first). */
export function conflictsNeedingOverride(a: Pick<Assessment, 'conflicts'>): Conflict[] {
  const seen = new Set<string>();
  return a.conflicts.filter((c) => {
    const k = overrideKey(c);
    if (!needsOverride(c) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What the clinician entered for one override. */
export interface OverrideEntry {
  checked: boolean;
  reason: string;
}

/** True when every needed override is ticked and has a reason. */
export function overridesComplete(
  needed: readonly Conflict[],
  overrides: Readonly<Record<string, OverrideEntry>>,
): boolean {
  return needed.every((c) => {
    const o = overrides[overrideKey(c)];
    return !!o?.checked && o.reason.trim().length > 0;
  });
}
