/**
 * Replacing an LDN order (issue 10 item 3): after the new order is written, the one it replaces is set to
 * `stopped`, once, where the session may update orders: read it, then PUT it back with status "stopped" and
 * If-Match on the version read (FHIR R4 http.html#concurrency), so a change made meanwhile by someone else is not
 * overwritten. Anything else is reported truthfully: the clinician must then discontinue it in the EHR.
 */
import type { MedicationRequest } from 'fhir/r4';
import { scopeAllows } from '../../core/smart/scopes.ts';
import type { Problem, ProblemParams } from '../../core/problem.ts';
import type { FhirHttp } from '../types.ts';
import { answerFacts } from './gaps.ts';
import { fhirRequest, isSuccess } from './request.ts';
import { referenceId } from '../../core/fhir/references.ts';

/**
 * What became of the replaced order, as a problem the screen words: `write/prior-stopped` (info; params
 * `reference`, `status` when it had already ended) or `write/prior-active` (a warning: it must be discontinued in
 * the EHR; params `reference`, `because` and, for an answer, its facts).
 */
export type PriorOrderResult = Problem<'write/prior-stopped' | 'write/prior-active'> & {
  /** "MedicationRequest/<id>" */
  reference: string;
  /** True only when the server holds the old order as stopped. */
  stopped: boolean;
};

const ENDED = new Set(['stopped', 'cancelled', 'completed', 'entered-in-error']);

export async function stopPriorOrder(
  http: FhirHttp,
  reference: string,
  grantedScopes: readonly string[],
  req: { timeoutMs: number; signal?: AbortSignal },
): Promise<PriorOrderResult> {
  const not = (because: string, facts: ProblemParams = {}): PriorOrderResult => ({
    code: 'write/prior-active',
    severity: 'warning',
    params: { ...facts, reference, because },
    reference,
    stopped: false,
  });
  const stopped = (facts: ProblemParams = {}): PriorOrderResult => ({
    code: 'write/prior-stopped',
    severity: 'info',
    params: { ...facts, reference },
    reference,
    stopped: true,
  });
  if (referenceId(reference, 'MedicationRequest') === undefined) return not('not-server-order');
  if (!scopeAllows(grantedScopes, 'MedicationRequest', 'u')) return not('no-update-scope');
  const read = await fhirRequest(http, reference, { method: 'GET' }, req);
  if (read.kind !== 'answered' || !isSuccess(read.status)) return not('read-failed', answerFacts(read));
  const old = read.json as MedicationRequest | undefined;
  if (old?.resourceType !== 'MedicationRequest') return not('not-an-order');
  if (old.status && ENDED.has(old.status)) return stopped({ status: old.status });
  const version = read.headers.get('etag') ?? (old.meta?.versionId ? `W/"${old.meta.versionId}"` : undefined);
  const headers: Record<string, string> = {
    'content-type': 'application/fhir+json',
    ...(version ? { 'if-match': version } : {}),
  };
  const put = await fhirRequest(
    http,
    reference,
    { method: 'PUT', headers, body: JSON.stringify({ ...old, status: 'stopped' }) },
    req,
  );
  if (put.kind === 'answered' && isSuccess(put.status)) return stopped();
  if (put.kind === 'answered' && put.status === 412) return not('changed-meanwhile');
  return not('stop-failed', answerFacts(put));
}
