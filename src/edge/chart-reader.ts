/**
 * Reads the patient's chart for the assessment: the Patient and every search at once, every page, every
 * referenced medication, and an honest list of what could not be read. Never throws for a server's fault: each
 * one becomes a `ReadGap`, and a chart with a gap is incomplete (the core then refuses a clean verdict).
 *
 * Round trips: one for the Patient read and the nine searches together (in one FHIR batch where the issuer's
 * entry says the server takes one, src/edge/fhir/batch-first.ts; otherwise ten parallel GETs, which a browser
 * sends in two waves over its six connections), one more per extra page of the longest search (one in all where
 * the server pages by offset with a total), and one for medications the searches did not include (a batch). See
 * issue 6 item 1 and issue 14 item 1.
 */
import type { Medication, Resource } from 'fhir/r4';
import { emptyChart, type Chart, type ChartResourceType, type ReadGapParams } from '../core/chart.ts';
import type { FhirHttp, ReadProgress } from './types.ts';
import { searchAllPages, type SearchOutcome, type SearchSpec } from './fhir/bundle-paging.ts';
import { sameJson } from '../core/fhir/entry-checks.ts';
import { fetchMedications, findMissingMedications } from './fhir/medication-refs.ts';
import { nameWords, patientPath, readPatient } from './fhir/patient-read.ts';
import { batchFirstRequests, type BatchedHttp } from './fhir/batch-first.ts';

export interface ReadChartOptions {
  onProgress?: (p: ReadProgress) => void;
  /** Cancels every request (e.g. the screen closed); what was not read becomes gaps. */
  signal?: AbortSignal;
  /** Deadline for each request (default 20 000 ms). */
  timeoutMs?: number;
  /** `_count` asked of every search (default 1000; servers may give fewer per page). */
  pageSize?: number;
  /** Pages read per search at most (default 50); a search cut there becomes a 'truncated' gap. */
  maxPages?: number;
  /** Receives request counts after the read, for benchmarks and tests. */
  onStats?: (s: ReadStats) => void;
  /** The clock, for the Appointment search's lower date bound (default: now). */
  now?: Date;
  /**
   * "batch": the Patient read and every first page in one FHIR batch; "parallel": one GET each. Default: batch
   * when the port's capabilities say the server takes one, parallel otherwise.
   */
  reads?: 'batch' | 'parallel';
}

/** How the read went on the wire. */
export interface ReadStats {
  /** HTTP requests sent, including failed ones. */
  requests: number;
  /** Sequential round trips: the longest chain of requests that had to wait for one another. */
  roundTrips: number;
  /** Pages read per search type. */
  pages: Partial<Record<ChartResourceType, number>>;
}

/**
 * Every MedicationRequest status (R4 medicationrequest-status), asked for explicitly: Epic, for one, returns only
 * active orders unless the search names the statuses (../shared/research/smart-on-fhir.md), and a stopped or
 * completed opioid order still matters for the washout window.
 */
export const MEDICATION_REQUEST_STATUSES = [
  'active',
  'on-hold',
  'cancelled',
  'completed',
  'entered-in-error',
  'stopped',
  'draft',
  'unknown',
] as const;

/**
 * Planned procedures, by the states FHIR R4 gives a plan that has not happened yet (issue 9 item 1):
 * ServiceRequest draft/active (request-status), Procedure preparation/in-progress (event-status), Appointment
 * proposed/pending/booked (appointmentstatus). Each is a token search every major server supports on `status`.
 */
export const PLANNED_STATUSES = {
  ServiceRequest: ['draft', 'active'],
  Procedure: ['preparation', 'in-progress'],
  Appointment: ['proposed', 'pending', 'booked'],
} as const;

