/**
 * Replacing an LDN order (issue 10 item 3): after the new order is written, the one it replaces is set to
 * `stopped`, once, where the session may update orders: read it, then PUT it back with status "stopped" and
 * If-Match on the version read (FHIR R4 http.html#concurrency), so a change made meanwhile by someone else is not
 * overwritten. Anything else is reported truthfully: the clinician must then discontinue it in the EHR.
 */
import type { MedicationRequest } from 'fhir/r4';
import { scopeAllows } from '../../core/smart/scopes.ts';
import type { FhirHttp } from '../types.ts';
import { describeAnswer } from './gaps.ts';
import { fhirRequest, isSuccess } from './request.ts';

export interface PriorOrderResult {
  /** "MedicationRequest/<id>" */
  reference: string;
  /** True only when the server holds the old order as stopped. */
  stopped: boolean;
  /** Plain words for the clinician. */
  detail: string;
}

const ENDED = new Set(['stopped', 'cancelled', 'completed', 'entered-in-error']);

export async function stopPriorOrder(
  http: FhirHttp,
  reference: string,
  grantedScopes: readonly string[],
  req: { timeoutMs: number; signal?: AbortSignal },
): Promise<PriorOrderResult> {
  const inEhr = 'Discontinue it in the EHR.';
  const not = (why: string): PriorOrderResult => ({
    reference,
    stopped: false,
    detail: `The order it replaces (${reference}) is still active: ${why}. ${inEhr}`,
  });
  if (!/^MedicationRequest\/[A-Za-z0-9\-.]{1,64}$/.test(reference)) return not('it is not an order on this server');
  if (!scopeAllows(grantedScopes, 'MedicationRequest', 'u')) return not('this session may not change orders');
  const read = await fhirRequest(http, reference, { method: 'GET' }, req);
  if (read.kind !== 'answered' || !isSuccess(read.status)) return not(`reading it ${describeAnswer(read)}`);
  const old = read.json as MedicationRequest | undefined;
  if (old?.resourceType !== 'MedicationRequest') return not('the server answered with something else');
  if (old.status && ENDED.has(old.status))
    return { reference, stopped: true, detail: `The order it replaces (${reference}) is already ${old.status}.` };
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
  if (put.kind === 'answered' && isSuccess(put.status))
    return { reference, stopped: true, detail: `The order it replaces (${reference}) was set to stopped.` };
  if (put.kind === 'answered' && put.status === 412) return not('it was changed by someone else meanwhile');
  return not(`the server ${describeAnswer(put)} when asked to stop it`);
}
