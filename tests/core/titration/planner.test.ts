/**
 * Dimensions: form (capsule one/several strengths, liquid), schedule (stepped, fixed, ladder), target (default,
 * above 4.5 with/without reason, above 10), dates (month/year ends, invalid), deliverability (exact, refused).
 */
import { describe, expect, it } from 'vitest';
import { planTitration } from '../../../src/core/titration/planner.ts';
import { defaultStartDate } from '../../../src/core/titration/start-date.ts';
import type { TitrationInput, TitrationPlan } from '../../../src/core/titration/types.ts';
import { describeProblem } from '../../../src/ui/strings-problems.ts';

const base: TitrationInput = {
  startMg: 1.5,
  stepMg: 1.5,
  intervalDays: 7,
  timing: 'bedtime',
  form: { kind: 'liquid', mgPerMl: 1 },
  startDate: '2026-12-01',
};

function planOf(over: Partial<TitrationInput>): TitrationPlan {
  const r = planTitration({ ...base, ...over });
  if (!r.ok) throw new Error(`expected a plan, got ${JSON.stringify(r.error)}`);
  return r.value;
}

function problemsOf(over: Partial<TitrationInput>) {
  const r = planTitration({ ...base, ...over });
  if (r.ok) throw new Error('expected problems, got a plan');
  return r.error;
}

describe('planTitration: 1.5 mg weekly steps to 4.5 mg as 1 mg/mL liquid', () => {
  const plan = planOf({});

  it('gives two weekly titration steps then a maintenance month at 4.5 mg', () => {
    expect(plan.steps.map((s) => [s.sequence, s.phase, s.doseMg, s.days])).toEqual([
      [1, 'titration', 1.5, 7],
      [2, 'titration', 3, 7],
      [3, 'maintenance', 4.5, 30],
    ]);
  });

  it('dates the steps back to back, ends inclusive, across the year end', () => {
    expect(plan.steps.map((s) => [s.startDate, s.endDate])).toEqual([
      ['2026-12-01', '2026-12-07'],
      ['2026-12-08', '2026-12-14'],
      ['2026-12-15', '2027-01-13'],
    ]);
    expect(plan.endDate).toBe('2027-01-13');
    expect(plan.titrationDays).toBe(14);
    expect(plan.totalDays).toBe(44);
  });

  it('says how to take each dose in mL and dispenses the sum: 10.5 + 21 + 135 mL', () => {
    expect(plan.steps.map((s) => s.howToTake)).toEqual(['1.5 mL of 1 mg/mL', '3 mL of 1 mg/mL', '4.5 mL of 1 mg/mL']);
    expect(plan.dispense).toEqual({ kind: 'liquid', ml: 166.5, mgPerMl: 1 });
  });

  it('writes a plain-language sig per step, the last one to continue', () => {
    expect(plan.steps[0]!.sig).toBe(
      'Take 1.5 mL of 1 mg/mL (1.5 mg) by mouth once daily at bedtime for 7 days (1 Dec 2026 to 7 Dec 2026).',
    );
    expect(plan.steps[2]!.sig).toMatch(/^Then take 4\.5 mL of 1 mg\/mL \(4\.5 mg\) .* from 15 Dec 2026 and continue/);
  });

  it('fills the defaults: target 4.5 mg, 30 maintenance days, the hold note', () => {
    expect(plan.input.targetMg).toBe(4.5);
    expect(plan.input.maintenanceDays).toBe(30);
    expect(plan.input.holdNote).toMatch(/highest dose you tolerate/);
    expect(plan.planText).toContain(plan.input.holdNote);
  });

  it('splits 44 days of liquid into two even fills inside its 30-day room-temperature beyond-use limit', () => {
    expect(plan.beyondUseDays).toBe(30);
    expect(plan.storage).toBe('room-temperature');
    expect(plan.fills.map((f) => [f.number, f.startDate, f.endDate, f.days, f.beyondUseDate])).toEqual([
      [1, '2026-12-01', '2026-12-22', 22, '2026-12-31'],
      [2, '2026-12-23', '2027-01-13', 22, '2027-01-22'],
    ]);
    // Fill 1: 7 x 1.5 + 7 x 3 + 8 x 4.5 mL; fill 2: 22 x 4.5 mL.
    expect(plan.fills.map((f) => f.quantity)).toEqual([
      { kind: 'liquid', ml: 67.5, mgPerMl: 1 },
      { kind: 'liquid', ml: 99, mgPerMl: 1 },
    ]);
    expect(plan.warnings).toEqual([]);
    expect(plan.planText).toContain('in 2 fills of at most 30 days, from 1 Dec 2026.');
  });

  it('refrigerated liquid keeps 60 days: one fill', () => {
    const cold = planOf({ form: { kind: 'liquid', mgPerMl: 1, storage: 'refrigerated' } });
    expect(cold.beyondUseDays).toBe(60);
    expect(cold.fills).toHaveLength(1);
    expect(cold.fills[0]).toMatchObject({ days: 44, beyondUseDate: '2027-01-30', quantity: cold.dispense });
  });
});

