/** Shapes for servers that cannot take the full order. */
import type { OrderDraft } from './types.ts';

/** Oracle Health shape: reported medication, one dosage carrying the whole plan in text. */
export function reportedOnlyOrder(draft: OrderDraft): OrderDraft {
  void draft;
  throw new Error('reportedOnlyOrder: not implemented yet');
}

/** The order as readable lines, for review before signing and for print. */
export function orderSummaryLines(draft: OrderDraft): string[] {
  void draft;
  return [];
}

/** The order as one printable text. */
export function orderAsText(draft: OrderDraft): string {
  return orderSummaryLines(draft).join('\n');
}
