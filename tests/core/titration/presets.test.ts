import { describe, expect, it } from 'vitest';
import { planTitration } from '../../../src/core/titration/planner.ts';
import { TITRATION_PRESETS, findPreset } from '../../../src/core/titration/presets.ts';

describe('TITRATION_PRESETS', () => {
  it('has the five schedules of ldn-clinical.md section 4, unique ids, each with a source', () => {
    expect(TITRATION_PRESETS.map((p) => p.id)).toEqual([
      'clinic-weekly',
      'ldn-research-trust',
      'nct04678895',
      'nct05430152',
      'fixed-4.5',
    ]);
    for (const p of TITRATION_PRESETS) {
      expect(p.sources.length).toBeGreaterThan(0);
      for (const s of p.sources) expect(s.label.length).toBeGreaterThan(10);
    }
  });

  it('cites the trials by NCT number and marks the unverified ones', () => {
    expect(findPreset('nct04678895')!.sources[0]).toMatchObject({ kind: 'trial', id: 'NCT04678895', verified: true });
    expect(findPreset('nct05430152')!.sources[0]).toMatchObject({ kind: 'trial', id: 'NCT05430152' });
    // The clinic's 0.25 mg start is listed among the seed claims not verified (ldn-clinical.md section 1).
    expect(findPreset('clinic-weekly')!.sources.every((s) => !s.verified)).toBe(true);
    expect(findPreset('nope')).toBeUndefined();
  });

  it.each(TITRATION_PRESETS.map((p) => [p.id, p] as const))(
    '%s plans with its suggested form, ending at its target',
    (_id, preset) => {
      const r = planTitration({
        ...preset.schedule,
        form: preset.suggestedForm,
        timing: 'bedtime',
        startDate: '2026-03-02',
      });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.steps[0]!.doseMg).toBe(preset.schedule.startMg);
      expect(r.value.steps.at(-1)!.doseMg).toBe(preset.schedule.targetMg);
    },
  );

  it('gives the published schedules', () => {
    const doses = (id: string) => {
      const p = findPreset(id)!;
      const r = planTitration({ ...p.schedule, form: p.suggestedForm, timing: 'bedtime', startDate: '2026-03-02' });
      return r.ok ? r.value.steps.map((s) => [s.doseMg, s.days]) : r.error;
    };
    expect(doses('nct04678895')).toEqual([
      [1.5, 7],
      [3, 7],
      [4.5, 30],
    ]);
    expect(doses('nct05430152')).toEqual([
      [1, 7],
      [2, 7],
      [3, 7],
      [4.5, 30],
    ]);
    expect(doses('fixed-4.5')).toEqual([[4.5, 30]]);
    expect(doses('ldn-research-trust')).toEqual([
      [0.5, 14],
      [1, 14],
      [1.5, 14],
      [2, 14],
      [2.5, 14],
      [3, 14],
      [3.5, 14],
      [4, 14],
      [4.5, 30],
    ]);
    const clinic = doses('clinic-weekly') as number[][];
    expect(clinic[0]).toEqual([0.25, 7]);
    expect(clinic).toHaveLength(18);
  });
});
