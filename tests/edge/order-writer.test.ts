/**
 * writeOrder against the sandbox's real FHIR engine behind MSW (conditional create included), with hand-written
 * servers for lost answers, 5xx, servers without conditional create, reported-only EHRs and refusals.
 *
 * Every exactly-once test counts both the POSTs sent and the orders stored on the server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import type { Bundle, DetectedIssue, MedicationRequest } from 'fhir/r4';
import { createFhirEngine } from '../../sandbox/fhir/engine.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { writeOrder, type WriteOutcome, type WriteStep } from '../../src/edge/order-writer.ts';
import { ORDER_IDENTIFIER_SYSTEM } from '../../src/core/order/input.ts';
import { patient } from '../../fixtures/factories.ts';
import { FHIR_BASE } from '../support/msw/base.ts';
import { engineHandlers } from '../support/msw/engine-handler.ts';
import { recordRequests, type RequestLog } from '../support/msw/request-log.ts';
import { reportedOnlyShape, testDraft } from '../support/msw/drafts.ts';
import {
  acceptsOnlyReported,
  alwaysUnavailable,
  answersWithLocationOnly,
  dropsAnswerAfterStoring,
  dropsRequest,
  fails503AfterStoring,
  ignoresIfNoneExist,
  refusesAll,
} from '../support/msw/write-faults.ts';
import { describeProblem } from '../../src/ui/strings-problems.ts';

const engine = createFhirEngine({ baseUrl: FHIR_BASE });
const server = setupServer(...engineHandlers(engine, FHIR_BASE));
const fhir = createNodeFhirHttp(FHIR_BASE);
const PATIENT = 'pat-writer';
const V2_WRITE = [
  'launch',
  'openid',
  'fhirUser',
  'patient/MedicationRequest.rs',
  'patient/MedicationRequest.c',
  'patient/DetectedIssue.c',
];
const FAST = { retryDelayMs: 5, timeoutMs: 2_000 };
let log: RequestLog;

beforeAll(async () => {
  await engine.load([patient({ id: PATIENT, given: 'Test', family: 'Writer' })]);
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  log?.stop();
  server.resetHandlers();
});
afterAll(() => server.close());

let n = 0;
function draftFor(name: string, overrides = 0) {
  n += 1;
  return testDraft({ value: `order-${name}-${n}`, patientId: PATIENT, overrides });
}

/** The orders stored on the server with this identifier value. */
async function storedOrders(value: string): Promise<MedicationRequest[]> {
  const answer = await engine.handle({
    method: 'GET',
    url: `MedicationRequest?identifier=${ORDER_IDENTIFIER_SYSTEM}|${value}`,
  });
  return ((answer.body as Bundle).entry ?? []).map((e) => e.resource as MedicationRequest);
}

const posts = (type: string) => (r: { method: string; path: string }) =>
  r.method === 'POST' && r.path === `/fhir/${type}`;

function expectWritten(
  outcome: WriteOutcome,
): asserts outcome is Extract<WriteOutcome, { kind: 'created' | 'already-existed' }> {
  expect(['created', 'already-existed']).toContain(outcome.kind);
}