describe('planTitration: capsules', () => {
  it('gives ONE capsule per dose by default: 1.5, 3 and 4.5 mg capsules, each strength counted', () => {
    const plan = planOf({ form: { kind: 'capsule', strengthsMg: [1.5, 3, 4.5] }, timing: 'morning' });
    expect(plan.steps.map((s) => s.howToTake)).toEqual([
      '1 capsule of 1.5 mg',
      '1 capsule of 3 mg',
      '1 capsule of 4.5 mg',
    ]);
    expect(plan.dispense).toEqual({
      kind: 'capsule',
      perStrength: [
        { strengthMg: 4.5, count: 30 },
        { strengthMg: 3, count: 7 },
        { strengthMg: 1.5, count: 7 },
      ],
      totalCapsules: 44,
    });
    expect(plan.fills).toHaveLength(1);
    expect(plan.beyondUseDays).toBe(180);
  });

  it('without a 4.5 mg strength, refuses 4.5 mg as one capsule and says how to fix it', () => {
    const problems = problemsOf({ form: { kind: 'capsule', strengthsMg: [1.5, 3] } });
    expect(problems).toEqual([expect.objectContaining({ code: 'plan/not-deliverable', target: 'targetMg' })]);
    expect(describeProblem(problems[0]!)).toBe(
      '4.5 mg is not one of the capsule strengths (1.5 mg, 3 mg): add a 4.5 mg capsule, allow several capsules per dose, or choose an oral liquid.',
    );
  });

  it('combines 1.5 mg and 3 mg capsules with the fewest per dose when the clinician allows several', () => {
    const plan = planOf({ form: { kind: 'capsule', strengthsMg: [1.5, 3], maxCapsulesPerDose: 3 }, timing: 'morning' });
    expect(plan.steps.map((s) => s.howToTake)).toEqual([
      '1 capsule of 1.5 mg',
      '1 capsule of 3 mg',
      '1 capsule of 3 mg and 1 capsule of 1.5 mg',
    ]);
    expect(plan.dispense).toEqual({
      kind: 'capsule',
      perStrength: [
        { strengthMg: 3, count: 37 },
        { strengthMg: 1.5, count: 37 },
      ],
      totalCapsules: 74,
    });
    expect(plan.steps[0]!.sig).toContain('in the morning');
    expect(plan.warnings).toEqual([]);
  });

  it('takes several capsules of one strength: 3 x 1.5 mg for 4.5 mg', () => {
    const plan = planOf({ form: { kind: 'capsule', strengthsMg: [1.5], maxCapsulesPerDose: 3 } });
    expect(plan.steps.map((s) => s.howToTake)).toEqual([
      '1 capsule of 1.5 mg',
      '2 capsules of 1.5 mg',
      '3 capsules of 1.5 mg',
    ]);
    expect(plan.dispense).toEqual({
      kind: 'capsule',
      perStrength: [{ strengthMg: 1.5, count: 7 + 14 + 90 }],
      totalCapsules: 111,
    });
  });

  it('refuses a 0.25 mg start with 1.5 mg capsules, naming the dose, never rounding', () => {
    const problems = problemsOf({
      startMg: 0.25,
      stepMg: 0.25,
      form: { kind: 'capsule', strengthsMg: [1.5], maxCapsulesPerDose: 3 },
    });
    expect(problems[0]).toMatchObject({ code: 'plan/not-deliverable', target: 'startMg' });
    expect(describeProblem(problems[0]!)).toMatch(/^0\.25 mg cannot be made exactly from capsules of 1\.5 mg/);
    expect(problems.every((p) => p.code === 'plan/not-deliverable')).toBe(true);
  });

  it('refuses a dose needing more capsules than allowed per dose, and accepts it when more are allowed', () => {
    const form = { kind: 'capsule' as const, strengthsMg: [1], maxCapsulesPerDose: 3 };
    expect(problemsOf({ startMg: 1, stepMg: 1, form })).toEqual([
      expect.objectContaining({ code: 'plan/not-deliverable', target: 'stepMg' }),
      expect.objectContaining({ code: 'plan/not-deliverable', target: 'targetMg' }),
    ]);
    expect(problemsOf({ startMg: 1, stepMg: 1, form }).map(describeProblem)).toEqual([
      expect.stringMatching(/^4 mg /),
      expect.stringMatching(/^4\.5 mg /),
    ]);
    const plan = planOf({ startMg: 1, stepMg: 1, targetMg: 4, form: { ...form, maxCapsulesPerDose: 4 } });
    expect(plan.steps.at(-1)!.howToTake).toBe('4 capsules of 1 mg');
  });
});

