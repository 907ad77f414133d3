/**
 * What the order builder needs besides the plan: who, when, why, and the client-generated identifiers.
 * The core has no crypto and no clock: the caller passes the uuid values and `now`.
 */
import type { Reference } from 'fhir/r4';
import type { Conflict } from '../assess/types.ts';
import type { TitrationPlan } from '../titration/types.ts';

/** A conflict the clinician chose to override, with the reason; becomes one DetectedIssue. */
export interface OrderOverride {
  conflict: Conflict;
  /** The clinician's reason, recorded as DetectedIssue.mitigation. */
  reason: string;
  /** Who overrode it (e.g. the fhirUser "Practitioner/123"); defaults to the order's requester. */
  author?: string;
}

export interface OrderInput {
  plan: TitrationPlan;
  /** 'draft' until the clinician signs, 'active' when signed. */
  status: 'draft' | 'active';
  /** The patient, e.g. "Patient/123". */
  patient: string;
  /** The launching clinician (fhirUser), e.g. "Practitioner/123", when known. */
  requester?: string;
  /** The encounter in the launch context, e.g. "Encounter/9", when there is one. */
  encounter?: string;
  /** The candidacy Conditions the order treats, e.g. [{ reference: "Condition/5", display: "Fibromyalgia" }]. */
  reasons?: Reference[];
  /** ISO dateTime: authoredOn, and the date of each override's mitigation. */
  now: string;
  /** Client-generated uuid values: one for the order, one per override (same order as `overrides`). */
  ids: { order: string; detectedIssues?: string[] };
  overrides?: OrderOverride[];
  /** Liquid only: where it is kept, which sets the beyond-use note (30 days room temperature, 60 refrigerated). */
  storage?: 'room-temperature' | 'refrigerated';
  /** Capsules only: the filler (inactive ingredient). Default microcrystalline cellulose. */
  capsuleFiller?: string;
}

/** The identifier systems of what the app writes (client-generated ids for conditional create). */
export const ORDER_IDENTIFIER_SYSTEM = 'urn:ldn-app:medication-request';
export const DETECTED_ISSUE_IDENTIFIER_SYSTEM = 'urn:ldn-app:detected-issue';
