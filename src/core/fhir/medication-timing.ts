/**
 * Does a medication record count now? Status decides first, dates second (issue 3 item 2):
 * - MedicationRequest: active, on-hold, draft (and unknown, fail safe) are current; stopped, completed count only
 *   inside the washout window; cancelled ("withdrawn before any administration", FHIR R4; ldn-clinical.md 2b) and
 *   entered-in-error never, unless a dispense or an administration links to the order (then it was used).
 * - MedicationStatement: active, intended, on-hold (and unknown) current; completed, stopped inside the window;
 *   not-taken, entered-in-error never.
 * - MedicationDispense: the supply (whenHandedOver + daysSupply) is current while it lasts, then counts inside the
 *   window; cancelled, declined, entered-in-error never.
 * - MedicationAdministration: in-progress, on-hold (and unknown) current; completed, stopped inside the window;
 *   not-done, entered-in-error never.
 * A missing or unrecognised status is treated as current (fail safe). The last-use date is the LATEST of the dates
 * available (so the washout is never shortened): for orders the end of dispenseRequest.validityPeriod, authoredOn +
 * expectedSupplyDuration, or the last dispense (authorizingPrescription) + daysSupply; for statements the end of
 * effectivePeriod or effectiveDateTime (else its start or dateAsserted); for dispenses whenHandedOver + daysSupply;
 * for administrations the end of effectivePeriod or effectiveDateTime. `basis()` says which date was used.
 * Texts are built lazily: a 10,000-record chart must not pay for strings nobody reads. Dates in them use the one
 * clinical format ("7 Dec 2026").
 */
import { clinicalDay, dayOf } from './dates.ts';
import { arr, durationDays, isRecord, str, type Rec } from './read.ts';

/** Whether a record counts now. `why` and `last` are turned into text only when a finding needs it (timingBasis). */
export interface MedTiming {
  state: 'current' | 'ended' | 'never';
  /** Day number of the last known use (ended records, and current supplies). */
  lastUse?: number;
  last?: LastUseCandidate;
  status: string;
  why: 'status' | 'no-status' | 'unrecognised' | 'supply' | 'dated' | 'undated';
}

/**
 * Every MedTiming and LastUseCandidate is built by these two, with every field present in one order: the rules
 * read them for thousands of records, and objects of several shapes made those reads polymorphic (deoptimised and
 * compiled again on the cold first assess(), issue 14 item 1). Absent values are undefined, as before.
 */
function makeTiming(
  state: MedTiming['state'],
  status: string,
  why: MedTiming['why'],
  last?: LastUseCandidate,
): MedTiming {
  return { state, lastUse: last === undefined ? undefined : last.day, last, status, why };
}

function candidate(
  day: number,
  label: string,
  from?: number,
  supplyDays?: number,
  wearDays?: number,
): LastUseCandidate {
  return { day, label, from, supplyDays, wearDays };
}

/** Which status and which date decided, in words. */
export function timingBasis(t: MedTiming): string {
  switch (t.why) {
    case 'no-status':
      return 'no status: treated as current';
    case 'unrecognised':
      return `status "${t.status}" not recognised: treated as current`;
    case 'status':
      return `status ${t.status}${t.status === 'unknown' ? ' (treated as current)' : ''}`;
    case 'supply':
      return t.last ? `supply lasts until ${clinicalDay(t.last.day)}: ${basisText(t.last)}` : `status ${t.status}`;
    case 'dated':
      return t.last ? basisText(t.last) : `status ${t.status}`;
    case 'undated':
      return `status ${t.status}, no date recorded`;
  }
}

type StatusClass = 'current' | 'ended' | 'never' | 'supply';

const STATUS: Record<string, Record<string, StatusClass>> = {
  MedicationRequest: {
    active: 'current',
    'on-hold': 'current',
    draft: 'current',
    unknown: 'current',
    stopped: 'ended',
    completed: 'ended',
    cancelled: 'never',
    'entered-in-error': 'never',
  },
  MedicationStatement: {
    active: 'current',
    intended: 'current',
    'on-hold': 'current',
    unknown: 'current',
    completed: 'ended',
    stopped: 'ended',
    'not-taken': 'never',
    'entered-in-error': 'never',
  },
  MedicationDispense: {
    preparation: 'supply',
    'in-progress': 'supply',
    'on-hold': 'supply',
    completed: 'supply',
    unknown: 'supply',
    stopped: 'supply',
    cancelled: 'never',
    declined: 'never',
    'entered-in-error': 'never',
  },
  MedicationAdministration: {
    'in-progress': 'current',
    'on-hold': 'current',
    unknown: 'current',
    completed: 'ended',
    stopped: 'ended',
    'not-done': 'never',
    'entered-in-error': 'never',
  },
};

