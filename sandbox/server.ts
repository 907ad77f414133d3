/**
 * The sandbox EHR on one origin: launcher `/`, EHR frame page `/ehr`, EHR launch `/launch`, SMART authorization
 * server `/auth/*`, SMART-protected FHIR base `/fhir`, open FHIR base `/open/fhir`, and the built app `/app/`.
 * The contract other parts of the project use is `startSandbox` (see the project brief).
 */
import type { Encounter } from 'fhir/r4';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { largeChartPatient, sandboxPractitioner, syntheticPatients } from '../fixtures/patients.ts';
import { authorize, authorizeDecision } from './auth/authorize.ts';
import { SMART_STYLE } from './auth/discovery.ts';
import { createSigningKey } from './auth/keys.ts';
import { launchOptionsQuery, parseLaunchOptions } from './auth/options.ts';
import { AuthStore, CLIENT_ID } from './auth/store.ts';
import { token } from './auth/token.ts';
import type { PatientSummary, SandboxContext } from './context.ts';
import { createFhirEngine, type FhirEngine } from './fhir/engine.ts';
import { handleFhir } from './gateway/fhir-route.ts';
import { readBody, redirect, send, sendHtml, sendJson } from './http.ts';
import { errorPage } from './web/html.ts';
import { ehrPage, launcherPage } from './web/launcher.ts';
import { serveApp } from './web/static.ts';
import { handleLauncher } from './auth/launcher-compat.ts';
import { cdsRoute } from './cds/route.ts';

export interface SandboxOptions {
  /** 0 = pick a free port. Default 8787. */
  port?: number;
  /** Directory of the built app served at /app/ (default: the repository's dist/); null = do not serve the app. */
  appDir?: string | null;
  /** No console output. */
  quiet?: boolean;
  /** The date the synthetic charts are relative to (default: now). */
  now?: Date;
  /**
   * Whether the app's allow-list entry for this sandbox says `"reads": "batch"` (default true). The engine takes a
   * batch either way; false serves the entry without the setting (the parallel reads; bench:launch --parallel-reads).
   */
  batchReads?: boolean;
}

export interface SandboxHandle {
  /** Resolves when every synthetic chart (the large one included) is loaded; FHIR requests wait for it anyway. */
  ready: Promise<void>;
  origin: string;
  fhirBase: string;
  openFhirBase: string;
  close(): Promise<void>;
}

const CSS_PATH = resolve(import.meta.dirname, 'web', 'sandbox.css');

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ok((server.address() as AddressInfo).port);
    });
  });
}

async function loadInSlices(engine: FhirEngine, resources: readonly unknown[]): Promise<void> {
  for (let i = 0; i < resources.length; i += 500) {
    await engine.load(resources.slice(i, i + 500));
    await new Promise<void>((next) => setImmediate(next));
  }
}

function summarise(p: ReturnType<typeof syntheticPatients>[number]): PatientSummary {
  const name = p.patient.name?.[0];
  return {
    id: p.key,
    name: `${name?.given?.join(' ') ?? ''} ${name?.family ?? ''}`.trim(),
    ...(p.patient.birthDate ? { birthDate: p.patient.birthDate } : {}),
    ...(p.patient.gender ? { gender: p.patient.gender } : {}),
    story: p.story,
    verdict: p.expected.verdict,
  };
}

