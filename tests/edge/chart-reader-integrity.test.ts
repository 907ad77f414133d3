/**
 * Read integrity against hostile searchsets (issue 10 item 1, "No conflicts on partial searchsets" and "The banner
 * shows whichever Patient the server returns"): each case is read by the production chart reader over MSW, then
 * assessed, and must end "incomplete" with the reason, never "candidate; no conflicts found". The sandbox engine
 * answers everything the case does not change.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { createFhirEngine } from '../../sandbox/fhir/engine.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { readChart } from '../../src/edge/chart-reader.ts';
import { assess } from '../../src/core/assess/assess.ts';
import type { Chart, GapReason } from '../../src/core/chart.ts';
import { FHIR_BASE } from '../support/msw/base.ts';
import { engineHandlers } from '../support/msw/engine-handler.ts';
import {
  outcomeOnlySearchset,
  patientReadAnswers,
  totalTooLarge,
  withExtraEntries,
  withOutcomeEntry,
} from '../support/msw/integrity.ts';
import { concept, condition, medicationRequest, patient, rxnorm, snomed } from '../../fixtures/factories.ts';
import { describeReadGap } from '../../src/ui/strings-read.ts';

const NOW = '2026-12-01T09:00:00Z';
const P = 'pat-integrity';
const OTHER = 'pat-someone-else';
const engine = createFhirEngine({ baseUrl: FHIR_BASE });
const server = setupServer(...engineHandlers(engine, FHIR_BASE));
const fhir = createNodeFhirHttp(FHIR_BASE);

const fibromyalgia = condition({ id: `${P}-fm`, patientId: P, code: concept([snomed('203082005', 'Fibromyalgia')]) });
const vitaminD = medicationRequest({
  id: `${P}-mr1`,
  patientId: P,
  medication: { concept: concept([], 'Vitamin D 1000 IU') },
  authoredOn: '2026-11-20',
});

beforeAll(async () => {
  await engine.load([
    patient({ id: P, given: 'Grace', family: 'Hopper' }),
    patient({ id: OTHER, given: 'Other', family: 'Person' }),
    fibromyalgia,
    vitaminD,
  ]);
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function readAndAssess(): Promise<{
  chart: Chart;
  verdict: string;
  verdictIfComplete: string;
  reasons: GapReason[];
}> {
  const chart = await readChart(fhir, P, { now: new Date(NOW) });
  const a = assess(chart, NOW);
  return { chart, verdict: a.verdict, verdictIfComplete: a.verdictIfComplete, reasons: a.gaps.map((g) => g.reason) };
}

describe('the chart of this test, read from an honest server', () => {
  it('is a candidate with no gaps (so every case below is incomplete because of its fault alone)', async () => {
    const r = await readAndAssess();
    expect(r.chart.gaps).toEqual([]);
    expect(r.verdict).toBe('candidate');
    expect(r.chart.patient?.id).toBe(P);
  });
});

describe('OperationOutcome entries inside a searchset', () => {
  it('a searchset whose only entry is an error outcome is a server-warning gap naming the search: incomplete', async () => {
    server.use(
      outcomeOnlySearchset(FHIR_BASE, 'MedicationStatement', [
        { severity: 'error', code: 'processing', diagnostics: 'Search failed' },
      ]),
    );
    const r = await readAndAssess();
    expect(r.verdict).toBe('incomplete');
    expect(r.reasons).toEqual(['server-warning']);
    expect(r.chart.gaps[0]).toMatchObject({
      resourceType: 'MedicationStatement',
      target: expect.stringContaining('MedicationStatement?patient='),
    });
    expect(describeReadGap(r.chart.gaps[0]!)).toMatch(
      /MedicationStatement search.*error; issue: processing.*"Search failed"/,
    );
  });

  it('a warning that results were suppressed is a gap even beside real results: incomplete', async () => {
    server.use(
      withOutcomeEntry(engine, FHIR_BASE, 'Condition', [
        { severity: 'warning', code: 'suppressed', details: { text: 'Some results were withheld by policy' } },
      ]),
    );
    const r = await readAndAssess();
    expect(r.chart.conditions.map((c) => c.id)).toEqual([fibromyalgia.id]);
    expect(r.verdict).toBe('incomplete');
    expect(r.reasons).toEqual(['server-warning']);
    expect(describeReadGap(r.chart.gaps[0]!)).toContain('suppressed');
  });

  it.each(['fatal', 'error', 'warning'])(
    'severity %s counts; codes too-costly and throttled are named',
    async (severity) => {
      server.use(
        withOutcomeEntry(engine, FHIR_BASE, 'MedicationRequest', [
          { severity, code: 'too-costly' },
          { severity: 'warning', code: 'throttled' },
        ]),
      );
      const r = await readAndAssess();
      expect(r.verdict).toBe('incomplete');
      expect(r.chart.gaps).toHaveLength(1);
      expect(describeReadGap(r.chart.gaps[0]!)).toContain('too-costly, throttled');
    },
  );

  it('an information-level outcome stays ignored: still a candidate', async () => {
    server.use(
      withOutcomeEntry(engine, FHIR_BASE, 'Condition', [
        { severity: 'information', code: 'informational', diagnostics: 'Search took 3 ms' },
      ]),
    );
    const r = await readAndAssess();
    expect(r.chart.gaps).toEqual([]);
    expect(r.verdict).toBe('candidate');
  });

  it("quotes server text only when it cannot be patient data: not with digits, not with the patient's name", async () => {
    server.use(
      withOutcomeEntry(engine, FHIR_BASE, 'Condition', [
        { severity: 'warning', code: 'suppressed', diagnostics: 'Results for Grace withheld' },
      ]),
      withOutcomeEntry(engine, FHIR_BASE, 'MedicationRequest', [
        { severity: 'warning', code: 'incomplete', diagnostics: 'Patient 12345 partial' },
      ]),
    );
    const r = await readAndAssess();
    expect(r.reasons).toEqual(['server-warning', 'server-warning']);
    const details = r.chart.gaps.map(describeReadGap).join('\n');
    expect(details).not.toMatch(/Grace|12345/);
    expect(details).toContain('suppressed');
    expect(details).toContain('incomplete');
  });
});

describe('a total the entries cannot reach', () => {
  it('total larger than the entries with no next link is an inconsistent gap: incomplete', async () => {
    server.use(totalTooLarge(engine, FHIR_BASE, 'MedicationDispense', 3));
    const r = await readAndAssess();
    expect(r.verdict).toBe('incomplete');
    expect(r.reasons).toEqual(['inconsistent']);
    expect(r.chart.gaps[0]).toMatchObject({ resourceType: 'MedicationDispense' });
    expect(describeReadGap(r.chart.gaps[0]!)).toMatch(/announced 3 results but sent 0/);
  });
});

describe('two entries with one id', () => {
  it('keeps both versions when the second (an opioid) differs, and says so: the opioid is assessed, incomplete', async () => {
    const opioid = medicationRequest({
      id: vitaminD.id,
      patientId: P,
      medication: { concept: concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]) },
      authoredOn: '2026-11-28',
    });
    server.use(withExtraEntries(engine, FHIR_BASE, 'MedicationRequest', [opioid]));
    const r = await readAndAssess();
    expect(r.chart.medicationRequests).toHaveLength(2);
    expect(
      r.chart.medicationRequests.map(
        (m) => m.medicationCodeableConcept?.text ?? m.medicationCodeableConcept?.coding?.[0]?.display,
      ),
    ).toContain('oxycodone hydrochloride 5 MG Oral Tablet');
    expect(r.reasons).toEqual(['inconsistent']);
    expect(r.verdict).toBe('incomplete');
    expect(r.verdictIfComplete).toBe('not-recommended');
  });

  it('drops an identical copy silently (the record as stored, meta included, sent twice)', async () => {
    const stored = structuredClone(engine.repo.peek(`MedicationRequest/${vitaminD.id}`)) as unknown as typeof vitaminD;
    server.use(withExtraEntries(engine, FHIR_BASE, 'MedicationRequest', [stored]));
    const r = await readAndAssess();
    expect(r.chart.medicationRequests).toHaveLength(1);
    expect(r.chart.gaps).toEqual([]);
  });
});

describe('records of another patient', () => {
  it('drops an entry whose subject is another patient, with a wrong-patient gap: incomplete', async () => {
    const theirs = medicationRequest({
      id: 'theirs-1',
      patientId: OTHER,
      medication: { concept: concept([rxnorm('1049621', 'oxycodone 5 MG Oral Tablet')]) },
    });
    server.use(withExtraEntries(engine, FHIR_BASE, 'MedicationRequest', [theirs]));
    const r = await readAndAssess();
    expect(r.chart.medicationRequests.map((m) => m.id)).toEqual([vitaminD.id]);
    expect(r.reasons).toEqual(['wrong-patient']);
    expect(r.chart.gaps[0]).toMatchObject({ resourceType: 'MedicationRequest', count: 1 });
    expect(r.verdict).toBe('incomplete');
  });

  it("a Patient read that answers with another patient's id leaves no chart patient (the banner's error) and is incomplete", async () => {
    server.use(patientReadAnswers(FHIR_BASE, patient({ id: OTHER, given: 'Other', family: 'Person' })));
    const r = await readAndAssess();
    expect(r.chart.patient).toBeUndefined();
    expect(r.reasons).toEqual(['wrong-patient']);
    expect(r.chart.gaps[0]).toMatchObject({ resourceType: 'Patient', target: `Patient/${P}` });
    expect(describeReadGap(r.chart.gaps[0]!)).not.toContain('Other');
    expect(r.verdict).toBe('incomplete');
  });
});
