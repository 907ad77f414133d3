/**
 * Launcher-shaped paths on the sandbox (issue 12 items 1 and 2), so the browser tests can exercise what testers meet
 * with the SMART Health IT launcher (smart-launcher-v2) without the network: under `/smart-launcher`,
 *   - `/v/r4/fhir` (EHR base) and `/v/r4/sim/<options>/fhir` (standalone base; `<options>` is the launcher's
 *     base64url JSON array, src/core/smart/launcher.ts) serve the sandbox's protected FHIR base under that URL,
 *     with their own `.well-known/smart-configuration` whose authorization endpoint is `<base root>/auth/authorize`;
 *   - that endpoint reads the options as the launcher does: a standalone launch on the plain base, or options it
 *     cannot decode, get `invalid_request` "Invalid launch options"; when the options carry a scope list (index 7),
 *     any requested scope outside it gets `invalid_scope` (the launcher checks scopes at authorize time);
 *     otherwise the request goes on to the sandbox's own authorization (sign-in and patient picker);
 *   - `/launcher?patient=&launch_uri=` starts an EHR launch with the launcher's iss.
 * Unlike the real launcher, the FHIR calls keep the sandbox's scope and compartment enforcement.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from '../context.ts';
import { handleFhir } from '../gateway/fhir-route.ts';
import { redirect, sendHtml, sendJson } from '../http.ts';
import { errorPage } from '../web/html.ts';
import { authorize } from './authorize.ts';
import { smartConfiguration } from './discovery.ts';
import { parseLaunchOptions } from './options.ts';
import { stripTrailingSlashes } from '../../src/core/fhir/systems.ts';

export const LAUNCHER_PREFIX = '/smart-launcher';

const PATH = /^\/smart-launcher\/v\/r4(?:\/sim\/([A-Za-z0-9_-]{1,4096}))?\/(fhir|auth\/authorize)(\/.*)?$/;

/** smart-launcher-v2 launch types by index (codec.ts). */
const LAUNCH_TYPES = ['provider-ehr', 'patient-portal', 'provider-standalone', 'patient-standalone', 'backend-service'];

interface SimOptions {
  launchType: string;
  scopes: string[];
}

/** The launcher's options array (codec.ts `decode`), or undefined when it cannot be read. */
export function decodeSimOptions(segment: string): SimOptions | undefined {
  try {
    const arr: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (!Array.isArray(arr) || typeof arr[0] !== 'number') return undefined;
    const launchType = LAUNCH_TYPES[arr[0]];
    if (!launchType) return undefined;
    const scope = typeof arr[7] === 'string' ? arr[7] : '';
    return { launchType, scopes: scope.split(/\s+/).filter(Boolean) };
  } catch {
    return undefined;
  }
}

/** Handles a request under /smart-launcher/. */
export async function handleLauncher(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (url.pathname === `${LAUNCHER_PREFIX}/launcher`) return launcherEhrLaunch(ctx, url.searchParams, res);
  const m = PATH.exec(url.pathname);
  if (!m) return sendHtml(res, 404, errorPage('Not found', [`Nothing here: ${url.pathname}`]));
  const [, sim, kind, rest = ''] = m;
  const rootPath = `${LAUNCHER_PREFIX}/v/r4${sim ? `/sim/${sim}` : ''}`;
  const fhirBase = `${ctx.origin}${rootPath}/fhir`;
  if (kind === 'fhir') {
    if (rest === '/.well-known/smart-configuration') {
      return sendJson(
        res,
        200,
        {
          ...smartConfiguration(ctx),
          issuer: fhirBase,
          authorization_endpoint: `${ctx.origin}${rootPath}/auth/authorize`,
        },
        { 'cache-control': 'no-store' },
      );
    }
    return handleFhir(ctx, req, res, url, true, { prefix: `${rootPath}/fhir`, baseUrl: fhirBase });
  }
  return launcherAuthorize(ctx, url.searchParams, res, sim, fhirBase);
}

function launcherAuthorize(
  ctx: SandboxContext,
  q: URLSearchParams,
  res: ServerResponse,
  sim: string | undefined,
  fhirBase: string,
): void {
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!ctx.redirectUris.includes(redirectUri)) return authorize(ctx, q, res); // the sandbox's own error page
  const back = (error: string, description: string) => {
    const to = new URL(redirectUri);
    to.searchParams.set('error', error);
    to.searchParams.set('error_description', description);
    const state = q.get('state');
    if (state) to.searchParams.set('state', state);
    redirect(res, to.href);
  };
  const options = sim ? decodeSimOptions(sim) : undefined;
  const standalone = !q.get('launch');
  if ((sim && !options) || (standalone && !options?.launchType.endsWith('standalone')))
    return back('invalid_request', 'Invalid launch options');
  if (stripTrailingSlashes(q.get('aud') ?? '') !== fhirBase)
    return back('invalid_request', `Bad audience value "${q.get('aud') ?? ''}". Expected "${fhirBase}".`);
  const allowed = options?.scopes ?? [];
  const refused = (q.get('scope') ?? '').split(/\s+/).filter((s) => s && allowed.length > 0 && !allowed.includes(s));
  if (refused.length) return back('invalid_scope', `Scope not allowed for this launch: ${refused.join(' ')}`);
  const forward = new URLSearchParams(q);
  forward.set('aud', ctx.fhirBase);
  return authorize(ctx, forward, res);
}

/** `/smart-launcher/launcher?patient=&launch_uri=`: an EHR launch whose iss is the launcher's R4 EHR base. */
function launcherEhrLaunch(ctx: SandboxContext, q: URLSearchParams, res: ServerResponse): void {
  const patient = q.get('patient') ?? '';
  const launchUri = q.get('launch_uri') ?? '';
  if (!ctx.patients.some((p) => p.id === patient))
    return sendHtml(res, 404, errorPage('Unknown patient', [`There is no synthetic patient "${patient}".`]));
  let target: URL;
  try {
    target = new URL(launchUri, ctx.origin);
  } catch {
    return sendHtml(res, 400, errorPage('Invalid launch_uri', ['launch_uri must be a URL.']));
  }
  if (target.origin !== ctx.origin)
    return sendHtml(
      res,
      400,
      errorPage('Invalid launch_uri', ['This look-alike launches only apps served by the sandbox itself.']),
    );
  const options = parseLaunchOptions(new URLSearchParams());
  if (!options.ok) return sendHtml(res, 500, errorPage('Internal error', ['default launch options refused']));
  const code = ctx.store.launches.put({ patient, options: options.value, defaultBanner: true });
  target.searchParams.set('iss', `${ctx.origin}${LAUNCHER_PREFIX}/v/r4/fhir`);
  target.searchParams.set('launch', code);
  redirect(res, target.href);
}
