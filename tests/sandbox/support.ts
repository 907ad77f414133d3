/** Helpers for the sandbox tests: PKCE pairs and a scripted SMART launch against a running sandbox. */
import { createHash, randomBytes } from 'node:crypto';
import type { SandboxHandle } from '../../sandbox/server.ts';
import { requestedScopes } from '../../src/core/smart/scopes.ts';

export const CLIENT_ID = 'ldn-sandbox-app';

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** GET /launch?... and return the launch code from the redirect to the app. */
export async function createLaunch(
  s: SandboxHandle,
  patient: string,
  options: Record<string, string> = {},
): Promise<string> {
  const res = await fetch(`${s.origin}/launch?${new URLSearchParams({ patient, ...options })}`, { redirect: 'manual' });
  if (res.status !== 302) throw new Error(`launch answered ${res.status}`);
  const location = new URL(res.headers.get('location') ?? '', s.origin);
  const code = location.searchParams.get('launch');
  if (!code) throw new Error('no launch code');
  return code;
}

export interface AuthorizeParams {
  launch?: string;
  scope: string;
  challenge?: string;
  method?: string;
  redirectUri?: string;
  clientId?: string;
  aud?: string;
  state?: string;
}

/** GET /auth/authorize without following redirects. */
export function authorizeRequest(s: SandboxHandle, p: AuthorizeParams): Promise<Response> {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: p.clientId ?? CLIENT_ID,
    redirect_uri: p.redirectUri ?? `${s.origin}/app/`,
    scope: p.scope,
    state: p.state ?? 'state-123',
    aud: p.aud ?? s.fhirBase,
  });
  if (p.launch) q.set('launch', p.launch);
  if (p.challenge !== undefined) q.set('code_challenge', p.challenge);
  if (p.method !== undefined) q.set('code_challenge_method', p.method);
  return fetch(`${s.origin}/auth/authorize?${q}`, { redirect: 'manual' });
}

/** The query of the redirect an authorize response sends back to the app. */
export function redirectParams(res: Response): URLSearchParams {
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(location).searchParams;
}

export function postForm(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    redirect: 'manual',
  });
}

export function exchangeCode(s: SandboxHandle, code: string, verifier: string): Promise<Response> {
  return postForm(`${s.origin}/auth/token`, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: `${s.origin}/app/`,
    client_id: CLIENT_ID,
    code_verifier: verifier,
  });
}

/** What the app asks for in an EHR launch (v2), from the app's own scope list so the two never drift apart. */
export const APP_SCOPES_V2 = requestedScopes('ehr', 'v2');

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  patient?: string;
  encounter?: string;
  need_patient_banner?: boolean;
  smart_style_url?: string;
  id_token?: string;
  refresh_token?: string;
}

/** A whole EHR launch: /launch, authorize, token. Returns the token response (throws on any failure). */
export async function ehrLaunchToken(
  s: SandboxHandle,
  patient: string,
  options: Record<string, string> = {},
  scope = APP_SCOPES_V2,
): Promise<TokenResponse> {
  const launch = await createLaunch(s, patient, options);
  const { verifier, challenge } = pkcePair();
  const auth = await authorizeRequest(s, { launch, scope, challenge, method: 'S256' });
  const code = redirectParams(auth).get('code');
  if (!code) throw new Error(`authorize refused: ${redirectParams(auth).get('error')}`);
  const res = await exchangeCode(s, code, verifier);
  if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}`);
  return (await res.json()) as TokenResponse;
}

export function fhirGet(
  s: SandboxHandle,
  token: string | undefined,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const url = path.startsWith('http') ? path : `${s.fhirBase}/${path}`;
  return fetch(url, {
    ...init,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });
}

/** The text of the first issue of an OperationOutcome body. */
export async function outcomeText(res: Response): Promise<string> {
  const body = (await res.json()) as { resourceType?: string; issue?: { details?: { text?: string } }[] };
  if (body.resourceType !== 'OperationOutcome')
    throw new Error(`expected an OperationOutcome, got ${body.resourceType}`);
  return body.issue?.[0]?.details?.text ?? '';
}
