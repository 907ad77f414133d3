// @vitest-environment happy-dom
/**
 * The planner: presets fill the schedule and show their sources; the planner's problems appear next to the field
 * they concern (aria-describedby, aria-invalid); a target above 4.5 mg asks for a reason, above 10 mg is refused.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { planTitration } from '../../src/core/titration/planner.ts';
import { TITRATION_PRESETS } from '../../src/core/titration/presets.ts';
import { P } from '../../src/ui/strings-plan.ts';
import { F } from '../../src/ui/strings-order.ts';
import { describeProblem } from '../../src/ui/strings-problems.ts';
import { assess } from '../../src/core/assess/assess.ts';
import { formatDate } from '../../src/ui/format.ts';
import { chartOf, fakes, fibromyalgia, NOW, recentOxycodone, renderScreen } from './support/screen.tsx';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

async function openPlanner() {
  renderScreen(fakes({ charts: [chartOf({ conditions: [fibromyalgia()] })] }));
  await screen.findByRole('heading', { name: P.plannerHeading });
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.input(input(label), { target: { value } });

/** The problems the field's aria-describedby points at. */
function describedProblems(el: HTMLElement): string[] {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.flatMap((id) =>
    [...(document.getElementById(id)?.querySelectorAll('li') ?? [])].map((li) => li.textContent ?? ''),
  );
}

