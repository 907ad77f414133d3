/**
 * FHIR batch (http.html#transaction, type "batch"): each entry is run on its own through `run` (the engine's thin
 * layer, and on the protected base the scope checks and faults too), and answered in a batch-response. The router's
 * own batch would bypass that layer. Transactions are refused: the in-memory repository cannot make them atomic.
 */
import type { EngineRequest, EngineResponse } from './engine.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
export const MAX_BATCH_ENTRIES = 500;

interface BatchEntry {
  request?: { method?: string; url?: string; ifNoneExist?: string; ifMatch?: string };
  resource?: unknown;
}

const outcome = (text: string) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'invalid', details: { text } }],
});

function entryPath(url: string, baseUrl: string): string | undefined {
  if (/^https?:\/\//.test(url)) return url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length + 1) : undefined;
  return url.replace(/^\/+/, '');
}

/** Runs a batch Bundle; `run` answers one entry. */
export async function runBatch(
  body: unknown,
  baseUrl: string,
  run: (req: EngineRequest) => Promise<EngineResponse>,
): Promise<EngineResponse> {
  const bundle = body as { resourceType?: string; type?: string; entry?: BatchEntry[] } | undefined;
  const refuse = (text: string): EngineResponse => ({
    status: 400,
    headers: { 'content-type': FHIR_JSON },
    body: outcome(text),
  });
  if (bundle?.resourceType !== 'Bundle') return refuse('POST to the base needs a Bundle of type batch');
  if (bundle.type === 'transaction') return refuse('Transactions are not supported by this sandbox; send a batch');
  if (bundle.type !== 'batch') return refuse('Only Bundles of type batch are accepted at the base');
  const entries = bundle.entry ?? [];
  if (entries.length > MAX_BATCH_ENTRIES) return refuse(`A batch may hold at most ${MAX_BATCH_ENTRIES} entries`);
  const answered = [];
  for (const e of entries) {
    const method = e.request?.method?.toUpperCase();
    const path = e.request?.url ? entryPath(e.request.url, baseUrl) : undefined;
    if (!method || path === undefined || path === '' || path.startsWith('?')) {
      answered.push({
        response: {
          status: '400',
          outcome: outcome('Each entry needs request.method and a request.url relative to this base'),
        },
      });
      continue;
    }
    const headers: Record<string, string> = {};
    if (e.request?.ifNoneExist) headers['if-none-exist'] = e.request.ifNoneExist;
    if (e.request?.ifMatch) headers['if-match'] = e.request.ifMatch;
    const r = await run({
      method,
      url: path,
      headers,
      ...(e.resource !== undefined ? { body: e.resource } : {}),
      baseUrl,
    });
    const isOutcome = (r.body as { resourceType?: string } | undefined)?.resourceType === 'OperationOutcome';
    answered.push({
      ...(r.status < 300 && !isOutcome && r.body !== undefined ? { resource: r.body } : {}),
      response: {
        status: String(r.status),
        ...(r.headers['location'] ? { location: r.headers['location'] } : {}),
        ...(r.headers['etag'] ? { etag: r.headers['etag'] } : {}),
        ...(r.status >= 400 && isOutcome ? { outcome: r.body } : {}),
      },
    });
  }
  return {
    status: 200,
    headers: { 'content-type': FHIR_JSON },
    body: { resourceType: 'Bundle', type: 'batch-response', entry: answered },
  };
}
