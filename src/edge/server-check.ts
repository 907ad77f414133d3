/**
 * Fetches what check-server and the standalone picker evaluate: `.well-known/smart-configuration`, `metadata`,
 * one unauthenticated `Patient?_count=1`, one unauthenticated identifier probe and one unauthenticated batch of
 * one search, each turned into JSON or a typed failure (never an exception, never a sentence: the words are in
 * src/core/server/strings.ts), then hands them to the pure evaluator in src/core/server.
 */
import { evaluateServer } from '../core/server/evaluate.ts';
import { identifierProbePath } from '../core/server/identifier-search.ts';
import type { Fetched, NetworkFailure, ServerProbe, ServerReport } from '../core/server/types.ts';
import type { FhirHttp } from './types.ts';

const TLS_CODES = /^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_CERT)/;

function errorCode(e: unknown): string {
  // undici puts the system error in `cause` (e.g. { code: 'ECONNREFUSED' }); some wrap it twice.
  let current: unknown = e;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const c = current as { code?: unknown; cause?: unknown };
    if (typeof c.code === 'string') return c.code;
    current = c.cause;
  }
  return '';
}

/**
 * What kind of failure a request that got no response met: timeout, abort, DNS, refused, closed, unreachable,
 * slow connect, TLS, a port fetch refuses, or another network error (its code and message kept as data).
 */
export function networkFailure(e: unknown): NetworkFailure {
  const name = (e as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return { what: 'timeout' };
  if (name === 'AbortError') return { what: 'aborted' };
  const code = errorCode(e);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { what: 'dns' };
  if (code === 'ECONNREFUSED') return { what: 'refused' };
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return { what: 'closed' };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { what: 'unreachable' };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { what: 'connect-timeout' };
  if (TLS_CODES.test(code)) return { what: 'tls', code };
  const cause = (e as { cause?: { message?: unknown } } | null)?.cause?.message;
  // fetch refuses some ports outright (the WHATWG "bad port" list, e.g. 9, 25, 6000).
  if (cause === 'bad port') return { what: 'bad-port' };
  const message = (e as { message?: unknown } | null)?.message;
  const detail = [message, cause].filter((m): m is string => typeof m === 'string' && m !== '').join(': ');
  return { what: 'network', ...(code ? { code } : {}), ...(detail ? { detail } : {}) };
}

/**
 * GETs (or POSTs, for the batch probe) a JSON document; every failure becomes `{ kind: 'error', failure }`, data
 * that src/core/server/strings.ts (`failureText`) words.
 */
export async function fetchJson(http: FhirHttp, path: string, init?: RequestInit): Promise<Fetched> {
  let response: Response;
  try {
    response = await http.fetch(path, { ...init, method: init?.method ?? 'GET' });
  } catch (e) {
    return { kind: 'error', failure: networkFailure(e), network: true };
  }
  let text: string;
  try {
    text = await response.text();
  } catch (e) {
    return { kind: 'error', failure: { what: 'cut-off', cause: networkFailure(e) }, status: response.status };
  }
  const type = response.headers.get('content-type') ?? '';
  const html = /html/i.test(type) || /^\s*<(!doctype|html)/i.test(text);
  const status = response.status;
  if (!response.ok) {
    const statusText = response.statusText ? { statusText: response.statusText } : {};
    return { kind: 'error', failure: { what: 'http', status, ...statusText, html }, status };
  }
  if (html) return { kind: 'error', failure: { what: 'html' }, status };
  try {
    return { kind: 'json', status, json: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'error', failure: { what: 'invalid-json', ...(type ? { contentType: type } : {}) }, status };
  }
}

/**
 * Fetches the documents in parallel: discovery, metadata, an open Patient search and an open search for an
 * identifier that cannot exist (does identifier search filter? issue 10 item 4). `openHttp` (no token) defaults
 * to `http`.
 */
export async function probeServer(http: FhirHttp, openHttp: FhirHttp = http): Promise<ServerProbe> {
  const [smartConfiguration, metadata, openRead, identifierSearch, batchProbe] = await Promise.all([
    fetchJson(http, '.well-known/smart-configuration', { headers: { accept: 'application/json' } }),
    fetchJson(http, 'metadata'),
    fetchJson(openHttp, 'Patient?_count=1'),
    fetchJson(openHttp, identifierProbePath()),
    // A read-only batch (one search) at the base: does an open server take the chart's reads in one batch?
    fetchJson(openHttp, openHttp.baseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'batch',
        entry: [{ request: { method: 'GET', url: 'Patient?_count=1' } }],
      }),
    }),
  ]);
  return { baseUrl: http.baseUrl, smartConfiguration, metadata, openRead, identifierSearch, batchProbe };
}

/** Probes and evaluates a server. Never rejects for network or HTTP failures: they are report items. */
export async function checkServer(http: FhirHttp, openHttp?: FhirHttp): Promise<ServerReport> {
  return evaluateServer(await probeServer(http, openHttp));
}
