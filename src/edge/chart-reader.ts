/**
 * Reads the patient's chart for the assessment: every search at once, every page, every referenced medication,
 * and an honest list of what could not be read. Never throws for a server's fault: each one becomes a `ReadGap`,
 * and a chart with a gap is incomplete (the core then refuses a clean verdict).
 *
 * Round trips: one for the five searches together, one more per extra page of the longest search, and one for
 * medications the searches did not include (a batch). See issue 6 item 1.
 */
import type { Medication, MedicationAdministration, MedicationDispense, MedicationRequest, MedicationStatement, Resource } from 'fhir/r4';
import { emptyChart, type Chart, type ChartResourceType } from '../core/chart.ts';
import type { FhirHttp, ReadProgress } from './types.ts';
import { searchAllPages, type SearchOutcome, type SearchSpec } from './fhir/bundle-paging.ts';
import { fetchMedications, findMissingMedications } from './fhir/medication-refs.ts';

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
export const MEDICATION_REQUEST_STATUSES = ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown'] as const;

/** The five searches, with their first-page paths. */
export function chartSearches(patientId: string, pageSize: number): SearchSpec[] {
  const patient = `patient=${encodeURIComponent(patientId)}&_count=${pageSize}`;
  const withMedication = (type: 'MedicationRequest' | 'MedicationStatement' | 'MedicationDispense' | 'MedicationAdministration', extra = ''): SearchSpec => ({
    resourceType: type,
    path: `${type}?${patient}${extra}&_include=${type}:medication`,
    includeTypes: ['Medication'],
  });
  return [
    { resourceType: 'Condition', path: `Condition?${patient}`, includeTypes: [] },
    withMedication('MedicationRequest', `&status=${MEDICATION_REQUEST_STATUSES.join(',')}`),
    withMedication('MedicationStatement'),
    withMedication('MedicationDispense'),
    withMedication('MedicationAdministration'),
  ];
}

/**
 * Reads Condition, MedicationRequest (all statuses), MedicationStatement, MedicationDispense and
 * MedicationAdministration for `patientId`, with their Medications, and reports progress as pages arrive.
 */
export async function readChart(
  http: FhirHttp,
  patientId: string,
  opts: ReadChartOptions = {},
): Promise<Chart> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxPages = opts.maxPages ?? 50;
  const specs = chartSearches(patientId, opts.pageSize ?? 1000);
  const signal = opts.signal ? { signal: opts.signal } : {};

  const totals = new Map<number, number | undefined>();
  let loaded = 0;
  let pending = specs.length;
  const report = (): void => {
    if (!opts.onProgress) return;
    const known = [...totals.values()];
    const total = known.length === specs.length && known.every((t) => t !== undefined) ? known.reduce((a, b) => a! + b!, 0) : undefined;
    opts.onProgress({ loaded, pending, ...(total !== undefined ? { total } : {}) });
  };
  report();

  const outcomes = await Promise.all(
    specs.map(async (spec, i): Promise<SearchOutcome> => {
      const outcome = await searchAllPages(http, spec, {
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

  const chart = emptyChart();
  const medications = new Map<string, Medication>();
  const stats: ReadStats = { requests: 0, roundTrips: 0, pages: {} };
  for (const o of outcomes) {
    stats.requests += o.requests;
    stats.roundTrips = Math.max(stats.roundTrips, o.requests);
    stats.pages[o.spec.resourceType] = o.pages;
    chart.gaps.push(...o.gaps);
    for (const r of o.included) if (r.resourceType === 'Medication') medications.set(r.id!, r as Medication);
    addMatches(chart, o.spec.resourceType, o.matches);
  }

  const users = [...chart.medicationRequests, ...chart.medicationStatements, ...chart.medicationDispenses, ...chart.medicationAdministrations];
  const missing = findMissingMedications(users, new Set([...medications.keys()].map((id) => `Medication/${id}`)), http.baseUrl);
  chart.gaps.push(...missing.gaps);
  if (missing.toRead.size > 0) {
    pending += 1;
    report();
    const fetched = await fetchMedications(http, missing.toRead, { timeoutMs, ...signal });
    for (const m of fetched.medications) medications.set(m.id!, m);
    chart.gaps.push(...fetched.gaps);
    stats.requests += fetched.requests;
    stats.roundTrips += fetched.roundTrips;
    pending -= 1;
    report();
  }
  chart.medications = [...medications.values()];
  opts.onStats?.(stats);
  return chart;
}

/** Adds a search's matches to the chart, skipping any resource already there (same type and id). */
function addMatches(chart: Chart, type: ChartResourceType, matches: Resource[]): void {
  const target = listFor(chart, type);
  if (!target) return;
  const seen = new Set(target.map((r) => r.id));
  for (const r of matches) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    target.push(r);
  }
}

function listFor(chart: Chart, type: ChartResourceType): Resource[] | undefined {
  switch (type) {
    case 'Condition':
      return chart.conditions;
    case 'MedicationRequest':
      return chart.medicationRequests as MedicationRequest[];
    case 'MedicationStatement':
      return chart.medicationStatements as MedicationStatement[];
    case 'MedicationDispense':
      return chart.medicationDispenses as MedicationDispense[];
    case 'MedicationAdministration':
      return chart.medicationAdministrations as MedicationAdministration[];
    default:
      return undefined;
  }
}
