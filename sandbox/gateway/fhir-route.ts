/**
 * The HTTP side of the two FHIR bases: `/fhir` (SMART-protected: bearer token, scope enforcement, simulated
 * errors and faults of its launch) and `/open/fhir` (the same engine, no authorization; for fhirServiceUrl
 * standalone launches, seeding and check-server).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from '../context.ts';
import { openIdConfiguration, smartConfiguration } from '../auth/discovery.ts';
import type { TokenRecord } from '../auth/store.ts';
import { BodyTooLarge, readBody, send, sendJson } from '../http.ts';
import { checkScopes } from './enforce.ts';
import { BROKEN_CURSOR_PARAM, breakPaging, delay, faultFor, SLOW_MS, TIMEOUT_MS, truncatedJson } from './faults.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

function outcome(res: ServerResponse, status: number, code: string, text: string, headers: Record<string, string> = {}): void {
  send(res, status, JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] }), {
    'content-type': FHIR_JSON,
    'cache-control': 'no-store',
    ...headers,
  });
}

function unauthorized(res: ServerResponse, description?: string): void {
  const challenge = description
    ? `Bearer realm="ldn-sandbox", error="invalid_token", error_description="${description.replace(/"/g, "'")}"`
    : 'Bearer realm="ldn-sandbox"';
  outcome(res, 401, 'login', description ?? 'An access token is required (Authorization: Bearer ...)', { 'www-authenticate': challenge });
}

/** Resolves the bearer token of a request, or answers 401 and returns undefined. */
function authenticate(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): TokenRecord | undefined {
  const header = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m) {
    unauthorized(res);
    return undefined;
  }
  const grant = ctx.store.tokens.get(m[1]);
  if (!grant) {
    unauthorized(res, 'The access token is invalid or unknown');
    return undefined;
  }
  if (grant.expiresAt < Date.now() || grant.options.authError === 'request_expired_token') {
    unauthorized(res, 'The access token expired');
    return undefined;
  }
  if (grant.options.authError === 'request_invalid_token') {
    unauthorized(res, 'The access token is invalid (simulated: request_invalid_token)');
    return undefined;
  }
  return grant;
}

async function parseBody(req: IncomingMessage): Promise<{ body: unknown } | { error: string }> {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return { body: undefined };
  const text = await readBody(req);
  if (text.trim() === '') return { body: undefined };
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) return { body: text };
  try {
    return { body: JSON.parse(text) as unknown };
  } catch {
    return { error: 'The request body is not valid JSON' };
  }
}

/** Handles a request under `prefix` ("/fhir" or "/open/fhir"). */
export async function handleFhir(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL, secured: boolean): Promise<void> {
  const prefix = secured ? '/fhir' : '/open/fhir';
  const baseUrl = secured ? ctx.fhirBase : ctx.openFhirBase;
  const rest = url.pathname.slice(prefix.length).replace(/^\/+/, '');
  const method = (req.method ?? 'GET').toUpperCase();

  if (rest === '.well-known/smart-configuration' || rest === '.well-known/openid-configuration') {
    if (!secured) return outcome(res, 404, 'not-found', 'The open FHIR base has no authorization server');
    const body = rest.endsWith('smart-configuration') ? smartConfiguration(ctx) : openIdConfiguration(ctx);
    return sendJson(res, 200, body, { 'cache-control': 'no-store' });
  }
  const segments = rest === '' ? [] : rest.split('/').map((s) => decodeURIComponent(s));
  const isMetadata = segments.length === 1 && segments[0] === 'metadata';

  let grant: TokenRecord | undefined;
  if (secured && !isMetadata) {
    grant = authenticate(ctx, req, res);
    if (!grant) return;
  }
  let parsed: { body: unknown } | { error: string };
  try {
    parsed = await parseBody(req);
  } catch (e) {
    return outcome(res, e instanceof BodyTooLarge ? 413 : 400, 'too-costly', 'The request body could not be read');
  }
  if ('error' in parsed) return outcome(res, 400, 'structure', parsed.error);

  if (grant) {
    const refusal = checkScopes(grant, { method, segments, query: url.searchParams, body: parsed.body }, ctx.engine);
    if (refusal) {
      return outcome(res, refusal.status, 'forbidden', refusal.message, {
        'www-authenticate': `Bearer realm="ldn-sandbox", error="insufficient_scope", error_description="${refusal.message.replace(/"/g, "'")}"`,
      });
    }
  }

  const fault = grant ? faultFor(grant.options.faults, segments[0]) : undefined;
  if (grant && url.searchParams.has(BROKEN_CURSOR_PARAM)) {
    return outcome(res, 500, 'exception', 'Simulated fault: the paging cursor expired (broken-paging)');
  }
  if (fault) {
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    switch (fault.kind) {
      case '500':
        return outcome(res, 500, 'exception', `Simulated fault: ${fault.resourceType} requests fail with 500`);
      case '403':
        return outcome(res, 403, 'forbidden', `Simulated fault: ${fault.resourceType} requests are refused (403)`);
      case '404':
        return outcome(res, 404, 'not-found', `Simulated fault: ${fault.resourceType} not found (404)`);
      case 'timeout':
        await delay(TIMEOUT_MS, gone.signal);
        if (gone.signal.aborted) return;
        return outcome(res, 504, 'timeout', `Simulated fault: ${fault.resourceType} request timed out`);
      case 'slow':
        await delay(SLOW_MS, gone.signal);
        if (gone.signal.aborted) return;
        break;
      default:
        break;
    }
  }

  const headers: Record<string, string> = {};
  for (const h of ['if-none-exist', 'if-match', 'content-type', 'prefer']) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  const result = await ctx.engine.handle({ method, url: `${rest}${url.search}`, headers, body: parsed.body, baseUrl });
  let body = result.body;
  if (fault?.kind === 'broken-paging' && result.status === 200) body = breakPaging(body, url.searchParams);
  const text = fault?.kind === 'malformed' && result.status < 300 ? truncatedJson(body) : JSON.stringify(body);
  send(res, result.status, text, { ...result.headers, 'cache-control': 'no-store' });
}
