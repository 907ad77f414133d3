/**
 * Planned surgery and opioid-requiring procedures (ldn-clinical.md 2b; FHIR signals per ldn-clinical-2b-sources.md
 * section 9, design):
 * - ServiceRequest: status draft or active, intent plan or an order intent, occurrence in the future;
 * - Procedure: status preparation (staging has begun; an undated one counts as imminent);
 * - Appointment: status proposed, pending or booked, start in the future;
 * each only when it reads as surgical or opioid-requiring (a surgical category, or surgical words in its code,
 * category, service type, reason or description) and within the next LOOKAHEAD_DAYS days.
 */
import type { ChartEntry, MatchEvidence } from '../assess/types.ts';
import type { Chart } from '../chart.ts';
import { tokenise } from '../match/tokens.ts';
import { dayOf } from './dates.ts';
import { knownSystem } from './systems.ts';
import { arr, isRecord, str, type Rec } from './read.ts';

/** How far ahead planned procedures count (ldn-clinical.md 2b: 30 days). */
export const LOOKAHEAD_DAYS = 30;

export interface PlannedProcedure {
  entry: ChartEntry;
  /** Day number of the procedure; undefined when not charted (Procedure in preparation). */
  day?: number;
  /** What made it surgical: a SNOMED CT surgical concept (by code), or a surgical word in its names (by name). */
  because: MatchEvidence;
}

/** SNOMED 387713003 "Surgical procedure" (the factories' and US Core's surgical category). */
const SURGICAL_CODES = new Set(['387713003', '24642003', '83578000']);
const WORDS = new Set([
  'surgery',
  'surgical',
  'operation',
  'operative',
  'anesthesia',
  'anaesthesia',
  'sedation',
  'arthroplasty',
  'repair',
  'replacement',
  'resection',
  'excision',
  'amputation',
  'transplant',
  'transplantation',
  'fixation',
  'extraction',
  'implantation',
  'laparoscopic',
  'arthroscopic',
]);
const SUFFIXES = ['ectomy', 'otomy', 'ostomy', 'plasty', 'scopy', 'pexy', 'rrhaphy', 'desis'];

function surgicalIn(concepts: unknown[], texts: (string | undefined)[]): MatchEvidence | undefined {
  const words: string[] = [];
  for (const c of concepts) {
    if (!isRecord(c)) continue;
    for (const coding of arr(c.coding)) {
      if (!isRecord(coding)) continue;
      const code = typeof coding.code === 'string' ? coding.code.trim() : '';
      if (SURGICAL_CODES.has(code) && knownSystem(coding.system) === 'snomed') {
        return {
          by: 'code',
          system: String(coding.system),
          code,
          term: str(coding.display) ? String(coding.display) : 'surgical procedure',
        };
      }
      if (str(coding.display)) words.push(coding.display as string);
    }
    if (str(c.text)) words.push(c.text as string);
  }
  for (const t of texts) if (t) words.push(t);
  for (const w of words) {
    if (w.length > 2000) continue;
    for (const tok of tokenise(w)) {
      if (WORDS.has(tok) || SUFFIXES.some((s) => tok.length > s.length + 2 && tok.endsWith(s)))
        return { by: 'name', term: tok };
    }
  }
  return undefined;
}

function nameOf(concepts: unknown[], fallback: string): string {
  for (const c of concepts) {
    if (!isRecord(c)) continue;
    if (str(c.text)) return c.text as string;
    for (const coding of arr(c.coding)) if (isRecord(coding) && str(coding.display)) return coding.display as string;
  }
  return fallback;
}

function entryOf(type: string, r: Rec, name: string, date?: { label: string; value: unknown }): ChartEntry {
  const id = str(r.id);
  const status = str(r.status);
  const value = date ? str(date.value) : undefined;
  return {
    resourceType: type,
    ...(id ? { id, reference: `${type}/${id}` } : {}),
    name,
    ...(status ? { status } : {}),
    ...(value && date ? { dates: [{ label: date.label, value }] } : {}),
  };
}

const SR_STATUS = new Set(['draft', 'active']);
const SR_INTENT = new Set(['plan', 'order', 'original-order', 'reflex-order', 'filler-order', 'instance-order']);
const APPT_STATUS = new Set(['proposed', 'pending', 'booked']);

/** `<x>DateTime`, else the start of `<x>Period` (FHIR R4 choice types), with the element it came from. */
function dateTimeOrPeriodStart(r: Rec, x: 'occurrence' | 'performed'): { label: string; value: unknown } {
  const dateTime = r[`${x}DateTime`];
  if (dateTime !== undefined) return { label: `${x}DateTime`, value: dateTime };
  const period = r[`${x}Period`];
  return { label: `${x}Period.start`, value: isRecord(period) ? period.start : undefined };
}

/** The planned surgical procedures between today and today + LOOKAHEAD_DAYS (or undated in preparation). */
export function readPlannedProcedures(chart: Chart, today: number): PlannedProcedure[] {
  const out: PlannedProcedure[] = [];
  const within = (day: number | undefined): boolean =>
    day !== undefined && day >= today && day <= today + LOOKAHEAD_DAYS;
  for (const r of arr(chart.serviceRequests)) {
    if (!isRecord(r) || !SR_STATUS.has(r.status as string) || !SR_INTENT.has(r.intent as string)) continue;
    const when = dateTimeOrPeriodStart(r, 'occurrence');
    const day = dayOf(when.value, 'start');
    if (!within(day)) continue;
    const concepts = [r.code, ...arr(r.category)];
    const because = surgicalIn(concepts, []);
    if (because)
      out.push({ entry: entryOf('ServiceRequest', r, nameOf([r.code], 'Planned procedure'), when), day, because });
  }
  for (const r of arr(chart.procedures)) {
    if (!isRecord(r) || r.status !== 'preparation') continue;
    const when = dateTimeOrPeriodStart(r, 'performed');
    const day = dayOf(when.value, 'start');
    if (day !== undefined && !within(day)) continue;
    const concepts = [r.code, r.category];
    const because = surgicalIn(concepts, []);
    if (because)
      out.push({
        entry: entryOf('Procedure', r, nameOf([r.code], 'Procedure in preparation'), when),
        ...(day !== undefined ? { day } : {}),
        because,
      });
  }
  for (const r of arr(chart.appointments)) {
    if (!isRecord(r) || !APPT_STATUS.has(r.status as string)) continue;
    const when = { label: 'start', value: r.start };
    const day = dayOf(r.start, 'start');
    if (!within(day)) continue;
    const concepts = [...arr(r.serviceType), ...arr(r.reasonCode), ...arr(r.serviceCategory), r.appointmentType];
    const because = surgicalIn(concepts, [str(r.description), str(r.comment)]);
    if (because)
      out.push({
        entry: entryOf('Appointment', r, nameOf(concepts, str(r.description) ?? 'Appointment'), when),
        day,
        because,
      });
  }
  return out;
}
