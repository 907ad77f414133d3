/**
 * Signing (issue 10 item 2, issue 11 item 4): the signature gate as the core decides it (src/core/order/sign-gate.ts),
 * the acknowledgement of an incomplete read, the "Sign and send order" button (disabled while sending), then the
 * outcome: the written order (focused and scrolled into view, one order number, what was recorded, a link only
 * where it opens in this session), a concurrent order that stopped the write, or the fallbacks (print, download).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ExistingOrderChoice, SignGate } from '../../core/order/sign-gate.ts';
import type { OrderDraft } from '../../core/order/types.ts';
import { clinicalDate } from '../../core/fhir/dates.ts';
import type { OverrideDraft } from '../model/draft-store.ts';
import type { WriteState } from '../model/use-write.ts';
import type { WriteOutcome, WriteStep } from '../write-types.ts';
import { S } from '../strings.ts';
import { P, W } from '../strings-plan.ts';
import { describeProblem } from '../strings-problems.ts';
import { Fallbacks } from './Fallbacks.tsx';
import { TextArea } from './fields.tsx';

export interface SignPanelProps {
  order: OrderDraft | undefined;
  gate: SignGate;
  /** The order builder's error, when the plan could not be turned into an order (a bug, shown not hidden). */
  orderError?: string | undefined;
  acknowledgement: OverrideDraft;
  onAcknowledgement: (value: OverrideDraft) => void;
  /** Reads the chart again (the incomplete read's retry, and after a concurrent order). */
  onRetryRead: () => void;
  existingChoice?: ExistingOrderChoice | undefined;
  /** The order link opens in this session (an open server); otherwise the id and where to find it. */
  linkWorks: boolean;
  orderAsText: (draft: OrderDraft) => string;
  write: WriteState;
  onSign: (draft: OrderDraft) => void;
}

/** The writer's progress in words. */
export function stepText(step: WriteStep): string {
  switch (step.kind) {
    case 'creating-detected-issues':
      return W.stepWords['creating-detected-issues'](step.count);
    case 'done':
      return '';
    default:
      return W.stepWords[step.kind]();
  }
}

function blockedText(gate: SignGate, orderError: string | undefined): string | undefined {
  switch (gate.blocked) {
    case 'overrides-missing':
      return P.overrideMissing;
    case 'acknowledgement-missing':
      return W.ackMissing;
    case 'existing-order-undecided':
      return W.existingUndecided;
    case 'plan-incomplete':
      return orderError;
    default:
      return undefined;
  }
}

type Written = Extract<WriteOutcome, { kind: 'created' | 'already-existed' }>;
const isWritten = (o: WriteOutcome): o is Written => o.kind === 'created' || o.kind === 'already-existed';