/** The day before `now` (YYYY-MM-DD, UTC): an Appointment search bound that no time zone can push past today. */
function dayBefore(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/** The nine searches, with their first-page paths. */
export function chartSearches(patientId: string, pageSize: number, now: Date = new Date()): SearchSpec[] {
  const patient = `patient=${encodeURIComponent(patientId)}&_count=${pageSize}`;
  const spec = (resourceType: ChartResourceType, extra = ''): SearchSpec => ({
    resourceType,
    path: `${resourceType}?${patient}${extra}`,
    includeTypes: [],
    patientId,
  });
  const withMedication = (
    type: 'MedicationRequest' | 'MedicationStatement' | 'MedicationDispense' | 'MedicationAdministration',
    extra = '',
  ): SearchSpec => ({
    ...spec(type, `${extra}&_include=${type}:medication`),
    includeTypes: ['Medication'],
  });
  const status = (values: readonly string[]) => `&status=${values.join(',')}`;
  return [
    spec('Condition'),
    withMedication('MedicationRequest', status(MEDICATION_REQUEST_STATUSES)),
    withMedication('MedicationStatement'),
    withMedication('MedicationDispense'),
    withMedication('MedicationAdministration'),
    // Every allergy status: the core decides which count (refuted and entered-in-error do not).
    spec('AllergyIntolerance'),
    spec('ServiceRequest', status(PLANNED_STATUSES.ServiceRequest)),
    spec('Procedure', status(PLANNED_STATUSES.Procedure)),
    spec('Appointment', `${status(PLANNED_STATUSES.Appointment)}&date=ge${dayBefore(now)}`),
  ];
}

/** The types a full read covers: the Patient, the searched types and the Medications they refer to. */
export function readTypes(specs: readonly SearchSpec[]): ChartResourceType[] {
  return ['Patient', ...specs.map((s) => s.resourceType), 'Medication'];
}

/**
 * Reads the Patient and Condition, MedicationRequest (all statuses), MedicationStatement, MedicationDispense,
 * MedicationAdministration, AllergyIntolerance and the planned ServiceRequests, Procedures and Appointments for
 * `patientId`, with their Medications, and reports progress as pages arrive.
 */
export async function readChart(http: FhirHttp, patientId: string, opts: ReadChartOptions = {}): Promise<Chart> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxPages = opts.maxPages ?? 50;
  const specs = chartSearches(patientId, opts.pageSize ?? 1000, opts.now ?? new Date());
  const signal = opts.signal ? { signal: opts.signal } : {};
  const reads = opts.reads ?? (http.capabilities?.batchReads === true ? 'batch' : 'parallel');
  const batched: BatchedHttp | undefined =
    reads === 'batch'
      ? batchFirstRequests(http, [patientPath(patientId), ...specs.map((s) => s.path)], { timeoutMs, ...signal })
      : undefined;
  const first: FhirHttp = batched ?? http;

  const totals = new Map<number, number | undefined>();
  let loaded = 0;
  let pending = specs.length;
  const report = (): void => {
    if (!opts.onProgress) return;
    const known = [...totals.values()];
    const total =
      known.length === specs.length && known.every((t) => t !== undefined)
        ? known.reduce((a, b) => a! + b!, 0)
        : undefined;
    opts.onProgress({ loaded, pending, ...(total !== undefined ? { total } : {}) });
  };
  report();

  const patientRead = readPatient(first, patientId, { timeoutMs, ...signal });
  const outcomes = await Promise.all(
    specs.map(async (spec, i): Promise<SearchOutcome> => {
      const outcome = await searchAllPages(first, spec, {
        timeoutMs,
        maxPages,
        ...signal,
        onPage: (page) => {
          if (page.pageNumber === 1) totals.set(i, page.total);
          loaded += page.newMatches;
          report();
        },
      });
      if (!totals.has(i)) totals.set(i, undefined);
      pending -= 1;
      report();
      return outcome;
    }),
  );
  const person = await patientRead;

  const chart = emptyChart();
  chart.searched = readTypes(specs);
  if (person.patient) chart.patient = person.patient;
  chart.gaps.push(...person.gaps);
  const medications = new Map<string, Medication[]>();
  const keepMedication = (m: Medication): void => {
    const versions = medications.get(m.id!) ?? [];
    if (!versions.some((v) => sameJson(v, m))) versions.push(m);
    medications.set(m.id!, versions);
  };
  const stats: ReadStats = { requests: 1, roundTrips: 1, pages: {} };
  const names = nameWords(person.patient);
  for (const o of outcomes) {
    stats.requests += o.requests;
    stats.roundTrips = Math.max(stats.roundTrips, o.roundTrips);
    stats.pages[o.spec.resourceType] = o.pages;
    // A server's words are quoted only when they cannot be this patient's name (gaps carry no patient data).
    for (const q of o.quoted)
      if (names.some((w) => new RegExp(`(^|[^\\p{L}])${w}($|[^\\p{L}])`, 'iu').test(q.text))) {
        const { technical: _dropped, ...facts } = q.gap.params;
        q.gap.params = facts as ReadGapParams;
      }
    chart.gaps.push(...o.gaps);
    for (const r of o.included) if (r.resourceType === 'Medication') keepMedication(r as Medication);
    const list = listFor(chart, o.spec.resourceType);
    if (list) for (const r of o.matches) list.push(r);
  }
  if (batched) {
    // The batch was one request in place of the GETs it answered; a refused batch cost one round trip more.
    stats.requests += 1 - batched.served();
    if (batched.refused()) stats.roundTrips += 1;
  }

  const users = [
    ...chart.medicationRequests,
    ...chart.medicationStatements,
    ...chart.medicationDispenses,
    ...chart.medicationAdministrations,
  ];
  const missing = findMissingMedications(
    users,
    new Set([...medications.keys()].map((id) => `Medication/${id}`)),
    http.baseUrl,
  );
  chart.gaps.push(...missing.gaps);
  if (missing.toRead.size > 0) {
    pending += 1;
    report();
    const fetched = await fetchMedications(http, missing.toRead, { timeoutMs, ...signal });
    for (const m of fetched.medications) keepMedication(m);
    chart.gaps.push(...fetched.gaps);
    stats.requests += fetched.requests;
    stats.roundTrips += fetched.roundTrips;
    pending -= 1;
    report();
  }
  chart.medications = [...medications.values()].flat();
  opts.onStats?.(stats);
  return chart;
}

/** The chart list a search's matches go to (the search already kept one copy per distinct version). */
function listFor(chart: Chart, type: ChartResourceType): Resource[] | undefined {
  const lists: Partial<Record<ChartResourceType, Resource[]>> = {
    Condition: chart.conditions,
    MedicationRequest: chart.medicationRequests,
    MedicationStatement: chart.medicationStatements,
    MedicationDispense: chart.medicationDispenses,
    MedicationAdministration: chart.medicationAdministrations,
    AllergyIntolerance: chart.allergies,
    ServiceRequest: chart.serviceRequests,
    Procedure: chart.procedures,
    Appointment: chart.appointments,
  };
  return lists[type];
}
