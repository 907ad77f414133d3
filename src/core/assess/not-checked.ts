/**
 * What kinds of data were not part of the chart given (issue 9 item 5): a type the reader did not search (or a
 * Bundle did not carry) is "not checked", never "none found". Chart.searched undefined means unknown: nothing is
 * claimed either way.
 */
import type { Chart, ChartResourceType } from '../chart.ts';

/** Plain-language names of the kinds of data the rules read, with the types that stand for each. */
const KINDS: readonly { label: string; types: readonly ChartResourceType[] }[] = [
  { label: 'conditions', types: ['Condition'] },
  { label: 'medication orders', types: ['MedicationRequest'] },
  { label: 'medication statements', types: ['MedicationStatement'] },
  { label: 'dispenses', types: ['MedicationDispense'] },
  { label: 'administrations', types: ['MedicationAdministration'] },
  { label: 'allergies', types: ['AllergyIntolerance'] },
  { label: 'planned procedures', types: ['ServiceRequest', 'Procedure', 'Appointment'] },
];

/** Labels of the kinds of data that were not part of the read, e.g. ["allergies", "planned procedures"]. */
export function notCheckedOf(chart: Chart): string[] | undefined {
  const searched = Array.isArray(chart.searched) ? new Set<unknown>(chart.searched) : undefined;
  if (!searched) return undefined;
  return KINDS.filter((k) => !k.types.some((t) => searched.has(t))).map((k) => k.label);
}
