/**
 * Creating one resource exactly once, even when answers get lost.
 *
 * Conditional create (FHIR R4 http.html#ccreate: `If-None-Exist: identifier=<system>|<value>`) makes a repeated
 * POST harmless on servers that support it; for those that ignore the header, a POST whose answer was lost
 * (network error, timeout) or that failed with 5xx is followed by a search for the identifier before any retry,
 * so the resource is created again only when it is really absent. A 4xx is the server's decision and is never
 * retried (except 429, which says nothing was done). Optionally the search also runs before the first POST, for
 * servers that ignore If-None-Exist.
 *
 * A found resource counts only when it carries the identifier exactly and belongs to the patient (issue 10 item 4):
 * a server that ignores the `identifier` parameter answers with other resources, and taking one of those for the
 * order would say "already in the chart" when nothing was written. Such a server is treated as not supporting
 * identifier search: the create relies on If-None-Exist alone and the result says duplicates cannot be excluded.
 */
import type { Bundle, Resource } from 'fhir/r4';
import { problem, type CreateCode, type Problem, type ProblemParams } from '../../core/problem.ts';
import type { FhirHttp } from '../types.ts';
import { fhirRequest, isSuccess, type HttpAnswer } from './request.ts';
import { answerFacts } from './gaps.ts';
import { outcomeText } from '../../core/fhir/operation-outcome.ts';
import { referenceId } from '../../core/fhir/references.ts';

/** Why a create did not land: a `create/*` problem with the resource type and the answer's facts as params. */
export type CreateCause = Problem<CreateCode>;

const cause = (code: CreateCode, type: string, facts: ProblemParams = {}): CreateCause =>
  problem(code, 'error', { type, ...facts });

export interface ClientIdentifier {
  system: string;
  value: string;
}

export type CreateResult =
  /** `existed`: the server already had a resource with this identifier (from an earlier attempt or session). */
  (
    | { kind: 'created'; id: string }
    | { kind: 'existed'; id: string }
    /** The server said no (4xx); `outcome` is its OperationOutcome text. */
    | { kind: 'rejected'; status: number; outcome?: string; cause: CreateCause }
    /** No usable answer after the retries; whether the resource exists is unknown or known to be absent. */
    | { kind: 'unavailable'; cause: CreateCause; status?: number; outcome?: string }
  ) & {
    /** The identifier search answered with resources that do not carry the identifier: it does not filter. */
    identifierSearchIgnored?: true;
  };

export interface CreateOnceOptions {
  timeoutMs: number;
  /**
   * The patient the resource belongs to (id, or "Patient/<id>"). Added to the If-None-Exist condition and to the
   * identifier search: patient-level SMART tokens often allow only patient-scoped searches, and a server can
   * answer a patient-scoped search from its patient index instead of scanning every order.
   */
  patientId?: string;
  /**
   * Search by identifier before the first POST too (default false). Catches the earlier copy on servers that ignore
   * If-None-Exist (a reload after a write would otherwise create a second one). Best effort: when the search
   * itself fails (e.g. the session may create but not search), the conditional POST goes ahead.
   */
  checkFirst?: boolean;
  /** POST attempts at most (default 3). */
  maxAttempts?: number;
  /** Wait before attempt n+1 is n times this (default 400 ms). */
  retryDelayMs?: number;
  signal?: AbortSignal;
  /** Told before each retry and each existence check, for the progress line. */
  onRetry?: (e: { attempt: number; checking: boolean; why: CreateCause }) => void;
}

/** The search-parameter form of an identifier, for If-None-Exist and `?identifier=`. */
export function identifierToken(id: ClientIdentifier): string {
  return `${encodeURIComponent(id.system)}|${encodeURIComponent(id.value)}`;
}

/** The search that finds an earlier copy: `[patient=<id>&]identifier=<system>|<value>`. */
export function identifierCondition(id: ClientIdentifier, patientId?: string): string {
  const patient = patientId ? `patient=${encodeURIComponent(patientId.replace(/^Patient\//, ''))}&` : '';
  return `${patient}identifier=${identifierToken(id)}`;
}