describe('planner', () => {
  it('fills the schedule from a preset, shows its sources and the steps with quantities and sig', async () => {
    await openPlanner();
    const preset = TITRATION_PRESETS[0]!;
    fireEvent.change(screen.getByLabelText(P.preset), { target: { value: preset.id } });
    expect(input(P.startMg).value).toBe(String(preset.schedule.startMg));
    expect(input(P.intervalDays).value).toBe(String(preset.schedule.intervalDays));
    expect(screen.getByText(preset.description)).toBeTruthy();
    const table = within(await screen.findByRole('region', { name: P.stepsHeading })).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    const plan = planTitration({
      ...preset.schedule,
      timing: 'bedtime',
      form: preset.suggestedForm,
      startDate: '2026-11-25',
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(rows).toHaveLength(plan.value.steps.length);
    expect(rows[0]?.textContent).toContain(plan.value.steps[0]!.sig);
    expect(screen.getByRole('heading', { name: P.dispenseHeading }).nextElementSibling?.textContent).toContain(
      plan.value.formDescription,
    );
  });

  it('shows nothing to fix before the clinician starts', async () => {
    await openPlanner();
    expect(screen.getByText(P.notStarted)).toBeTruthy();
    expect(document.querySelectorAll('[aria-invalid="true"]')).toHaveLength(0);
  });

  it('refuses a target above 10 mg next to the target field', async () => {
    await openPlanner();
    type(P.startMg, '1');
    type(P.stepMg, '1');
    type(P.intervalDays, '7');
    type(P.targetMg, '12');
    const target = input(P.targetMg);
    expect(target.getAttribute('aria-invalid')).toBe('true');
    const problems = describedProblems(target);
    expect(problems.length).toBeGreaterThan(0);
    const expected = planTitration({
      startMg: 1,
      stepMg: 1,
      intervalDays: 7,
      targetMg: 12,
      timing: 'bedtime',
      form: { kind: 'liquid', mgPerMl: 1 },
      startDate: '2026-11-25',
    });
    expect(expected.ok).toBe(false);
    if (!expected.ok)
      expect(problems).toContain(describeProblem(expected.error.find((p) => p.code === 'plan/target-above-limit')!));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('asks for a reason above 4.5 mg, and accepts the plan once it is given', async () => {
    await openPlanner();
    expect(screen.queryByLabelText(P.targetReason)).toBeNull();
    type(P.startMg, '1.5');
    type(P.stepMg, '1.5');
    type(P.intervalDays, '7');
    type(P.targetMg, '6');
    const reason = screen.getByLabelText(P.targetReason) as HTMLTextAreaElement;
    expect(describedProblems(reason).length).toBeGreaterThan(0);
    fireEvent.input(reason, { target: { value: 'Partial response at 4.5 mg for six months' } });
    expect(await screen.findByRole('region', { name: P.stepsHeading })).toBeTruthy();
    expect(reason.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses doses the capsules cannot give, beside the schedule, summarising a long list', async () => {
    await openPlanner();
    type(P.startMg, '0.25');
    type(P.stepMg, '0.25');
    type(P.intervalDays, '7');
    fireEvent.click(screen.getByLabelText(P.capsule));
    type(P.strengthsMg, '1.5');
    // The planner names the start dose and every step it cannot make from 1.5 mg capsules.
    const start = input(P.startMg);
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(describedProblems(start).join(' ')).toMatch(
      /0\.25 mg is not one of the capsule strengths \(1\.5 mg\): add a 0\.25 mg capsule/,
    );
    const stepProblems = describedProblems(input(P.stepMg));
    expect(stepProblems).toHaveLength(4);
    expect(stepProblems[3]).toMatch(/more like this/);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it("splits the clinic plan into fills inside the liquid's beyond-use limit; refrigerated gives fewer, longer fills", async () => {
    await openPlanner();
    fireEvent.change(screen.getByLabelText(P.preset), { target: { value: 'clinic-weekly' } });
    const fills = within(await screen.findByRole('region', { name: F.fillsHeading }))
      .getAllByRole('row')
      .slice(1);
    expect(fills).toHaveLength(5);
    expect(screen.getByText(F.fillsIntro(5, 30))).toBeTruthy();
    // Each row: number, from, to, days (at most 30), quantity, beyond-use date, all dates as "7 Dec 2026".
    for (const row of fills) {
      const cells = within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent ?? '');
      expect(Number(cells[3])).toBeLessThanOrEqual(30);
      for (const i of [1, 2, 5]) expect(cells[i]).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    }
    fireEvent.click(screen.getByLabelText(F.refrigerated));
    expect(
      within(await screen.findByRole('region', { name: F.fillsHeading }))
        .getAllByRole('row')
        .slice(1),
    ).toHaveLength(3);
  });

  it('capsules: one capsule per step unless several are allowed', async () => {
    await openPlanner();
    type(P.startMg, '1.5');
    type(P.stepMg, '1.5');
    type(P.intervalDays, '7');
    fireEvent.click(screen.getByLabelText(P.capsule));
    type(P.strengthsMg, '1.5, 3');
    expect(describedProblems(input(P.targetMg)).join(' ')).toMatch(/4\.5 mg is not one of the capsule strengths/);
    fireEvent.click(screen.getByLabelText(F.severalCapsules));
    const table = within(await screen.findByRole('region', { name: P.stepsHeading })).getByRole('table');
    expect(within(table).getAllByRole('row').at(-1)?.textContent).toContain(
      '1 capsule of 3 mg and 1 capsule of 1.5 mg',
    );
    type(P.strengthsMg, '1.5, 3, 4.5');
    fireEvent.click(screen.getByLabelText(F.severalCapsules));
    expect(
      within(within(await screen.findByRole('region', { name: P.stepsHeading })).getByRole('table'))
        .getAllByRole('row')
        .at(-1)?.textContent,
    ).toContain('1 capsule of 4.5 mg');
  });

  it("starts on the opioid-free date, refuses an earlier start beside the date, and records the clinician's choice to go ahead", async () => {
    renderScreen(
      fakes({ charts: [chartOf({ conditions: [fibromyalgia()], medicationStatements: [recentOxycodone()] })] }),
    );
    await screen.findByRole('heading', { name: P.plannerHeading });
    const free = assess(
      chartOf({ conditions: [fibromyalgia()], medicationStatements: [recentOxycodone()] }),
      NOW,
    ).opioidFreeFrom!;
    expect(free > '2026-11-25').toBe(true);
    await waitFor(() => expect(input(P.startDate).value).toBe(formatDate(free)));
    fireEvent.change(screen.getByLabelText(P.preset), { target: { value: 'clinic-weekly' } });
    type(P.startDate, '2026-11-25');
    expect(describedProblems(input(P.startDate)).join(' ')).toContain(`start on or after ${formatDate(free)}`);
    expect(screen.queryByRole('region', { name: P.stepsHeading })).toBeNull();
    fireEvent.click(screen.getByLabelText(F.windowGoAhead(formatDate(free))));
    expect(await screen.findByRole('region', { name: P.stepsHeading })).toBeTruthy();
    expect(screen.getByText(/the prescriber chose to start anyway/)).toBeTruthy();
  });
});
