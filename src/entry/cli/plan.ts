/**
 * `npm run plan -- --start 1.5 --step 1.5 --target 4.5 --interval 7 --form liquid --concentration 1 [...]`:
 * prints the titration schedule, quantities and sigs; with --json the draft MedicationRequest instead.
 * Exit codes: 0 plan made, 1 the plan was refused (one line says why), 2 usage error.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { CliError, cliMain, runIfEntry, usageError, type CliIo } from './run.ts';
import { buildOrder } from '../../core/order/build-order.ts';
import { planTitration } from '../../core/titration/planner.ts';
import { findPreset, TITRATION_PRESETS } from '../../core/titration/presets.ts';
import { clinicalDate } from '../../core/fhir/dates.ts';
import { fillLine } from '../../core/order/build-order.ts';
import { beyondUseNote, storageWords } from '../../core/titration/supply.ts';
import type { DoseForm, DoseTiming, LiquidStorage, TitrationInput, TitrationPlan } from '../../core/titration/types.ts';
import { MULTI_CAPSULE_MAX } from '../../core/titration/types.ts';
import { describeQuantity } from '../../core/titration/units.ts';
import { firstProblemLine } from './strings.ts';
import { referenceId } from '../../core/fhir/references.ts';

const USAGE = [
  'usage: npm run plan -- --start MG --step MG --interval DAYS --form liquid --concentration MG_PER_ML',
  '                       [--target MG] [--target-reason TEXT] [--capsules 1.5,3 (with --form capsule)]',
  '                       [--timing bedtime|morning] [--start-date YYYY-MM-DD] [--maintenance-days N]',
  '                       [--storage room-temperature|refrigerated (liquid)] [--several-capsules] [--filler TEXT]',
  '                       [--preset ID] [--patient Patient/ID] [--json]',
  `presets: ${TITRATION_PRESETS.map((p) => p.id).join(', ')}`,
].join('\n');

const OPTIONS = {
  start: { type: 'string' },
  step: { type: 'string' },
  target: { type: 'string' },
  'target-reason': { type: 'string' },
  interval: { type: 'string' },
  form: { type: 'string' },
  concentration: { type: 'string' },
  capsules: { type: 'string' },
  timing: { type: 'string' },
  'start-date': { type: 'string' },
  'maintenance-days': { type: 'string' },
  preset: { type: 'string' },
  storage: { type: 'string' },
  'several-capsules': { type: 'boolean' },
  filler: { type: 'string' },
  patient: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

/** A flag's number; malformed text is a usage error (the planner judges the value itself). */
function num(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.trim()))
    throw usageError(`--${flag} must be a number (got "${text}")`, USAGE);
  return Number(text);
}

/** The form with the storage (liquid), capsules-per-dose and filler (capsule) flags applied. */
function formWithOptions(values: Record<string, string | boolean | undefined>, form: DoseForm): DoseForm {
  const storage = values.storage as string | undefined;
  if (storage !== undefined && storage !== 'room-temperature' && storage !== 'refrigerated') {
    throw usageError(`--storage must be room-temperature or refrigerated (got "${storage}")`, USAGE);
  }
  if (form.kind === 'liquid') {
    if (values['several-capsules'] || values.filler !== undefined)
      throw usageError('--several-capsules and --filler are for capsules', USAGE);
    return storage ? { ...form, storage: storage as LiquidStorage } : form;
  }
  if (storage) throw usageError('--storage is for the oral liquid (capsules keep 180 days at room temperature)', USAGE);
  return {
    ...form,
    ...(values['several-capsules'] ? { maxCapsulesPerDose: MULTI_CAPSULE_MAX } : {}),
    ...(values.filler !== undefined ? { filler: values.filler as string } : {}),
  };
}

function formFrom(values: Record<string, string | boolean | undefined>, fallback: DoseForm | undefined): DoseForm {
  const kind = values.form as string | undefined;
  if (kind === undefined && fallback) {
    if (values.concentration !== undefined && fallback.kind === 'liquid')
      return { kind: 'liquid', mgPerMl: num('concentration', values.concentration as string)! };
    if (values.capsules !== undefined && fallback.kind === 'capsule')
      return { kind: 'capsule', strengthsMg: capsuleList(values.capsules as string) };
    return fallback;
  }
  if (kind === 'liquid') {
    const mgPerMl = num('concentration', values.concentration as string | undefined);
    if (mgPerMl === undefined) throw usageError('--form liquid needs --concentration (mg/mL, e.g. 1)', USAGE);
    return { kind: 'liquid', mgPerMl };
  }
  if (kind === 'capsule' || kind === 'capsules') {
    if (values.capsules === undefined)
      throw usageError('--form capsule needs --capsules (strengths in mg, e.g. 1.5,3)', USAGE);
    return { kind: 'capsule', strengthsMg: capsuleList(values.capsules as string) };
  }
  if (kind === undefined) throw usageError('give --form liquid or --form capsule (or a --preset)', USAGE);
  throw usageError(`--form must be liquid or capsule (got "${kind}")`, USAGE);
}

function capsuleList(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.some((p) => p === ''))
    throw usageError(`--capsules must be strengths in mg separated by commas (got "${text}")`, USAGE);
  return parts.map((p) => num('capsules', p)!);
}