describe('planTitration: liquid volumes', () => {
  it('refuses 0.25 mg at 1 mg/mL (0.25 mL cannot be measured in 0.1 mL steps)', () => {
    const problems = problemsOf({ startMg: 0.25, stepMg: 0.25 });
    expect(problems[0]).toMatchObject({ code: 'plan/not-deliverable', target: 'startMg' });
    expect(describeProblem(problems[0]!)).toContain('0.25 mL');
  });

  it('gives 0.25 mg steps at 0.5 mg/mL as whole tenths of a mL', () => {
    const plan = planOf({ startMg: 0.25, stepMg: 0.25, form: { kind: 'liquid', mgPerMl: 0.5 } });
    expect(plan.steps).toHaveLength(18);
    expect(plan.steps[0]!.howToTake).toBe('0.5 mL of 0.5 mg/mL');
    expect(plan.steps.at(-1)!.howToTake).toBe('9 mL of 0.5 mg/mL');
  });

  it('has no float drift: 0.1 mg steps from 0.3 mg at 1 mg/mL are exact volumes', () => {
    const plan = planOf({ startMg: 0.3, stepMg: 0.1, targetMg: 1, form: { kind: 'liquid', mgPerMl: 1 } });
    expect(plan.steps.map((s) => s.doseMg)).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(plan.steps.map((s) => s.perDoseUnits.kind === 'liquid' && s.perDoseUnits.ml)).toEqual([
      0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
  });
});

describe('planTitration: schedule shapes', () => {
  it('a step that overshoots stops below the target, and the maintenance step is the target', () => {
    const plan = planOf({ startMg: 1, stepMg: 1.5 });
    expect(plan.steps.map((s) => s.doseMg)).toEqual([1, 2.5, 4, 4.5]);
  });

  it('a start at the target is a fixed dose: maintenance only, step ignored', () => {
    const plan = planOf({ startMg: 4.5, stepMg: 0, form: { kind: 'capsule', strengthsMg: [4.5] } });
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({
      sequence: 1,
      phase: 'maintenance',
      doseMg: 4.5,
      days: 30,
      startDate: '2026-12-01',
    });
    expect(plan.steps[0]!.sig).toMatch(/^Take 1 capsule of 4\.5 mg/);
    expect(plan.titrationDays).toBe(0);
  });

  it('follows an explicit ladder (NCT05430152: 1, 2, 3 mg, then 4.5 mg from week 4)', () => {
    const plan = planOf({ startMg: 1, stepMg: 1, ladderMg: [1, 2, 3] });
    expect(plan.steps.map((s) => [s.doseMg, s.startDate])).toEqual([
      [1, '2026-12-01'],
      [2, '2026-12-08'],
      [3, '2026-12-15'],
      [4.5, '2026-12-22'],
    ]);
  });

  it('refuses a ladder that falls, or does not start at the start dose', () => {
    expect(problemsOf({ startMg: 1, ladderMg: [1, 3, 2] })[0]!.code).toBe('plan/ladder-invalid');
    expect(problemsOf({ startMg: 1, ladderMg: [2, 3] })[0]!.code).toBe('plan/ladder-invalid');
  });

  it('uses the maintenance days given, and counts them in the quantity', () => {
    const plan = planOf({ maintenanceDays: 60 });
    expect(plan.steps.at(-1)!.days).toBe(60);
    expect(plan.dispense).toEqual({ kind: 'liquid', ml: 10.5 + 21 + 270, mgPerMl: 1 });
  });

  it('handles a leap day', () => {
    const plan = planOf({ startDate: '2028-02-26' });
    expect(plan.steps[0]!.endDate).toBe('2028-03-03');
  });
});

describe('planTitration: the target', () => {
  it('refuses a target above 10 mg: not low dose', () => {
    const problems = problemsOf({ targetMg: 12, targetReason: 'asked' });
    expect(problems).toEqual([expect.objectContaining({ code: 'plan/target-above-limit', target: 'targetMg' })]);
    expect(describeProblem(problems[0]!)).toMatch(/at most 10 mg/);
  });

  it('asks for a reason above 4.5 mg, and plans 6 mg with one, putting it in the plan text', () => {
    expect(problemsOf({ targetMg: 6 })).toEqual([
      expect.objectContaining({ code: 'plan/target-needs-reason', target: 'targetReason' }),
    ]);
    expect(problemsOf({ targetMg: 6, targetReason: '   ' })[0]!.code).toBe('plan/target-needs-reason');
    const plan = planOf({ targetMg: 6, targetReason: 'FINAL trial dose' });
    expect(plan.steps.map((s) => s.doseMg)).toEqual([1.5, 3, 4.5, 6]);
    expect(plan.planText).toContain('FINAL trial dose');
  });

  it('accepts exactly 10 mg with a reason', () => {
    expect(
      planOf({ startMg: 5, stepMg: 5, targetMg: 10, targetReason: 'tolerated 4.5 mg without effect' }).steps.at(-1)!
        .doseMg,
    ).toBe(10);
  });
});

describe('planTitration: input problems, all reported at once', () => {
  it('zero and negative doses', () => {
    expect(problemsOf({ startMg: 0 })).toContainEqual(
      expect.objectContaining({ code: 'plan/not-positive', target: 'startMg' }),
    );
    expect(problemsOf({ startMg: -1 })).toContainEqual(
      expect.objectContaining({ code: 'plan/not-positive', target: 'startMg' }),
    );
    expect(problemsOf({ stepMg: -0.5 })).toContainEqual(
      expect.objectContaining({ code: 'plan/not-positive', target: 'stepMg' }),
    );
    expect(problemsOf({ targetMg: 0 })).toContainEqual(
      expect.objectContaining({ code: 'plan/not-positive', target: 'targetMg' }),
    );
    expect(problemsOf({ form: { kind: 'liquid', mgPerMl: 0 } })).toContainEqual(
      expect.objectContaining({ code: 'plan/not-positive', target: 'form.mgPerMl' }),
    );
  });

  it('a start below 0.25 mg, above the target, or a missing step', () => {
    expect(problemsOf({ startMg: 0.1 })[0]).toMatchObject({ code: 'plan/start-too-low', target: 'startMg' });
    expect(problemsOf({ startMg: 6 })).toContainEqual(expect.objectContaining({ code: 'plan/start-above-target' }));
    expect(problemsOf({ stepMg: 0 })).toEqual([
      expect.objectContaining({ code: 'plan/step-missing', target: 'stepMg' }),
    ]);
  });

  it('numbers finer than a microgram, NaN, non-whole days, bad dates, too many steps', () => {
    expect(problemsOf({ startMg: 1.0005 })[0]!.code).toBe('plan/invalid-number');
    expect(problemsOf({ stepMg: Number.NaN })[0]!.code).toBe('plan/invalid-number');
    expect(problemsOf({ intervalDays: 3.5 })[0]).toMatchObject({
      code: 'plan/interval-invalid',
      target: 'intervalDays',
    });
    expect(problemsOf({ intervalDays: 0 })[0]!.code).toBe('plan/interval-invalid');
    expect(problemsOf({ maintenanceDays: 0 })[0]!.code).toBe('plan/maintenance-invalid');
    expect(problemsOf({ startDate: '2026-02-30' })[0]).toMatchObject({
      code: 'plan/date-invalid',
      target: 'startDate',
    });
    expect(problemsOf({ startDate: '01/12/2026' })[0]!.code).toBe('plan/date-invalid');
    expect(problemsOf({ startMg: 0.25, stepMg: 0.001, form: { kind: 'liquid', mgPerMl: 0.001 } })[0]!.code).toBe(
      'plan/too-many-steps',
    );
  });

  it('an empty field (NaN) is reported as missing, not as "NaN"', () => {
    expect(describeProblem(problemsOf({ startMg: Number.NaN })[0]!)).toBe('The start dose is missing or not a number.');
    expect(describeProblem(problemsOf({ intervalDays: Number.NaN })[0]!)).toBe(
      'The interval is missing or not a number.',
    );
    expect(describeProblem(problemsOf({ intervalDays: 400 })[0]!)).toBe(
      'The interval must be a number of whole days from 1 to 90 (got 400).',
    );
  });

  it('several problems at once, each with its field', () => {
    const problems = problemsOf({
      startMg: 0,
      intervalDays: -1,
      startDate: 'soon',
      form: { kind: 'capsule', strengthsMg: [] },
    });
    expect(problems.map((p) => p.target).sort()).toEqual(['form.strengthsMg', 'intervalDays', 'startDate', 'startMg']);
    for (const p of problems) expect(describeProblem(p).length).toBeGreaterThan(10);
  });
});

describe('planTitration: start date and the opioid-free window (issue 10 item 5)', () => {
  it('refuses a start inside the window, naming the first allowed day', () => {
    const problems = problemsOf({ startDate: '2026-12-01', opioidFreeFrom: '2026-12-06' });
    expect(problems).toEqual([
      {
        code: 'plan/start-in-window',
        severity: 'error',
        target: 'startDate',
        params: { startDate: '2026-12-01', opioidFreeFrom: '2026-12-06' },
      },
    ]);
    expect(describeProblem(problems[0]!)).toBe(
      'The start date 1 Dec 2026 is inside the opioid-free window: start on or after 6 Dec 2026, or record that you choose to start earlier.',
    );
  });

  it('goes ahead when the clinician chose to, and says so in the plan text (the order note) and the warnings', () => {
    const plan = planOf({ startDate: '2026-12-01', opioidFreeFrom: '2026-12-06', startBeforeOpioidFree: true });
    const note =
      'Start date 1 Dec 2026 is before the end of the opioid-free window (not before 6 Dec 2026): the prescriber chose to start anyway.';
    expect(plan.warnings).toEqual([note]);
    expect(plan.planText.split('\n')[1]).toBe(note);
  });

  it('accepts the first allowed day and later days without a word', () => {
    for (const startDate of ['2026-12-06', '2026-12-20']) {
      const plan = planOf({ startDate, opioidFreeFrom: '2026-12-06' });
      expect(plan.warnings).toEqual([]);
      expect(plan.planText).not.toMatch(/opioid-free/);
    }
  });

  it('defaults the start to the opioid-free date only when it is later than today', () => {
    expect(defaultStartDate('2026-12-01', '2026-12-06')).toBe('2026-12-06');
    expect(defaultStartDate('2026-12-01', '2026-11-20')).toBe('2026-12-01');
    expect(defaultStartDate('2026-12-01', undefined)).toBe('2026-12-01');
  });
});
