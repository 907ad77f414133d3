/**
 * Writes the signed order: each overridden conflict as a DetectedIssue, then the compounded MedicationRequest that
 * refers to them, exactly once (issue 4 item 3).
 *
 * Exactly once rests on three things: a client-generated identifier with conditional create (see
 * fhir/create-once.ts), a check by identifier before the first POST and before any retry, and one in-flight
 * promise per identifier so a double click sends one order. Server limits are met in steps: no create scope means
 * nothing is sent; no DetectedIssue scope (or a server refusing them) moves the overrides into the order's note; a server refusing the
 * full order gets the reported-only shape once (Oracle Health accepts only reportedBoolean true,
 * medicationCodeableConcept and one dosageInstruction; ../shared/research/smart-on-fhir.md).
 * Before the first POST the patient's orders are read again (fhir/concurrent-order.ts) so an LDN order written
 * meanwhile in another tab stops the write; a found "existing" copy counts only when it carries the identifier
 * (fhir/create-once.ts); a replaced order is set to stopped once where permitted (fhir/stop-prior.ts).
 * Nothing here logs; request bodies and headers never leave the port.
 */
import type { DetectedIssue, MedicationRequest } from 'fhir/r4';
import type { OrderDraft } from '../core/order/types.ts';
import { ACKNOWLEDGEMENT_TITLE } from '../core/order/detected-issue.ts';
import { scopeAllows } from '../core/smart/scopes.ts';
import { problem, type Problem, type ProblemParams } from '../core/problem.ts';
import type { FhirHttp } from './types.ts';
import { findConcurrentLdnOrder, type ConcurrencyCheck } from './fhir/concurrent-order.ts';
import { createOnce, type ClientIdentifier, type CreateCause, type CreateResult } from './fhir/create-once.ts';
import { stopPriorOrder, type PriorOrderResult } from './fhir/stop-prior.ts';
import { foldIssuesIntoNote, withIdentifier, withIssueReferences } from '../core/order/order-shape.ts';
import { referenceId } from '../core/fhir/references.ts';

/** Which form of the order landed on the server. */
export type OrderShape = 'full' | 'reported-only';

/** The created order, for the success screen (id and link). */
export interface CreatedOrder {
  id: string;
  /** e.g. "MedicationRequest/123" */
  reference: string;
  /** Absolute URL of the resource on the FHIR server. */
  url: string;
}

/** A successful write: the order is on the server. */
export interface WrittenOrder {
  medicationRequest: CreatedOrder;
  /** References of the DetectedIssues the order points to, e.g. ["DetectedIssue/7"]. */
  detectedIssues: string[];
  shape: OrderShape;
  /** Overrides written into the order's note instead of as DetectedIssues (0 when none). */
  foldedDetectedIssues: number;
  /** Remarks for the clinician (write/* problems, warnings and information): fallbacks taken and why. */
  notes: WriteNote[];
  /** Each override and acknowledgement of the draft, and how it was recorded. */
  recorded: RecordedIssue[];
  /** False on a server whose identifier search does not filter: a duplicate from an earlier attempt cannot be ruled out. */
  duplicatesExcluded: boolean;
  /** The order this one replaces, and whether the app could set it to stopped. */
  prior?: PriorOrderResult;
}

/** A remark on a written order: a problem the screen words (src/core/problem.ts WriteCode). */
export type WriteNote = Problem<
  | 'write/earlier-version-written'
  | 'write/concurrency-unchecked'
  | 'write/reported-only'
  | 'write/overrides-unlinked'
  | 'write/duplicates-possible'
  | 'write/overrides-folded'
>;

/** One overridden conflict or acknowledgement, as the server holds it. */
export interface RecordedIssue {
  /** The DetectedIssue's title (code text). */
  title: string;
  /** The acknowledgement of signing on an incomplete read (not an overridden conflict). */
  acknowledgement: boolean;
  /** Saved as its own DetectedIssue record, or written into the order's note. */
  as: 'detected-issue' | 'note';
  /** "DetectedIssue/<id>" when saved as one. */
  reference?: string;
}

