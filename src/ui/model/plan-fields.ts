/**
 * The planner form: what the clinician typed (strings, as in the inputs), turned into the planner's
 * TitrationInput, and the planner's problems mapped back to the field they concern.
 */
import type { TitrationPreset } from '../../core/titration/presets.ts';
import { DEFAULT_CAPSULE_FILLER } from '../../core/order/medication.ts';
import { defaultStartDate } from '../../core/titration/start-date.ts';
import type { DoseForm, DoseTiming, LiquidStorage, PlanProblem, TitrationInput } from '../../core/titration/types.ts';
import { DEFAULT_MAINTENANCE_DAYS, MULTI_CAPSULE_MAX } from '../../core/titration/types.ts';
import { describeProblem } from '../strings-problems.ts';

export interface PlanFields {
  presetId: string;
  startMg: string;
  stepMg: string;
  intervalDays: string;
  targetMg: string;
  targetReason: string;
  timing: DoseTiming;
  formKind: 'capsule' | 'liquid';
  /** Comma-separated capsule strengths, mg, e.g. "1, 1.5, 3". */
  strengthsMg: string;
  mgPerMl: string;
  startDate: string;
  /** Days at the target dose to dispense (default a month); longer than the form keeps is dispensed as repeats. */
  maintenanceDays?: string;
  /** Liquid: where it is kept (sets the beyond-use date and so the fills). */
  storage?: LiquidStorage;
  /** Capsules: allow a dose to combine several capsules (otherwise one capsule per dose). */
  severalCapsules?: boolean;
  /** Capsules: the filler (inactive ingredient). */
  filler?: string;
  /**
   * The assessment's first allowed start day (Assessment.opioidFreeFrom), kept in step with the chart by the
   * planner, so the plan refuses or records an earlier start.
   */
  opioidFreeFrom?: string | undefined;
  /** The clinician chose to start before the opioid-free date (recorded in the order note). */
  startBeforeOpioidFree?: boolean;
  /** Patient handout: the clinic's contact line. */
  clinicContact?: string;
  /** Patient handout: the follow-up date (ISO), when set. */
  followUpDate?: string;
  /** Explicit doses from a preset (e.g. 1, 2, 3 mg); dropped as soon as start, step or target is edited. */
  ladderMg?: number[];
}

/** The ids of the planner's inputs; problems are shown next to these. */
export type PlanFieldId =
  | 'preset'
  | 'startMg'
  | 'stepMg'
  | 'intervalDays'
  | 'targetMg'
  | 'targetReason'
  | 'timing'
  | 'form'
  | 'strengthsMg'
  | 'mgPerMl'
  | 'startDate'
  | 'maintenanceDays'
  | 'filler';

/**
 * Fields before any preset: the usual 4.5 mg target, at bedtime, 1 mg/mL liquid kept at room temperature, a month
 * of maintenance, one capsule per dose in microcrystalline cellulose, starting today or on the opioid-free date
 * when that is later (issue 10 item 5).
 */
export function defaultFields(today: string, opioidFreeFrom?: string): PlanFields {
  return {
    presetId: '',
    startMg: '',
    stepMg: '',
    intervalDays: '',
    targetMg: '4.5',
    targetReason: '',
    timing: 'bedtime',
    formKind: 'liquid',
    strengthsMg: '1, 1.5, 3, 4.5',
    mgPerMl: '1',
    startDate: defaultStartDate(today, opioidFreeFrom),
    maintenanceDays: String(DEFAULT_MAINTENANCE_DAYS),
    storage: 'room-temperature',
    severalCapsules: false,
    filler: DEFAULT_CAPSULE_FILLER,
    startBeforeOpioidFree: false,
    clinicContact: '',
    followUpDate: '',
  };
}

/** Fill the schedule and form from a preset; the start date and timing the clinician chose stay. */
export function applyPreset(fields: PlanFields, preset: TitrationPreset): PlanFields {
  const s = preset.schedule;
  const form = preset.suggestedForm;
  const next: PlanFields = {
    ...fields,
    presetId: preset.id,
    startMg: String(s.startMg),
    stepMg: String(s.stepMg),
    intervalDays: String(s.intervalDays),
    targetMg: String(s.targetMg ?? 4.5),
    formKind: form.kind,
    ...(form.kind === 'capsule' ? { strengthsMg: form.strengthsMg.join(', ') } : { mgPerMl: String(form.mgPerMl) }),
  };
  if (s.ladderMg) next.ladderMg = [...s.ladderMg];
  else delete next.ladderMg;
  return next;
}

