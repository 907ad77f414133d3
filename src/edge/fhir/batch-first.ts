/**
 * The chart's first requests in one FHIR batch (issue 14 item 1): the Patient read and the first page of every
 * search leave as one POST of a Bundle of type "batch" (FHIR R4 http.html#transaction), so a launch pays one
 * round trip instead of two waves of six (a browser opens at most six HTTP/1.1 connections to one host).
 *
 * It is a decorator of the FhirHttp port: the paging, the checks and the gaps stay exactly those of the single
 * requests, because each GET named in the batch is answered with a Response rebuilt from its batch entry. What the
 * batch cannot answer goes to the server as the plain GET it would have been:
 * - the whole batch refused or not understood (any status other than 2xx or 401, a body that is not a
 *   batch-response, or a different number of entries): every request is sent on its own (one round trip more);
 * - one entry without a usable status: that request alone is sent on its own;
 * - 401 for the batch: every request gets that 401 (the session's token was refused: sending more changes nothing);
 * - no answer within the deadline, or cancelled: every request ends that way (fail safe: a gap for each).
 * Each path is answered from the batch once; a retry of the same path (e.g. without _include) goes to the server.
 */
import type { Bundle } from 'fhir/r4';
import type { FhirHttp } from '../types.ts';
import { fhirRequest, isSuccess, type HttpAnswer, type RequestOptions } from './request.ts';

/** How one batched path is answered. */
type EntryAnswer =
  | { kind: 'response'; status: number; body: unknown }
  /** Not answered by the batch: send the GET itself. */
  | { kind: 'send' }
  | { kind: 'fail'; name: 'TimeoutError' | 'AbortError' };

/** A FhirHttp that answers the batched GETs from one batch, with counts for the reader's statistics. */
export interface BatchedHttp extends FhirHttp {
  /** How many paths the batch answered (the rest went to the server as single requests). */
  served(): number;
  /** Whether the batch was refused as a whole (every path was then sent on its own). */
  refused(): boolean;
}

/** Sends `paths` (relative GETs) as one batch now; the returned port answers them from it. Never throws. */
export function batchFirstRequests(http: FhirHttp, paths: readonly string[], opts: RequestOptions): BatchedHttp {
  const body: Bundle = {
    resourceType: 'Bundle',
    type: 'batch',
    entry: paths.map((url) => ({ request: { method: 'GET', url } })),
  };
  let served = 0;
  let refused = false;
  const answers = fhirRequest(
    http,
    http.baseUrl,
    {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
    },
    opts,
  ).then((answer) => {
    const split = splitBatch(answer, paths.length);
    if (split.every((a) => a.kind === 'send')) refused = true;
    return split;
  });
  const waiting = new Map(paths.map((p, i) => [p, i]));

  return {
    baseUrl: http.baseUrl,
    ...(http.capabilities ? { capabilities: http.capabilities } : {}),
    served: () => served,
    refused: () => refused,
    async fetch(pathOrUrl, init) {
      const index = waiting.get(pathOrUrl);
      const method = (init?.method ?? 'GET').toUpperCase();
      if (index === undefined || method !== 'GET') return http.fetch(pathOrUrl, init);
      waiting.delete(pathOrUrl);
      const entry = (await untilAborted(answers, init?.signal))[index]!;
      if (entry.kind === 'send') return http.fetch(pathOrUrl, init);
      if (entry.kind === 'fail') throw namedError(entry.name);
      served += 1;
      const noBody = entry.status === 204 || entry.status === 205 || entry.status === 304;
      return new Response(noBody || entry.body === undefined ? null : JSON.stringify(entry.body), {
        status: entry.status,
        headers: { 'content-type': 'application/fhir+json' },
      });
    },
  };
}

/** One answer per batched path, from the batch's answer. */
export function splitBatch(answer: HttpAnswer, count: number): EntryAnswer[] {
  const all = (a: EntryAnswer): EntryAnswer[] => Array.from({ length: count }, () => a);
  if (answer.kind === 'timeout') return all({ kind: 'fail', name: 'TimeoutError' });
  if (answer.kind === 'aborted') return all({ kind: 'fail', name: 'AbortError' });
  if (answer.kind === 'network') return all({ kind: 'send' });
  if (answer.status === 401) return all({ kind: 'response', status: 401, body: answer.json });
  const bundle = answer.json as Bundle | undefined;
  if (
    !isSuccess(answer.status) ||
    answer.notJson ||
    bundle?.resourceType !== 'Bundle' ||
    bundle.type !== 'batch-response' ||
    !Array.isArray(bundle.entry) ||
    bundle.entry.length !== count
  )
    return all({ kind: 'send' });
  // Entries answer the requests in order (R4 Bundle: "the response entries SHALL be in the same order").
  return bundle.entry.map((entry): EntryAnswer => {
    const status = Number.parseInt(String(entry?.response?.status ?? ''), 10);
    if (!Number.isInteger(status) || status < 200 || status > 599) return { kind: 'send' };
    const body = isSuccess(status) ? entry.resource : (entry.response?.outcome ?? entry.resource);
    return { kind: 'response', status, body };
  });
}

/** The batch's answers, or an AbortError as soon as this request's own signal aborts (its deadline, or a cancel). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(namedError('AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(namedError('AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function namedError(name: string): Error {
  const e = new Error(name === 'TimeoutError' ? 'The batch was not answered in time' : 'The request was cancelled');
  e.name = name;
  return e;
}