/**
 * What writing the order came to. `already-existed`: an earlier attempt (a lost answer, a reload) had already
 * created it, and nothing new was made. Every other outcome is a problem (src/core/problem.ts, a `write/*` code
 * with the cause and the saved override records as params), worded by the screen's describeProblem.
 */
export type WriteOutcome =
  | (WrittenOrder & { kind: 'created' })
  | (WrittenOrder & { kind: 'already-existed' })
  | (Problem<'write/no-create-scope' | 'write/not-accepted'> & {
      /** The session or the server does not allow writing the order: offer the printable order and the JSON. */
      kind: 'not-permitted';
      /** Override records saved before the server refused the order: in the chart, pointing to no order. */
      savedUnlinked?: string[];
      offer: 'print-and-download';
      status?: number;
      /** The server's OperationOutcome text, when it sent one (also the problem's `technical` param). */
      outcome?: string;
    })
  | (Problem<'write/concurrent-order'> & {
      /** Another LDN order for the patient appeared since the chart was read (another tab or clinician): nothing sent. */
      kind: 'concurrent-order';
      order: { reference: string; name: string; authoredOn?: string; ownApp: boolean };
    })
  | (Problem<'write/rejected' | 'write/unconfirmed' | 'write/override-unsaved'> & {
      kind: 'failed';
      /** Override records saved before the order failed: in the chart, pointing to no order (yet). */
      savedUnlinked?: string[];
      /** True when trying again may succeed (no answer, 5xx); false when the server rejected the order (4xx). */
      retryable: boolean;
      status?: number;
      outcome?: string;
    });

/** Progress of a write, for the screen's status line. */
export type WriteStep =
  | { kind: 'creating-detected-issues'; count: number }
  | { kind: 'folding-detected-issues'; count: number; why: FoldReason }
  | { kind: 'creating-order'; shape: OrderShape }
  | { kind: 'checking-existing'; resourceType: string; attempt: number }
  | { kind: 'checking-concurrent' }
  | { kind: 'stopping-prior' }
  | { kind: 'retrying'; resourceType: string; attempt: number; why: CreateCause }
  | { kind: 'falling-back'; to: 'reported-only'; status: number }
  | { kind: 'done'; outcome: WriteOutcome['kind'] };

export interface WriteOrderOptions {
  /** The scopes the server granted in this session. */
  grantedScopes: readonly string[];
  /** Builds the reported-only shape (H2's reportedOnlyOrder); without it a refused full order is final. */
  reportedOnly?: (d: OrderDraft) => OrderDraft;
  onStep?: (s: WriteStep) => void;
  /** Look for an LDN order written since the chart was read, just before the first POST (the screen always asks). */
  concurrency?: ConcurrencyCheck;
  /** The order this one replaces ("MedicationRequest/<id>"): set to stopped once after the write, where permitted. */
  replaces?: string;
  /** Deadline per request (default 30 000 ms). */
  timeoutMs?: number;
  /** POST attempts per resource (default 3). */
  maxAttempts?: number;
  /** Base wait between attempts (default 400 ms). */
  retryDelayMs?: number;
  signal?: AbortSignal;
}

/** Server statuses after which the reported-only shape is worth one try. */
const SHAPE_REFUSALS = new Set([400, 403, 405, 422]);

const inFlight = new Map<string, Promise<WriteOutcome>>();

/**
 * Writes `draft` once. A second call with the same identifier while the first runs gets the first's promise;
 * a call after a reload finds the order already on the server and answers 'already-existed'.
 */
export function writeOrder(http: FhirHttp, draft: OrderDraft, opts: WriteOrderOptions): Promise<WriteOutcome> {
  const key = `${http.baseUrl} ${draft.identifier.system}|${draft.identifier.value}`;
  const running = inFlight.get(key);
  if (running) return running;
  const promise = write(http, draft, opts).then((outcome) => {
    opts.onStep?.({ kind: 'done', outcome: outcome.kind });
    return outcome;
  });
  inFlight.set(key, promise);
  // Cleared when settled either way (then with two handlers, so a bug's rejection is not reported twice).
  const clear = (): void => void inFlight.delete(key);
  promise.then(clear, clear);
  return promise;
}

