/**
 * Low-dose naltrexone orders already in the chart (issue 10 item 3): active or on-hold MedicationRequests that are
 * the app's own (identifier system urn:ldn-app:medication-request) or anyone's naltrexone at <= 10 mg or
 * compounded (the core's medication matching decides, src/core/fhir/medication-entries.ts), each with its start
 * date and the step it is at today. The screen shows them first and asks whether to continue, replace or cancel,
 * so a second concurrent LDN order is never written silently.
 */
import type { MedicationRequest } from 'fhir/r4';
import { emptyChart, type Chart } from '../chart.ts';
import { dayOf, isoDay, nowDay } from '../fhir/dates.ts';
import { readMedicationEntries } from '../fhir/medication-entries.ts';
import { arr, isRecord, num, str, type Rec } from '../fhir/read.ts';
import { ORDER_IDENTIFIER_SYSTEM } from './input.ts';

/** Statuses of an order that is still meant to be taken (FHIR R4 medicationrequest-status). */
const CURRENT = new Set(['active', 'on-hold']);

export interface ExistingLdnOrder {
  /** "MedicationRequest/<id>" */
  reference: string;
  id: string;
  /** The medication as charted. */
  name: string;
  status: 'active' | 'on-hold';
  /** Written by this app (carries its identifier system). */
  ownApp: boolean;
  /** The app's identifier value, when it is the app's own order. */
  identifier?: string;
  /** ISO date the plan started (validity start, first bounded step, or the date written), when known. */
  startDate?: string;
  authoredOn?: string;
  /** The step it is at today, when the dosage instructions say. */
  currentStep?: CurrentStep;
}

export interface CurrentStep {
  /** 1-based position among the order's dosage instructions, and how many there are. */
  number: number;
  of: number;
  /** The step's instructions as charted. */
  text?: string;
  /** 'before-start' when today is before the first step, 'after-end' when past the last bounded step. */
  when: 'in-step' | 'before-start' | 'after-end';
}

function ownIdentifier(mr: Rec): string | undefined {
  const id = arr(mr.identifier).find(
    (i): i is Rec => isRecord(i) && i.system === ORDER_IDENTIFIER_SYSTEM && !!str(i.value),
  );
  return id ? (id.value as string) : undefined;
}

/** Length in days of a Duration in d/wk/mo (UCUM or plain units); undefined otherwise. */
function durationDays(v: unknown): number | undefined {
  if (!isRecord(v)) return undefined;
  const value = num(v.value);
  const unit = str(v.code) ?? str(v.unit);
  if (value === undefined || !unit) return undefined;
  const per: Record<string, number> = {
    d: 1,
    day: 1,
    days: 1,
    wk: 7,
    week: 7,
    weeks: 7,
    mo: 30,
    month: 30,
    months: 30,
  };
  const f = per[unit.toLowerCase()];
  return f === undefined ? undefined : value * f;
}

/** The ISO start date: the dispense validity start, else the first step's bounds start, else authoredOn. */
function startOf(mr: Rec, dosages: Rec[]): string | undefined {
  const validity =
    isRecord(mr.dispenseRequest) && isRecord(mr.dispenseRequest.validityPeriod)
      ? str(mr.dispenseRequest.validityPeriod.start)
      : undefined;
  const firstBounds = dosages.map((d) => boundsPeriod(d)).find((p) => p && str(p.start));
  const start = validity ?? (firstBounds ? str(firstBounds.start) : undefined) ?? str(mr.authoredOn);
  const day = start ? dayOf(start) : undefined;
  return day === undefined ? undefined : isoDay(day);
}

function boundsPeriod(d: Rec): Rec | undefined {
  const repeat = isRecord(d.timing) && isRecord(d.timing.repeat) ? d.timing.repeat : undefined;
  return repeat && isRecord(repeat.boundsPeriod) ? repeat.boundsPeriod : undefined;
}

function boundsDurationDays(d: Rec): number | undefined {
  const repeat = isRecord(d.timing) && isRecord(d.timing.repeat) ? d.timing.repeat : undefined;
  return repeat ? durationDays(repeat.boundsDuration) : undefined;
}

/**
 * The step today falls in: steps in `sequence` order, each from its boundsPeriod, or following the previous one
 * for its boundsDuration from the start date; a step without bounds runs on (maintenance).
 */
export function currentStep(
  dosages: readonly Rec[],
  startDate: string | undefined,
  today: number,
): CurrentStep | undefined {
  if (dosages.length === 0) return undefined;
  const steps = [...dosages].sort((a, b) => (num(a.sequence) ?? 0) - (num(b.sequence) ?? 0));
  const at = (i: number, when: CurrentStep['when']): CurrentStep => {
    const text = str(steps[i]!.text);
    return { number: i + 1, of: steps.length, when, ...(text ? { text } : {}) };
  };
  if (steps.length === 1) return at(0, 'in-step');
  let from = startDate ? dayOf(startDate) : undefined;
  for (let i = 0; i < steps.length; i += 1) {
    const period = boundsPeriod(steps[i]!);
    const pStart = period ? dayOf(period.start) : undefined;
    const pEnd = period ? dayOf(period.end, 'end') : undefined;
    const start = pStart ?? from;
    if (start === undefined) return undefined; // no date to place the steps on
    if (i === 0 && today < start) return at(0, 'before-start');
    const length = boundsDurationDays(steps[i]!);
    const end = pEnd ?? (length !== undefined ? start + length - 1 : undefined);
    if (end === undefined || today <= end) return at(i, 'in-step');
    from = end + 1;
  }
  return at(steps.length - 1, 'after-end');
}

/** Active or on-hold LDN orders in the chart, newest first. */
export function findExistingLdnOrders(
  chart: Pick<Chart, 'medicationRequests' | 'medications'>,
  now: Date | string,
): ExistingLdnOrder[] {
  const today = nowDay(now).day;
  const found: ExistingLdnOrder[] = [];
  for (const raw of arr(chart.medicationRequests)) {
    if (!isRecord(raw) || !str(raw.id) || !CURRENT.has(str(raw.status) ?? '')) continue;
    const mr = raw as Rec;
    const own = ownIdentifier(mr);
    // The core's matching, one record at a time, so the flag belongs to this record.
    const reading = readMedicationEntries(
      {
        ...emptyChart(),
        medicationRequests: [mr as unknown as MedicationRequest],
        medications: chart.medications ?? [],
      },
      today,
    );
    const entry = reading.entries[0];
    const ldn = !!entry?.lowDoseNaltrexone;
    if (!own && !ldn) continue;
    const dosages = arr(mr.dosageInstruction).filter(isRecord);
    const startDate = startOf(mr, dosages);
    const step = currentStep(dosages, startDate, today);
    const authoredOn = str(mr.authoredOn);
    found.push({
      reference: `MedicationRequest/${mr.id as string}`,
      id: mr.id as string,
      name: entry?.entry.name ?? 'Naltrexone (low dose)',
      status: mr.status as 'active' | 'on-hold',
      ownApp: !!own,
      ...(own ? { identifier: own } : {}),
      ...(startDate ? { startDate } : {}),
      ...(authoredOn ? { authoredOn } : {}),
      ...(step ? { currentStep: step } : {}),
    });
  }
  return found.sort((a, b) => (b.authoredOn ?? '').localeCompare(a.authoredOn ?? ''));
}
