/**
 * Reads each medication record of the chart (request, statement, dispense, administration) into one MedEntry:
 * what it names (ingredients with evidence), whether it counts now, and how to show it. Resolves the medication in
 * medicationCodeableConcept, in a contained Medication ("#id") or in a referenced Medication from the chart,
 * including the Medication's ingredient[].itemCodeableConcept.
 */
import type { ChartEntry, MatchEvidence } from '../assess/types.ts';
import type { Chart, ReadGap } from '../chart.ts';
import { readConcept, type IngredientMatches } from '../match/medication.ts';
import { dispenseEndsByOrder, medicationTiming, type MedTiming } from './medication-timing.ts';
import { arr, isRecord, str, type Rec } from './read.ts';

export type MedResourceType = 'MedicationRequest' | 'MedicationStatement' | 'MedicationDispense' | 'MedicationAdministration';

/** One medication record as the rules see it; its ChartEntry is built only when a finding needs it. */
export class MedEntry {
  private built: ChartEntry | undefined;

  constructor(
    readonly resourceType: MedResourceType,
    private readonly raw: Rec,
    private readonly name: string,
    readonly matches: IngredientMatches,
    readonly timing: MedTiming,
    /** For naltrexone only: whether the record reads as low-dose (<= 10 mg) or compounded naltrexone. */
    readonly lowDoseNaltrexone = false,
  ) {}

  /** How to show and reference the record. */
  get entry(): ChartEntry {
    if (this.built) return this.built;
    const r = this.raw;
    const type = this.resourceType;
    const ref = refOf(type, r);
    const status = str(r.status);
    const dates = entryDates(type, r);
    this.built = {
      resourceType: type,
      ...(str(r.id) ? { id: r.id as string } : {}),
      ...(ref ? { reference: ref } : {}),
      name: this.name,
      ...(status ? { status } : {}),
      ...(dates.length ? { dates } : {}),
    };
    return this.built;
  }
}

export interface MedReading {
  entries: MedEntry[];
  gaps: ReadGap[];
}

const DATE_FIELDS: Record<MedResourceType, string[]> = {
  MedicationRequest: ['authoredOn'],
  MedicationStatement: ['effectiveDateTime', 'dateAsserted'],
  MedicationDispense: ['whenHandedOver', 'whenPrepared'],
  MedicationAdministration: ['effectiveDateTime'],
};

function entryDates(type: MedResourceType, r: Rec): { label: string; value: string }[] {
  const dates: { label: string; value: string }[] = [];
  for (const f of DATE_FIELDS[type]) {
    const v = str(r[f]);
    if (v) dates.push({ label: f, value: v });
  }
  const period = isRecord(r.effectivePeriod) ? r.effectivePeriod : isRecord(r.dispenseRequest) && isRecord(r.dispenseRequest.validityPeriod) ? r.dispenseRequest.validityPeriod : undefined;
  const pLabel = isRecord(r.effectivePeriod) ? 'effectivePeriod' : 'validityPeriod';
  if (period) {
    if (str(period.start)) dates.push({ label: `${pLabel}.start`, value: period.start as string });
    if (str(period.end)) dates.push({ label: `${pLabel}.end`, value: period.end as string });
  }
  return dates;
}

/** Reads a Medication resource (untrusted) into `into`: its code and its ingredients. */
function readMedication(med: Rec, where: string, into: IngredientMatches, byId: Map<string, Rec>, depth = 0): { readable: boolean; name?: string } {
  const code = readConcept(med.code, `${where}.code`, into);
  let readable = code.readable;
  arr(med.ingredient).forEach((ing, i) => {
    if (!isRecord(ing)) return;
    const item = readConcept(ing.itemCodeableConcept, `${where}.ingredient[${i}].itemCodeableConcept`, into);
    readable ||= item.readable;
    const ref = isRecord(ing.itemReference) ? str(ing.itemReference.reference) : undefined;
    const target = ref && depth < 1 ? byId.get(ref.slice(ref.lastIndexOf('/') + 1)) : undefined;
    if (target) readable = readMedication(target, `${where}.ingredient[${i}].itemReference`, into, byId, depth + 1).readable || readable;
  });
  return code.name ? { readable, name: code.name } : { readable };
}

function refOf(type: string, r: Rec): string | undefined {
  const id = str(r.id);
  return id ? `${type}/${id}` : undefined;
}

const EMPTY: IngredientMatches = new Map();