/** Change one field; editing the schedule drops a preset's explicit ladder (it would no longer match). */
export function editField<K extends keyof PlanFields>(fields: PlanFields, key: K, value: PlanFields[K]): PlanFields {
  const next = { ...fields, [key]: value };
  if (key === 'startMg' || key === 'stepMg' || key === 'targetMg') delete next.ladderMg;
  return next;
}

/** "" stays NaN, so the planner reports it rather than the UI guessing a number. */
function num(text: string): number {
  const t = text.trim().replace(',', '.');
  return t === '' ? Number.NaN : Number(t);
}

/**
 * The planner's input. Fields missing from a draft saved before they existed take their defaults;
 * `opioidFreeFrom` is the assessment's first allowed day (the planner refuses an earlier start unless chosen).
 */
export function toTitrationInput(f: PlanFields, opioidFreeFrom: string | undefined = f.opioidFreeFrom): TitrationInput {
  const filler = f.filler?.trim();
  const form: DoseForm =
    f.formKind === 'capsule'
      ? {
          kind: 'capsule',
          strengthsMg: f.strengthsMg
            .split(/[,;\s]+/)
            .filter(Boolean)
            .map(num),
          ...(f.severalCapsules ? { maxCapsulesPerDose: MULTI_CAPSULE_MAX } : {}),
          ...(filler && filler !== DEFAULT_CAPSULE_FILLER ? { filler } : {}),
        }
      : {
          kind: 'liquid',
          mgPerMl: num(f.mgPerMl),
          ...(f.storage === 'refrigerated' ? { storage: 'refrigerated' as const } : {}),
        };
  const maintenance = f.maintenanceDays?.trim();
  return {
    startMg: num(f.startMg),
    stepMg: f.stepMg.trim() === '' ? 0 : num(f.stepMg),
    intervalDays: num(f.intervalDays),
    targetMg: num(f.targetMg),
    ...(f.targetReason.trim() ? { targetReason: f.targetReason.trim() } : {}),
    timing: f.timing,
    form,
    startDate: f.startDate,
    ...(maintenance ? { maintenanceDays: num(maintenance) } : {}),
    ...(opioidFreeFrom ? { opioidFreeFrom } : {}),
    ...(f.startBeforeOpioidFree ? { startBeforeOpioidFree: true } : {}),
    ...(f.ladderMg ? { ladderMg: f.ladderMg } : {}),
  };
}

/** Which input a planner problem belongs to (its dotted field path), so the message is shown beside it. */
export function fieldOfProblem(p: PlanProblem, formKind: PlanFields['formKind']): PlanFieldId {
  const head = p.target.split(/[.[]/)[0] ?? '';
  switch (head) {
    case 'startMg':
    case 'stepMg':
    case 'intervalDays':
    case 'targetMg':
    case 'targetReason':
    case 'timing':
    case 'startDate':
    case 'maintenanceDays':
      return head;
    case 'opioidFreeFrom':
      return 'startDate';
    case 'form':
      if (/filler/i.test(p.target)) return 'filler';
      if (/strength|capsule/i.test(p.target)) return 'strengthsMg';
      if (/mgPerMl|concentration|storage/i.test(p.target)) return 'mgPerMl';
      return formKind === 'capsule' ? 'strengthsMg' : 'mgPerMl';
    case 'ladderMg':
      return 'preset';
    default:
      // A problem the form cannot place (e.g. a step count): shown with the schedule's start.
      return 'startMg';
  }
}

/** At most this many messages beside one field; a longer list (one per undeliverable dose) is summarised. */
export const MAX_PROBLEMS_PER_FIELD = 3;

/** Problems grouped by the input they concern, without repeats, long lists cut to a few and a count. */
export function problemsByField(
  problems: PlanProblem[],
  formKind: PlanFields['formKind'],
  more: (n: number) => string = (n) => `…and ${n} more like this.`,
): Partial<Record<PlanFieldId, string[]>> {
  const all: Partial<Record<PlanFieldId, string[]>> = {};
  for (const p of problems) {
    const list = (all[fieldOfProblem(p, formKind)] ??= []);
    const message = describeProblem(p);
    if (!list.includes(message)) list.push(message);
  }
  const out: Partial<Record<PlanFieldId, string[]>> = {};
  for (const [field, list] of Object.entries(all) as [PlanFieldId, string[]][]) {
    out[field] =
      list.length > MAX_PROBLEMS_PER_FIELD + 1
        ? [...list.slice(0, MAX_PROBLEMS_PER_FIELD), more(list.length - MAX_PROBLEMS_PER_FIELD)]
        : list;
  }
  return out;
}