/** A candidate last-use date: the day, and how to say where it came from. */
export interface LastUseCandidate {
  day: number;
  label: string;
  /** The date the label refers to, when days of supply were added to it. */
  from?: number;
  supplyDays?: number;
  /** Days of patch wear added (transdermal: 72 h per patch) instead of days of supply. */
  wearDays?: number;
}

export function basisText(c: LastUseCandidate): string {
  if (c.from !== undefined && c.wearDays !== undefined) {
    return `${c.label} ${clinicalDay(c.from)} + 72 h wear per patch (${c.wearDays} days; removal not charted)`;
  }
  if (c.from !== undefined) {
    return c.supplyDays !== undefined
      ? `${c.label} ${clinicalDay(c.from)} + ${c.supplyDays} days supply`
      : `${c.label} ${clinicalDay(c.from)} (no days supply recorded)`;
  }
  return `${c.label} (${clinicalDay(c.day)})`;
}

function supplyEnd(start: unknown, supply: unknown, label: string): LastUseCandidate | undefined {
  const d = dayOf(start, 'end');
  if (d === undefined) return undefined;
  const days = durationDays(supply);
  return days !== undefined ? candidate(d + Math.ceil(days), label, d, days) : candidate(d, label, d);
}

function at(v: unknown, label: string): LastUseCandidate | undefined {
  const d = dayOf(v, 'end');
  return d === undefined ? undefined : candidate(d, label);
}

function later(a: LastUseCandidate | undefined, b: LastUseCandidate | undefined): LastUseCandidate | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.day > a.day ? b : a;
}

/** The last known use of a record, given the latest dispense end for orders (from authorizingPrescription). */
export function lastUse(resourceType: string, r: Rec, dispenseEnd?: LastUseCandidate): LastUseCandidate | undefined {
  if (resourceType === 'MedicationRequest') {
    const dr = isRecord(r.dispenseRequest) ? r.dispenseRequest : undefined;
    let best =
      dr && isRecord(dr.validityPeriod)
        ? at(dr.validityPeriod.end, 'end of dispenseRequest.validityPeriod')
        : undefined;
    if (r.authoredOn !== undefined)
      best = later(best, supplyEnd(r.authoredOn, dr?.expectedSupplyDuration, 'authoredOn'));
    return later(best, dispenseEnd);
  }
  if (resourceType === 'MedicationStatement' || resourceType === 'MedicationAdministration') {
    const period = isRecord(r.effectivePeriod) ? r.effectivePeriod : undefined;
    const best = later(
      period ? at(period.end, 'end of effectivePeriod') : undefined,
      at(r.effectiveDateTime, 'effectiveDateTime'),
    );
    if (best) return best;
    const start = period ? at(period.start, 'effectivePeriod.start (no end recorded)') : undefined;
    if (start || resourceType === 'MedicationAdministration') return start;
    return at(r.dateAsserted, 'dateAsserted (no effective date)');
  }
  if (resourceType === 'MedicationDispense') {
    return str(r.whenHandedOver)
      ? supplyEnd(r.whenHandedOver, r.daysSupply, 'handed over')
      : supplyEnd(r.whenPrepared, r.daysSupply, 'prepared');
  }
  return undefined;
}

