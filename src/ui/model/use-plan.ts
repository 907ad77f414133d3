/**
 * The planner, overrides, acknowledgement and order model: the draft (restored from and saved to sessionStorage),
 * the plan the core makes of it, which conflicts need an override (the core's policy), the signature gate (the
 * core's decision), and the exact order that "Sign and send" would write, its identifier derived from its content.
 * Nothing here writes to the EHR: see use-write.ts, which only runs on the clinician's click.
 * Part of the planning chunk (loaded after the verdict, issue 14 item 1): the draft itself and the answer about an
 * existing order are held by the verdict part (use-draft.ts) and passed in.
 */
import { useMemo } from 'preact/hooks';
import type { Reference } from 'fhir/r4';
import type { Assessment, Conflict } from '../../core/assess/types.ts';
import type { ExistingLdnOrder } from '../../core/order/existing-ldn.ts';
import { orderIds, type IdentityContent } from '../../core/order/order-identity.ts';
import { conflictsNeedingOverride, overrideKey, overridesComplete } from '../../core/order/override-policy.ts';
import { signGate, type ExistingOrderChoice, type SignGate } from '../../core/order/sign-gate.ts';
import type { OrderDraft } from '../../core/order/types.ts';
import type { Result } from '../../core/result.ts';
import type { PlanProblem, TitrationPlan } from '../../core/titration/types.ts';
import type { LaunchContext } from '../../edge/types.ts';
import { isoDay } from '../format.ts';
import { describeNotRead } from '../strings-read.ts';
import type { ClinicianServices, PlanServices } from '../services.ts';
import type { WriteExtras } from './use-write.ts';
import type { OverrideDraft } from './draft-store.ts';
import type { DraftState } from './use-draft.ts';
import { applyPreset, defaultFields, editField, toTitrationInput, type PlanFields } from './plan-fields.ts';

// The policy lives in the core; re-exported for the components that key overrides.
export { conflictsNeedingOverride, overrideKey, overridesComplete };

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
  /** The core's decision: may the clinician sign, is the acknowledgement needed, why not. */
  gate: SignGate;
  acknowledgement: OverrideDraft;
  setAcknowledgement(value: OverrideDraft): void;
  /** LDN orders already in the chart, and the clinician's answer about the newest. */
  existing: ExistingLdnOrder[];
  existingChoice?: ExistingOrderChoice;
  setExistingChoice(choice: ExistingOrderChoice): void;
  /** What the writer needs besides the order: the last look for a concurrent order, the order replaced. */
  writeExtras: WriteExtras;
  storageKey: string;
}

const NO_ACK: OverrideDraft = { checked: false, reason: '' };

/**
 * `services`: the verdict's (clock, ids); `planServices`: the planner and order builder; `state`: the draft and
 * the existing-order answer, held above the verdict (useDraft).
 */