/** Creates `resource` unless a resource of its type with `identifier` exists. Never throws. */
export async function createOnce(
  http: FhirHttp,
  resource: Resource,
  identifier: ClientIdentifier,
  opts: CreateOnceOptions,
): Promise<CreateResult> {
  const type = resource.resourceType;
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 3);
  const delay = opts.retryDelayMs ?? 400;
  const req = { timeoutMs: opts.timeoutMs, ...(opts.signal ? { signal: opts.signal } : {}) };
  const body = JSON.stringify(resource);
  let uncertain = false; // a POST may have landed without our seeing the answer
  let last: Extract<CreateResult, { kind: 'unavailable' }> = {
    kind: 'unavailable',
    cause: cause('create/not-attempted', type),
  };
  let ignored = false; // the identifier search does not filter on this server
  const mark = (r: CreateResult): CreateResult => (ignored ? { ...r, identifierSearchIgnored: true } : r);

  if (opts.checkFirst) {
    const found = await findByIdentifier(http, type, identifier, req, opts.patientId);
    if (found.kind === 'found') return { kind: 'existed', id: found.id };
    if (found.kind === 'multiple') return multipleMatches(type);
    if (found.kind === 'unsupported') ignored = true;
  }

  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (attempt > 1) {
      await sleep(delay * (attempt - 1), opts.signal);
      if (opts.signal?.aborted) break;
    }
    if (uncertain) {
      opts.onRetry?.({ attempt, checking: true, why: last.cause });
      const found = ignored
        ? ({ kind: 'unsupported' } as const)
        : await findByIdentifier(http, type, identifier, req, opts.patientId);
      if (found.kind === 'found') return mark({ kind: 'existed', id: found.id });
      if (found.kind === 'multiple') return multipleMatches(type);
      if (found.kind === 'unsupported') {
        // Nothing can tell whether the lost POST landed: stop rather than risk a second order.
        return {
          kind: 'unavailable',
          cause: cause('create/lost-unsearchable', type),
          identifierSearchIgnored: true,
        };
      }
      if (found.kind === 'unknown') {
        last = { kind: 'unavailable', cause: cause('create/check-failed', type, found.facts) };
        if (found.permanent) return last; // the session may not search: asking again will not help
        continue; // still uncertain: never POST without knowing
      }
      uncertain = false;
    }
    if (attempt > 1) opts.onRetry?.({ attempt, checking: false, why: last.cause });
    const answer = await fhirRequest(
      http,
      type,
      {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/fhir+json',
          'if-none-exist': identifierCondition(identifier, opts.patientId),
          prefer: 'return=representation',
        },
      },
      req,
    );
    if (answer.kind === 'aborted') {
      uncertain = true;
      last = { kind: 'unavailable', cause: cause('create/cancelled', type) };
      break;
    }
    if (answer.kind !== 'answered' || answer.status >= 500) {
      uncertain = true;
      last = { kind: 'unavailable', cause: cause('create/no-answer', type, answerFacts(answer)), ...statusOf(answer) };
      continue;
    }
    if (answer.status === 429) {
      last = { kind: 'unavailable', cause: cause('create/busy', type, answerFacts(answer)), status: 429 };
      continue;
    }
    if (isSuccess(answer.status)) {
      const body = answer.json as Resource | undefined;
      if (answer.status !== 201 && body?.resourceType === type && !carries(body, identifier)) {
        // A conditional create answered with another record: the server matched on something else.
        return mark({
          kind: 'unavailable',
          cause: cause('create/other-resource', type),
          status: answer.status,
        });
      }
      const id =
        idFromAnswer(answer, type) ??
        (ignored ? undefined : await findCreatedId(http, type, identifier, req, opts.patientId));
      if (id === undefined)
        return mark({
          kind: 'unavailable',
          cause: cause('create/no-id', type),
          status: answer.status,
        });
      return mark(answer.status === 201 ? { kind: 'created', id } : { kind: 'existed', id });
    }
    if (answer.status === 412) return multipleMatches(type);
    const outcome = outcomeText(answer.json);
    return {
      kind: 'rejected',
      status: answer.status,
      cause: cause('create/refused', type, answerFacts(answer)),
      ...(outcome ? { outcome } : {}),
    };
  }

  if (uncertain && !opts.signal?.aborted && !ignored) {
    // One last look, so a POST that landed behind a lost answer is reported as done rather than failed.
    const found = await findByIdentifier(http, type, identifier, req, opts.patientId);
    if (found.kind === 'found') return { kind: 'existed', id: found.id };
  }
  return mark(last);
}