/** Current, ended (with last use) or never counts, for one record at day `today`. */
export function medicationTiming(
  resourceType: string,
  r: Rec,
  today: number,
  dispenseEnd?: LastUseCandidate,
): MedTiming {
  const status = typeof r.status === 'string' ? r.status.trim().toLowerCase() : '';
  let cls: StatusClass | undefined = status ? STATUS[resourceType]?.[status] : undefined;
  // A cancelled order that a dispense or administration names was used after all: it counts from those dates.
  if (cls === 'never' && status === 'cancelled' && dispenseEnd) cls = 'ended';
  if (cls === 'never') return makeTiming('never', status, 'status');
  if (!status) return makeTiming('current', status, 'no-status');
  if (cls === undefined) return makeTiming('current', status, 'unrecognised');
  if (cls === 'current') return makeTiming('current', status, 'status');
  const last = lastUse(resourceType, r, dispenseEnd);
  if (!last) return makeTiming('ended', status, 'undated');
  if (cls === 'supply' && last.day >= today) return makeTiming('current', status, 'supply', last);
  return makeTiming('ended', status, 'dated', last);
}

/**
 * The latest administration of each order (MedicationAdministration.request), as a last-use candidate, merged into
 * `into` (the dispense ends): an administration is use, so a cancelled order it names counts (ldn-clinical.md 2b).
 */
export function addAdministrationsByOrder(admins: readonly unknown[], into: Map<string, LastUseCandidate>): void {
  // Indexed: every administration of the chart passes here once, cold, and most name no order (issue 14 item 1).
  for (let i = 0; i < admins.length; i++) {
    const a = admins[i];
    if (!isRecord(a) || !isRecord(a.request)) continue;
    const status = str(a.status);
    if (status === 'not-done' || status === 'entered-in-error') continue;
    const key = str(a.request.reference);
    const at = key?.lastIndexOf('MedicationRequest/') ?? -1;
    if (!key || at < 0) continue;
    const period = isRecord(a.effectivePeriod) ? a.effectivePeriod : undefined;
    const day = dayOf(a.effectiveDateTime, 'end') ?? dayOf(period?.end, 'end') ?? dayOf(period?.start, 'end');
    if (day === undefined) continue;
    const id = key.slice(at);
    const prev = into.get(id);
    if (!prev || day > prev.day) into.set(id, candidate(day, 'administration of this order'));
  }
}

/** Wear time of one transdermal patch (72 h), ldn-clinical.md 2b. */
export const PATCH_WEAR_DAYS = 3;

/**
 * A transdermal patch's use ends at removal (ldn-clinical.md 2b, design): an administration charted only by its
 * application time lasts 72 h after it; a dispense without days supply lasts 72 h per patch dispensed.
 */
export function patchTiming(resourceType: string, r: Rec, t: MedTiming, today: number): MedTiming {
  let last: LastUseCandidate | undefined;
  if (resourceType === 'MedicationAdministration' && t.state === 'ended') {
    const period = isRecord(r.effectivePeriod) ? r.effectivePeriod : undefined;
    if (period && str(period.end)) return t;
    const applied = dayOf(r.effectiveDateTime, 'end') ?? dayOf(period?.start, 'end');
    if (applied !== undefined)
      last = candidate(applied + PATCH_WEAR_DAYS, 'applied', applied, undefined, PATCH_WEAR_DAYS);
  } else if (
    resourceType === 'MedicationDispense' &&
    t.lastUse !== undefined &&
    durationDays(r.daysSupply) === undefined
  ) {
    const q =
      isRecord(r.quantity) && typeof r.quantity.value === 'number' && Number.isFinite(r.quantity.value)
        ? Math.max(1, Math.min(Math.ceil(r.quantity.value), 120))
        : 1;
    const handed = dayOf(r.whenHandedOver, 'end') ?? dayOf(r.whenPrepared, 'end');
    if (handed !== undefined)
      last = candidate(handed + PATCH_WEAR_DAYS * q, 'handed over', handed, undefined, PATCH_WEAR_DAYS * q);
  }
  if (!last) return t;
  if (last.day >= today) return makeTiming('current', t.status, 'supply', last);
  return makeTiming('ended', t.status, 'dated', last);
}

/** The latest supply end of the dispenses that name each order in authorizingPrescription ("MedicationRequest/id"). */
export function dispenseEndsByOrder(dispenses: readonly unknown[]): Map<string, LastUseCandidate> {
  const out = new Map<string, LastUseCandidate>();
  // Indexed: every dispense of the chart passes here once, cold, and most name no order (issue 14 item 1).
  for (let i = 0; i < dispenses.length; i++) {
    const d = dispenses[i];
    if (!isRecord(d) || !Array.isArray(d.authorizingPrescription)) continue;
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
