/**
 * "What was read": the chart's conditions and medication records as names, so the clinician can see what the
 * verdict rests on (as the AHRQ Pain Management Summary shows what it queried). Names are text, never markup.
 */
import type { CodeableConcept, Medication, Reference } from 'fhir/r4';
import type { Chart } from '../../core/chart.ts';

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

export function summariseChart(chart: Chart, limit = 60): ChartSummary {
  const byId = new Map(chart.medications.filter((m) => m.id).map((m) => [m.id as string, m]));
  const all: ReadItem[] = [
    ...chart.conditions.map((c) => ({ resourceType: 'Condition', name: conceptName(c.code) ?? '(unnamed condition)', ...(c.clinicalStatus ? { status: conceptName(c.clinicalStatus) ?? '' } : {}) })),
    ...[...chart.medicationRequests, ...chart.medicationStatements, ...chart.medicationDispenses, ...chart.medicationAdministrations].map((r) => ({
      resourceType: r.resourceType,
      name: medicationName(r, byId),
      ...(r.status ? { status: r.status } : {}),
    })),
  ];
  return { total: all.length, items: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}
