/**
 * Naltrexone in the chart that can block an opioid ordered now: a current naltrexone record of any dose (LDN,
 * 50 mg, Contrave, an injection), or one that ended inside its blockade window (oral 5 days, injection 28 days:
 * sources.ts). A naltrexone whose end date is not recorded counts (fail safe). Opioid products that contain
 * naltrexone (Embeda, Troxyca) are opioids, not blockers, and are left out.
 */
import type { MedicationRequest } from 'fhir/r4';
import type { Chart } from '../chart.ts';
import { clinicalDate, clinicalDay } from '../fhir/dates.ts';
import { readMedicationEntries, type MedEntry } from '../fhir/medication-entries.ts';
import { isRecord, str } from '../fhir/read.ts';
import { hasOpioid, rolesOf } from '../rules/context.ts';
import { BLOCKADE_DAYS, INJECTION_CODES, INJECTION_WORDS } from './sources.ts';
import { S } from './strings.ts';
import type { CdsSuggestion } from './types.ts';

export interface ChartNaltrexone {
  med: MedEntry;
  state: 'current' | 'window' | 'undated';
  /** Last day the blockade may last (day number), for ended records. */
  until?: number;
  injection: boolean;
}

function isInjection(med: MedEntry): boolean {
  if (INJECTION_WORDS.test(med.entry.name)) return true;
  for (const ev of med.matches.values()) {
    if ((ev.code && INJECTION_CODES.has(ev.code)) || /vivitrol/i.test(ev.term)) return true;
  }
  return false;
}

/** Every naltrexone record that may block an opioid today, except the records in `exclude` (the drafts). */
export function naltrexoneThatBlocks(chart: Chart, today: number, exclude: ReadonlySet<string>): ChartNaltrexone[] {
  const out: ChartNaltrexone[] = [];
  for (const med of readMedicationEntries(chart, today).entries) {
    if (med.timing.state === 'never' || !med.matches.has('naltrexone')) continue;
    if (med.entry.reference && exclude.has(med.entry.reference)) continue;
    const roles = rolesOf(med);
    if (hasOpioid(roles)) continue;
    const injection = isInjection(med);
    if (med.timing.state === 'current') {
      out.push({ med, state: 'current', injection });
      continue;
    }
    if (med.timing.lastUse === undefined) {
      out.push({ med, state: 'undated', injection });
      continue;
    }
    const until = med.timing.lastUse + (injection ? BLOCKADE_DAYS.injection : BLOCKADE_DAYS.oral);
    if (today <= until) out.push({ med, state: 'window', until, injection });
  }
  return out;
}

/** How a naltrexone record reads on the card, e.g. "active, ordered 2 Oct 2026". */
export function stateText(n: ChartNaltrexone): string {
  const e = n.med.entry;
  const status = e.status ?? '';
  if (n.state === 'current')
    return S.stateCurrent(status, clinicalDate(e.dates?.find((d) => d.label === 'authoredOn')?.value));
  if (n.state === 'undated') return S.stateStoppedUndated(status);
  return S.stateStopped(status, clinicalDay(n.med.timing.lastUse ?? 0), clinicalDay(n.until ?? 0));
}

/**
 * "Hold LDN from <date>": an update of the current naltrexone MedicationRequest to on-hold, applied by the EHR only
 * when the clinician accepts it. Only for an active order with an id that the chart holds in full.
 */
export function holdSuggestion(
  chart: Chart,
  n: ChartNaltrexone,
  today: number,
  newId: () => string,
): CdsSuggestion | undefined {
  const e = n.med.entry;
  if (n.state !== 'current' || e.resourceType !== 'MedicationRequest' || !e.id || e.status !== 'active')
    return undefined;
  const raw = chart.medicationRequests.find((r) => isRecord(r) && str(r.id) === e.id);
  if (!raw) return undefined;
  const date = clinicalDay(today);
  const held: MedicationRequest = { ...raw, status: 'on-hold', statusReason: { text: S.holdReason(date) } };
  return {
    label: S.holdLabel(n.med.lowDoseNaltrexone ? 'LDN' : 'naltrexone', date),
    uuid: newId(),
    isRecommended: false,
    actions: [{ type: 'update', description: S.holdAction(e.name, date), resource: held }],
  };
}
