/** The sandbox's synthetic patients (fixtures/patients.ts, helper H3): assess gives each its expected verdict. */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { assess } from '../../../src/core/assess/index.ts';
import { bundleToChart } from '../../../src/core/fhir/bundle-to-chart.ts';
import { largeChartPatient, syntheticPatients } from '../../../fixtures/patients.ts';

const NOW = new Date('2026-03-15T10:00:00Z');

describe('synthetic patients', () => {
  for (const p of [...syntheticPatients(NOW), largeChartPatient(NOW)]) {
    it(`${p.key}: ${p.expected.verdict}`, () => {
      const bundle = { resourceType: 'Bundle', type: 'searchset', entry: [p.patient, ...p.resources].map((resource: Resource) => ({ resource })) };
      const chart = bundleToChart(bundle);
      if (!chart.ok) throw new Error(chart.error);
      const result = assess(chart.value, NOW);
      expect(result.verdict, `${p.story}\n${result.summary}`).toBe(p.expected.verdict);
    });
  }
});
