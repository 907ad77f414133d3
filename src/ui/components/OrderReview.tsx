/**
 * Order review: the readable summary and the exact JSON that will be sent. Signing (the button, its gate and the
 * write's outcome) is in SignPanel.tsx.
 */
import type { OrderDraft } from '../../core/order/types.ts';
import { P } from '../strings.ts';

export interface OrderReviewProps {
  order: OrderDraft | undefined;
  /** Why signing is not possible yet (overrides missing), shown next to the button. */
  blockedReason?: string | undefined;
  summaryLines: (draft: OrderDraft) => string[];
}

export function OrderReview(props: OrderReviewProps) {
  const { order } = props;
  const resources = order ? [...order.detectedIssues, order.medicationRequest] : [];
  return (
    <section class="review" aria-labelledby="review-h">
      <h2 id="review-h">{P.reviewHeading}</h2>
      {!order ? (
        <p>{props.blockedReason === P.overrideMissing ? P.reviewNeedsOverrides : P.reviewNotReady}</p>
      ) : (
        <>
          <p>{P.reviewIntro}</p>
          <ul class="summary-lines">
            {props.summaryLines(order).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          <details class="json screen-only">
            <summary>{P.reviewJson}</summary>
            {resources.map((r, i) => (
              <div key={i}>
                <h3 class="json__title">{P.reviewJsonItem(r.resourceType, i + 1, resources.length)}</h3>
                <pre tabIndex={0} aria-label={r.resourceType}>{JSON.stringify(r, null, 2)}</pre>
              </div>
            ))}
          </details>
        </>
      )}
    </section>
  );
}
