/**
 * What a clinician, a pharmacist or a CDS card reader sees cites public sources only (label sections, PMIDs, DOIs,
 * trial ids, public pages), never the project's internal research notes.
 */
import { describe, expect, it } from 'vitest';
import { syntheticPatients } from '../../../fixtures/patients.ts';
import { assess } from '../../../src/core/assess/assess.ts';
import { emptyChart, type Chart } from '../../../src/core/chart.ts';
import { EVIDENCE, SRC } from '../../../src/core/knowledge/sources.ts';
import { RULES } from '../../../src/core/knowledge/rules.ts';

const INTERNAL =
  /\b(ldn-clinical|codes-verified|smart-on-fhir|cds-hooks|sandbox-fhir-engine)\b|\.md\b|shared\/research/i;

function chartOf(resources: { resourceType: string }[]): Chart {
  const chart = emptyChart();
  const lists: Record<string, unknown[]> = {
    Condition: chart.conditions,
    MedicationRequest: chart.medicationRequests,
    MedicationStatement: chart.medicationStatements,
    MedicationDispense: chart.medicationDispenses,
    MedicationAdministration: chart.medicationAdministrations,
    Medication: chart.medications,
    AllergyIntolerance: chart.allergies,
    ServiceRequest: chart.serviceRequests,
    Procedure: chart.procedures,
    Appointment: chart.appointments,
  };
  for (const r of resources) lists[r.resourceType]?.push(r);
  return chart;
}

describe('user-visible sources are public', () => {
  it('no source label names an internal notes file', () => {
    const labels = [
      ...Object.values(SRC),
      ...Object.values(EVIDENCE),
      ...Object.values(RULES).flatMap((r) => r.sources),
    ].map((s) => s.label);
    expect(labels.length).toBeGreaterThan(40);
    expect(labels.filter((l) => INTERNAL.test(l))).toEqual([]);
  });

  it('no finding of any synthetic patient names one in its why, window or sources', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const texts: string[] = [];
    for (const p of syntheticPatients(now)) {
      const a = assess(chartOf(p.resources), now);
      for (const c of a.conflicts)
        texts.push(
          c.title,
          c.why,
          c.washout?.rationale ?? '',
          c.washout?.lastUseBasis ?? '',
          ...c.sources.map((s) => s.label),
        );
      for (const c of a.candidacy) texts.push(c.evidence, c.evidenceLevel, ...c.sources.map((s) => s.label));
      texts.push(a.summary);
    }
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => INTERNAL.test(t))).toEqual([]);
  });
});