function resolvedTarget(raw: Rec, byId: Map<string, Rec>): Rec | undefined {
  const reference = isRecord(raw.medicationReference) ? str(raw.medicationReference.reference) : undefined;
  if (!reference) return undefined;
  if (reference.startsWith('#')) return arr(raw.contained).find((c): c is Rec => isRecord(c) && c.id === reference.slice(1));
  return byId.get(reference.slice(reference.lastIndexOf('/') + 1));
}

/**
 * Low-dose naltrexone: every "N mg" (and every mg strength) at most 10 mg (LDN Research Trust: "low dose" is up to
 * 10 mg), or no dose but the words LDN / low dose / compounded; any dose above 10 mg is not low-dose. A naltrexone of unknown dose is NOT low-dose (fail safe: it stays
 * a duplicate). Only run for the rare records that name naltrexone.
 */
function readsAsLowDose(raw: Rec, medication: Rec | undefined): boolean {
  const json = JSON.stringify(medication ? [raw.medicationCodeableConcept, raw.medicationReference, medication] : [raw.medicationCodeableConcept, raw.medicationReference]).toLowerCase();
  const doses = [...json.matchAll(/(\d+(?:\.\d+)?)\s*mg\b/g), ...json.matchAll(/"value":\s*(\d+(?:\.\d+)?)\s*,\s*"unit":\s*"mg"/g)].map((m) => Number(m[1]));
  if (doses.some((d) => d > 10)) return false;
  return doses.length > 0 || /\b(ldn|low[ -]dose|compounded)\b/.test(json);
}

/** Every medication record of the chart as a MedEntry, plus the gaps found while reading them. */
export function readMedicationEntries(chart: Chart, today: number): MedReading {
  const byId = new Map<string, Rec>();
  for (const m of arr(chart.medications)) if (isRecord(m) && str(m.id)) byId.set(m.id as string, m);
  const dispenseEnds = dispenseEndsByOrder(arr(chart.medicationDispenses));
  const entries: MedEntry[] = [];
  const gaps: ReadGap[] = [];
  const lists: [MedResourceType, unknown[]][] = [
    ['MedicationRequest', arr(chart.medicationRequests)],
    ['MedicationStatement', arr(chart.medicationStatements)],
    ['MedicationDispense', arr(chart.medicationDispenses)],
    ['MedicationAdministration', arr(chart.medicationAdministrations)],
  ];
  for (const [type, list] of lists) {
    for (const raw of list) {
      if (!isRecord(raw)) {
        gaps.push({ resourceType: type, reason: 'malformed', detail: `A ${type} entry is not an object and was skipped.` });
        continue;
      }
      const ref = refOf(type, raw);
      const timing = medicationTiming(type, raw, today, ref ? dispenseEnds.get(ref) : undefined);
      const matches: IngredientMatches = new Map();
      const inline = readConcept(raw.medicationCodeableConcept, 'medicationCodeableConcept', matches);
      let readable = inline.readable;
      let name = inline.name;
      const medRef = isRecord(raw.medicationReference) ? raw.medicationReference : undefined;
      let target: Rec | undefined;
      if (medRef) {
        const reference = str(medRef.reference);
        const display = str(medRef.display);
        target = resolvedTarget(raw, byId);
        if (target) {
          const where = reference?.startsWith('#') ? 'contained Medication' : 'referenced Medication';
          const got = readMedication(target, where, matches, byId);
          readable ||= got.readable;
          name ??= got.name;
        } else if (timing.state !== 'never') {
          gaps.push({
            resourceType: 'Medication',
            reason: 'unresolved-reference',
            detail: `${ref ?? type} names a Medication that was not found in the chart${display ? ` ("${display}" used as its name)` : ''}.`,
            ...(reference ? { target: reference } : {}),
          });
        }
        if (display) {
          const disp = readConcept({ text: display }, 'medicationReference.display', matches);
          readable ||= disp.readable;
          name ??= display;
        }
      }
      if (!readable && timing.state !== 'never') {
        gaps.push({
          resourceType: type,
          reason: 'unreadable-medication',
          detail: `${ref ?? `A ${type}`} has neither a usable code nor text, so it could not be checked.`,
          ...(ref ? { target: ref } : {}),
        });
      }
      const lowDose = matches.has('naltrexone') ? readsAsLowDose(raw, target) : false;
      entries.push(new MedEntry(type, raw, name ?? 'Unnamed medication', matches.size ? matches : EMPTY, timing, lowDose));
    }
  }
  return { entries, gaps };
}

export type { MatchEvidence };
