/**
 * Order review: every element that will be sent, read from the resource itself (OrderPreview), and the exact JSON
 * behind a toggle. Signing (the button, its gate and the write's outcome) is in SignPanel.tsx.
 */
import type { OrderDraft } from '../../core/order/types.ts';
import { P } from '../strings-plan.ts';
import { OrderPreview } from './OrderPreview.tsx';

export interface OrderReviewProps {
  order: OrderDraft | undefined;
  /** Why signing is not possible yet (overrides missing), shown next to the button. */
  blockedReason?: string | undefined;
  /** Unused since the preview reads the resource itself; kept so callers need not change. */
  summaryLines?: (draft: OrderDraft) => string[];
}

export function OrderReview(props: OrderReviewProps) {
  const { order } = props;
  return (
    <section class="review" aria-labelledby="review-h">
      <h2 id="review-h">{P.reviewHeading}</h2>
      {!order ? (
        <p>{props.blockedReason === P.overrideMissing ? P.reviewNeedsOverrides : P.reviewNotReady}</p>
      ) : (
        <OrderPreview order={order} />
      )}
    </section>
  );
}