describe('writeOrder on a server with conditional create', () => {
  it('creates the DetectedIssues first, then the order pointing to them by their new references', async () => {
    const draft = draftFor('create', 2);
    log = recordRequests(server);
    const steps: WriteStep[] = [];
    const outcome = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, onStep: (s) => steps.push(s), ...FAST });

    expectWritten(outcome);
    expect(outcome.kind).toBe('created');
    expect(outcome.shape).toBe('full');
    expect(outcome.detectedIssues).toHaveLength(2);
    expect(outcome.medicationRequest.reference).toBe(`MedicationRequest/${outcome.medicationRequest.id}`);
    expect(outcome.medicationRequest.url).toBe(`${FHIR_BASE}/MedicationRequest/${outcome.medicationRequest.id}`);

    const [stored] = await storedOrders(draft.identifier.value);
    expect(stored?.id).toBe(outcome.medicationRequest.id);
    expect(stored?.detectedIssue?.map((r) => r.reference)).toEqual(outcome.detectedIssues);
    expect(JSON.stringify(stored)).not.toContain('urn:uuid:');
    for (const reference of outcome.detectedIssues) {
      const di = await engine.handle({ method: 'GET', url: reference });
      expect((di.body as DetectedIssue).identifier?.[0]?.value).toMatch(
        new RegExp(`^${draft.identifier.value}-issue-`),
      );
    }
    // Both DetectedIssues before the order, every create conditional.
    const creates = log.requests.filter((r) => r.method === 'POST');
    expect(creates.map((r) => r.path)).toEqual([
      '/fhir/DetectedIssue',
      '/fhir/DetectedIssue',
      '/fhir/MedicationRequest',
    ]);
    // Patient-scoped conditions: patient-level tokens may search only within the patient.
    expect(creates.map((r) => r.ifNoneExist)).toEqual([
      `patient=${PATIENT}&identifier=urn%3Aldn-app%3Adetected-issue|${draft.identifier.value}-issue-0`,
      `patient=${PATIENT}&identifier=urn%3Aldn-app%3Adetected-issue|${draft.identifier.value}-issue-1`,
      `patient=${PATIENT}&identifier=urn%3Aldn-app%3Amedication-request|${draft.identifier.value}`,
    ]);
    expect(steps.map((s) => s.kind)).toEqual(['creating-detected-issues', 'creating-order', 'done']);
  });

  it('answers already-existed with the same order when the same draft is written again (a reload)', async () => {
    const draft = draftFor('reload', 1);
    const first = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    log = recordRequests(server);
    const second = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    expectWritten(first);
    expectWritten(second);
    expect(second.kind).toBe('already-existed');
    expect(second.medicationRequest.id).toBe(first.medicationRequest.id);
    expect(second.detectedIssues).toEqual(first.detectedIssues);
    expect(await storedOrders(draft.identifier.value)).toHaveLength(1);
  });

  it('sends one order for a double click: two concurrent calls share one promise and one POST', async () => {
    const draft = draftFor('double-click');
    log = recordRequests(server);
    const a = writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    const b = writeOrder(fhir, structuredClone(draft), { grantedScopes: V2_WRITE, ...FAST });
    expect(b).toBe(a);
    await Promise.all([a, b]);
    expect(log.count(posts('MedicationRequest'))).toBe(1);
    expect(await storedOrders(draft.identifier.value)).toHaveLength(1);
  });

  it('reads the new id from the Location header when the server sends no body', async () => {
    const draft = draftFor('location');
    server.use(answersWithLocationOnly(engine, FHIR_BASE, 'MedicationRequest'));
    const outcome = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    expectWritten(outcome);
    const [stored] = await storedOrders(draft.identifier.value);
    expect(outcome.medicationRequest.id).toBe(stored?.id);
  });
});

