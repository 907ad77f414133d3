/**
 * The plan draft as the verdict part of the screen holds it (issue 14 item 1): restored from and saved to
 * sessionStorage, and the clinician's answer about an LDN order already in the chart. It lives here, not in the
 * planner's code, because the existing-order panel sits above the verdict and must work before the planner has
 * downloaded; the planner (src/ui/plan, loaded on demand) receives this state and edits the rest of the draft.
 * Nothing here plans, builds or writes an order.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ExistingLdnOrder } from '../../core/order/existing-ldn.ts';
import type { ExistingOrderChoice } from '../../core/order/sign-gate.ts';
import type { LaunchContext } from '../../edge/types.ts';
import type { ClinicianServices } from '../services.ts';
import { draftKey, loadDraft, saveDraft, type PlanDraft } from './draft-store.ts';

export interface DraftState {
  /** The draft; its `fields` stay undefined until the planner is first edited (the planner knows the defaults). */
  draft: PlanDraft;
  setDraft(update: (d: PlanDraft) => PlanDraft): void;
  /** The sessionStorage key of this draft (server and patient). */
  storageKey: string;
  /** Every active or on-hold LDN order the chart holds (the writer's last look compares against these). */
  inChart: ExistingLdnOrder[];
  /** The orders the clinician must answer about: those in the chart that this draft did not itself send. */
  existing: ExistingLdnOrder[];
  /** The answer about the newest of `existing`; an answer about another order (the chart changed) is dropped. */
  choice?: ExistingOrderChoice;
  setExistingChoice(choice: ExistingOrderChoice): void;
}

export function useDraft(
  services: Pick<ClinicianServices, 'storage' | 'randomUUID'>,
  context: Pick<LaunchContext, 'serverUrl' | 'patientId'>,
  inChart: ExistingLdnOrder[],
): DraftState {
  const storageKey = draftKey(context.serverUrl, context.patientId);
  const [draft, setDraft] = useState<PlanDraft>(() => {
    const loaded = loadDraft(services.storage, storageKey) ?? { version: 1, overrides: {} };
    return loaded.nonce ? loaded : { ...loaded, nonce: services.randomUUID() };
  });
  useEffect(() => saveDraft(services.storage, storageKey, draft), [services.storage, storageKey, draft]);
  // An order this draft itself sent (a reload while the write was under way) is not "another" order: signing
  // again finds it by its identifier instead of asking whether to replace it.
  const existing = useMemo(
    () => inChart.filter((o) => !o.identifier || !draft.sent?.includes(o.identifier)),
    [inChart, draft.sent],
  );
  const newest = existing[0];
  const choice = newest && draft.existing?.reference === newest.reference ? draft.existing.choice : undefined;
  return {
    draft,
    setDraft,
    storageKey,
    inChart,
    existing,
    ...(choice ? { choice } : {}),
    setExistingChoice: (c) =>
      newest && setDraft((d) => ({ ...d, existing: { choice: c, reference: newest.reference } })),
  };
}
