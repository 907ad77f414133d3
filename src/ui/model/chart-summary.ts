/**
 * "What was read": the chart's conditions and medication records as names, so the clinician can see what the
 * verdict rests on (as the AHRQ Pain Management Summary shows what it queried). Names are text, never markup.
 */
import type { AllergyIntolerance, Appointment, CodeableConcept, Condition, Medication, Reference } from 'fhir/r4';
import type { Chart } from '../../core/chart.ts';
import { medicationUses, type MedUse } from '../../core/assess/medication-uses.ts';

export type { MedUse };

export interface ReadItem {
  resourceType: string;
  name: string;
  status?: string;
}

export interface ChartSummary {
  total: number;
  /** At most `limit` items, conditions first. */
  items: ReadItem[];
  more: number;
  /** Every opioid and antagonist record, however old (the timeline shows the recent ones, names the last old one). */
  uses?: MedUse[];
}

function conceptName(c: CodeableConcept | undefined): string | undefined {
  return c?.text ?? c?.coding?.find((x) => x.display)?.display ?? c?.coding?.find((x) => x.code)?.code;
}

type WithMedication = {
  medicationCodeableConcept?: CodeableConcept;
  medicationReference?: Reference;
  contained?: { resourceType: string; id?: string }[];
};

function medicationName(r: WithMedication, byId: Map<string, Medication>): string {
  const fromConcept = conceptName(r.medicationCodeableConcept);
  if (fromConcept) return fromConcept;
  const ref = r.medicationReference?.reference ?? '';
  const med = ref.startsWith('#')
    ? (r.contained?.find((c) => c.resourceType === 'Medication' && c.id === ref.slice(1)) as Medication | undefined)
    : byId.get(ref.replace(/^.*Medication\//, ''));
  return conceptName(med?.code) ?? r.medicationReference?.display ?? '(unnamed medication)';
}

/**
 * What was read, in this order: conditions, medication records (requests, statements, dispenses, administrations),
 * allergies, planned procedures (service requests, procedures), appointments. Each kind: its list and how one of
 * its records is shown.
 */
function readLists(chart: Chart, byId: () => Map<string, Medication>): [readonly unknown[], (r: never) => ReadItem][] {
  const med = (r: WithMedication & { resourceType: string; status?: string }): ReadItem => ({
    resourceType: r.resourceType,
    name: medicationName(r, byId()),
    ...(r.status ? { status: r.status } : {}),
  });
  const planned = (r: { resourceType: string; code?: CodeableConcept; status?: string }): ReadItem => ({
    resourceType: r.resourceType,
    name: conceptName(r.code) ?? '(unnamed procedure)',
    ...(r.status ? { status: r.status } : {}),
  });
  return [
    [
      chart.conditions,
      (c: Condition): ReadItem => ({
        resourceType: 'Condition',
        name: conceptName(c.code) ?? '(unnamed condition)',
        ...(c.clinicalStatus ? { status: conceptName(c.clinicalStatus) ?? '' } : {}),
      }),
    ],
    [chart.medicationRequests, med],
    [chart.medicationStatements, med],
    [chart.medicationDispenses, med],
    [chart.medicationAdministrations, med],
    [
      chart.allergies,
      (a: AllergyIntolerance): ReadItem => ({
        resourceType: 'AllergyIntolerance',
        name: conceptName(a.code) ?? '(unnamed allergy)',
        ...(a.clinicalStatus ? { status: conceptName(a.clinicalStatus) ?? '' } : {}),
      }),
    ],
    [chart.serviceRequests, planned],
    [chart.procedures, planned],
    [
      chart.appointments,
      (a: Appointment): ReadItem => ({
        resourceType: 'Appointment',
        name: conceptName(a.serviceType?.[0]) ?? a.description ?? '(appointment)',
        ...(a.status ? { status: a.status } : {}),
      }),
    ],
  ] as [readonly unknown[], (r: never) => ReadItem][];
}

/**
 * `today` (day number) only decides what is current; it defaults to the clock, as the read just happened. Only the
 * `limit` items shown are built (a long chart has tens of thousands of records, and this runs right after assess()
 * on the clinician's screen).
 */
export function summariseChart(chart: Chart, limit = 60, today = Math.floor(Date.now() / 86_400_000)): ChartSummary {
  let byId: Map<string, Medication> | undefined;
  const medications = (): Map<string, Medication> =>
    (byId ??= new Map(chart.medications.filter((m) => m.id).map((m) => [m.id as string, m])));
  const lists = readLists(chart, medications);
  let total = 0;
  for (const [list] of lists) total += list.length;
  // As many as all.slice(0, limit) would keep.
  const end = Math.trunc(limit) || 0;
  const shown = end < 0 ? Math.max(0, total + end) : Math.min(end, total);
  const items: ReadItem[] = [];
  for (const [list, show] of lists)
    for (let i = 0; i < list.length && items.length < shown; i++) items.push(show(list[i] as never));
  return {
    total,
    items,
    more: Math.max(0, total - limit),
    uses: medicationUses(chart, today),
  };
}