describe('writeOrder when answers are lost', () => {
  it('checks before retrying after a dropped answer, finds the order, and does not send it again', async () => {
    const draft = draftFor('dropped');
    server.use(dropsAnswerAfterStoring(engine, FHIR_BASE, 'MedicationRequest'));
    log = recordRequests(server);
    const steps: WriteStep[] = [];
    const outcome = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, onStep: (s) => steps.push(s), ...FAST });
    expectWritten(outcome);
    expect(log.count(posts('MedicationRequest'))).toBe(1);
    // One look before the POST (nothing there yet), one after the lost answer (found).
    expect(
      log.count(
        (r) => r.method === 'GET' && r.path.startsWith(`/fhir/MedicationRequest?patient=${PATIENT}&identifier=`),
      ),
    ).toBe(2);
    expect(await storedOrders(draft.identifier.value)).toHaveLength(1);
    expect(steps.some((s) => s.kind === 'checking-existing')).toBe(true);
  });

  it('keeps one order on a server without conditional create that stored it and answered 503', async () => {
    const draft = draftFor('503-no-conditional');
    let first = true;
    server.use(
      ignoresIfNoneExist(engine, FHIR_BASE, 'MedicationRequest', (stored) => {
        if (!first) return stored;
        first = false;
        return HttpResponse.json(
          { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient' }] },
          { status: 503 },
        );
      }),
    );
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    expectWritten(outcome);
    expect(log.count(posts('MedicationRequest'))).toBe(1);
    expect(await storedOrders(draft.identifier.value)).toHaveLength(1);
  });

  it('checks after a 503 on a server with conditional create and reports the stored order', async () => {
    const draft = draftFor('503', 1);
    server.use(
      fails503AfterStoring(engine, FHIR_BASE, 'DetectedIssue'),
      fails503AfterStoring(engine, FHIR_BASE, 'MedicationRequest'),
    );
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    expectWritten(outcome);
    expect(outcome.detectedIssues).toHaveLength(1);
    expect(log.count(posts('DetectedIssue'))).toBe(1);
    expect(log.count(posts('MedicationRequest'))).toBe(1);
    const [stored] = await storedOrders(draft.identifier.value);
    expect(stored?.detectedIssue?.[0]?.reference).toBe(outcome.detectedIssues[0]);
  });

  it('finds the earlier order after a reload on a server that ignores If-None-Exist, and sends nothing', async () => {
    const draft = draftFor('reload-no-conditional', 1);
    server.use(
      ignoresIfNoneExist(engine, FHIR_BASE, 'MedicationRequest'),
      ignoresIfNoneExist(engine, FHIR_BASE, 'DetectedIssue'),
    );
    const first = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    log = recordRequests(server);
    const second = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    expectWritten(first);
    expectWritten(second);
    expect(second).toMatchObject({
      kind: 'already-existed',
      medicationRequest: first.medicationRequest,
      detectedIssues: first.detectedIssues,
    });
    expect(log.count((r) => r.method === 'POST')).toBe(0);
    expect(await storedOrders(draft.identifier.value)).toHaveLength(1);
  });

  it('still writes when the session may create but not search (the look first is refused)', async () => {
    const draft = draftFor('no-search');
    server.use(
      http.get(`${FHIR_BASE}/MedicationRequest`, () =>
        HttpResponse.json(
          { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] },
          { status: 403 },
        ),
      ),
    );
    const outcome = await writeOrder(fhir, draft, { grantedScopes: ['patient/MedicationRequest.c'], ...FAST });
    expect(outcome.kind).toBe('created');
    expect(await storedOrders(draft.identifier.value)).toHaveLength(1);
  });

  it('stops, and says a retry is safe, when an answer is lost and the session may not search to check', async () => {
    const draft = draftFor('lost-no-search');
    server.use(
      dropsAnswerAfterStoring(engine, FHIR_BASE, 'MedicationRequest'),
      http.get(`${FHIR_BASE}/MedicationRequest`, () =>
        HttpResponse.json(
          { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] },
          { status: 403 },
        ),
      ),
    );
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, { grantedScopes: ['patient/MedicationRequest.c'], ...FAST });
    expect(outcome).toMatchObject({ kind: 'failed', retryable: true });
    expect(log.count(posts('MedicationRequest'))).toBe(1);
    expect(log.count((r) => r.method === 'GET')).toBe(2); // the look first and one check, both refused
    // The clinician retries: conditional create answers with the stored order.
    const retry = await writeOrder(fhir, draft, { grantedScopes: ['patient/MedicationRequest.c'], ...FAST });
    expect(retry.kind).toBe('already-existed');
    expect(await storedOrders(draft.identifier.value)).toHaveLength(1);
  });

  it('sends again when the check shows the first attempt never arrived, and stores one order', async () => {
    const draft = draftFor('never-arrived');
    server.use(dropsRequest(engine, FHIR_BASE, 'MedicationRequest'));
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    expect(outcome.kind).toBe('created');
    expect(log.count(posts('MedicationRequest'))).toBe(2);
    expect(await storedOrders(draft.identifier.value)).toHaveLength(1);
  });

  it('gives up after three attempts on a server that keeps failing, says a retry is safe, and stored nothing', async () => {
    const draft = draftFor('down');
    server.use(alwaysUnavailable(FHIR_BASE, 'MedicationRequest'));
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    expect(outcome).toMatchObject({ kind: 'failed', retryable: true, status: 503 });
    expect(log.count(posts('MedicationRequest'))).toBe(3);
    // A look by identifier before the first POST, before each retry and once at the end.
    expect(log.count((r) => r.method === 'GET')).toBe(4);
    expect(await storedOrders(draft.identifier.value)).toHaveLength(0);
  });
});

