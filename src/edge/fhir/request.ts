/**
 * One FHIR request with a deadline, turned into data: the edge never lets a fetch rejection or a hung server
 * escape as an exception. The deadline covers the body too, because a server can send headers and then stall.
 */
import type { FhirHttp } from '../types.ts';

/** What came back from one request. */
export type HttpAnswer =
  /** The server answered. `json` is undefined when the body was empty or not JSON (`notJson` tells which). */
  | { kind: 'answered'; status: number; headers: Headers; json: unknown; notJson: boolean }
  /** No answer within the deadline. */
  | { kind: 'timeout'; afterMs: number }
  /** The caller's own signal aborted the request. */
  | { kind: 'aborted' }
  /** No answer at all: connection refused or reset, DNS, CORS. */
  | { kind: 'network' };

export interface RequestOptions {
  /** Deadline for this request, headers and body together. */
  timeoutMs: number;
  /** The caller's cancel signal (e.g. the screen was closed). */
  signal?: AbortSignal;
}

/**
 * Sends one request through the port and reads the body as JSON.
 * Combines the caller's signal with the deadline by hand (AbortSignal.any is missing from older browsers).
 */
export async function fhirRequest(
  http: FhirHttp,
  pathOrUrl: string,
  init: RequestInit,
  opts: RequestOptions,
): Promise<HttpAnswer> {
  if (opts.signal?.aborted) return { kind: 'aborted' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, opts.timeoutMs);
  const onCallerAbort = (): void => controller.abort();
  opts.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    const response = await http.fetch(pathOrUrl, { ...init, signal: controller.signal });
    const text = await response.text();
    let json: unknown;
    let notJson = false;
    if (text.trim() !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        notJson = true;
      }
    }
    return { kind: 'answered', status: response.status, headers: response.headers, json, notJson };
  } catch (e) {
    if (timedOut) return { kind: 'timeout', afterMs: opts.timeoutMs };
    // The port may have its own, shorter deadline (AbortSignal.timeout rejects with a TimeoutError).
    if ((e as { name?: unknown } | null)?.name === 'TimeoutError') return { kind: 'timeout', afterMs: opts.timeoutMs };
    if (opts.signal?.aborted) return { kind: 'aborted' };
    return { kind: 'network' };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** True for a 2xx status. */
export const isSuccess = (status: number): boolean => status >= 200 && status < 300;
