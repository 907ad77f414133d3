/**
 * Reads each Condition into a ConditionEntry: the groups it names and whether it counts now.
 * A Condition counts unless its clinical status is resolved or inactive, its verification status is refuted or
 * entered-in-error, or its abatement lies in the past (issue 3 item 2). "remission" still counts (design): MS or
 * Crohn's in remission remain LDN uses, and OUD in remission is still OUD for the opioid rules. A missing status
 * counts (fail safe). Unconfirmed / provisional diagnoses count too; the entry shows the status.
 */
import type { ChartEntry } from '../assess/types.ts';
import { readGap, type ReadGap } from '../chart.ts';
import { groupsInText, readConditionCode, type ConditionCodeReading, type GroupMatches } from '../match/condition.ts';
import { dayOf } from './dates.ts';
import { arr, conceptCode, isRecord, str, type Rec } from './read.ts';

/** One Condition as the rules see it; its ChartEntry is built only when a finding needs it. */
export class ConditionEntry {
  // Declared fields, set in the constructor, not parameter properties: those compile to a field initialiser that
  // every construction called, defining each field as undefined before the constructor set it (issue 14 item 1).
  declare private readonly raw: Rec;
  declare private readonly name: string;
  declare private readonly status: string;
  declare readonly groups: GroupMatches;
  /** Why it does not count, when it does not. */
  declare readonly excludedBecause: string | undefined;
  /** Day of onset, else of the record (the date exposure rules count from; ldn-clinical.md 2b). */
  declare readonly day?: number;
  /** Refuted or entered in error: never evidence of anything, even for the exposure rules. */
  declare readonly refuted: boolean;
  declare private built: ChartEntry | undefined;

  constructor(
    raw: Rec,
    name: string,
    status: string,
    groups: GroupMatches,
    excludedBecause: string | undefined,
    day?: number,
    refuted = false,
  ) {
    this.raw = raw;
    this.name = name;
    this.status = status;
    this.groups = groups;
    this.excludedBecause = excludedBecause;
    this.day = day;
    this.refuted = refuted;
    this.built = undefined;
  }

  get counts(): boolean {
    return this.excludedBecause === undefined;
  }

  get entry(): ChartEntry {
    if (this.built) return this.built;
    const r = this.raw;
    const id = str(r.id);
    const dates: { label: string; value: string }[] = [];
    for (let i = 0; i < DATE_FIELDS.length; i++) {
      const f = DATE_FIELDS[i] as string;
      const v = str(r[f]);
      if (v) dates.push({ label: f, value: v });
    }
    // Assigned in the order the spread form gave (JSON output unchanged), without temporary objects.
    const e = { resourceType: 'Condition' } as ChartEntry;
    if (id) {
      e.id = id;
      e.reference = `Condition/${id}`;
    }
    e.name = this.name;
    if (this.status) e.status = this.status;
    if (dates.length) e.dates = dates;
    this.built = e;
    return e;
  }
}

const DATE_FIELDS = ['onsetDateTime', 'recordedDate', 'abatementDateTime'] as const;
const NOT_CLINICAL = new Set(['resolved', 'inactive']);
const NOT_VERIFIED = new Set(['refuted', 'entered-in-error']);

function abatedBy(r: Rec, today: number): string | undefined {
  if (r.abatementBoolean === true) return 'abatement recorded';
  const d =
    dayOf(r.abatementDateTime, 'end') ??
    (isRecord(r.abatementPeriod) ? dayOf(r.abatementPeriod.end, 'end') : undefined);
  if (d !== undefined && d <= today) return `abated ${String(r.abatementDateTime ?? (r.abatementPeriod as Rec).end)}`;
  if (str(r.abatementString)) return `abatement "${String(r.abatementString)}"`;
  return undefined;
}

/**
 * One Condition: its ConditionEntry when it names a group, and its gap when it is unreadable and counts. A Condition
 * that names no group is evidence of nothing any rule reads, so its dates and entry are not read (a long chart is
 * mostly such Conditions, read cold once per launch: issue 14 item 1). A function of its own rather than the loop
 * body: called per record it is optimised early instead of waiting for on-stack replacement.
 */
function readCondition(raw: Rec, today: number, gaps: ReadGap[]): ConditionEntry | undefined {
  let code = readConditionCode(raw.code);
  // Kratom is often only in a note ("uses kratom daily"): a note naming it counts (ldn-clinical.md 2b).
  const notes = raw.note;
  if (Array.isArray(notes) && notes.length) code = withNoteGroups(code, notes);
  if (code.matches.size === 0 && code.readable) return undefined;
  const clinical = conceptCode(raw.clinicalStatus);
  const verification = conceptCode(raw.verificationStatus);
  let excludedBecause: string | undefined;
  if (verification && NOT_VERIFIED.has(verification)) excludedBecause = `verification status ${verification}`;
  else if (clinical && NOT_CLINICAL.has(clinical)) excludedBecause = `clinical status ${clinical}`;
  else excludedBecause = abatedBy(raw, today);
  if (!code.readable && excludedBecause === undefined) {
    const id = str(raw.id);
    gaps.push(readGap('Condition', 'malformed', { what: 'condition-unreadable' }, id ? `Condition/${id}` : undefined));
  }
  if (code.matches.size === 0) return undefined;
  const status = clinical && verification ? `${clinical}, ${verification}` : (clinical ?? verification ?? '');
  const onset =
    dayOf(raw.onsetDateTime, 'end') ?? (isRecord(raw.onsetPeriod) ? dayOf(raw.onsetPeriod.start, 'end') : undefined);
  const day = onset ?? dayOf(raw.recordedDate, 'end');
  const refuted = verification !== undefined && NOT_VERIFIED.has(verification);
  return new ConditionEntry(raw, code.name ?? 'Unnamed condition', status, code.matches, excludedBecause, day, refuted);
}

/** The code's groups plus kratom use or dependence named in a note (a copy: the code's reading is shared). */
function withNoteGroups(code: ConditionCodeReading, notes: readonly unknown[]): ConditionCodeReading {
  for (let k = 0; k < notes.length; k++) {
    const n = notes[k];
    const t = isRecord(n) ? str(n.text) : undefined;
    if (!t || t.length > 5000) continue;
    for (const g of groupsInText(t)) {
      if (g !== 'kratom-use' && g !== 'kratom-dependence') continue;
      if (code.matches.has(g)) continue;
      const matches: GroupMatches = new Map(code.matches);
      matches.set(g, { by: 'name', term: g === 'kratom-use' ? 'kratom' : 'kratom dependence', where: 'note' });
      code = { ...code, matches };
    }
  }
  return code;
}

/**
 * The Conditions of the chart that name a condition group, as ConditionEntries in chart order (the others are
 * evidence of nothing the rules read), plus gaps for malformed and unreadable ones.
 */
export function readConditionEntries(
  conditions: readonly unknown[],
  today: number,
): { entries: ConditionEntry[]; gaps: ReadGap[] } {
  const entries: ConditionEntry[] = [];
  const gaps: ReadGap[] = [];
  // Indexed loops: this reads every Condition once per launch, in cold code (issue 14 item 1).
  const list = arr(conditions);
  for (let i = 0; i < list.length; i++) {
    const raw = list[i];
    if (!isRecord(raw)) {
      gaps.push(readGap('Condition', 'malformed', { what: 'entry-not-object' }));
      continue;
    }
    const c = readCondition(raw, today, gaps);
    if (c) entries.push(c);
  }
  return { entries, gaps };
}
