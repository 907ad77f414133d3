/**
 * The CDS Hooks 2.0 service over node:http: `GET {base}/cds-services` (discovery, public), `POST
 * {base}/cds-services/{id}` (a hook call: JWT, prefetch or fhirServer fallback, cards from src/core/cds) and `POST
 * {base}/cds-services/{id}/feedback`. CORS for browser clients on every answer, preflight included (Authorization,
 * Content-Type). Bodies are bounded (413). Stateless apart from the feedback store and the per-instance jti cache.
 * Nothing from a request (tokens, bodies, patient ids) is ever logged or echoed in an error.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cdsCards } from '../../core/cds/cards.ts';
import { contextPatientId } from '../../core/cds/drafts.ts';
import type { CdsHook } from '../../core/cds/types.ts';
import type { CdsClient } from './clients.ts';
import { discovery, serviceById } from './discovery.ts';
import { parseFeedback, type FeedbackRecord, type FeedbackStore } from './feedback.ts';
import { fhirServerAllowed, fhirServerHttp } from './fhir-server.ts';
import { BodyTooLarge, readBoundedBody } from '../http-body.ts';
import { JwtVerifier } from './jwt.ts';
import { chartForCall } from './prefetch.ts';
import { stripTrailingSlashes } from '../../core/fhir/systems.ts';

export interface CdsServiceOptions {
  /** The service's public base URL, e.g. "https://cds.example.org" or "http://localhost:8787": tokens' `aud` is `${baseUrl}/cds-services/{id}`. */
  baseUrl: string;
  clients: readonly CdsClient[];
  feedback: FeedbackStore;
  /** The LDN app's SMART launch URL for `smart` links. */
  appLaunchUrl?: string;
  now?: () => Date;
  /** Largest hook request body in bytes (default 5 MB: a large chart's prefetch); feedback is capped at 64 KB. */
  maxBodyBytes?: number;
  /** fetch for the fhirServer fallback (tests). */
  fetchImpl?: typeof fetch;
  /** Called with a reason code (never request data) for each refused call and each internal error. */
  onEvent?: (event: string) => void;
}

export type CdsHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

const CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type',
  'access-control-max-age': '86400',
};
const HEADERS = {
  ...CORS,
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};
const FEEDBACK_MAX = 64 * 1024;

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...HEADERS, ...extra, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const text = await readBoundedBody(req, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new SyntaxError('not JSON');
  }
}

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Creates the request handler; mount it for every path under `${new URL(baseUrl).pathname}/cds-services`. */
export function createCdsHandler(opts: CdsServiceOptions): CdsHandler {
  const base = stripTrailingSlashes(opts.baseUrl);
  const basePath = stripTrailingSlashes(new URL(base).pathname);
  const verifier = new JwtVerifier(opts.clients);
  const now = opts.now ?? (() => new Date());
  const maxBody = opts.maxBodyBytes ?? 5 * 1024 * 1024;
  const event = opts.onEvent ?? (() => undefined);

  async function call(req: IncomingMessage, res: ServerResponse, id: string, feedback: boolean): Promise<void> {
    const service = serviceById(id);
    if (!service) return send(res, 404, { error: 'unknown service' });
    const url = `${base}/cds-services/${id}`;
    // Feedback tokens name the feedback URL they were sent to; the service URL is accepted too (clients differ).
    let auth = await verifier.verify(req.headers.authorization, feedback ? `${url}/feedback` : url);
    if (!auth.ok && feedback && auth.error === 'invalid') auth = await verifier.verify(req.headers.authorization, url);
    if (!auth.ok) {
      event(`jwt-${auth.error}`);
      req.resume();
      return send(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer' });
    }
    const body = await readJson(req, feedback ? FEEDBACK_MAX : maxBody);
    const client = auth.value.client.iss;
    if (feedback) {
      const items = parseFeedback(body);
      if (!items.ok) return send(res, 400, { error: 'invalid feedback' });
      const receivedAt = now().toISOString();
      await opts.feedback.append(
        items.value.map((f): FeedbackRecord => ({ type: 'feedback', receivedAt, service: id, client, ...f })),
      );
      return send(res, 200, {});
    }
    if (
      !isRec(body) ||
      (body.hook !== undefined &&
        body.hook !== service.hook &&
        !(service.hook === 'order-sign' && body.hook === 'medication-prescribe'))
    ) {
      return send(res, 400, { error: 'invalid hook request' });
    }
    const patientId = contextPatientId(body.context);
    if (!patientId || patientId.length > 200) return send(res, 400, { error: 'context.patientId is required' });
    const fhirServer = typeof body.fhirServer === 'string' ? body.fhirServer : undefined;
    const token =
      isRec(body.fhirAuthorization) && typeof body.fhirAuthorization.access_token === 'string'
        ? body.fhirAuthorization.access_token
        : undefined;
    const http =
      fhirServer && fhirServerAllowed(fhirServer, auth.value.client.fhirServers)
        ? fhirServerHttp(fhirServer, token, 8000, opts.fetchImpl)
        : undefined;
    if (fhirServer && !http) event('fhirserver-not-allowed');
    const { chart } = await chartForCall(body.prefetch, patientId, http ? { http } : {});
    const at = now();
    const out = cdsCards({
      hook: service.hook as CdsHook,
      context: body.context,
      chart,
      now: at,
      newId: randomUUID,
      ...(opts.appLaunchUrl ? { appLaunchUrl: opts.appLaunchUrl } : {}),
    });
    const issued = out.cards.map((c): FeedbackRecord => ({
      type: 'card',
      issuedAt: at.toISOString(),
      service: id,
      client,
      card: c.uuid,
      ...(c.source.topic?.code ? { topic: c.source.topic.code } : {}),
      indicator: c.indicator,
    }));
    // A store that cannot write must not hold back a safety warning: the cards go out, the failure is counted.
    await opts.feedback.append(issued).catch(() => event('store-failed'));
    return send(res, 200, out);
  }

  return async function handle(req, res) {
    try {
      const path = new URL(req.url ?? '/', 'http://service').pathname;
      if (!path.startsWith(`${basePath}/cds-services`)) return send(res, 404, { error: 'not found' });
      const rest = path.slice(basePath.length + '/cds-services'.length);
      if (req.method === 'OPTIONS') return send(res, 204, undefined);
      if (rest === '' || rest === '/') {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return send(res, 405, { error: 'method not allowed' }, { allow: 'GET, OPTIONS' });
        return send(res, 200, discovery());
      }
      const m = /^\/([A-Za-z0-9-]{1,64})(\/feedback)?$/.exec(rest);
      if (!m) return send(res, 404, { error: 'not found' });
      if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' }, { allow: 'POST, OPTIONS' });
      return await call(req, res, m[1]!, m[2] !== undefined);
    } catch (e) {
      if (e instanceof BodyTooLarge) return send(res, 413, { error: 'request too large' }, { connection: 'close' });
      if (e instanceof SyntaxError) return send(res, 400, { error: 'body is not JSON' });
      event('internal-error');
      return send(res, 500, { error: 'internal error' });
    }
  };
}