describe('writeOrder and server limits', () => {
  it('sends nothing and offers print and download when the session may not create orders', async () => {
    const draft = draftFor('no-scope', 1);
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, {
      grantedScopes: ['launch', 'patient/MedicationRequest.rs', 'patient/DetectedIssue.c'],
      ...FAST,
    });
    expect(outcome).toMatchObject({ kind: 'not-permitted', offer: 'print-and-download' });
    expect(log.count()).toBe(0);
  });

  it('accepts v1 write scopes', async () => {
    const outcome = await writeOrder(fhir, draftFor('v1'), {
      grantedScopes: ['patient/MedicationRequest.write'],
      ...FAST,
    });
    expect(outcome.kind).toBe('created');
  });

  it('writes the overrides into the note when the session may not create DetectedIssues', async () => {
    const draft = draftFor('no-di-scope', 2);
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, { grantedScopes: ['patient/MedicationRequest.c'], ...FAST });
    expectWritten(outcome);
    expect(outcome.foldedDetectedIssues).toBe(2);
    expect(outcome.notes.map(describeProblem).join(' ')).toMatch(
      /2 overridden conflicts were written into the order's note/,
    );
    expect(log.count(posts('DetectedIssue'))).toBe(0);
    const [stored] = await storedOrders(draft.identifier.value);
    expect(stored?.detectedIssue).toBeUndefined();
    const notes = (stored?.note ?? []).map((a) => a.text).join('\n');
    expect(notes).toContain('Overridden conflict (high): Tramadol dispensed within the washout window (0)');
    expect(notes).toContain('Reason given: Override');
  });

  it('writes the overrides into the note when the server refuses DetectedIssues', async () => {
    const draft = draftFor('di-refused', 1);
    server.use(refusesAll(FHIR_BASE, 'DetectedIssue', 403));
    const outcome = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    expectWritten(outcome);
    expect(outcome.foldedDetectedIssues).toBe(1);
    expect(outcome.detectedIssues).toEqual([]);
    const [stored] = await storedOrders(draft.identifier.value);
    expect(stored?.note?.some((a) => a.text.startsWith('Overridden conflict'))).toBe(true);
  });

  it('writes an override without an identifier into the note and creates the others', async () => {
    const draft = draftFor('di-no-identifier', 2);
    delete draft.detectedIssues[1]!.identifier;
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, { grantedScopes: V2_WRITE, ...FAST });
    expectWritten(outcome);
    expect(outcome.detectedIssues).toHaveLength(1);
    expect(outcome.foldedDetectedIssues).toBe(1);
    expect(outcome.notes.map(describeProblem).join(' ')).toContain('no identifier');
    expect(log.count(posts('DetectedIssue'))).toBe(1);
    const [stored] = await storedOrders(draft.identifier.value);
    expect(stored?.detectedIssue?.map((r) => r.reference)).toEqual(outcome.detectedIssues);
    expect(stored?.note?.filter((a) => a.text.startsWith('Overridden conflict'))).toHaveLength(1);
  });

  it.each([403, 422])(
    'falls back once to the reported-only shape when the server answers %i to the full order',
    async (status) => {
      const draft = draftFor(`reported-${status}`, 1);
      server.use(acceptsOnlyReported(engine, FHIR_BASE, status));
      log = recordRequests(server);
      const steps: WriteStep[] = [];
      const outcome = await writeOrder(fhir, draft, {
        grantedScopes: V2_WRITE,
        reportedOnly: reportedOnlyShape,
        onStep: (s) => steps.push(s),
        ...FAST,
      });
      expectWritten(outcome);
      expect(outcome.shape).toBe('reported-only');
      expect(outcome.notes.map(describeProblem).join(' ')).toContain(
        'Only reported medications with one dosage instruction can be written',
      );
      expect(log.count(posts('MedicationRequest'))).toBe(2);
      const [stored] = await storedOrders(draft.identifier.value);
      expect(stored?.reportedBoolean).toBe(true);
      expect(stored?.dosageInstruction).toHaveLength(1);
      expect(stored?.detectedIssue?.map((r) => r.reference)).toEqual(outcome.detectedIssues);
      expect(steps).toContainEqual({ kind: 'falling-back', to: 'reported-only', status });
    },
  );

  it('reports not-permitted with the server text when it refuses (403) even the reported-only shape', async () => {
    server.use(refusesAll(FHIR_BASE, 'MedicationRequest', 403, 'Writing medication orders is disabled'));
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draftFor('refused'), {
      grantedScopes: V2_WRITE,
      reportedOnly: reportedOnlyShape,
      ...FAST,
    });
    expect(outcome).toMatchObject({
      kind: 'not-permitted',
      offer: 'print-and-download',
      status: 403,
      outcome: 'Writing medication orders is disabled',
    });
    expect(log.count(posts('MedicationRequest'))).toBe(2);
  });

  it('never retries a rejected order (422 without a fallback): one POST, the server text, not retryable', async () => {
    server.use(refusesAll(FHIR_BASE, 'MedicationRequest', 422, 'dosageInstruction.timing is invalid'));
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draftFor('invalid'), { grantedScopes: V2_WRITE, ...FAST });
    expect(outcome).toMatchObject({
      kind: 'failed',
      retryable: false,
      status: 422,
      outcome: 'dosageInstruction.timing is invalid',
    });
    expect(log.count(posts('MedicationRequest'))).toBe(1);
    expect(log.count((r) => r.method === 'GET')).toBe(1); // the look before the POST, no check afterwards
  });
});
