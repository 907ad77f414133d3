/**
 * The FHIR interactions the app uses, per resource type: the chart reader's searches, the order writer's creates.
 * check-server compares a CapabilityStatement against this list (FHIR R4 capabilitystatement.html: rest.resource
 * interaction codes "read", "search-type", "create"; searchParam names; searchInclude). Why each is needed, in
 * words, is in strings.ts.
 */
import type { ChartResourceType } from '../chart.ts';

/** The resource types the chart reader reads (the chart's own list). */
export type ReadType = ChartResourceType;

/** The resource types the order writer creates. */
export type CreateType = 'MedicationRequest' | 'DetectedIssue';

export interface ResourceNeed {
  type: ReadType;
  /** Interactions used: read (by id) and/or search-type. */
  read: boolean;
  search: boolean;
  searchParams: string[];
  includes: string[];
  /** Without it the app cannot read a chart at all. */
  essential: boolean;
}

export const RESOURCE_NEEDS: readonly ResourceNeed[] = [
  {
    type: 'Patient',
    read: true,
    search: true,
    searchParams: ['name'],
    includes: [],
    essential: true,
  },
  {
    type: 'Condition',
    read: false,
    search: true,
    searchParams: ['patient'],
    includes: [],
    essential: true,
  },
  {
    type: 'MedicationRequest',
    read: false,
    search: true,
    searchParams: ['patient', 'status'],
    includes: ['MedicationRequest:medication'],
    essential: true,
  },
  {
    type: 'MedicationStatement',
    read: false,
    search: true,
    searchParams: ['patient'],
    includes: [],
    essential: false,
  },
  {
    type: 'MedicationDispense',
    read: false,
    search: true,
    searchParams: ['patient'],
    includes: [],
    essential: false,
  },
  {
    type: 'MedicationAdministration',
    read: false,
    search: true,
    searchParams: ['patient'],
    includes: [],
    essential: false,
  },
  {
    type: 'Medication',
    read: true,
    search: false,
    searchParams: [],
    includes: [],
    essential: false,
  },
  // Issue 9 item 1: allergies and planned procedures. Not essential (the chart can be read without them), but a
  // server without them gives incomplete assessments, like the other non-essential searches.
  {
    type: 'AllergyIntolerance',
    read: false,
    search: true,
    searchParams: ['patient'],
    includes: [],
    essential: false,
  },
  {
    type: 'ServiceRequest',
    read: false,
    search: true,
    searchParams: ['patient', 'status'],
    includes: [],
    essential: false,
  },
  {
    type: 'Procedure',
    read: false,
    search: true,
    searchParams: ['patient', 'status'],
    includes: [],
    essential: false,
  },
  {
    type: 'Appointment',
    read: false,
    search: true,
    searchParams: ['patient', 'status', 'date'],
    includes: [],
    essential: false,
  },
];

/** Resource types the app creates: the order, then the conflicts the clinician overrode. */
export const CREATE_NEEDS: readonly CreateType[] = ['MedicationRequest', 'DetectedIssue'];
