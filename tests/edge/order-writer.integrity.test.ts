/**
 * The write cases of issue 10 against the sandbox's FHIR engine behind MSW: "Order written" when nothing was
 * written (a server ignoring the identifier parameter), an edited plan after a lost answer, two launches for one
 * patient, replacing an existing LDN order, and the acknowledgement of an incomplete read.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import type { Bundle, DetectedIssue, MedicationRequest } from 'fhir/r4';
import { createFhirEngine } from '../../sandbox/fhir/engine.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { buildOrder } from '../../src/core/order/build-order.ts';
import { ACKNOWLEDGEMENT_TITLE } from '../../src/core/order/detected-issue.ts';
import { ORDER_IDENTIFIER_SYSTEM } from '../../src/core/order/input.ts';
import { writeOrder, type WriteOutcome } from '../../src/edge/order-writer.ts';
import { concept, medicationRequest, patient, rxnorm } from '../../fixtures/factories.ts';
import { orderInput } from '../core/order/order-fixtures.ts';
import { FHIR_BASE } from '../support/msw/base.ts';
import { engineHandlers } from '../support/msw/engine-handler.ts';
import { recordRequests, type RequestLog } from '../support/msw/request-log.ts';
import { testDraft } from '../support/msw/drafts.ts';
import { dropsAnswerAfterStoring, ignoresIdentifierSearch } from '../support/msw/write-faults.ts';
import { describeProblem } from '../../src/ui/strings-problems.ts';

const engine = createFhirEngine({ baseUrl: FHIR_BASE });
const server = setupServer(...engineHandlers(engine, FHIR_BASE));
const fhir = createNodeFhirHttp(FHIR_BASE);
const WRITE = ['patient/MedicationRequest.crs', 'patient/DetectedIssue.c'];
const FAST = { retryDelayMs: 5, timeoutMs: 2_000, maxAttempts: 2 };
const NOW = '2026-11-25T16:00:00Z';
const PATIENTS = [
  'int-ignore',
  'int-ignore-both',
  'int-edit',
  'int-tabs',
  'int-replace',
  'int-replace-no-u',
  'int-ack',
  'int-ack-note',
  'int-orphan',
  'int-page2',
];
let log: RequestLog | undefined;

beforeAll(async () => {
  await engine.load([
    ...PATIENTS.map((id) => patient({ id, given: 'Test', family: id })),
    // An unrelated order the identifier-ignoring server returns for any identifier search.
    medicationRequest({
      id: 'int-oxy',
      patientId: 'int-ignore',
      medication: { concept: concept([rxnorm('7804', 'oxycodone')]) },
    }),
    medicationRequest({
      id: 'int-oxy-2',
      patientId: 'int-ignore-both',
      medication: { concept: concept([rxnorm('7804', 'oxycodone')]) },
    }),
  ]);
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  log?.stop();
  log = undefined;
  server.resetHandlers();
});
afterAll(() => server.close());

async function ordersOf(patientId: string): Promise<MedicationRequest[]> {
  const answer = await engine.handle({ method: 'GET', url: `MedicationRequest?patient=${patientId}` });
  return ((answer.body as Bundle).entry ?? []).map((e) => e.resource as MedicationRequest);
}
const ours = (mrs: MedicationRequest[]) =>
  mrs.filter((m) => m.identifier?.some((i) => i.system === ORDER_IDENTIFIER_SYSTEM));
const written = (o: WriteOutcome) => (o.kind === 'created' || o.kind === 'already-existed' ? o : undefined);
const check = (knownOrders: string[] = [], ownIdentifiers: string[] = []) => ({
  knownOrders,
  ownIdentifiers,
  now: NOW,
});

describe('a server that ignores the identifier search parameter', () => {
  it('never takes another order for this one: it sends the order and says duplicates cannot be excluded', async () => {
    server.use(...ignoresIdentifierSearch(engine, FHIR_BASE, 'MedicationRequest'));
    const draft = testDraft({ value: 'int-ignore-1', patientId: 'int-ignore' });
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, { grantedScopes: WRITE, concurrency: check(), ...FAST });
    expect(outcome.kind).toBe('created');
    expect(written(outcome)?.medicationRequest.id).not.toBe('int-oxy');
    expect(written(outcome)?.duplicatesExcluded).toBe(false);
    expect(written(outcome)?.notes.map(describeProblem).join(' ')).toMatch(/cannot rule out a duplicate/);
    expect(log.count((r) => r.method === 'POST')).toBe(1);
    const stored = ours(await ordersOf('int-ignore'));
    expect(stored.map((m) => m.identifier?.[0]?.value)).toEqual(['int-ignore-1']);
  });

  it('says it is not known to be saved when even the conditional create matches another order', async () => {
    server.use(...ignoresIdentifierSearch(engine, FHIR_BASE, 'MedicationRequest', true));
    const draft = testDraft({ value: 'int-ignore-2', patientId: 'int-ignore-both' });
    const outcome = await writeOrder(fhir, draft, { grantedScopes: WRITE, ...FAST });
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && describeProblem(outcome)).toMatch(/different MedicationRequest/);
    expect(outcome.kind === 'failed' && describeProblem(outcome)).not.toMatch(/already/);
  });
});

describe('an edited plan after a lost answer', () => {
  it('is written as the new plan (new identifier), and the earlier version is named for discontinuing', async () => {
    const v1 = testDraft({ value: 'int-edit-v1', patientId: 'int-edit' });
    // The answer is lost and every check fails too: the clinician sees "could not be confirmed".
    server.use(
      dropsAnswerAfterStoring(engine, FHIR_BASE, 'MedicationRequest'),
      http.get(`${FHIR_BASE}/MedicationRequest`, () => HttpResponse.error()),
    );
    const first = await writeOrder(fhir, v1, { grantedScopes: WRITE, concurrency: check(), ...FAST, maxAttempts: 1 });
    expect(first.kind).toBe('failed');
    server.resetHandlers();
    // The clinician edits the plan: a new identifier (derived from the content) and a different dose.
    const v2 = testDraft({ value: 'int-edit-v2', patientId: 'int-edit' });
    v2.medicationRequest.dosageInstruction = v2.medicationRequest.dosageInstruction!.slice(0, 2);
    const second = await writeOrder(fhir, v2, {
      grantedScopes: WRITE,
      concurrency: check([], ['int-edit-v1']),
      ...FAST,
    });
    expect(second.kind).toBe('created');
    expect(written(second)?.notes.map(describeProblem).join(' ')).toMatch(
      /earlier version of this order.*Discontinue it in the EHR/,
    );
    const stored = ours(await ordersOf('int-edit'));
    const v2Stored = stored.find((m) => m.identifier?.[0]?.value === 'int-edit-v2');
    expect(v2Stored?.id).toBe(written(second)?.medicationRequest.id);
    expect(v2Stored?.dosageInstruction).toHaveLength(2);
  });
});

describe('two launches for one patient', () => {
  it('leave one order: the second is stopped before any POST with a true message', async () => {
    const tabA = testDraft({ value: 'int-tab-a', patientId: 'int-tabs' });
    const tabB = testDraft({ value: 'int-tab-b', patientId: 'int-tabs' });
    // Both read the chart before either signed: neither knows of an order.
    const a = await writeOrder(fhir, tabA, { grantedScopes: WRITE, concurrency: check(), ...FAST });
    log = recordRequests(server);
    const b = await writeOrder(fhir, tabB, { grantedScopes: WRITE, concurrency: check(), ...FAST });
    expect(a.kind).toBe('created');
    expect(b).toMatchObject({
      kind: 'concurrent-order',
      order: { reference: written(a)!.medicationRequest.reference, ownApp: true },
    });
    expect(b.kind === 'concurrent-order' && describeProblem(b)).toMatch(/Nothing was sent/);
    expect(log.count((r) => r.method === 'POST')).toBe(0);
    expect(ours(await ordersOf('int-tabs'))).toHaveLength(1);
  });

  it('does not stop a retry of the same order, nor for an order the clinician already saw', async () => {
    const draft = testDraft({ value: 'int-tab-a', patientId: 'int-tabs' });
    expect((await writeOrder(fhir, draft, { grantedScopes: WRITE, concurrency: check(), ...FAST })).kind).toBe(
      'already-existed',
    );
    const [existing] = ours(await ordersOf('int-tabs'));
    const other = testDraft({ value: 'int-tab-c', patientId: 'int-tabs' });
    const replacing = await writeOrder(fhir, other, {
      grantedScopes: WRITE,
      concurrency: check([`MedicationRequest/${existing!.id}`]),
      ...FAST,
    });
    expect(replacing.kind).toBe('created');
  });
});

describe('replacing an existing LDN order', () => {
  async function existingOrder(patientId: string, value: string): Promise<string> {
    const outcome = await writeOrder(fhir, testDraft({ value, patientId }), { grantedScopes: WRITE, ...FAST });
    return written(outcome)!.medicationRequest.reference;
  }

  it('sets the old order to stopped once when the session may update orders', async () => {
    const old = await existingOrder('int-replace', 'int-replace-old');
    const draft = testDraft({ value: 'int-replace-new', patientId: 'int-replace' });
    draft.medicationRequest.priorPrescription = { reference: old };
    log = recordRequests(server);
    const outcome = await writeOrder(fhir, draft, {
      grantedScopes: ['patient/MedicationRequest.cruds', 'patient/DetectedIssue.c'],
      concurrency: check([old]),
      replaces: old,
      ...FAST,
    });
    expect(written(outcome)?.prior).toMatchObject({ reference: old, stopped: true });
    expect(log.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
    const stored = await engine.handle({ method: 'GET', url: old });
    expect((stored.body as MedicationRequest).status).toBe('stopped');
  });

  it('says the old order must be discontinued in the EHR when the session may not update orders', async () => {
    const old = await existingOrder('int-replace-no-u', 'int-replace-no-u-old');
    const outcome = await writeOrder(
      fhir,
      testDraft({ value: 'int-replace-no-u-new', patientId: 'int-replace-no-u' }),
      { grantedScopes: WRITE, concurrency: check([old]), replaces: old, ...FAST },
    );
    expect(written(outcome)?.prior).toMatchObject({ reference: old, stopped: false });
    expect(describeProblem(written(outcome)!.prior!)).toMatch(/Discontinue it in the EHR/);
    expect(((await engine.handle({ method: 'GET', url: old })).body as MedicationRequest).status).toBe('active');
  });
});

describe('signing on an incomplete read', () => {
  const ackDraft = (patientId: string) =>
    buildOrder(
      orderInput({
        patient: `Patient/${patientId}`,
        status: 'active',
        ids: { order: `${patientId}-order`, acknowledgement: `${patientId}-ack` },
        acknowledgement: {
          reason: 'Pain clinic confirmed no opioids this year',
          notRead: ['The MedicationStatement search answered 500.'],
        },
      }),
    );

  it('records the acknowledgement as a DetectedIssue the order points to, and in its note', async () => {
    const outcome = await writeOrder(fhir, ackDraft('int-ack'), { grantedScopes: WRITE, ...FAST });
    const w = written(outcome)!;
    expect(w.recorded).toEqual([
      { title: ACKNOWLEDGEMENT_TITLE, acknowledgement: true, as: 'detected-issue', reference: w.detectedIssues[0] },
    ]);
    const di = (await engine.handle({ method: 'GET', url: w.detectedIssues[0]! })).body as DetectedIssue;
    expect(di.detail).toContain('Pain clinic confirmed no opioids this year');
    const mr = (await engine.handle({ method: 'GET', url: w.medicationRequest.reference })).body as MedicationRequest;
    expect(mr.note?.filter((n) => n.text.startsWith(ACKNOWLEDGEMENT_TITLE))).toHaveLength(1);
  });

  it('keeps it in the note alone, once, where DetectedIssues are not permitted', async () => {
    const outcome = await writeOrder(fhir, ackDraft('int-ack-note'), {
      grantedScopes: ['patient/MedicationRequest.crs'],
      ...FAST,
    });
    const w = written(outcome)!;
    expect(w.recorded).toMatchObject([{ acknowledgement: true, as: 'note' }]);
    const mr = (await engine.handle({ method: 'GET', url: w.medicationRequest.reference })).body as MedicationRequest;
    expect(mr.note?.filter((n) => n.text.includes('Pain clinic confirmed no opioids this year'))).toHaveLength(1);
  });
});

describe('override records saved before an order the server refuses', () => {
  it('are named in the refusal, never left unmentioned', async () => {
    // The server takes DetectedIssues but refuses the order itself (as a server might for an unreviewed app).
    server.use(
      http.post(`${FHIR_BASE}/MedicationRequest`, () =>
        HttpResponse.json(
          { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden' }] },
          { status: 403 },
        ),
      ),
    );
    const outcome = await writeOrder(
      fhir,
      testDraft({ value: 'int-orphan-1', patientId: 'int-orphan', overrides: 2 }),
      { grantedScopes: WRITE, ...FAST },
    );
    expect(outcome.kind).toBe('not-permitted');
    const saved = outcome.kind === 'not-permitted' ? (outcome.savedUnlinked ?? []) : [];
    expect(saved).toHaveLength(2);
    for (const ref of saved) {
      expect(ref).toMatch(/^DetectedIssue\//);
      expect((await engine.handle({ method: 'GET', url: ref })).status).toBe(200);
      expect(outcome.kind === 'not-permitted' && describeProblem(outcome)).toContain(ref);
    }
    expect(outcome.kind === 'not-permitted' && describeProblem(outcome)).toMatch(/point to no order/);
    expect(ours(await ordersOf('int-orphan'))).toEqual([]);
  });
});

describe('the last look for a concurrent LDN order', () => {
  it('reads every page: an LDN order written elsewhere on page 2 still stops the write', async () => {
    // 60 current orders, 50 per page (as Epic-like servers page), the other tab's LDN order last.
    await engine.load(
      Array.from({ length: 60 }, (_, i) =>
        medicationRequest({
          id: `int-page2-${i}`,
          patientId: 'int-page2',
          medication: { concept: concept([rxnorm('197361', 'amlodipine 5 MG Oral Tablet')]) },
        }),
      ),
    );
    const other = testDraft({ value: 'int-page2-other', patientId: 'int-page2' });
    expect((await writeOrder(fhir, other, { grantedScopes: WRITE, ...FAST })).kind).toBe('created');
    server.use(
      http.get(`${FHIR_BASE}/MedicationRequest`, async ({ request }) => {
        const url = new URL(request.url);
        if (!url.searchParams.has('status')) return undefined;
        const offset = Number(url.searchParams.get('_offset') ?? '0');
        url.searchParams.set('_count', '50');
        const answer = await engine.handle({ method: 'GET', url: `MedicationRequest${url.search}` });
        const bundle = answer.body as Bundle;
        const total = bundle.total ?? 0;
        const link =
          offset + 50 < total
            ? [
                {
                  relation: 'next',
                  url: `${FHIR_BASE}/MedicationRequest${url.search.replace(/&_offset=\d+/, '')}&_offset=${offset + 50}`,
                },
              ]
            : [];
        return HttpResponse.json({ ...bundle, link });
      }),
    );
    // The other tab's order is not on the first page: only reading page 2 finds it.
    const first = (await (
      await fhir.fetch('MedicationRequest?patient=int-page2&status=active,on-hold&_count=200')
    ).json()) as Bundle;
    expect(first.entry).toHaveLength(50);
    expect(ours((first.entry ?? []).map((e) => e.resource as MedicationRequest))).toEqual([]);
    const mine = testDraft({ value: 'int-page2-mine', patientId: 'int-page2' });
    const outcome = await writeOrder(fhir, mine, { grantedScopes: WRITE, concurrency: check(), ...FAST });
    expect(outcome.kind).toBe('concurrent-order');
    const all = await engine.handle({ method: 'GET', url: 'MedicationRequest?patient=int-page2&_count=500' });
    const stored = ((all.body as Bundle).entry ?? []).map((e) => e.resource as MedicationRequest);
    expect(ours(stored).map((m) => m.identifier?.[0]?.value)).toEqual(['int-page2-other']);
  });
});
