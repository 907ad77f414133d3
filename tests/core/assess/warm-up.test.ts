/**
 * The launch's warm-up (src/core/assess/warm-up.ts): its made-up chart goes through every reader and rule family
 * it is meant to ready, and running it changes no later assessment.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/core/assess/assess.ts';
import { warmUp, warmUpChart } from '../../../src/core/assess/warm-up.ts';
import { bundleToChart } from '../../../src/core/fhir/bundle-to-chart.ts';
import { nowDay } from '../../../src/core/fhir/dates.ts';
import { syntheticPatients } from '../../../fixtures/patients.ts';

const NOW = '2026-12-01T12:00:00Z';

describe('warmUp', () => {
  it('reads every record of its chart and reaches the opioid, antagonist, procedure and candidacy rules', () => {
    const a = assess(warmUpChart(nowDay(NOW).day), NOW);
    expect(a.gaps).toEqual([]);
    expect(a.verdict).toBe('not-recommended');
    const rules = new Set(a.conflicts.map((c) => c.ruleId));
    expect(rules.has('opioid-agonist')).toBe(true);
    expect(rules.has('recent-opioid-use')).toBe(true);
    expect(rules.has('surgery-planned')).toBe(true);
    expect(rules.has('ldn-already-charted')).toBe(true);
    expect(a.candidacy.map((c) => c.indicationId).sort()).toEqual(['crohns', 'fibromyalgia']);
  });

  it('changes no assessment made after it', () => {
    const now = new Date(NOW);
    const charts = syntheticPatients(now).map((p) => {
      const read = bundleToChart({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [p.patient, ...p.resources].map((resource) => ({ resource })),
      });
      if (!read.ok) throw new Error(`${p.key}: not a chart`);
      return read.value;
    });
    // The charts really are the scenario patients' (a conflict or a candidacy in most of them).
    expect(charts.filter((c) => assess(c, now).verdict !== 'candidate').length).toBeGreaterThan(10);
    const before = charts.map((c) => JSON.stringify(assess(c, now)));
    warmUp(now);
    warmUp('2020-02-29T00:00:00Z');
    expect(charts.map((c) => JSON.stringify(assess(c, now)))).toEqual(before);
  });
});
