/**
 * The planner, overrides and order model: the draft (restored from and saved to sessionStorage), the plan the
 * core makes of it, which conflicts need an override, and the exact order that "Sign and send" would write.
 * Nothing here writes to the EHR: see use-write.ts, which only runs on the clinician's click.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Reference } from 'fhir/r4';
import type { Assessment, Conflict } from '../../core/assess/types.ts';
import type { OrderOverride } from '../../core/order/input.ts';
import type { OrderDraft } from '../../core/order/types.ts';
import type { Result } from '../../core/result.ts';
import type { PlanProblem, TitrationPlan } from '../../core/titration/types.ts';
import type { LaunchContext } from '../../edge/types.ts';
import { isoDay } from '../format.ts';
import type { ClinicianServices } from '../services.ts';
import { draftKey, loadDraft, saveDraft, type OverrideDraft, type PlanDraft } from './draft-store.ts';
import { applyPreset, defaultFields, editField, toTitrationInput, type PlanFields } from './plan-fields.ts';

/** Conflicts the clinician must override, each with a reason, before signing. */
export const OVERRIDE_SEVERITIES = new Set(['contraindicated', 'major']);

/** A stable key for one conflict on one chart entry (also keys its DetectedIssue identifier). */
export function overrideKey(c: Conflict): string {
  return `${c.ruleId}|${c.entry.reference ?? c.entry.name}`;
}

export function conflictsNeedingOverride(a: Assessment): Conflict[] {
  const seen = new Set<string>();
  return a.conflicts.filter((c) => {
    const k = overrideKey(c);
    if (!OVERRIDE_SEVERITIES.has(c.severity) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function overridesComplete(needed: Conflict[], overrides: Record<string, OverrideDraft>): boolean {
  return needed.every((c) => {
    const o = overrides[overrideKey(c)];
    return !!o?.checked && o.reason.trim().length > 0;
  });
}

/** The planner has something to plan once a preset is picked or a start dose typed. */
export function hasStarted(f: PlanFields): boolean {
  return f.presetId !== '' || f.startMg.trim() !== '';
}

export interface PlanModel {
  fields: PlanFields;
  setField<K extends keyof PlanFields>(key: K, value: PlanFields[K]): void;
  pickPreset(id: string): void;
  plan?: Result<TitrationPlan, PlanProblem[]>;
  needed: Conflict[];
  overrides: Record<string, OverrideDraft>;
  setOverride(key: string, value: OverrideDraft): void;
  /** The order that would be sent, once the plan is valid and every needed override has its reason. */
  order?: OrderDraft;
  /** Why there is no order yet, when the plan itself failed to build (a bug in the builder, shown not hidden). */
  orderError?: string;
  storageKey: string;
}

export function usePlan(services: ClinicianServices, context: LaunchContext, assessment: Assessment): PlanModel {
  const storageKey = draftKey(context.serverUrl, context.patientId);
  const [draft, setDraft] = useState<PlanDraft>(
    () => loadDraft(services.storage, storageKey) ?? { version: 1, fields: defaultFields(isoDay(services.now().getTime())), overrides: {} },
  );
  useEffect(() => saveDraft(services.storage, storageKey, draft), [services.storage, storageKey, draft]);

  const needed = useMemo(() => conflictsNeedingOverride(assessment), [assessment]);
  const plan = useMemo(
    () => (hasStarted(draft.fields) ? services.planTitration(toTitrationInput(draft.fields)) : undefined),
    [services, draft.fields],
  );
  const ready = !!plan?.ok && overridesComplete(needed, draft.overrides);

  // Client-generated identifiers, made once and kept in the draft so a retry or a reload reuses them.
  useEffect(() => {
    if (!ready) return;
    const missingIssue = needed.some((c) => !draft.issueIds?.[overrideKey(c)]);
    if (draft.orderId && !missingIssue) return;
    setDraft((d) => {
      const issueIds = { ...d.issueIds };
      for (const c of needed) issueIds[overrideKey(c)] ??= services.randomUUID();
      return { ...d, orderId: d.orderId ?? services.randomUUID(), issueIds };
    });
  }, [ready, needed, draft.orderId, draft.issueIds, services]);

  const built = useMemo((): { order?: OrderDraft; error?: string } => {
    if (!ready || !plan?.ok || !draft.orderId) return {};
    const ids = needed.map((c) => draft.issueIds?.[overrideKey(c)]);
    if (ids.some((id) => !id)) return {};
    const overrides: OrderOverride[] = needed.map((c) => ({
      conflict: c,
      reason: draft.overrides[overrideKey(c)]?.reason.trim() ?? '',
      ...(context.fhirUser ? { author: context.fhirUser } : {}),
    }));
    const reasons: Reference[] = assessment.candidacy
      .filter((c) => c.condition.reference)
      .map((c) => ({ reference: c.condition.reference as string, display: c.indication }));
    try {
      const order = services.buildOrder({
        plan: plan.value,
        status: 'active',
        patient: `Patient/${context.patientId}`,
        ...(context.fhirUser ? { requester: context.fhirUser } : {}),
        ...(context.encounterId ? { encounter: `Encounter/${context.encounterId}` } : {}),
        ...(reasons.length ? { reasons } : {}),
        now: services.now().toISOString(),
        ids: { order: draft.orderId, detectedIssues: ids as string[] },
        overrides,
      });
      return { order };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, plan, needed, draft.orderId, draft.issueIds, draft.overrides, assessment, context, services]);

  return {
    fields: draft.fields,
    setField: (key, value) => setDraft((d) => ({ ...d, fields: editField(d.fields, key, value) })),
    pickPreset: (id) =>
      setDraft((d) => {
        const preset = services.presets.find((p) => p.id === id);
        return { ...d, fields: preset ? applyPreset(d.fields, preset) : { ...d.fields, presetId: '' } };
      }),
    ...(plan ? { plan } : {}),
    needed,
    overrides: draft.overrides,
    setOverride: (key, value) => setDraft((d) => ({ ...d, overrides: { ...d.overrides, [key]: value } })),
    ...(built.order ? { order: built.order } : {}),
    ...(built.error ? { orderError: built.error } : {}),
    storageKey,
  };
}