async function write(http: FhirHttp, draft: OrderDraft, opts: WriteOrderOptions): Promise<WriteOutcome> {
  if (!scopeAllows(opts.grantedScopes, 'MedicationRequest', 'c')) {
    return { kind: 'not-permitted', offer: 'print-and-download', code: 'write/no-create-scope', severity: 'error' };
  }
  const base = {
    timeoutMs: opts.timeoutMs ?? 30_000,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
    ...(opts.retryDelayMs !== undefined ? { retryDelayMs: opts.retryDelayMs } : {}),
  };
  const createWithSteps = (resource: DetectedIssue | MedicationRequest, id: ClientIdentifier): Promise<CreateResult> =>
    createOnce(http, resource, id, {
      ...base,
      ...patientOf(resource),
      // Looking first costs one round trip and keeps a reload from doubling the order on servers without
      // conditional create.
      checkFirst: true,
      onRetry: (e) =>
        opts.onStep?.(
          e.checking
            ? { kind: 'checking-existing', resourceType: resource.resourceType, attempt: e.attempt }
            : { kind: 'retrying', resourceType: resource.resourceType, attempt: e.attempt, why: e.why },
        ),
    });

  const patientId = patientOf(draft.medicationRequest).patientId;
  const preNotes: WriteNote[] = [];
  if (opts.concurrency && patientId) {
    opts.onStep?.({ kind: 'checking-concurrent' });
    const look = await findConcurrentLdnOrder(http, patientId, draft.identifier.value, opts.concurrency, base);
    if (look.kind === 'found') {
      const o = look.order;
      return {
        kind: 'concurrent-order',
        order: {
          reference: o.reference,
          name: o.name,
          ownApp: o.ownApp,
          ...(o.authoredOn ? { authoredOn: o.authoredOn } : {}),
        },
        code: 'write/concurrent-order',
        severity: 'error',
        params: { reference: o.reference },
      };
    }
    for (const e of look.kind === 'none' ? look.earlier : []) {
      preNotes.push(problem('write/earlier-version-written', 'warning', { reference: e.reference }));
    }
    if (look.kind === 'unknown') preNotes.push(problem('write/concurrency-unchecked', 'warning', look.why));
  }

  const overrides = await saveOverrides(draft.detectedIssues, opts, createWithSteps);
  if ('kind' in overrides) return overrides;
  const { created, folded, notes } = overrides;
  notes.unshift(...preNotes);
  let ignored = overrides.identifierSearchIgnored;

  // Overrides the caller's shape still lists as DetectedIssues but that could not be saved go into the note; those
  // a shape dropped from its list (the reported-only shape folds them itself) are its own business.
  const prepare = (d: OrderDraft): MedicationRequest => {
    const listed = new Set(d.detectedIssues.map(issueKey));
    // The acknowledgement is in the note already (the builder puts it there): fold it only when it is not.
    const hasAck = (d.medicationRequest.note ?? []).some((n) => n.text.startsWith(ACKNOWLEDGEMENT_TITLE));
    const mine = folded.filter((di) => listed.has(issueKey(di)) && !(hasAck && isAcknowledgement(di)));
    return withIdentifier(foldIssuesIntoNote(withIssueReferences(d.medicationRequest, created), mine), d.identifier);
  };

  opts.onStep?.({ kind: 'creating-order', shape: 'full' });
  let shape: OrderShape = 'full';
  let sent = prepare(draft);
  let result = await createWithSteps(sent, draft.identifier);
  ignored ||= !!result.identifierSearchIgnored;
  if (result.kind === 'rejected' && SHAPE_REFUSALS.has(result.status) && opts.reportedOnly) {
    opts.onStep?.({ kind: 'falling-back', to: 'reported-only', status: result.status });
    const reported = opts.reportedOnly(draft);
    shape = 'reported-only';
    opts.onStep?.({ kind: 'creating-order', shape });
    const first = result;
    sent = prepare(reported);
    result = await createWithSteps(sent, reported.identifier);
    ignored ||= !!result.identifierSearchIgnored;
    if (result.kind === 'created' || result.kind === 'existed') {
      const facts = { status: first.status, ...(first.outcome ? { technical: first.outcome } : {}) };
      notes.push(problem('write/reported-only', 'info', facts));
    }
  }

  if (result.kind === 'created' || result.kind === 'existed') {
    const reference = `MedicationRequest/${result.id}`;
    const linked = (sent.detectedIssue ?? [])
      .map((r) => r.reference)
      .filter((r): r is string => !!r?.startsWith('DetectedIssue/'));
    const unlinked = [...created.values()].filter((r) => !linked.includes(r));
    if (unlinked.length > 0) {
      const facts = { saved: unlinked.join(', '), savedCount: unlinked.length, shape };
      notes.push(problem('write/overrides-unlinked', 'warning', facts));
    }
    if (ignored) {
      notes.push(problem('write/duplicates-possible', 'warning'));
    }
    const recorded: RecordedIssue[] = draft.detectedIssues.map((di) => {
      const id = di.identifier?.find((i) => i.system && i.value)?.value;
      const ref = id ? created.get(`urn:uuid:${id}`) : undefined;
      return {
        title: di.code?.text ?? 'Overridden alert',
        acknowledgement: isAcknowledgement(di),
        as: ref ? 'detected-issue' : 'note',
        ...(ref ? { reference: ref } : {}),
      };
    });
    let prior: PriorOrderResult | undefined;
    if (opts.replaces) {
      opts.onStep?.({ kind: 'stopping-prior' });
      prior = await stopPriorOrder(http, opts.replaces, opts.grantedScopes, base);
    }
    const written: WrittenOrder = {
      medicationRequest: { id: result.id, reference, url: `${http.baseUrl}/${reference}` },
      detectedIssues: linked,
      shape,
      foldedDetectedIssues: draft.detectedIssues.length - linked.length,
      notes,
      recorded,
      duplicatesExcluded: !ignored,
      ...(prior ? { prior } : {}),
    };
    return result.kind === 'created' ? { kind: 'created', ...written } : { kind: 'already-existed', ...written };
  }
  // The override records go first (the order points to them). If the order then does not land, they are in the
  // chart pointing to no order: say so, never leave them unmentioned (issue 10: never an untrue message).
  const saved = [...created.values()];
  const o = {
    params: writeParams(result.cause, result.outcome, saved),
    ...(saved.length ? { savedUnlinked: saved } : {}),
  };
  if (result.kind === 'rejected') {
    if (result.status === 403 || result.status === 405) {
      return {
        kind: 'not-permitted',
        offer: 'print-and-download',
        code: 'write/not-accepted',
        severity: 'error',
        ...o,
        ...extra(result),
      };
    }
    return { kind: 'failed', retryable: false, code: 'write/rejected', severity: 'error', ...o, ...extra(result) };
  }
  return { kind: 'failed', retryable: true, code: 'write/unconfirmed', severity: 'error', ...o, ...extra(result) };
}

