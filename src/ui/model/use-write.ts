/**
 * Signing: the only path that writes to the EHR, run by the clinician's click on "Sign and send order".
 * A second click while a write is under way does nothing (a ref, not state, so two clicks in one frame are
 * caught too); the order's client-generated identifier makes a later retry a conditional create, not a duplicate.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import type { OrderDraft } from '../../core/order/types.ts';
import type { FhirHttp, LaunchContext } from '../../edge/types.ts';
import type { ClinicianServices } from '../services.ts';
import type { WriteOutcome, WriteStep } from '../write-types.ts';
import { clearDraft } from './draft-store.ts';

export type WriteState =
  | { phase: 'idle' }
  | { phase: 'sending'; step?: WriteStep }
  | { phase: 'done'; outcome: WriteOutcome; sent: OrderDraft }
  /** The writer threw (a bug or a network failure it did not classify). */
  | { phase: 'error'; message: string; sent: OrderDraft };

export function useWrite(services: ClinicianServices, http: FhirHttp, context: LaunchContext, storageKey: string) {
  const [state, setState] = useState<WriteState>({ phase: 'idle' });
  const busy = useRef(false);

  const sign = useCallback(
    async (draft: OrderDraft) => {
      if (busy.current) return;
      busy.current = true;
      setState({ phase: 'sending' });
      try {
        const outcome = await services.writeOrder(http, draft, {
          grantedScopes: context.grantedScopes,
          // A server that refuses the full order gets the reported-only shape once (the writer decides when).
          reportedOnly: services.reportedOnlyOrder,
          onStep: (step) => {
            if (step.kind !== 'done') setState({ phase: 'sending', step });
          },
        });
        setState({ phase: 'done', outcome, sent: draft });
        if (outcome.kind === 'created' || outcome.kind === 'already-existed') clearDraft(services.storage, storageKey);
      } catch (e) {
        setState({ phase: 'error', message: e instanceof Error ? e.message : String(e), sent: draft });
      } finally {
        busy.current = false;
      }
    },
    [services, http, context.grantedScopes, storageKey],
  );

  return { state, sign };
}