export function SignPanel(props: SignPanelProps) {
  const { order, write, gate } = props;
  const sending = write.phase === 'sending';
  const written = write.phase === 'done' && isWritten(write.outcome);
  const blocked = blockedText(gate, props.orderError);
  return (
    <section class="sign-panel" aria-labelledby="sign-h">
      <h2 id="sign-h" class="visually-hidden">
        {P.sign}
      </h2>
      {gate.needsAcknowledgement && !written && gate.blocked !== 'no-new-order' && (
        <div class="card card--major sign-gate screen-only" role="group" aria-labelledby="sign-gate-h">
          <h3 id="sign-gate-h">{W.incompleteHeading}</h3>
          <p>{W.incompleteIntro}</p>
          <details class="sign-gate__technical">
            <summary>{S.technical}</summary>
            <ul>
              {gate.notRead.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </details>
          <p>
            <button type="button" class="button" onClick={props.onRetryRead}>
              {W.retryRead}
            </button>
          </p>
          {gate.offerSign && (
            <>
              <label class="checkbox" for="sign-ack-check">
                <input
                  id="sign-ack-check"
                  type="checkbox"
                  checked={props.acknowledgement.checked}
                  onChange={(e) =>
                    props.onAcknowledgement({
                      ...props.acknowledgement,
                      checked: (e.currentTarget as HTMLInputElement).checked,
                    })
                  }
                />{' '}
                {W.ackCheck}
              </label>
              <TextArea
                id="sign-ack-reason"
                label={W.ackReason}
                value={props.acknowledgement.reason}
                onInput={(reason) => props.onAcknowledgement({ ...props.acknowledgement, reason })}
              />
              <p>{W.ackRecorded(gate.detectedIssuesPermitted)}</p>
            </>
          )}
        </div>
      )}
      {gate.blocked === 'no-create-permission' && (
        <div class="outcome outcome--failed" role="status">
          <p>
            <strong>{W.noPermissionHeading}</strong> {W.noPermission}
          </p>
          {order && <Fallbacks draft={order} orderAsText={props.orderAsText} />}
        </div>
      )}
      {gate.blocked === 'no-new-order' && (
        <p role="status">{props.existingChoice === 'cancel' ? W.noNewOrderCancel : W.noNewOrderContinue}</p>
      )}
      {gate.offerSign && !written && (
        <div class="sign screen-only">
          {blocked && (
            <p id="sign-blocked" class="field__problems">
              {blocked}
            </p>
          )}
          <button
            type="button"
            class="button button--primary"
            disabled={!order || !gate.maySign || sending}
            aria-describedby={blocked ? 'sign-blocked' : undefined}
            onClick={() => order && gate.maySign && props.onSign(order)}
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

function WriteResult({ write, orderAsText, linkWorks, onRetryRead }: SignPanelProps) {
  if (write.phase === 'idle' || write.phase === 'sending') return null;
  if (write.phase === 'done' && isWritten(write.outcome))
    return <WrittenMessage outcome={write.outcome} linkWorks={linkWorks} />;
  const outcome = write.phase === 'done' ? write.outcome : undefined;
  if (outcome?.kind === 'concurrent-order') {
    return (
      <div class="outcome outcome--failed" role="alert">
        <p>
          <span aria-hidden="true">✕ </span>
          <strong>{W.concurrentHeading}</strong>
        </p>
        <p>{W.concurrentWritten(outcome.order.name, clinicalDate(outcome.order.authoredOn))}</p>
        <p>{describeProblem(outcome)}</p>
        <button type="button" class="button" onClick={onRetryRead}>
          {W.reloadChart}
        </button>
      </div>
    );
  }
  const notPermitted = outcome?.kind === 'not-permitted';
  const message =
    write.phase === 'error'
      ? write.message
      : outcome && (outcome.kind === 'not-permitted' || outcome.kind === 'failed')
        ? describeProblem(outcome)
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

/** The written order: takes focus and scrolls into view (in an 800x600 frame it is otherwise below the fold). */
function WrittenMessage({ outcome: o, linkWorks }: { outcome: Written; linkWorks: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
    box.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  const overrides = o.recorded.filter((r) => !r.acknowledgement);
  const acks = o.recorded.filter((r) => r.acknowledgement);
  return (
    <div class="outcome outcome--ok" role="status" tabIndex={-1} ref={box} aria-labelledby="written-h">
      <h3 id="written-h">
        <span aria-hidden="true">✓ </span>
        {W.createdHeading}
      </h3>
      {o.kind === 'already-existed' && <p>{W.alreadyExisted}</p>}
      <p>
        {W.orderNumber}: <code>{o.medicationRequest.id}</code>
        {linkWorks ? (
          <>
            {' '}
            <a href={o.medicationRequest.url} target="_blank" rel="noopener noreferrer">
              {W.openOrder}
            </a>
          </>
        ) : (
          <> {W.findInEhr}</>
        )}
      </p>
      {o.shape === 'reported-only' && <p>{W.reportedOnly}</p>}
      {o.recorded.length > 0 && (
        <>
          <p>{W.recordedHeading}:</p>
          <ul>
            {overrides.map((r, i) => (
              <li key={`o${i}`}>{W.recordedOverride(r.title, r.as === 'detected-issue')}</li>
            ))}
            {acks.map((r, i) => (
              <li key={`a${i}`}>{W.recordedAck(r.as === 'detected-issue')}</li>
            ))}
          </ul>
        </>
      )}
      {(o.prior || o.notes.length > 0) && (
        <ul>
          {o.prior && <li>{describeProblem(o.prior)}</li>}
          {o.notes.map((n, i) => (
            <li key={i}>{describeProblem(n)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
