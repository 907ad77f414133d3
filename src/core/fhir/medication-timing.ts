/**
 * Does a medication record count now? Status decides first, dates second (issue 3 item 2):
 * - MedicationRequest: active, on-hold, draft (and unknown, fail safe) are current; stopped, completed, cancelled
 *   count only inside the washout window; entered-in-error never.
 * - MedicationStatement: active, intended, on-hold (and unknown) current; completed, stopped inside the window;
 *   not-taken, entered-in-error never.
 * - MedicationDispense: the supply (whenHandedOver + daysSupply) is current while it lasts, then counts inside the
 *   window; cancelled, declined, entered-in-error never.
 * - MedicationAdministration: in-progress, on-hold (and unknown) current; completed, stopped inside the window;
 *   not-done, entered-in-error never.
 * A missing status is treated as current (fail safe). The last-use date is the LATEST of the dates available, so
 * the washout is never shortened; `basis` says which date was used.
 */
import { dayOf, isoDay } from './dates.ts';
import { arr, durationDays, isRecord, str, type Rec } from './read.ts';

export type MedTiming =
  | { state: 'current'; basis: string }
  | { state: 'ended'; lastUse?: number; basis: string }
  | { state: 'never'; basis: string };

type StatusClass = 'current' | 'ended' | 'never' | 'supply';

const STATUS: Record<string, Record<string, StatusClass>> = {
  MedicationRequest: { active: 'current', 'on-hold': 'current', draft: 'current', unknown: 'current', stopped: 'ended', completed: 'ended', cancelled: 'ended', 'entered-in-error': 'never' },
  MedicationStatement: { active: 'current', intended: 'current', 'on-hold': 'current', unknown: 'current', completed: 'ended', stopped: 'ended', 'not-taken': 'never', 'entered-in-error': 'never' },
  MedicationDispense: { preparation: 'supply', 'in-progress': 'supply', 'on-hold': 'supply', completed: 'supply', unknown: 'supply', stopped: 'supply', cancelled: 'never', declined: 'never', 'entered-in-error': 'never' },
  MedicationAdministration: { 'in-progress': 'current', 'on-hold': 'current', unknown: 'current', completed: 'ended', stopped: 'ended', 'not-done': 'never', 'entered-in-error': 'never' },
};

interface Candidate {
  day: number;
  basis: string;
}

function latest(cands: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of cands) if (!best || c.day > best.day) best = c;
  return best;
}

function supplyEnd(start: unknown, supply: unknown, label: string): Candidate | undefined {
  const d = dayOf(start, 'end');
  if (d === undefined) return undefined;
  const days = durationDays(supply);
  return days !== undefined
    ? { day: d + Math.ceil(days), basis: `${label} ${isoDay(d)} + ${days} days supply` }
    : { day: d, basis: `${label} ${isoDay(d)} (no days supply recorded)` };
}

function periodEnd(p: unknown, label: string): Candidate | undefined {
  if (!isRecord(p)) return undefined;
  const d = dayOf(p.end, 'end');
  return d === undefined ? undefined : { day: d, basis: `end of ${label} (${isoDay(d)})` };
}

function at(v: unknown, label: string): Candidate | undefined {
  const d = dayOf(v, 'end');
  return d === undefined ? undefined : { day: d, basis: `${label} (${isoDay(d)})` };
}

/** The last known use of a record, given the latest dispense end for orders (from authorizingPrescription). */
export function lastUse(resourceType: string, r: Rec, dispenseEnd?: Candidate): Candidate | undefined {
  const cands: (Candidate | undefined)[] = [];
  if (resourceType === 'MedicationRequest') {
    const dr = isRecord(r.dispenseRequest) ? r.dispenseRequest : {};
    cands.push(periodEnd(dr.validityPeriod, 'dispenseRequest.validityPeriod'));
    const authored = str(r.authoredOn);
    if (authored) cands.push(supplyEnd(authored, dr.expectedSupplyDuration, 'authoredOn'));
    cands.push(dispenseEnd);
  } else if (resourceType === 'MedicationStatement') {
    cands.push(periodEnd(r.effectivePeriod, 'effectivePeriod'), at(r.effectiveDateTime, 'effectiveDateTime'));
    if (!cands.some(Boolean)) {
      cands.push(isRecord(r.effectivePeriod) ? at(r.effectivePeriod.start, 'effectivePeriod.start (no end)') : undefined);
      cands.push(at(r.dateAsserted, 'dateAsserted (no effective date)'));
    }
  } else if (resourceType === 'MedicationDispense') {
    cands.push(supplyEnd(r.whenHandedOver ?? undefined, r.daysSupply, 'handed over'));
    if (!str(r.whenHandedOver)) cands.push(supplyEnd(r.whenPrepared, r.daysSupply, 'prepared'));
  } else if (resourceType === 'MedicationAdministration') {
    cands.push(periodEnd(r.effectivePeriod, 'effectivePeriod'), at(r.effectiveDateTime, 'effectiveDateTime'));
    if (!cands.some(Boolean) && isRecord(r.effectivePeriod)) cands.push(at(r.effectivePeriod.start, 'effectivePeriod.start (no end)'));
  }
  return latest(cands.filter((c): c is Candidate => c !== undefined));
}

/** Current, ended (with last use) or never counts, for one record at day `today`. */
export function medicationTiming(resourceType: string, r: Rec, today: number, dispenseEnd?: Candidate): MedTiming {
  const status = str(r.status)?.trim().toLowerCase();
  const cls: StatusClass | undefined = status ? STATUS[resourceType]?.[status] : undefined;
  if (cls === 'never') return { state: 'never', basis: `status ${status}` };
  if (cls === undefined && status) {
    return { state: 'current', basis: `status "${status}" not recognised: treated as current` };
  }
  if (!status) return { state: 'current', basis: 'no status: treated as current' };
  if (cls === 'current') return { state: 'current', basis: `status ${status}${status === 'unknown' ? ' (treated as current)' : ''}` };
  const last = lastUse(resourceType, r, dispenseEnd);
  if (cls === 'supply' && last && last.day >= today) return { state: 'current', basis: `supply lasts until ${isoDay(last.day)}: ${last.basis}` };
  return last ? { state: 'ended', lastUse: last.day, basis: last.basis } : { state: 'ended', basis: `status ${status}, no date recorded` };
}

/** The latest supply end of the dispenses that name each order in authorizingPrescription ("MedicationRequest/id"). */
export function dispenseEndsByOrder(dispenses: readonly unknown[]): Map<string, Candidate> {
  const out = new Map<string, Candidate>();
  for (const d of dispenses) {
    if (!isRecord(d)) continue;
    const status = str(d.status);
    if (status === 'cancelled' || status === 'declined' || status === 'entered-in-error') continue;
    const end = supplyEnd(d.whenHandedOver, d.daysSupply, 'last dispense handed over');
    if (!end) continue;
    for (const ref of arr(d.authorizingPrescription)) {
      const key = isRecord(ref) ? str(ref.reference) : undefined;
      if (!key) continue;
      const at = key.lastIndexOf('MedicationRequest/');
      if (at < 0) continue;
      const id = key.slice(at);
      const prev = out.get(id);
      if (!prev || end.day > prev.day) out.set(id, end);
    }
  }
  return out;
}

export type { Candidate as LastUseCandidate };
