/** The synthetic patients: scenario coverage, valid R4, stable ids, dates relative to `now`, the large chart. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MedicationRequest, Resource } from 'fhir/r4';
import { largeChartPatient, sandboxPractitioner, syntheticPatients } from '../../fixtures/patients.ts';
import { ensureDefinitions } from '../../sandbox/fhir/definitions.ts';
import { assertValidResource } from '../../sandbox/fhir/validate.ts';
import type { Verdict } from '../../src/core/assess/types.ts';

const NOW = new Date('2026-03-15T12:00:00Z');
const VERDICTS: Verdict[] = ['candidate', 'candidate-with-cautions', 'not-recommended', 'no-indication', 'incomplete'];
const patients = syntheticPatients(NOW);
const byKey = (key: string) => {
  const p = patients.find((x) => x.key === key);
  if (!p) throw new Error(`no patient ${key}`);
  return p;
};
const daysBetween = (a: string, b: Date) =>
  Math.round((b.getTime() - new Date(`${a}T12:00:00Z`).getTime()) / 86_400_000);

beforeAll(() => ensureDefinitions(), 60_000);

describe('syntheticPatients', () => {
  it('has at least 12 patients with unique stable ids, a story and a known verdict', () => {
    expect(patients.length).toBeGreaterThanOrEqual(12);
    expect(new Set(patients.map((p) => p.key)).size).toBe(patients.length);
    for (const p of patients) {
      expect(p.key).toBe(p.patient.id);
      expect(p.key).toMatch(/^ldn-[a-z0-9-]+$/);
      expect(p.story.length).toBeGreaterThan(10);
      expect(VERDICTS).toContain(p.expected.verdict);
    }
    expect(syntheticPatients(NOW).map((p) => p.key)).toEqual(patients.map((p) => p.key));
  });

  it('covers the scenarios of issue 2 with the verdicts the clinical rules give', () => {
    const expected: Record<string, Verdict> = {
      'ldn-fibromyalgia': 'candidate',
      'ldn-crohns-oxycodone': 'not-recommended',
      'ldn-ms-tramadol-stopped': 'not-recommended',
      'ldn-oud-buprenorphine': 'not-recommended',
      'ldn-contrave': 'not-recommended',
      'ldn-naltrexone-50': 'not-recommended',
      'ldn-long-covid-codeine-text': 'not-recommended',
      'ldn-hepatic-failure': 'not-recommended',
      'ldn-pregnancy': 'candidate-with-cautions',
      'ldn-hashimoto-levothyroxine': 'candidate-with-cautions',
      'ldn-no-conditions': 'no-indication',
    };
    for (const [key, verdict] of Object.entries(expected)) expect(byKey(key).expected.verdict, key).toBe(verdict);
    expect(byKey('ldn-no-conditions').resources.some((r) => r.resourceType === 'Condition')).toBe(false);
  });

  it("stops the MS patient's tramadol exactly 5 days before `now`, whatever `now` is", () => {
    for (const now of [NOW, new Date('2031-07-01T08:00:00Z')]) {
      const mr = syntheticPatients(now)
        .find((p) => p.key === 'ldn-ms-tramadol-stopped')
        ?.resources.find((r) => r.resourceType === 'MedicationRequest') as MedicationRequest;
      expect(mr.status).toBe('stopped');
      expect(daysBetween(mr.dispenseRequest?.validityPeriod?.end ?? '', now)).toBe(5);
    }
  });

  it('records the long-COVID codeine syrup as text only', () => {
    const ms = byKey('ldn-long-covid-codeine-text').resources.find((r) => r.resourceType === 'MedicationStatement');
    const concept = (ms as { medicationCodeableConcept?: { coding?: unknown[]; text?: string } })
      .medicationCodeableConcept;
    expect(concept?.coding).toBeUndefined();
    expect(concept?.text?.toLowerCase()).toContain('codeine');
  });

  it('mixes statuses and resource types, medicationReference and local codes', () => {
    const all = patients.flatMap((p) => p.resources);
    const statuses = (type: string) =>
      new Set(all.filter((r) => r.resourceType === type).map((r) => (r as { status?: string }).status));
    for (const s of ['active', 'stopped', 'completed', 'on-hold', 'entered-in-error'])
      expect(statuses('MedicationRequest')).toContain(s);
    expect([...statuses('MedicationStatement')]).toEqual(expect.arrayContaining(['active', 'completed']));
    expect([...statuses('MedicationDispense')]).toContain('completed');
    expect(all.some((r) => r.resourceType === 'MedicationAdministration')).toBe(true);
    const json = JSON.stringify(all);
    expect(json).toContain('"medicationReference":{"reference":"Medication/');
    expect(json).toContain('urn:oid:1.2.840.114350');
    expect(json).toContain('urn:oid:2.16.840.1.113883.6.88');
    expect(json).toContain('urn:oid:2.16.840.1.113883.6.90');
    expect(json).toContain('<img src=x onerror=alert(1)>');
  });

  it('resolves every Medication reference inside the same chart', () => {
    for (const p of [...patients, largeChartPatient(NOW)]) {
      const ids = new Set(p.resources.filter((r) => r.resourceType === 'Medication').map((r) => `Medication/${r.id}`));
      for (const r of p.resources) {
        const ref = (r as { medicationReference?: { reference?: string } }).medicationReference?.reference;
        if (ref && !ref.startsWith('#')) expect(ids.has(ref), `${p.key} ${r.id} -> ${ref}`).toBe(true);
      }
    }
  });

  it("is valid FHIR R4 throughout (the engine's write validation accepts every resource)", () => {
    const everything: Resource[] = [sandboxPractitioner(), ...patients.flatMap((p) => [p.patient, ...p.resources])];
    for (const r of everything)
      expect(() => assertValidResource(r as never), `${r.resourceType}/${r.id}`).not.toThrow();
  });
});

describe('largeChartPatient', () => {
  const large = largeChartPatient(NOW);
  const meds = large.resources.filter((r) =>
    /^Medication(Request|Statement|Dispense|Administration)$/.test(r.resourceType),
  );

  it('has 5,000 medication records over 20 years and 2,000 conditions under id ldn-large-chart', () => {
    expect(large.key).toBe('ldn-large-chart');
    expect(meds).toHaveLength(5000);
    expect(large.resources.filter((r) => r.resourceType === 'Condition')).toHaveLength(2000);
    const dates = meds.map((r) => JSON.stringify(r).match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '').sort();
    expect(daysBetween(dates[0] ?? '', NOW)).toBeGreaterThanOrEqual(19 * 365);
    expect(daysBetween(dates.at(-1) ?? '', NOW)).toBeLessThan(60);
    expect(new Set(large.resources.map((r) => `${r.resourceType}/${r.id}`)).size).toBe(large.resources.length);
  });

  it('is deterministic for a given now', () => {
    expect(JSON.stringify(largeChartPatient(NOW))).toBe(JSON.stringify(large));
  });

  it('keeps its opioids more than two years back, so the expected verdict stays candidate', () => {
    const opioid = /oxycodone|tramadol|hydrocodone/i;
    const recent = meds
      .filter((r) => opioid.test(JSON.stringify(r)))
      .map((r) => JSON.stringify(r).match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '');
    expect(recent.length).toBeGreaterThan(0);
    for (const d of recent) expect(daysBetween(d, NOW)).toBeGreaterThan(2 * 365);
    expect(large.expected.verdict).toBe('candidate');
  });
});
