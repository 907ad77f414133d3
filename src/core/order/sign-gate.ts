/**
 * The signature gate (issue 10 item 2): whether "Sign and send" is offered, whether it may be pressed, and why
 * not. Pure, so the screen only renders the decision and tests can go through every case.
 *
 * Fail safe: while the chart read is incomplete, conflicts may be missing, so signing needs the clinician's
 * explicit acknowledgement with a reason (recorded in the order's note and, where permitted, a DetectedIssue).
 * Without permission to create a MedicationRequest, Sign is not offered at all: the printable order and the FHIR
 * JSON are. An LDN order already active in the chart must be answered first (continue, replace or cancel): never
 * a silent second concurrent order.
 */
import type { Assessment } from '../assess/types.ts';
import type { ReadGap } from '../chart.ts';
import { scopeAllows } from '../smart/scopes.ts';

/** The clinician's answer to an LDN order already in the chart. */
export type ExistingOrderChoice = 'continue' | 'replace' | 'cancel';

/** Why the Sign button is not enabled, first reason first. */
export type SignBlock =
  /** The session may not create MedicationRequests: Sign is not offered; print and download are. */
  | 'no-create-permission'
  /** An existing LDN order is in the chart and the clinician has not said what to do with it. */
  | 'existing-order-undecided'
  /** The clinician chose to continue the existing order or to cancel: no new order is written. */
  | 'no-new-order'
  /** The plan is not complete yet (no preset, invalid fields) or the order could not be built. */
  | 'plan-incomplete'
  /** A contraindicated or major conflict has no override with a reason yet. */
  | 'overrides-missing'
  /** The read is incomplete and the acknowledgement is not ticked or has no reason. */
  | 'acknowledgement-missing';

export interface SignGateInput {
  assessment: Pick<Assessment, 'complete' | 'gaps'>;
  grantedScopes: readonly string[];
  /** An order is built and ready to send (the plan is valid). */
  orderReady: boolean;
  overridesComplete: boolean;
  /** Active or on-hold LDN orders found in the chart (count is enough here). */
  existingOrders: number;
  existingChoice?: ExistingOrderChoice | undefined;
  acknowledgement?: { checked: boolean; reason: string } | undefined;
  /**
   * Words a gap as the screen says it (its strings module); the core carries only the gap's facts. Called without
   * a gap for a read that is incomplete with no gap recorded.
   */
  describeGap: (gap?: ReadGap) => string;
}

export interface SignGate {
  /** Show the Sign button at all (false without create permission, or when no new order is to be written). */
  offerSign: boolean;
  /** The button may be pressed. */
  maySign: boolean;
  /** The read is incomplete: the acknowledgement (with a reason) is asked for and will be recorded. */
  needsAcknowledgement: boolean;
  /** What was not read, one plain line per part (the gaps in words), for the screen and the order's note. */
  notRead: string[];
  /** The first reason signing is not possible, when it is not. */
  blocked?: SignBlock;
  /** DetectedIssue records may be created in this session (else overrides and the acknowledgement go to the note). */
  detectedIssuesPermitted: boolean;
}

/** One line per distinct gap; a generic line when the read is incomplete without a recorded gap. */
export function notReadLines(
  gaps: readonly ReadGap[],
  complete: boolean,
  describeGap: (gap?: ReadGap) => string,
): string[] {
  const lines = [...new Set(gaps.map((g) => describeGap(g).trim()).filter(Boolean))];
  if (lines.length === 0 && !complete) lines.push(describeGap());
  return lines;
}

export function signGate(input: SignGateInput): SignGate {
  const needsAcknowledgement = !input.assessment.complete || input.assessment.gaps.length > 0;
  const notRead = needsAcknowledgement
    ? notReadLines(input.assessment.gaps, input.assessment.complete, input.describeGap)
    : [];
  const detectedIssuesPermitted = scopeAllows(input.grantedScopes, 'DetectedIssue', 'c');
  const base = { needsAcknowledgement, notRead, detectedIssuesPermitted };
  const block = (blocked: SignBlock, offerSign: boolean): SignGate => ({ ...base, offerSign, maySign: false, blocked });

  if (!scopeAllows(input.grantedScopes, 'MedicationRequest', 'c')) return block('no-create-permission', false);
  if (input.existingOrders > 0) {
    if (!input.existingChoice) return block('existing-order-undecided', true);
    if (input.existingChoice !== 'replace') return block('no-new-order', false);
  }
  if (!input.orderReady) return block(input.overridesComplete ? 'plan-incomplete' : 'overrides-missing', true);
  if (!input.overridesComplete) return block('overrides-missing', true);
  if (needsAcknowledgement) {
    const ack = input.acknowledgement;
    if (!ack?.checked || ack.reason.trim() === '') return block('acknowledgement-missing', true);
  }
  return { ...base, offerSign: true, maySign: true };
}
