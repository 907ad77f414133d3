/** The sandbox's synthetic patients (fixtures/patients.ts, helper H3): assess gives each its expected verdict. */
import { describe, expect, it } from 'vitest';
import type { Resource } from 'fhir/r4';
import { assess } from '../../../src/core/assess/index.ts';
import { bundleToChart } from '../../../src/core/fhir/bundle-to-chart.ts';
import { largeChartPatient, syntheticPatients } from '../../../fixtures/patients.ts';
import { isSafetyPatient } from '../../../fixtures/patients-safety.ts';

const NOW = new Date('2026-03-15T10:00:00Z');

describe('synthetic patients', () => {
  for (const p of [...syntheticPatients(NOW), largeChartPatient(NOW)]) {
    it(`${p.key}: ${p.expected.verdict}`, () => {
      const bundle = {
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [p.patient, ...p.resources].map((resource: Resource) => ({ resource })),
      };
      const chart = bundleToChart(bundle);
      if (!chart.ok) throw new Error(chart.error.code);
      const result = assess(chart.value, NOW);
      expect(result.verdict, `${p.story}\n${result.summary}`).toBe(p.expected.verdict);
    });
  }
});

/** The finding each second-pass patient is about, with the severity ldn-clinical.md 2b gives it. */
const SAFETY_FINDINGS: Record<string, [ruleId: string, severity: string]> = {
  'ldn-2b-naltrexone-allergy': ['naltrexone-allergy', 'contraindicated'],
  'ldn-2b-sublocade': ['buprenorphine-depot', 'contraindicated'],
  'ldn-2b-vivitrol': ['naltrexone-depot', 'major'],
  'ldn-2b-overdose-naloxone': ['opioid-poisoning-recent', 'contraindicated'],
  'ldn-2b-withdrawal': ['acute-opioid-withdrawal', 'contraindicated'],
  'ldn-2b-kratom': ['kratom', 'major'],
  'ldn-2b-tylenol-3-ndc': ['opioid-agonist', 'contraindicated'],
  'ldn-2b-high-risk-pregnancy': ['pregnancy', 'caution'],
  'ldn-2b-acute-hepatitis-b': ['acute-liver-injury', 'major'],
  'ldn-2b-oxycodone-repeats': ['recent-opioid-use', 'major'],
  'ldn-2b-antidiarrheal': ['opioid-antidiarrheal', 'caution'],
  'ldn-2b-surgery-in-5-days': ['surgery-soon', 'major'],
};

describe('second-pass synthetic patients (ldn-clinical.md 2b)', () => {
  const patients = syntheticPatients(NOW).filter((p) => isSafetyPatient(p.key));
  const assessed = (p: (typeof patients)[number]) => {
    const chart = bundleToChart({
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [p.patient, ...p.resources].map((resource: Resource) => ({ resource })),
    });
    if (!chart.ok) throw new Error(chart.error.code);
    return assess(chart.value, NOW);
  };
  it.each(Object.entries(SAFETY_FINDINGS))('%s: %j', (key, [ruleId, severity]) => {
    const p = patients.find((x) => x.key === key);
    if (!p) throw new Error(`no patient ${key}`);
    const found = assessed(p).conflicts.filter((c) => c.ruleId === ruleId);
    expect(found.map((c) => c.severity)).toEqual([severity]);
  });
  it('11 repeated oxycodone orders: one finding listing all 11 records', () => {
    const a = assessed(patients.find((p) => p.key === 'ldn-2b-oxycodone-repeats')!);
    expect(a.conflicts).toHaveLength(1);
    expect(a.conflicts[0]?.entries).toHaveLength(11);
    expect(a.candidacy[0]?.indicationId).toBe('chronic-pain');
  });
  it('the cancelled-order patient has no finding at all; Sublocade names the first possible day', () => {
    expect(assessed(patients.find((p) => p.key === 'ldn-2b-cancelled-order')!).conflicts).toEqual([]);
    const sub = assessed(patients.find((p) => p.key === 'ldn-2b-sublocade')!);
    expect(sub.opioidFreeFrom).toBeDefined();
    expect(sub.summary).toMatch(/not before \d{1,2} [A-Z][a-z]{2} \d{4}\.$/);
    expect(sub.conflicts.map((c) => c.ruleId)).toContain('oud-on-agonist-therapy');
  });
});
