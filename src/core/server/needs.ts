/**
 * The FHIR interactions the app uses, per resource type: the chart reader's searches, the order writer's creates.
 * check-server compares a CapabilityStatement against this list (FHIR R4 capabilitystatement.html: rest.resource
 * interaction codes "read", "search-type", "create"; searchParam names; searchInclude).
 */

export interface ResourceNeed {
  type: string;
  /** Interactions used: read (by id) and/or search-type. */
  read: boolean;
  search: boolean;
  searchParams: string[];
  includes: string[];
  /** Without it the app cannot read a chart at all. */
  essential: boolean;
  why: string;
}

export const RESOURCE_NEEDS: readonly ResourceNeed[] = [
  {
    type: 'Patient',
    read: true,
    search: true,
    searchParams: ['name'],
    includes: [],
    essential: true,
    why: 'patient banner; the standalone picker searches by name',
  },
  {
    type: 'Condition',
    read: false,
    search: true,
    searchParams: ['patient'],
    includes: [],
    essential: true,
    why: 'charted conditions',
  },
  {
    type: 'MedicationRequest',
    read: false,
    search: true,
    searchParams: ['patient', 'status'],
    includes: ['MedicationRequest:medication'],
    essential: true,
    why: 'orders (opioids, antagonists)',
  },
  {
    type: 'MedicationStatement',
    read: false,
    search: true,
    searchParams: ['patient'],
    includes: [],
    essential: false,
    why: 'reported medications',
  },
  {
    type: 'MedicationDispense',
    read: false,
    search: true,
    searchParams: ['patient'],
    includes: [],
    essential: false,
    why: 'fills inside the opioid washout window',
  },
  {
    type: 'MedicationAdministration',
    read: false,
    search: true,
    searchParams: ['patient'],
    includes: [],
    essential: false,
    why: 'administered doses inside the washout window',
  },
  {
    type: 'Medication',
    read: true,
    search: false,
    searchParams: [],
    includes: [],
    essential: false,
    why: 'medications that orders refer to',
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
    why: 'allergies (naltrexone hypersensitivity)',
  },
  {
    type: 'ServiceRequest',
    read: false,
    search: true,
    searchParams: ['patient', 'status'],
    includes: [],
    essential: false,
    why: 'planned surgery and procedures',
  },
  {
    type: 'Procedure',
    read: false,
    search: true,
    searchParams: ['patient', 'status'],
    includes: [],
    essential: false,
    why: 'procedures in preparation',
  },
  {
    type: 'Appointment',
    read: false,
    search: true,
    searchParams: ['patient', 'status', 'date'],
    includes: [],
    essential: false,
    why: 'booked procedure appointments',
  },
];

/** Resource types the app creates, with why. */
export const CREATE_NEEDS = [
  { type: 'MedicationRequest', why: 'the compounded LDN order' },
  { type: 'DetectedIssue', why: 'conflicts the clinician overrode' },
] as const;
