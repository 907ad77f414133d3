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
import { confineConditionalCreate } from './conditional-create.ts';
import { sendNegotiated } from '../web/compress.ts';
import { runBatch } from '../fhir/batch.ts';
import type { EngineRequest, EngineResponse } from '../fhir/engine.ts';
import { applyProfile } from './profiles.ts';
import {
  BROKEN_CURSOR_FAULT,
  BROKEN_CURSOR_PARAM,
  breakPaging,
  delay,
  errorFault,
  faultFor,
  foreignNext,
  NOT_JSON_BODY,
  PROCESSING_OUTCOME,
  SLOW_MS,
  timeoutFault,
  TIMEOUT_MS,
  truncatedJson,
  withMalformedEntries,
  type ErrorFault,
} from './faults.ts';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';

function outcome(
  res: ServerResponse,
  status: number,
  code: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  send(
    res,
    status,
    JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] }),
    {
      'content-type': FHIR_JSON,
      'cache-control': 'no-store',
      ...headers,
    },
  );
}

function unauthorized(res: ServerResponse, description?: string): void {
  const challenge = description
    ? `Bearer realm="ldn-sandbox", error="invalid_token", error_description="${description.replace(/"/g, "'")}"`
    : 'Bearer realm="ldn-sandbox"';
  outcome(res, 401, 'login', description ?? 'An access token is required (Authorization: Bearer ...)', {
    'www-authenticate': challenge,
  });
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
export async function handleFhir(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  secured: boolean,
  alias?: { prefix: string; baseUrl: string },
): Promise<void> {
  // `alias`: the same protected base under another path (sandbox/auth/launcher-compat.ts).
  const prefix = alias?.prefix ?? (secured ? '/fhir' : '/open/fhir');
  const baseUrl = alias?.baseUrl ?? (secured ? ctx.fhirBase : ctx.openFhirBase);
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
    if (e instanceof BodyTooLarge)
      return outcome(res, 413, 'too-costly', 'The request body is too large', { connection: 'close' });
    return outcome(res, 400, 'structure', 'The request body could not be read');
  }
  if ('error' in parsed) return outcome(res, 400, 'structure', parsed.error);

  const headers: Record<string, string> = {};
  for (const h of ['if-none-exist', 'if-match', 'content-type', 'prefer']) {
    const v = req.headers[h];
    if (typeof v === 'string') headers[h] = v;
  }
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  const one = (r: EngineRequest) => answerOne(ctx, grant, r, gone.signal);
  const request: EngineRequest = { method, url: `${rest}${url.search}`, headers, body: parsed.body, baseUrl };
  const answer =
    grant && method === 'POST' && segments.length === 0 ? await answerBatch(request, one) : await one(request);
  if (gone.signal.aborted) return;
  if (answer.drop) return void req.socket.destroy();
  sendNegotiated(req, res, answer.status, answer.text ?? JSON.stringify(answer.body), {
    ...answer.headers,
    'cache-control': 'no-store',
  });
}

interface Answer extends EngineResponse {
  /** The body as sent, when it is not the JSON of `body` (a malformed-body fault). */
  text?: string;
  /** Drop the connection without an answer (the network fault). */
  drop?: boolean;
}

const faultAnswer = (f: ErrorFault): Answer => outcomeAnswer(f.status, f.code, f.text);

function outcomeAnswer(status: number, code: string, text: string, headers: Record<string, string> = {}): Answer {
  return {
    status,
    headers: { 'content-type': FHIR_JSON, ...headers },
    body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] },
  };
}

/**
 * One REST interaction on the protected base (grant set) or the open base: the launch's server profile (which may
 * refuse, or resolve a paging cursor into the search it stands for), scopes, faults, then the engine.
 */
async function answerOne(
  ctx: SandboxContext,
  grant: TokenRecord | undefined,
  r: EngineRequest,
  gone: AbortSignal,
): Promise<Answer> {
  if (!grant) return ctx.engine.handle(r);
  const step = applyProfile(grant.options, r);
  if (step.kind === 'answer') return step.answer;
  r = step.request;
  const target = new URL(r.url, 'http://entry.invalid/');
  const segments = target.pathname
    .split('/')
    .filter(Boolean)
    .map((x) => decodeURIComponent(x));
  const query = new URLSearchParams(target.searchParams);
  if (r.method === 'POST' && segments[1] === '_search' && typeof r.body === 'string') {
    // Search by POST: the form parameters restrict the search as much as the URL's do.
    for (const [k, v] of new URLSearchParams(r.body)) query.append(k, v);
  }
  const refusal = checkScopes(grant, { method: r.method, segments, query, body: r.body }, ctx.engine);
  if (refusal) {
    return outcomeAnswer(refusal.status, 'forbidden', refusal.message, {
      'www-authenticate': `Bearer realm="ldn-sandbox", error="insufficient_scope", error_description="${refusal.message.replace(/"/g, "'")}"`,
    });
  }
  r = confineConditionalCreate(grant, r);
  if (target.searchParams.has(BROKEN_CURSOR_PARAM)) return faultAnswer(BROKEN_CURSOR_FAULT);
  const fault = faultFor(grant.options.faults, segments[0]);
  const failed = fault ? errorFault(fault.kind, fault.resourceType) : undefined;
  if (failed) return faultAnswer(failed);
  switch (fault?.kind) {
    case 'network':
      return { status: 0, headers: {}, body: undefined, drop: true };
    case 'timeout':
      await delay(TIMEOUT_MS, gone);
      return faultAnswer(timeoutFault(fault.resourceType));
    case 'slow':
      await delay(SLOW_MS, gone);
      break;
    case 'not-json':
      return {
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: undefined,
        text: NOT_JSON_BODY,
      };
    case 'operation-outcome':
      return { status: 200, headers: { 'content-type': FHIR_JSON }, body: PROCESSING_OUTCOME };
    default:
      break;
  }
  const engineResult = await ctx.engine.handle(r);
  const result = step.after && engineResult.status === 200 ? step.after(engineResult) : engineResult;
  if (result.status !== 200 || !fault) return result;
  switch (fault.kind) {
    case 'broken-paging':
      return { ...result, body: breakPaging(result.body, target.searchParams) };
    case 'foreign-next':
      return { ...result, body: foreignNext(result.body) };
    case 'malformed-entries':
      return { ...result, body: withMalformedEntries(result.body, fault.resourceType) };
    case 'malformed':
      return { ...result, text: truncatedJson(result.body) };
    default:
      return result;
  }
}

/** A batch on the protected base: every entry goes through answerOne, so scopes and faults apply per entry. */
async function answerBatch(request: EngineRequest, one: (r: EngineRequest) => Promise<Answer>): Promise<Answer> {
  // A body that is not JSON cannot sit inside a batch: the whole answer is then cut, as a proxy would cut it; a
  // dropped connection drops the whole batch.
  let malformed = false;
  let drop = false;
  const result = await runBatch(request.body, request.baseUrl ?? '', async (entry) => {
    const a = await one(entry);
    if (a.text !== undefined) malformed = true;
    if (a.drop) drop = true;
    return a;
  });
  if (drop) return { ...result, drop: true };
  return malformed ? { ...result, text: truncatedJson(result.body) } : result;
}
