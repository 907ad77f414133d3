/**
 * The chart for one hook call: from the prefetch the EHR sent, and for every key it did not send (or sent empty)
 * from `fhirServer` with the same chart reader the app uses. An empty or missing prefetch key means "not read",
 * never "none" (the public CDS Hooks sandbox sends empty prefetch when its FHIR server lacks POST _search); only
 * a searchset that says `total: 0` is taken as "none". A key that cannot be read either way becomes a gap, so the
 * card says the check was incomplete. Resources of another patient are dropped and recorded as a gap.
 */
import { emptyChart, readGap, type Chart, type ChartResourceType, type ReadGap } from '../../core/chart.ts';
import { bundleToChart } from '../../core/fhir/bundle-to-chart.ts';
import { readChart } from '../chart-reader.ts';
import type { FhirHttp } from '../types.ts';

type ListKey =
  | 'medicationRequests'
  | 'medicationStatements'
  | 'medicationDispenses'
  | 'medicationAdministrations'
  | 'conditions'
  | 'allergies'
  | 'serviceRequests'
  | 'procedures'
  | 'appointments';

/** Prefetch key -> the Chart list it fills and its type (keys of PREFETCH in discovery.ts). */
const LIST_KEYS: Readonly<Record<ListKey, ChartResourceType>> = {
  medicationRequests: 'MedicationRequest',
  medicationStatements: 'MedicationStatement',
  medicationDispenses: 'MedicationDispense',
  medicationAdministrations: 'MedicationAdministration',
  conditions: 'Condition',
  allergies: 'AllergyIntolerance',
  serviceRequests: 'ServiceRequest',
  procedures: 'Procedure',
  appointments: 'Appointment',
};

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (!isRec(v) || v.resourceType !== 'Bundle') return false;
  const entries = Array.isArray(v.entry) ? v.entry.length : 0;
  return entries === 0 && v.total !== 0;
}

/** The patient a resource is about ("Patient/x" -> "x"), when it says. */
function patientOf(r: Record<string, unknown>): string | undefined {
  const ref = isRec(r.subject) ? r.subject.reference : isRec(r.patient) ? r.patient.reference : undefined;
  return typeof ref === 'string' ? ref.slice(ref.lastIndexOf('Patient/') + 8) : undefined;
}

export interface PrefetchResult {
  chart: Chart;
  /** Keys read from fhirServer (for tests and stats). */
  fetched: string[];
}

export interface PrefetchOptions {
  /** The FhirHttp over fhirServer, when the EHR sent one this client may use. */
  http?: FhirHttp;
}

/** Builds the chart for `patientId` from `prefetch`, reading missing keys through `opts.http`. */
export async function chartForCall(
  prefetch: unknown,
  patientId: string,
  opts: PrefetchOptions = {},
): Promise<PrefetchResult> {
  const chart = emptyChart();
  const searched = new Set<ChartResourceType>();
  const given = isRec(prefetch) ? prefetch : {};
  const missing: string[] = [];
  const medIds = new Set<string>();
  const addMeds = (meds: Chart['medications']) => {
    for (const m of meds) {
      if (m.id && medIds.has(m.id)) continue;
      if (m.id) medIds.add(m.id);
      chart.medications.push(m);
    }
  };

  const patient = given.patient;
  if (isRec(patient) && patient.resourceType === 'Patient') {
    if (patient.id === patientId) chart.patient = patient as unknown as Chart['patient'];
    else chart.gaps.push(readGap('Patient', 'wrong-patient', { what: 'prefetch-wrong-patient' }));
    searched.add('Patient');
  } else missing.push('patient');

  for (const [key, type] of Object.entries(LIST_KEYS) as [ListKey, ChartResourceType][]) {
    const value = given[key];
    if (isEmpty(value)) {
      missing.push(key);
      continue;
    }
    const read = bundleToChart(value);
    if (!read.ok) {
      chart.gaps.push(readGap(type, 'malformed', { what: 'prefetch-not-bundle' }));
      continue;
    }
    const list = (read.value[key] as unknown as Record<string, unknown>[]).filter((r) => {
      const p = patientOf(r);
      return p === undefined || p === patientId;
    });
    const dropped = (read.value[key] as unknown[]).length - list.length;
    if (dropped)
      chart.gaps.push(readGap(type, 'wrong-patient', { what: 'prefetch-other-patient' }, undefined, dropped));
    (chart[key] as unknown[]).push(...list);
    addMeds(read.value.medications);
    chart.gaps.push(...read.value.gaps);
    searched.add(type);
  }

  // The Patient alone is not worth a full read: the card rules do not need it.
  if (missing.some((k) => k !== 'patient') && opts.http) {
    const read = await readChart(opts.http, patientId, { timeoutMs: 8000 });
    const types = new Set<ChartResourceType>(
      missing.map((k) => (k === 'patient' ? 'Patient' : LIST_KEYS[k as ListKey])),
    );
    for (const key of missing) {
      if (key === 'patient') {
        if (read.patient) chart.patient = read.patient;
      } else (chart[key as ListKey] as unknown[]).push(...(read[key as ListKey] as unknown[]));
    }
    addMeds(read.medications);
    chart.gaps.push(...read.gaps.filter((g: ReadGap) => types.has(g.resourceType) || g.resourceType === 'Medication'));
    for (const t of types) if (!read.searched || read.searched.includes(t)) searched.add(t);
  } else {
    for (const key of missing) {
      if (key === 'patient') continue; // the card rules do not need the Patient; its absence is no gap
      const type = LIST_KEYS[key as ListKey];
      chart.gaps.push(readGap(type, 'failed', { what: 'prefetch-missing', key }));
    }
  }
  searched.add('Medication');
  chart.searched = [...searched];
  return { chart, fetched: opts.http ? missing : [] };
}