const PLACEHOLDER_PATIENT = 'Patient/replace-with-the-patient-id';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Flags (over a preset's schedule, when one is named) -> the planner's input. */
function inputFrom(values: Record<string, string | boolean | undefined>): TitrationInput {
  const preset = values.preset === undefined ? undefined : findPreset(values.preset as string);
  if (values.preset !== undefined && !preset) throw usageError(`unknown preset "${String(values.preset)}"`, USAGE);
  const start = num('start', values.start as string | undefined) ?? preset?.schedule.startMg;
  const interval = num('interval', values.interval as string | undefined) ?? preset?.schedule.intervalDays;
  if (start === undefined) throw usageError('give --start (mg) or a --preset', USAGE);
  if (interval === undefined) throw usageError('give --interval (days) or a --preset', USAGE);
  const target = num('target', values.target as string | undefined) ?? preset?.schedule.targetMg;
  const step =
    num('step', values.step as string | undefined) ??
    preset?.schedule.stepMg ??
    (target === undefined || start === target ? 0 : undefined);
  if (step === undefined) throw usageError('give --step (mg) or a --preset', USAGE);
  const timing = (values.timing as string | undefined) ?? 'bedtime';
  if (timing !== 'bedtime' && timing !== 'morning')
    throw usageError(`--timing must be bedtime or morning (got "${timing}")`, USAGE);
  const maintenance = num('maintenance-days', values['maintenance-days'] as string | undefined);
  // A ladder belongs to its preset's own start and step: changing either falls back to start + k * step.
  const ladder =
    preset?.schedule.ladderMg && values.start === undefined && values.step === undefined
      ? preset.schedule.ladderMg
      : undefined;
  return {
    startMg: start,
    stepMg: step,
    intervalDays: interval,
    ...(target !== undefined ? { targetMg: target } : {}),
    ...(values['target-reason'] !== undefined ? { targetReason: values['target-reason'] as string } : {}),
    timing: timing as DoseTiming,
    form: formWithOptions(values, formFrom(values, preset?.suggestedForm)),
    startDate: (values['start-date'] as string | undefined) ?? today(),
    ...(maintenance !== undefined ? { maintenanceDays: maintenance } : {}),
    ...(ladder ? { ladderMg: ladder } : {}),
  };
}

function pad(cells: string[][]): string[] {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) =>
    row
      .map((c, i) => (i === row.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The schedule as text: heading, table, quantities, warnings, sigs, hold note. */
export function formatPlan(plan: TitrationPlan, presetId?: string): string[] {
  const p = plan.input;
  const preset = presetId ? findPreset(presetId) : undefined;
  const lines = [
    `${plan.formDescription}, once daily ${p.timing === 'bedtime' ? 'at bedtime' : 'in the morning'}, from ${clinicalDate(p.startDate)}`,
  ];
  if (preset)
    lines.push(
      `Preset: ${preset.label}. Source: ${preset.sources.map((s) => `${s.label}${s.verified ? '' : ' [UNVERIFIED]'}`).join('; ')}`,
    );
  if (p.targetReason) lines.push(`Target above 4.5 mg because: ${p.targetReason}`);
  lines.push('');
  const rows = [['Step', 'Dates', 'Days', 'Dose', 'How to take']];
  for (const s of plan.steps) {
    rows.push([
      String(s.sequence),
      `${clinicalDate(s.startDate)} to ${clinicalDate(s.endDate)}`,
      String(s.days),
      `${s.doseMg} mg`,
      `${s.howToTake}${s.phase === 'maintenance' ? ' (maintenance, continue)' : ''}`,
    ]);
  }
  lines.push(...pad(rows), '');
  lines.push(
    `Dispense: ${describeQuantity(plan.dispense)} for ${plan.totalDays} days (titration ${plan.titrationDays} days + ${p.maintenanceDays} days at ${p.targetMg} mg)`,
  );
  lines.push(beyondUseNote(p.form), `${storageWords(p.form)}.`);
  lines.push(
    `Fills (${plan.fills.length}: an initial fill and ${plan.fills.length - 1} ${plan.fills.length - 1 === 1 ? 'repeat' : 'repeats'}):`,
  );
  for (const f of plan.fills) lines.push(`  ${fillLine(f, plan.fills.length)}`);
  for (const w of plan.warnings) lines.push(`Warning: ${w}`);
  lines.push('', 'Sig:');
  for (const s of plan.steps) lines.push(`  ${s.sequence}. ${s.sig}`);
  lines.push('', `Hold: ${p.holdNote}`);
  return lines;
}

/** `--start -1` -> `--start=-1`, so a negative number reaches the planner's clear refusal, not a parser puzzle. */
function joinNegativeNumbers(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    if (
      name in OPTIONS &&
      OPTIONS[name as keyof typeof OPTIONS].type === 'string' &&
      next !== undefined &&
      /^-\d|^-\.\d/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: joinNegativeNumbers(argv),
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length > 0) throw usageError(`unexpected argument "${positionals[0]}"`, USAGE);
  if (values.patient !== undefined && referenceId(values.patient, 'Patient') === undefined) {
    throw usageError(`--patient must look like Patient/<id> (got "${values.patient}")`, USAGE);
  }

  const result = planTitration(inputFrom(values));
  if (!result.ok) {
    throw new CliError(firstProblemLine(result.error), 1);
  }
  if (values.json) {
    // Without --patient the subject is a placeholder to replace: the order is an example, never for a real chart.
    if (values.patient === undefined)
      io.stderr(`plan: no --patient given: the subject is the placeholder ${PLACEHOLDER_PATIENT}\n`);
    const patient = values.patient ?? PLACEHOLDER_PATIENT;
    const draft = buildOrder({
      plan: result.value,
      status: 'draft',
      patient,
      now: new Date().toISOString(),
      ids: { order: randomUUID() },
    });
    io.stdout(`${JSON.stringify(draft.medicationRequest, null, 2)}\n`);
    return 0;
  }
  io.stdout(`${formatPlan(result.value, values.preset).join('\n')}\n`);
  return 0;
}

/** The command, for the process entry below and for tests in process. */
export const main = cliMain('plan', USAGE, run);

runIfEntry(import.meta.url, main);
