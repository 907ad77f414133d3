/**
 * The real order builder's output (src/core/order) written by writeOrder to the sandbox engine behind MSW: the
 * full compounded order with an override, and the reported-only fallback built by reportedOnlyOrder on an EHR
 * that accepts only that shape. Read back from the engine afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import type { Bundle, Medication, MedicationRequest } from 'fhir/r4';
import { createFhirEngine } from '../../sandbox/fhir/engine.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { writeOrder } from '../../src/edge/order-writer.ts';
import { buildOrder } from '../../src/core/order/build-order.ts';
import { reportedOnlyOrder } from '../../src/core/order/fallbacks.ts';
import { ORDER_IDENTIFIER_SYSTEM } from '../../src/core/order/input.ts';
import { planTitration } from '../../src/core/titration/planner.ts';
import type { Conflict } from '../../src/core/assess/types.ts';
import type { OrderDraft } from '../../src/core/order/types.ts';
import { patient } from '../../fixtures/factories.ts';
import { FHIR_BASE } from '../support/msw/base.ts';
import { engineHandlers } from '../support/msw/engine-handler.ts';
import { acceptsOnlyReported } from '../support/msw/write-faults.ts';
import { describeProblem } from '../../src/ui/strings-problems.ts';

const engine = createFhirEngine({ baseUrl: FHIR_BASE });
const server = setupServer(...engineHandlers(engine, FHIR_BASE));
const fhir = createNodeFhirHttp(FHIR_BASE);
const PATIENT = 'pat-builder';
const SCOPES = ['patient/MedicationRequest.rs', 'patient/MedicationRequest.c', 'patient/DetectedIssue.c'];

beforeAll(async () => {
  await engine.load([patient({ id: PATIENT, given: 'Test', family: 'Builder' })]);
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** An overridden conflict as the assessment reports it (contract shape from src/core/assess/types.ts). */
function recentOpioid(): Conflict {
  return {
    ruleId: 'recent-opioid-use',
    severity: 'major',
    title: 'Recent opioid use inside the opioid-free window',
    why: 'Test conflict for the writer.',
    sources: [{ label: 'Test source', kind: 'design', verified: false }],
    entry: {
      resourceType: 'MedicationDispense',
      id: 'md-1',
      reference: 'MedicationDispense/md-1',
      name: 'tramadol 50 MG Oral Tablet',
    },
    matched: { by: 'name', term: 'tramadol' },
  };
}

function draft(orderUuid: string, issueUuid: string): OrderDraft {
  const plan = planTitration({
    startMg: 1.5,
    stepMg: 1.5,
    intervalDays: 7,
    timing: 'bedtime',
    form: { kind: 'liquid', mgPerMl: 1 },
    startDate: '2026-12-01',
  });
  if (!plan.ok) throw new Error('the test plan should be valid');
  return buildOrder({
    plan: plan.value,
    status: 'active',
    patient: `Patient/${PATIENT}`,
    now: '2026-11-25T16:00:00Z',
    ids: { order: orderUuid, detectedIssues: [issueUuid] },
    overrides: [{ conflict: recentOpioid(), reason: 'Last dose 3 weeks ago; patient confirms no use since.' }],
  });
}

async function stored(value: string): Promise<MedicationRequest[]> {
  const answer = await engine.handle({
    method: 'GET',
    url: `MedicationRequest?patient=${PATIENT}&identifier=${ORDER_IDENTIFIER_SYSTEM}|${value}`,
  });
  return ((answer.body as Bundle).entry ?? []).map((e) => e.resource as MedicationRequest);
}

describe('writeOrder with the order builder', () => {
  it('writes the full compounded order and its DetectedIssue, one dosage per step', async () => {
    const d = draft('0b7e1c1e-1d2c-4b1a-9f00-000000000001', '0b7e1c1e-1d2c-4b1a-9f00-0000000000a1');
    const outcome = await writeOrder(fhir, d, {
      grantedScopes: SCOPES,
      reportedOnly: reportedOnlyOrder,
      retryDelayMs: 5,
    });
    expect(outcome).toMatchObject({ kind: 'created', shape: 'full', foldedDetectedIssues: 0 });
    const [mr] = await stored(d.identifier.value);
    expect(mr?.dosageInstruction).toHaveLength(d.medicationRequest.dosageInstruction!.length);
    expect((mr?.contained?.[0] as Medication | undefined)?.resourceType).toBe('Medication');
    expect(mr?.detectedIssue?.[0]?.reference).toMatch(/^DetectedIssue\//);
  });

  it('lands the reported-only shape on an EHR that accepts only that, and says so', async () => {
    server.use(acceptsOnlyReported(engine, FHIR_BASE, 422));
    const d = draft('0b7e1c1e-1d2c-4b1a-9f00-000000000002', '0b7e1c1e-1d2c-4b1a-9f00-0000000000a2');
    const outcome = await writeOrder(fhir, d, {
      grantedScopes: SCOPES,
      reportedOnly: reportedOnlyOrder,
      retryDelayMs: 5,
    });
    // reportedOnlyOrder drops the DetectedIssue references and folds the overrides into the note itself; the
    // DetectedIssue saved before the full order was refused stays, and the outcome says the order does not point to it.
    expect(outcome).toMatchObject({
      kind: 'created',
      shape: 'reported-only',
      detectedIssues: [],
      foldedDetectedIssues: 1,
    });
    if (outcome.kind !== 'created') return;
    expect(outcome.notes.map(describeProblem).join(' ')).toMatch(
      /1 override record was saved \(DetectedIssue\/[^)]+\), but the reported-only order does not point to them/,
    );
    const [mr] = await stored(d.identifier.value);
    expect(mr?.reportedBoolean).toBe(true);
    expect(mr?.dosageInstruction).toHaveLength(1);
    expect(mr?.medicationCodeableConcept).toBeDefined();
    expect(mr?.detectedIssue).toBeUndefined();
    const overrideNotes = (mr?.note ?? []).filter(
      (a) => a.text.includes('Last dose 3 weeks ago') || a.text.includes('Recent opioid use'),
    );
    expect(overrideNotes).toHaveLength(1); // folded once, by the shape, not again by the writer
  });
});