/**
 * A write problem's params: the create's cause (its code and facts), the server's OperationOutcome text as
 * `technical`, and the override records saved before, which point to no order (issue 10: never left unmentioned).
 */
function writeParams(cause: CreateCause, outcome: string | undefined, saved: readonly string[]): ProblemParams {
  return {
    ...cause.params,
    cause: cause.code,
    ...(outcome ? { technical: outcome } : {}),
    ...(saved.length ? { saved: saved.join(', '), savedCount: saved.length } : {}),
  };
}

interface SavedOverrides {
  /** placeholder "urn:uuid:<value>" -> "DetectedIssue/<id>" */
  created: Map<string, string>;
  /** Overrides to write into the order's note instead. */
  folded: DetectedIssue[];
  notes: WriteNote[];
  identifierSearchIgnored: boolean;
}

/** Why overrides go into the order's note: no DetectedIssue scope, no identifier to make them safe, refused. */
export type FoldReason = 'no-scope' | 'no-identifier' | 'refused';

/**
 * Creates the DetectedIssues (all at once: one round trip), or folds them into the note where that is not
 * possible: no DetectedIssue scope, the server refusing them (4xx), or a draft issue without an identifier (its
 * create could not be made safe to repeat). A server that cannot be reached stops the write before the order.
 */
