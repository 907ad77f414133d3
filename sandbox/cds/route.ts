/**
 * The CDS Hooks part of the sandbox EHR, mounted by one line in sandbox/server.ts:
 * - `/cds-services/**`: the real CDS Hooks service (src/edge/cds), whose allow-list holds only this sandbox as a
 *   client (its own key, made at start); feedback kept in memory;
 * - `/cds/order-entry`: the order-entry page and its static files; `/cds/jwks.json`: the sandbox's public keys;
 * - `/cds/api/hook` and `/cds/api/feedback`: what the page asks the EHR to do; the EHR then calls the service
 *   over HTTP with a signed JWT, as a production EHR does from its server.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { createCdsHandler, type CdsHandler } from '../../src/edge/cds/service.ts';
import { memoryStore } from '../../src/edge/cds/feedback.ts';
import type { ServiceId } from '../../src/edge/cds/discovery.ts';
import type { SandboxContext } from '../context.ts';
import { readBody, send, sendHtml, sendJson } from '../http.ts';
import {
  createClientKey,
  draftOrder,
  hookRequest,
  ORDERABLE,
  signFor,
  type CdsClientKey,
  type Orderable,
} from './client.ts';
import { orderEntryPage } from './page.ts';

interface CdsSandbox {
  handler: CdsHandler;
  key: CdsClientKey;
  iss: string;
  jwksUrl: string;
}

const state = new WeakMap<SandboxContext, Promise<CdsSandbox>>();
const STATIC_DIR = resolve(import.meta.dirname, 'static');
const STATIC: Record<string, string> = {
  'order-entry.js': 'text/javascript; charset=utf-8',
  'order-entry.css': 'text/css; charset=utf-8',
};

function setup(ctx: SandboxContext): Promise<CdsSandbox> {
  let s = state.get(ctx);
  if (!s) {
    s = createClientKey().then((key) => {
      const iss = ctx.origin;
      const handler = createCdsHandler({
        baseUrl: ctx.origin,
        clients: [
          { iss, jwks: key.jwks, fhirServers: [ctx.openFhirBase], note: 'the sandbox EHR itself (sandbox only)' },
        ],
        feedback: memoryStore(),
        appLaunchUrl: `${ctx.origin}/app/launch/`,
      });
      return { handler, key, iss, jwksUrl: `${ctx.origin}/cds/jwks.json` };
    });
    state.set(ctx, s);
  }
  return s;
}

const HOOK_SERVICE: Record<string, ServiceId> = {
  'order-select': 'ldn-order-select',
  'order-sign': 'ldn-order-sign',
  'patient-view': 'ldn-patient-view',
};

async function callService(
  ctx: SandboxContext,
  cds: CdsSandbox,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const url = `${ctx.origin}${path}`;
  const jwt = await signFor(cds.key, cds.iss, url, cds.jwksUrl);
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

/** The page's request to run a hook: `{ hook, patient, medication?, draftId?, prefetch }`. */
async function apiHook(
  ctx: SandboxContext,
  cds: CdsSandbox,
  input: Record<string, unknown>,
  res: ServerResponse,
): Promise<void> {
  const hook = String(input.hook);
  const service = HOOK_SERVICE[hook];
  const patient = String(input.patient ?? '');
  if (!service || !ctx.patients.some((p) => p.id === patient))
    return sendJson(res, 400, { error: 'unknown hook or patient' });
  const med =
    typeof input.medication === 'string' && input.medication in ORDERABLE ? (input.medication as Orderable) : undefined;
  if (hook !== 'patient-view' && !med) return sendJson(res, 400, { error: 'pick a medication' });
  const draftId =
    typeof input.draftId === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(input.draftId) ? input.draftId : randomUUID();
  const draft = med ? draftOrder(draftId, patient, med, new Date()) : undefined;
  const request = await hookRequest(
    {
      service,
      hook: hook as 'order-select',
      patientId: patient,
      ...(draft ? { draft } : {}),
      prefetch: input.prefetch !== false,
    },
    ctx.openFhirBase,
  );
  const answer = await callService(ctx, cds, `/cds-services/${service}`, request);
  sendJson(res, 200, { service, status: answer.status, response: answer.body, request });
}

/** The page's feedback for one card: forwarded to the service's feedback endpoint, signed. */
async function apiFeedback(
  ctx: SandboxContext,
  cds: CdsSandbox,
  input: Record<string, unknown>,
  res: ServerResponse,
): Promise<void> {
  const service = HOOK_SERVICE[String(input.hook)];
  if (!service || !Array.isArray(input.feedback)) return sendJson(res, 400, { error: 'invalid feedback' });
  const answer = await callService(ctx, cds, `/cds-services/${service}/feedback`, { feedback: input.feedback });
  sendJson(res, 200, { status: answer.status });
}

/** Handles `/cds-services/**` and `/cds/**`; the one hook in sandbox/server.ts calls this. */
export async function cdsRoute(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const cds = await setup(ctx);
  const path = url.pathname;
  if (path === '/cds-services' || path.startsWith('/cds-services/')) return cds.handler(req, res);
  if (path === '/cds/jwks.json') return sendJson(res, 200, cds.key.jwks, { 'cache-control': 'no-cache' });
  if (path === '/cds/order-entry' && req.method === 'GET') return sendHtml(res, 200, orderEntryPage(ctx));
  const file = /^\/cds\/static\/([a-z-]+\.(?:js|css))$/.exec(path)?.[1];
  if (file && STATIC[file] && req.method === 'GET')
    return send(res, 200, await readFile(resolve(STATIC_DIR, file)), {
      'content-type': STATIC[file]!,
      'cache-control': 'no-cache',
    });
  if ((path === '/cds/api/hook' || path === '/cds/api/feedback') && req.method === 'POST') {
    let input: unknown;
    try {
      input = JSON.parse(await readBody(req, 64 * 1024));
    } catch {
      return sendJson(res, 400, { error: 'invalid request' });
    }
    if (typeof input !== 'object' || input === null) return sendJson(res, 400, { error: 'invalid request' });
    await ctx.ready;
    return path === '/cds/api/hook'
      ? apiHook(ctx, cds, input as Record<string, unknown>, res)
      : apiFeedback(ctx, cds, input as Record<string, unknown>, res);
  }
  return sendJson(res, 404, { error: 'not found' });
}
