/**
 * Sorts the resources of a FHIR Bundle (a patient's $everything, a searchset, a collection or a transaction) into a
 * Chart. Unknown resource types are ignored. A resource of a chart type whose fields have the wrong JSON type is
 * skipped and recorded as a 'malformed' gap; a searchset that still has a "next" page is 'truncated'. The chart's
 * `searched` lists the chart types present in the Bundle, so the core can say what was not part of it ("allergies
 * not checked") instead of treating an absent type as "none" (issue 9 item 5). Pure.
 */
import type { Chart, ChartResourceType, ReadGap } from '../chart.ts';
import { emptyChart, readGap } from '../chart.ts';
import { problem, type InputCode, type Problem } from '../problem.ts';
import { err, ok, type Result } from '../result.ts';
import { arr, isRecord, str, type Rec } from './read.ts';

const LISTS = {
  Condition: 'conditions',
  MedicationRequest: 'medicationRequests',
  MedicationStatement: 'medicationStatements',
  MedicationDispense: 'medicationDispenses',
  MedicationAdministration: 'medicationAdministrations',
  Medication: 'medications',
  AllergyIntolerance: 'allergies',
  ServiceRequest: 'serviceRequests',
  Procedure: 'procedures',
  Appointment: 'appointments',
} as const;

type ListType = keyof typeof LISTS;

/** Fields that must be objects (when present) and fields that must be strings (when present). */
const OBJECT_FIELDS = [
  'code',
  'medicationCodeableConcept',
  'medicationReference',
  'subject',
  'patient',
  'clinicalStatus',
  'verificationStatus',
  'dispenseRequest',
  'effectivePeriod',
  'occurrencePeriod',
  'performedPeriod',
];
const STRING_FIELDS = [
  'id',
  'status',
  'authoredOn',
  'effectiveDateTime',
  'whenHandedOver',
  'recordedDate',
  'onsetDateTime',
  'abatementDateTime',
  'occurrenceDateTime',
  'performedDateTime',
  'start',
  'end',
  'lastOccurrence',
];
/** Fields that must be lists (when present). */
const LIST_FIELDS = ['ingredient', 'participant', 'reaction', 'reasonCode', 'serviceType'];

/** The first field of the wrong shape, and the shape it should have had (a gap's facts). */
function shapeProblem(r: Rec): { field: string; expected: 'object' | 'string' | 'list' } | undefined {
  for (const f of OBJECT_FIELDS) if (f in r && !isRecord(r[f])) return { field: f, expected: 'object' };
  for (const f of STRING_FIELDS) if (f in r && typeof r[f] !== 'string') return { field: f, expected: 'string' };
  for (const f of LIST_FIELDS) if (f in r && !Array.isArray(r[f])) return { field: f, expected: 'list' };
  return undefined;
}

const isListType = (t: string): t is ListType => t in LISTS;

function typeFromUrl(fullUrl: unknown): ChartResourceType | undefined {
  const url = str(fullUrl);
  if (!url) return undefined;
  for (const t of [...Object.keys(LISTS), 'Patient'] as ChartResourceType[]) if (url.includes(`${t}/`)) return t;
  return undefined;
}

/** The Chart in a Bundle, or why the input is not a Bundle (an `input/*` problem, worded by the caller). */
export function bundleToChart(input: unknown): Result<Chart, Problem<InputCode>> {
  if (!isRecord(input)) return err(problem('input/not-object', 'error'));
  if (input.resourceType !== 'Bundle') {
    const type = typeof input.resourceType === 'string' ? { resourceType: input.resourceType } : undefined;
    return err(problem('input/not-bundle', 'error', type));
  }
  const chart = emptyChart();
  const gaps: ReadGap[] = [];
  let firstType: ChartResourceType | undefined;
  const present = new Set<ChartResourceType>();
  const patients: Rec[] = [];
  arr(input.entry).forEach((entry, i) => {
    const resource = isRecord(entry) ? entry.resource : undefined;
    if (isRecord(entry) && resource === undefined) return; // request/response-only entries carry no data
    const fromUrl = isRecord(entry) ? typeFromUrl(entry.fullUrl) : undefined;
    if (!isRecord(resource) || typeof resource.resourceType !== 'string') {
      const facts = { what: 'bundle-entry-unreadable' as const, index: i, ...(fromUrl ? {} : { typeUnknown: 1 }) };
      gaps.push(readGap(fromUrl ?? 'Patient', 'malformed', facts));
      return;
    }
    const type = resource.resourceType;
    if (type === 'Patient') {
      present.add('Patient');
      patients.push(resource);
      return;
    }
    if (!isListType(type)) return;
    present.add(type);
    firstType ??= type;
    const problem = shapeProblem(resource);
    if (problem) {
      const id = str(resource.id);
      const facts = { what: 'entry-skipped' as const, index: i, ...problem };
      gaps.push(readGap(type, 'malformed', facts, id ? `${type}/${id}` : undefined));
      return;
    }
    (chart[LISTS[type]] as unknown[]).push(resource);
  });
  const next = arr(input.link).find((l) => isRecord(l) && l.relation === 'next');
  if (next && input.type === 'searchset') {
    gaps.push(readGap(firstType ?? 'Patient', 'truncated', { what: 'more-pages' }));
  }
  chart.gaps.push(...gaps);
  // The Bundle's patient, when it holds exactly one (a $everything does); several leave the banner's source unset.
  if (patients.length === 1 && typeof patients[0]!.id === 'string')
    chart.patient = patients[0] as unknown as NonNullable<Chart['patient']>;
  chart.searched = [...present];
  return ok(chart);
}