async function saveOverrides(
  issues: readonly DetectedIssue[],
  opts: WriteOrderOptions,
  create: (resource: DetectedIssue, id: ClientIdentifier) => Promise<CreateResult>,
): Promise<SavedOverrides | WriteOutcome> {
  const out: SavedOverrides = { created: new Map(), folded: [], notes: [], identifierSearchIgnored: false };
  const fold = (list: readonly DetectedIssue[], why: FoldReason): void => {
    if (list.length === 0) return;
    out.folded.push(...list);
    opts.onStep?.({ kind: 'folding-detected-issues', count: list.length, why });
    out.notes.push(problem('write/overrides-folded', 'info', { count: list.length, because: why }));
  };
  if (issues.length === 0) return out;
  if (!scopeAllows(opts.grantedScopes, 'DetectedIssue', 'c')) {
    fold(issues, 'no-scope');
    return out;
  }
  const withIds = issues.map((di) => ({
    di,
    id: di.identifier?.find((i): i is ClientIdentifier => !!i.system && !!i.value),
  }));
  fold(
    withIds.filter((w) => !w.id).map((w) => w.di),
    'no-identifier',
  );
  const toCreate = withIds.filter((w): w is { di: DetectedIssue; id: ClientIdentifier } => !!w.id);
  if (toCreate.length === 0) return out;
  opts.onStep?.({ kind: 'creating-detected-issues', count: toCreate.length });
  const results = await Promise.all(toCreate.map(({ di, id }) => create(di, id)));
  const refused: DetectedIssue[] = [];
  for (const [i, r] of results.entries()) {
    const { di, id } = toCreate[i]!;
    if (r.identifierSearchIgnored) out.identifierSearchIgnored = true;
    if (r.kind === 'created' || r.kind === 'existed') out.created.set(`urn:uuid:${id.value}`, `DetectedIssue/${r.id}`);
    else if (r.kind === 'rejected') refused.push(di);
    else
      return {
        kind: 'failed',
        retryable: true,
        code: 'write/override-unsaved',
        severity: 'error',
        params: writeParams(r.cause, r.outcome, []),
        ...extra(r),
      };
  }
  fold(refused, 'refused');
  return out;
}

function isAcknowledgement(di: DetectedIssue): boolean {
  return di.code?.text === ACKNOWLEDGEMENT_TITLE;
}

/** Identifies a draft DetectedIssue across copies of the draft (its client identifier, else its detail). */
function issueKey(di: DetectedIssue): string {
  const id = di.identifier?.find((i) => i.system && i.value);
  return id ? `${id.system}|${id.value}` : `detail:${di.detail ?? ''}`;
}

/** The patient a resource belongs to, for patient-scoped conditions ("Patient/<id>" references only). */
function patientOf(resource: DetectedIssue | MedicationRequest): { patientId?: string } {
  const reference =
    resource.resourceType === 'MedicationRequest' ? resource.subject?.reference : resource.patient?.reference;
  const patientId = referenceId(reference, 'Patient');
  return patientId ? { patientId } : {};
}

function extra(r: { status?: number; outcome?: string }): { status?: number; outcome?: string } {
  return { ...(r.status !== undefined ? { status: r.status } : {}), ...(r.outcome ? { outcome: r.outcome } : {}) };
}
