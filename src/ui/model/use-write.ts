/**
 * Signing: the only path that writes to the EHR, run by the clinician's click on "Sign and send order".
 * A second click while a write is under way does nothing (a ref, not state, so two clicks in one frame are
 * caught too); the order's identifier, derived from its content, makes a retry of the same plan a conditional
 * create of the same order, and an edited plan a new one.
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import type { OrderDraft } from '../../core/order/types.ts';
import type { FhirHttp, LaunchContext } from '../../edge/types.ts';
import type { PlanServices } from '../services.ts';
import type { WriteOptions, WriteOutcome, WriteStep } from '../write-types.ts';
import { clearDraft } from './draft-store.ts';

export type WriteState =
  | { phase: 'idle' }
  | { phase: 'sending'; step?: WriteStep }
  | { phase: 'done'; outcome: WriteOutcome; sent: OrderDraft }
  /** The writer threw (a bug or a network failure it did not classify). */
  | { phase: 'error'; message: string; sent: OrderDraft };

/** What the plan adds to a write: the last look for a concurrent order, the order replaced, the attempt record. */
export interface WriteExtras {
  concurrency?: WriteOptions['concurrency'];
  replaces?: string;
  /** Told the identifier value just before it is sent (an edit after a lost answer then knows its earlier version). */
  onAttempt?: (identifierValue: string) => void;
}

/**
 * A link to the order on the FHIR server opens only where the browser itself may read it: an open server. Behind
 * SMART the API needs the bearer token, which a new tab does not have (it would show a 401 page), so the screen
 * gives the id and points to the EHR's medication list instead (issue 11 item 4).
 */
export function orderLinkWorks(context: Pick<LaunchContext, 'launchType'>): boolean {
  return context.launchType === 'open';
}

/** `storage`: where the draft is kept (cleared once the server holds the order). */
export function useWrite(
  services: Pick<PlanServices, 'writeOrder' | 'reportedOnlyOrder'>,
  storage: Storage | undefined,
  http: FhirHttp,
  context: LaunchContext,
  storageKey: string,
) {
  const [state, setState] = useState<WriteState>({ phase: 'idle' });
  const busy = useRef(false);

  const sign = useCallback(
    async (draft: OrderDraft, extras: WriteExtras = {}) => {
      if (busy.current) return;
      busy.current = true;
      setState({ phase: 'sending' });
      extras.onAttempt?.(draft.identifier.value);
      try {
        const outcome = await services.writeOrder(http, draft, {
          grantedScopes: context.grantedScopes,
          // A server that refuses the full order gets the reported-only shape once (the writer decides when).
          reportedOnly: services.reportedOnlyOrder,
          ...(extras.concurrency ? { concurrency: extras.concurrency } : {}),
          ...(extras.replaces ? { replaces: extras.replaces } : {}),
          onStep: (step) => {
            if (step.kind !== 'done') setState({ phase: 'sending', step });
          },
        });
        setState({ phase: 'done', outcome, sent: draft });
        if (outcome.kind === 'created' || outcome.kind === 'already-existed') clearDraft(storage, storageKey);
      } catch (e) {
        setState({ phase: 'error', message: e instanceof Error ? e.message : String(e), sent: draft });
      } finally {
        busy.current = false;
      }
    },
    [services, storage, http, context.grantedScopes, storageKey],
  );

  return { state, sign };
}
