/**
 * Signing: the "Sign and send order" button (disabled while sending), then the outcome: the created order, or the
 * fallbacks (print, download of the FHIR JSON). Moved out of OrderReview.tsx, which keeps only the review.
 */
import type { OrderDraft } from '../../core/order/types.ts';
import type { WriteState } from '../model/use-write.ts';
import type { WriteStep } from '../write-types.ts';
import { P } from '../strings.ts';
import { Fallbacks } from './Fallbacks.tsx';

export interface SignPanelProps {
  order: OrderDraft | undefined;
  /** Why signing is not possible yet (overrides missing), shown next to the button. */
  blockedReason?: string | undefined;
  orderAsText: (draft: OrderDraft) => string;
  write: WriteState;
  onSign: (draft: OrderDraft) => void;
}

/** The writer's progress in words. */
export function stepText(step: WriteStep): string {
  switch (step.kind) {
    case 'creating-detected-issues':
      return P.stepWords['creating-detected-issues'](step.count);
    case 'done':
      return '';
    default:
      return P.stepWords[step.kind]();
  }
}

export function SignPanel(props: SignPanelProps) {
  const { order, write } = props;
  const sending = write.phase === 'sending';
  const created = write.phase === 'done' && (write.outcome.kind === 'created' || write.outcome.kind === 'already-existed');
  return (
    <section class="sign-panel" aria-label={P.sign}>
      {!created && (
        <div class="sign screen-only">
          {props.blockedReason && (
            <p id="sign-blocked" class="field__problems">
              {props.blockedReason}
            </p>
          )}
          <button
            type="button"
            class="button button--primary"
            disabled={!order || !!props.blockedReason || sending}
            aria-describedby={props.blockedReason ? 'sign-blocked' : undefined}
            onClick={() => order && props.onSign(order)}
          >
            {sending ? P.sending : write.phase === 'idle' ? P.sign : P.retrySign}
          </button>
          <p class="sign__status" role="status" aria-live="polite">
            {sending && write.step ? P.sendingStep(stepText(write.step)) : ''}
          </p>
        </div>
      )}
      <WriteResult {...props} />
    </section>
  );
}

function WriteResult({ write, orderAsText }: SignPanelProps) {
  if (write.phase === 'idle' || write.phase === 'sending') return null;
  if (write.phase === 'done' && (write.outcome.kind === 'created' || write.outcome.kind === 'already-existed')) {
    const o = write.outcome;
    return (
      <div class="outcome outcome--ok" role="status">
        <p>
          <span aria-hidden="true">✓ </span>
          <strong>{P.created}</strong>
        </p>
        {o.kind === 'already-existed' && <p>{P.alreadyExisted}</p>}
        <p>
          {P.createdId}: <code>{o.medicationRequest.id}</code> ({o.medicationRequest.reference}) —{' '}
          <a href={o.medicationRequest.url} target="_blank" rel="noopener noreferrer">
            {P.createdLink}
          </a>
        </p>
        <p>{o.shape === 'reported-only' ? P.shapeReported : P.shapeFull}</p>
        {o.notes.length > 0 && (
          <ul>
            {o.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const outcome = write.phase === 'done' ? write.outcome : undefined;
  const notPermitted = outcome?.kind === 'not-permitted';
  const message =
    write.phase === 'error'
      ? write.message
      : outcome && (outcome.kind === 'not-permitted' || outcome.kind === 'failed')
        ? [outcome.reason, outcome.outcome].filter(Boolean).join(' ')
        : '';
  return (
    <div class="outcome outcome--failed" role="alert">
      <p>
        <span aria-hidden="true">✕ </span>
        <strong>{notPermitted ? P.notPermitted : P.failed}</strong> {message}
      </p>
      <Fallbacks draft={write.sent} orderAsText={orderAsText} />
    </div>
  );
}
