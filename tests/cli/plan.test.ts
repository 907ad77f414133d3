/**
 * `npm run plan` (its main in process; once as a real process, as a user runs it): the schedule, --json, presets, and each failure
 * (target above 10 mg, zero/negative dose, a step the form cannot give, unknown flag) as one message, no stack trace.
 */
import { describe, expect, it } from 'vitest';
import type { MedicationRequest } from 'fhir/r4';
import { main } from '../../src/entry/cli/plan.ts';
import { fhirProblems } from '../core/order/fhir-validation.ts';
import { asProcess, inProcess } from './support.ts';

const plan = (...args: string[]) => inProcess(main, args);

const LIQUID = [
  '--start',
  '1.5',
  '--step',
  '1.5',
  '--target',
  '4.5',
  '--interval',
  '7',
  '--form',
  'liquid',
  '--concentration',
  '1',
  '--start-date',
  '2026-12-01',
];

/** One line on stderr (plus the usage text for usage errors), never a stack trace. */
function expectOneMessage(stderr: string, pattern: RegExp): void {
  expect(stderr.split('\n')[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/unexpected error/);
}

describe('plan command', () => {
  it('prints the schedule, quantities and sig for 1.5 mg weekly steps as 1 mg/mL liquid (as a real process)', async () => {
    const r = await asProcess('plan', LIQUID);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^Naltrexone HCl 1 mg\/mL oral liquid \(compounded\), once daily at bedtime, from 1 Dec 2026/,
    );
    expect(r.stdout).toMatch(/1\s+1 Dec 2026 to 7 Dec 2026\s+7\s+1\.5 mg\s+1\.5 mL of 1 mg\/mL/);
    expect(r.stdout).toMatch(
      /3\s+15 Dec 2026 to 13 Jan 2027\s+30\s+4\.5 mg\s+4\.5 mL of 1 mg\/mL \(maintenance, continue\)/,
    );
    expect(r.stdout).toContain('Dispense: 166.5 mL of 1 mg/mL for 44 days');
    expect(r.stdout).toContain(
      'Fill 2 of 2: 99 mL of 1 mg/mL for 22 days, 23 Dec 2026 to 13 Jan 2027, beyond-use date 22 Jan 2027.',
    );
    expect(r.stdout).toContain(
      '1. Take 1.5 mL of 1 mg/mL (1.5 mg) by mouth once daily at bedtime for 7 days (1 Dec 2026 to 7 Dec 2026).',
    );
    expect(r.stdout).toMatch(/Hold: .*highest dose you tolerate/);
  }, 60_000);

  it('capsules: one capsule per step by default (4.5 mg is one 4.5 mg capsule)', async () => {
    const r = await plan('--preset', 'nct04678895', '--start-date', '2026-12-01');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3\s+15 Dec 2026 to 13 Jan 2027\s+30\s+4\.5 mg\s+1 capsule of 4\.5 mg \(maintenance/);
    expect(r.stdout).toContain(
      'Dispense: 30 capsules of 4.5 mg and 7 capsules of 3 mg and 7 capsules of 1.5 mg (44 capsules) for 44 days',
    );
    expect(r.stdout).toContain('Store at room temperature, protected from light.');
  });

  it('capsules and morning timing, several capsules per dose when asked', async () => {
    const r = await plan(
      '--start',
      '1.5',
      '--step',
      '1.5',
      '--interval',
      '7',
      '--form',
      'capsule',
      '--capsules',
      '1.5,3',
      '--several-capsules',
      '--timing',
      'morning',
      '--start-date',
      '2026-12-01',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 capsule of 3 mg and 1 capsule of 1.5 mg');
    expect(r.stdout).toContain('Dispense: 37 capsules of 3 mg and 37 capsules of 1.5 mg (74 capsules) for 44 days');
    expect(r.stdout).toContain('in the morning');
  });

  it('a preset fills the schedule and names its source', async () => {
    const r = await plan('--preset', 'nct05430152', '--start-date', '2026-03-02');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Preset: NCT05430152');
    expect(r.stdout).toMatch(/4\s+23 Mar 2026 to 21 Apr 2026\s+30\s+4\.5 mg/);
  });

  it('--json prints a valid draft MedicationRequest for the patient, with a fresh uuid identifier', async () => {
    const r = await plan(...LIQUID, '--patient', 'Patient/ldn-fibromyalgia', '--json');
    expect(r.code).toBe(0);
    const mr = JSON.parse(r.stdout) as MedicationRequest;
    expect(mr).toMatchObject({
      resourceType: 'MedicationRequest',
      status: 'draft',
      intent: 'order',
      subject: { reference: 'Patient/ldn-fibromyalgia' },
    });
    expect(mr.dosageInstruction?.map((d) => d.sequence)).toEqual([1, 2, 3]);
    expect(mr.identifier?.[0]?.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Without a requester (the CLI has no clinician) US Core 5.0.1 misses only the 1..1 requester.
    expect(fhirProblems(mr)).toEqual(['US Core MedicationRequest.requester: Missing required property']);
  });

  it('--preset clinic-weekly --json: 0.5 mg/mL liquid in fills of at most 30 days (60 refrigerated), with repeats and beyond-use dates', async () => {
    const [room, cold] = await Promise.all([
      plan('--preset', 'clinic-weekly', '--start-date', '2026-12-07', '--json'),
      plan('--preset', 'clinic-weekly', '--start-date', '2026-12-07', '--storage', 'refrigerated', '--json'),
    ]);
    expect(room.code).toBe(0);
    expect(room.stderr).toMatch(/^plan: no --patient given: the subject is the placeholder Patient\//);
    const mr = JSON.parse(room.stdout) as MedicationRequest;
    const dr = mr.dispenseRequest!;
    expect(dr.initialFill).toMatchObject({
      quantity: { value: 40, unit: 'mL' },
      duration: { value: 30, unit: 'days' },
    });
    expect(dr.numberOfRepeatsAllowed).toBe(4);
    expect(dr.expectedSupplyDuration?.value).toBeLessThanOrEqual(30);
    expect(dr.validityPeriod).toEqual({ start: '2026-12-07', end: '2027-05-04' });
    const pharmacy = mr.note![1]!.text;
    expect(pharmacy).toContain(
      'Fill 1 of 5: 40 mL of 0.5 mg/mL for 30 days, 7 Dec 2026 to 5 Jan 2027, beyond-use date 6 Jan 2027.',
    );
    expect(pharmacy).toContain(
      'Fill 5 of 5: 261 mL of 0.5 mg/mL for 29 days, 6 Apr 2027 to 4 May 2027, beyond-use date 6 May 2027.',
    );
    const coldDr = (JSON.parse(cold.stdout) as MedicationRequest).dispenseRequest!;
    expect(coldDr.numberOfRepeatsAllowed).toBe(2);
    expect(coldDr.initialFill?.duration?.value).toBeLessThanOrEqual(60);
    expect(coldDr.expectedSupplyDuration?.value).toBeLessThanOrEqual(60);
  });

  it('refuses a target above 10 mg (exit 1, one message)', async () => {
    const r = await plan(...LIQUID.filter((_, i) => i < 4 || i > 5), '--target', '12', '--target-reason', 'x');
    expect(r.code).toBe(1);
    expectOneMessage(r.stderr, /^plan: The target 12 mg is above 10 mg: low-dose naltrexone is at most 10 mg a day/);
    expect(r.stdout).toBe('');
  });

  it('refuses a zero or negative dose', async () => {
    const zero = await plan(
      '--start',
      '0',
      '--step',
      '1',
      '--interval',
      '7',
      '--form',
      'liquid',
      '--concentration',
      '1',
    );
    expect(zero.code).toBe(1);
    expectOneMessage(zero.stderr, /^plan: The start dose must be more than 0 mg/);
    const negative = await plan(
      '--start',
      '-1',
      '--step',
      '1',
      '--interval',
      '7',
      '--form',
      'liquid',
      '--concentration',
      '1',
    );
    expect(negative.code).toBe(1);
    expectOneMessage(negative.stderr, /^plan: The start dose must be more than 0 mg \(got -1 mg\)/);
  });

  it('refuses a step the form cannot give: 0.25 mg with 1.5 mg capsules', async () => {
    const r = await plan(
      '--start',
      '0.25',
      '--step',
      '0.25',
      '--interval',
      '7',
      '--form',
      'capsule',
      '--capsules',
      '1.5',
    );
    expect(r.code).toBe(1);
    expectOneMessage(
      r.stderr,
      /^plan: 0\.25 mg is not one of the capsule strengths \(1\.5 mg\): add a 0\.25 mg capsule.*\(and 16 more problems\)$/,
    );
  });

  it('usage errors exit 2: unknown flag, malformed number, liquid without concentration, storage of capsules, unknown preset', async () => {
    const cases = await Promise.all([
      plan(...LIQUID, '--bogus'),
      plan('--start', 'one', '--step', '1', '--interval', '7', '--form', 'liquid', '--concentration', '1'),
      plan('--start', '1', '--step', '1', '--interval', '7', '--form', 'liquid'),
      plan('--preset', 'nct04678895', '--storage', 'refrigerated'),
      plan(...LIQUID, '--preset', 'nope'),
    ]);
    expect(cases.map((c) => c.code)).toEqual([2, 2, 2, 2, 2]);
    expectOneMessage(cases[0]!.stderr, /^plan: Unknown option '--bogus'/);
    expectOneMessage(cases[1]!.stderr, /^plan: --start must be a number \(got "one"\)/);
    expectOneMessage(cases[2]!.stderr, /^plan: --form liquid needs --concentration/);
    expectOneMessage(cases[3]!.stderr, /^plan: --storage is for the oral liquid/);
    expectOneMessage(cases[4]!.stderr, /^plan: unknown preset "nope"/);
    for (const c of cases) expect(c.stderr).toContain('usage: npm run plan');
  });
});