type Lookup =
  | { kind: 'found'; id: string }
  | { kind: 'absent' }
  | { kind: 'multiple' }
  /** The answer held resources without the identifier: the server ignores the parameter. */
  | { kind: 'unsupported' }
  /** The search did not answer usably; `facts` say how (answerFacts, or `answer: 'not-bundle'`). */
  | { kind: 'unknown'; facts: ProblemParams; permanent: boolean };

/** The resource carries exactly this identifier (system and value). */
export function carries(resource: Resource, id: ClientIdentifier): boolean {
  const ids = (resource as { identifier?: unknown }).identifier;
  return (
    Array.isArray(ids) &&
    ids.some((i: { system?: unknown; value?: unknown } | null) => i?.system === id.system && i?.value === id.value)
  );
}

/** The resource's patient reference names `patientId` ("Patient/<id>", relative or absolute). */
export function belongsTo(resource: Resource, patientId: string | undefined): boolean {
  if (!patientId) return true;
  const r = resource as { subject?: { reference?: unknown }; patient?: { reference?: unknown } };
  const reference = r.subject?.reference ?? r.patient?.reference;
  const want = `Patient/${patientId.replace(/^Patient\//, '')}`;
  return typeof reference === 'string' && (reference === want || reference.endsWith(`/${want}`));
}

/** Searches `type?[patient=<id>&]identifier=system|value`. */
export async function findByIdentifier(
  http: FhirHttp,
  type: string,
  identifier: ClientIdentifier,
  req: { timeoutMs: number; signal?: AbortSignal },
  patientId?: string,
): Promise<Lookup> {
  const answer = await fhirRequest(
    http,
    `${type}?${identifierCondition(identifier, patientId)}`,
    { method: 'GET' },
    req,
  );
  if (answer.kind !== 'answered' || !isSuccess(answer.status)) {
    const permanent =
      answer.kind === 'answered' && answer.status >= 400 && answer.status < 500 && answer.status !== 429;
    return { kind: 'unknown', facts: answerFacts(answer), permanent };
  }
  const bundle = answer.json as Bundle | undefined;
  if (bundle?.resourceType !== 'Bundle') return { kind: 'unknown', facts: { answer: 'not-bundle' }, permanent: false };
  const resources: Resource[] = [];
  for (const e of bundle.entry ?? [])
    if (e?.resource?.resourceType === type && typeof e.resource.id === 'string') resources.push(e.resource);
  const ours = resources.filter((r) => carries(r, identifier) && belongsTo(r, patientId));
  const unique = [...new Set(ours.map((r) => r.id!))];
  if (unique.length > 1) return { kind: 'multiple' };
  if (unique.length === 1) return { kind: 'found', id: unique[0]! };
  return resources.length > 0 ? { kind: 'unsupported' } : { kind: 'absent' };
}

async function findCreatedId(
  http: FhirHttp,
  type: string,
  identifier: ClientIdentifier,
  req: { timeoutMs: number; signal?: AbortSignal },
  patientId?: string,
): Promise<string | undefined> {
  const found = await findByIdentifier(http, type, identifier, req, patientId);
  return found.kind === 'found' ? found.id : undefined;
}

/** The new resource's id from the body (Prefer: return=representation) or from the Location header. */
export function idFromAnswer(answer: HttpAnswer & { kind: 'answered' }, type: string): string | undefined {
  const body = answer.json as Resource | undefined;
  if (body?.resourceType === type && typeof body.id === 'string' && body.id !== '') return body.id;
  const location = answer.headers.get('location') ?? answer.headers.get('content-location');
  if (!location) return undefined;
  return referenceId(location, type, 'trailing');
}

function multipleMatches(type: string): CreateResult {
  return {
    kind: 'rejected',
    status: 412,
    cause: cause('create/multiple', type),
  };
}

function statusOf(answer: HttpAnswer): { status?: number; outcome?: string } {
  if (answer.kind !== 'answered') return {};
  const outcome = outcomeText(answer.json);
  return { status: answer.status, ...(outcome ? { outcome } : {}) };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
