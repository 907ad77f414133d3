/**
 * The order the app proposes to write: the contract between the order builder (core) and the order writer (edge).
 */
import type { DetectedIssue, Identifier, MedicationRequest } from 'fhir/r4';

export interface OrderDraft {
  /** Client-generated identifier, also used for conditional create (If-None-Exist) so a retry creates nothing new. */
  identifier: Identifier & { system: string; value: string };
  /**
   * One per overridden conflict, each with its own client-generated identifier. The writer creates these first;
   * `medicationRequest.detectedIssue` refers to them by `urn:uuid:<identifier.value>` placeholders that the writer
   * replaces with the server's references.
   */
  detectedIssues: DetectedIssue[];
  medicationRequest: MedicationRequest;
}
