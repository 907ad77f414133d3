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

/**
 * Signing while the chart read is incomplete (issue 10 item 2): the clinician's explicit acknowledgement, with a
 * reason. It goes into the order's note and, when `ids.acknowledgement` is given, into its own DetectedIssue.
 */
export interface IncompleteAcknowledgement {
  /** The clinician's reason for signing anyway. */
  reason: string;
  /** What could not be read, in plain words, one line per part (no patient data beyond ids). */
  notRead: string[];
  /** Who acknowledged (fhirUser); defaults to the order's requester. */
  author?: string;
}

export interface OrderInput {
  plan: TitrationPlan;
  /** 'draft' until the clinician signs, 'active' when signed. */
  status: 'draft' | 'active';
  /** The patient, e.g. "Patient/123". */
  patient: string;
  /** The patient's name as read from the server, shown as subject.display (names, not references, on review and print). */
  patientName?: string;
  /** The launching clinician (fhirUser), e.g. "Practitioner/123", when known. */
  requester?: string;
  /** The prescriber's name (Practitioner.name or the id_token's name), shown as requester.display (issue 11 item 3). */
  requesterName?: string;
  /** The dispensing pharmacy the clinician picked (an Organization on the server): dispenseRequest.performer. */
  pharmacy?: Reference;
  /** The encounter in the launch context, e.g. "Encounter/9", when there is one. */
  encounter?: string;
  /** The candidacy Conditions the order treats, e.g. [{ reference: "Condition/5", display: "Fibromyalgia" }]. */
  reasons?: Reference[];
  /** ISO dateTime: authoredOn, and the date of each override's mitigation. */
  now: string;
  /**
   * Client-generated uuid values: one for the order, one per override (same order as `overrides`), and one for the
   * acknowledgement's DetectedIssue when the clinician signed on an incomplete read.
   */
  ids: { order: string; detectedIssues?: string[]; acknowledgement?: string };
  /** Signed on an incomplete read: the acknowledgement (note, and a DetectedIssue when ids.acknowledgement is set). */
  acknowledgement?: IncompleteAcknowledgement;
  /** The earlier LDN order this one replaces (MedicationRequest.priorPrescription), e.g. "MedicationRequest/42". */
  priorPrescription?: Reference;
  overrides?: OrderOverride[];
  /** Liquid only: where it is kept, which sets the beyond-use note (30 days room temperature, 60 refrigerated). */
  storage?: 'room-temperature' | 'refrigerated';
  /** Capsules only: the filler (inactive ingredient). Default microcrystalline cellulose. */
  capsuleFiller?: string;
}

/** The identifier systems of what the app writes (client-generated ids for conditional create). */
export const ORDER_IDENTIFIER_SYSTEM = 'urn:ldn-app:medication-request';
export const DETECTED_ISSUE_IDENTIFIER_SYSTEM = 'urn:ldn-app:detected-issue';