/** Starts the sandbox EHR; resolves once it listens on 127.0.0.1 (and ::1 when available). */
export async function startSandbox(opts: SandboxOptions = {}): Promise<SandboxHandle> {
  const now = opts.now ?? new Date();
  const keyPromise = createSigningKey(); // runs on the thread pool while the definitions are indexed
  let protectedBase = '';
  let authBase = '';
  const engine = createFhirEngine({
    batch: true,
    securityFor: (base) =>
      base === protectedBase
        ? { authorizeUrl: `${authBase}/auth/authorize`, tokenUrl: `${authBase}/auth/token` }
        : undefined,
  });
  const small = syntheticPatients(now);
  const large = largeChartPatient(now);
  await engine.load([sandboxPractitioner(), ...small.flatMap((p) => [p.patient, ...p.resources])]);
  // The 7,000-resource chart loads after the server listens, in slices that let requests in between; FHIR requests
  // wait for it (ctx.ready), the launcher page does not.
  let startLoading: () => void = () => undefined;
  const ready = new Promise<void>((go) => (startLoading = go)).then(() =>
    loadInSlices(engine, [large.patient, ...large.resources]),
  );
  // The visit an EHR launch happens in: the patient's in-progress Encounter, if any.
  const openEncounters = new Map<string, string>();
  for (const p of small) {
    for (const r of p.resources) {
      if (r.resourceType === 'Encounter' && (r as Encounter).status === 'in-progress' && r.id)
        openEncounters.set(p.key, r.id);
    }
  }
  ready.catch(() => undefined); // a failed load answers 500 to FHIR requests; it must not crash the process
  const appDir = opts.appDir === undefined ? resolve(import.meta.dirname, '..', 'dist') : opts.appDir;
  const css = await readFile(CSS_PATH);

  const ctx = {
    store: new AuthStore(),
    key: await keyPromise,
    engine,
    ready,
    patients: [...small, large].map(summarise),
    batchReads: opts.batchReads ?? true,
  } as SandboxContext;
  const v4 = createServer((req, res) => void route(req, res));
  const port = await listen(v4, opts.port ?? 8787, '127.0.0.1');
  const servers = [v4];
  const v6 = createServer((req, res) => void route(req, res));
  try {
    await listen(v6, port, '::1');
    servers.push(v6);
  } catch {
    // No IPv6 loopback here: "localhost" resolves to 127.0.0.1.
  }
  ctx.origin = `http://localhost:${port}`;
  ctx.fhirBase = `${ctx.origin}/fhir`;
  ctx.openFhirBase = `${ctx.origin}/open/fhir`;
  startLoading();
  protectedBase = ctx.fhirBase;
  authBase = ctx.origin;
  ctx.redirectUris = [`${ctx.origin}/app/`, `${ctx.origin}/app/index.html`];
  const canonicalHost = `localhost:${port}`;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', ctx.origin);
      const path = url.pathname;
      const method = req.method ?? 'GET';
      if (path === '/fhir' || path.startsWith('/fhir/'))
        return await ready.then(() => handleFhir(ctx, req, res, url, true));
      if (path === '/open/fhir' || path.startsWith('/open/fhir/'))
        return await ready.then(() => handleFhir(ctx, req, res, url, false));
      if (path.startsWith('/smart-launcher/')) return await ready.then(() => handleLauncher(ctx, req, res, url));
      // Pages and the OAuth flow live on one canonical origin, so the iss, aud and redirect URIs agree.
      if (
        req.headers.host !== canonicalHost &&
        method === 'GET' &&
        !path.startsWith('/app/') &&
        !path.startsWith('/static/')
      ) {
        return redirect(res, `${ctx.origin}${path}${url.search}`);
      }
      if (path === '/cds-services' || path.startsWith('/cds-services/') || path.startsWith('/cds/'))
        return await cdsRoute(ctx, req, res, url);
      if (path === '/auth/authorize' && method === 'GET') return authorize(ctx, url.searchParams, res);
      if (path === '/auth/authorize' && method === 'POST')
        return authorizeDecision(ctx, new URLSearchParams(await readBody(req, 64 * 1024)), res);
      if (path === '/auth/token' && method === 'POST')
        return token(ctx, new URLSearchParams(await readBody(req, 64 * 1024)), res);
      if (path === '/auth/jwks') return sendJson(res, 200, ctx.key.jwks);
      if (path === '/auth/smart-style.json') return sendJson(res, 200, SMART_STYLE, { 'cache-control': 'no-cache' });
      if (method !== 'GET' && method !== 'HEAD')
        return send(res, 405, 'Method not allowed', { 'content-type': 'text/plain; charset=utf-8' });
      if (path === '/') return sendHtml(res, 200, launcherPage(ctx));
      if (path === '/static/sandbox.css')
        return send(res, 200, css, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' });
      if (path === '/launch' || path === '/ehr') return launchRoute(path, url.searchParams, res);
      if (path === '/favicon.ico') return send(res, 204, '', { 'cache-control': 'max-age=86400' });
      if (path === '/app') return redirect(res, '/app/', 301);
      if (path.startsWith('/app/')) return await serveApp(ctx, appDir, path, res, req);
      return sendHtml(res, 404, errorPage('Not found', [`Nothing here: ${path}`]));
    } catch {
      // One catch per request: answer 500 without echoing anything from the request (it may hold tokens).
      send(res, 500, 'Internal error in the sandbox', { 'content-type': 'text/plain; charset=utf-8' });
    }
  }

  function launchRoute(path: string, q: URLSearchParams, res: ServerResponse): void {
    const patient = q.get('patient') ?? '';
    if (!ctx.patients.some((p) => p.id === patient)) {
      return sendHtml(
        res,
        404,
        errorPage('Unknown patient', [`There is no synthetic patient "${patient}". Pick one on the launcher page.`]),
      );
    }
    const parsed = parseLaunchOptions(q);
    if (!parsed.ok) return sendHtml(res, 400, errorPage('Invalid launch option', [parsed.error]));
    if (path === '/ehr') {
      const frameQuery = launchOptionsQuery({ banner: false, ...parsed.value });
      frameQuery.set('patient', patient);
      return sendHtml(res, 200, ehrPage(ctx, patient, `/launch?${frameQuery.toString()}`));
    }
    const encounter = openEncounters.get(patient);
    const code = ctx.store.launches.put({
      patient,
      ...(encounter ? { encounter } : {}),
      options: parsed.value,
      defaultBanner: true,
    });
    const target = new URLSearchParams({ iss: ctx.fhirBase, launch: code });
    redirect(res, `/app/launch/?${target.toString()}`);
  }

  if (!opts.quiet) {
    console.log(`Sandbox EHR: ${ctx.origin}/ (FHIR ${ctx.fhirBase}, client id ${CLIENT_ID})`);
  }
  return {
    ready,
    origin: ctx.origin,
    fhirBase: ctx.fhirBase,
    openFhirBase: ctx.openFhirBase,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((done) => {
              s.close(() => done());
              s.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}
