/** The order builder: a titration plan -> a US Core MedicationRequest with its DetectedIssues. */
import type { OrderDraft } from './types.ts';
import type { OrderInput } from './input.ts';

/** Build the compounded MedicationRequest (one dosage per step) and one DetectedIssue per override. */
export function buildOrder(input: OrderInput): OrderDraft {
  void input;
  throw new Error('buildOrder: not implemented yet');
}