export function usePlan(
  services: Pick<ClinicianServices, 'now'>,
  planServices: Pick<PlanServices, 'planTitration' | 'buildOrder' | 'presets'>,
  context: LaunchContext,
  assessment: Assessment,
  state: DraftState,
): PlanModel {
  const { draft, setDraft, storageKey, inChart, existing, choice } = state;
  // Today's defaults until the clinician edits the planner (the draft then keeps its own fields).
  const defaults = useMemo(() => defaultFields(isoDay(services.now().getTime())), [services]);
  const fields = draft.fields ?? defaults;

  const needed = useMemo(() => conflictsNeedingOverride(assessment), [assessment]);
  const plan = useMemo(
    () => (hasStarted(fields) ? planServices.planTitration(toTitrationInput(fields)) : undefined),
    [planServices, fields],
  );
  const complete = overridesComplete(needed, draft.overrides);
  const newest = existing[0];
  const ack = draft.acknowledgement ?? NO_ACK;
  // What the read and the session allow, independent of the draft (stable across keystrokes).
  const preGate = useMemo(
    () =>
      signGate({
        assessment,
        grantedScopes: context.grantedScopes,
        orderReady: true,
        overridesComplete: true,
        existingOrders: 0,
        describeGap: describeNotRead,
      }),
    [assessment, context.grantedScopes],
  );

  const built = useMemo((): { order?: OrderDraft; error?: string } => {
    if (!plan?.ok || !complete || !draft.nonce) return {};
    const reasons: Reference[] = assessment.candidacy
      .filter((c) => c.condition.reference)
      .map((c) => ({ reference: c.condition.reference as string, display: c.indication }));
    const acknowledged = preGate.needsAcknowledgement && ack.checked && ack.reason.trim() !== '';
    const content: IdentityContent = {
      plan: plan.value,
      status: 'active',
      patient: `Patient/${context.patientId}`,
      ...(context.fhirUser ? { requester: context.fhirUser } : {}),
      ...(context.encounterId ? { encounter: `Encounter/${context.encounterId}` } : {}),
      ...(reasons.length ? { reasons } : {}),
      overrides: needed.map((c) => ({
        conflict: c,
        reason: draft.overrides[overrideKey(c)]?.reason.trim() ?? '',
        ...(context.fhirUser ? { author: context.fhirUser } : {}),
      })),
      ...(acknowledged
        ? {
            acknowledgement: {
              reason: ack.reason.trim(),
              notRead: preGate.notRead,
              ...(context.fhirUser ? { author: context.fhirUser } : {}),
            },
          }
        : {}),
      ...(choice === 'replace' && newest
        ? { priorPrescription: { reference: newest.reference, display: newest.name } }
        : {}),
    };
    try {
      const ids = orderIds(content, draft.nonce, { withAcknowledgementIssue: preGate.detectedIssuesPermitted });
      return { order: planServices.buildOrder({ ...content, now: services.now().toISOString(), ids }) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [
    plan,
    complete,
    needed,
    draft.nonce,
    draft.overrides,
    ack,
    choice,
    newest,
    preGate,
    assessment,
    context,
    services,
    planServices,
  ]);

  const gate = signGate({
    assessment,
    grantedScopes: context.grantedScopes,
    orderReady: !!built.order,
    overridesComplete: complete,
    existingOrders: existing.length,
    existingChoice: choice,
    acknowledgement: ack,
    describeGap: describeNotRead,
  });

  const writeExtras: WriteExtras = {
    concurrency: {
      knownOrders: inChart.map((e) => e.reference),
      ownIdentifiers: draft.sent ?? [],
      now: services.now().toISOString(),
    },
    ...(choice === 'replace' && newest ? { replaces: newest.reference } : {}),
    onAttempt: (value) => setDraft((d) => (d.sent?.includes(value) ? d : { ...d, sent: [...(d.sent ?? []), value] })),
  };

  return {
    fields,
    setField: (key, value) => setDraft((d) => ({ ...d, fields: editField(d.fields ?? defaults, key, value) })),
    pickPreset: (id) =>
      setDraft((d) => {
        const preset = planServices.presets.find((p) => p.id === id);
        const from = d.fields ?? defaults;
        return { ...d, fields: preset ? applyPreset(from, preset) : { ...from, presetId: '' } };
      }),
    ...(plan ? { plan } : {}),
    needed,
    overrides: draft.overrides,
    setOverride: (key, value) => setDraft((d) => ({ ...d, overrides: { ...d.overrides, [key]: value } })),
    ...(built.order ? { order: built.order } : {}),
    ...(built.error ? { orderError: built.error } : {}),
    gate,
    acknowledgement: ack,
    setAcknowledgement: (value) => setDraft((d) => ({ ...d, acknowledgement: value })),
    existing,
    ...(choice ? { existingChoice: choice } : {}),
    setExistingChoice: state.setExistingChoice,
    writeExtras,
    storageKey,
  };
}
