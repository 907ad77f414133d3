/**
 * The authorization endpoint (RFC 6749 4.1 with PKCE, SMART App Launch 2.2). An EHR launch (a `launch` code from
 * /launch) goes straight through: the clinician is already signed in to the EHR. A standalone launch shows a
 * simulated clinician sign-in and patient picker (plain HTML form, Allow / Deny).
 *
 * Errors about the client or its redirect URI are shown on the server's own page, never redirected (RFC 6749
 * 4.1.2.1); every other error goes back to the app's redirect URI with `error` and `state`.
 */
import type { ServerResponse } from 'node:http';
import type { SandboxContext } from '../context.ts';
import { redirect, sendHtml } from '../http.ts';
import { errorPage, esc, page } from '../web/html.ts';
import { grantScopes } from './grants.ts';
import { CLIENT_ID, PRACTITIONER_ID, type AuthRequest, type CodeRecord } from './store.ts';
import { stripTrailingSlashes } from '../../src/core/fhir/systems.ts';

function redirectWith(res: ServerResponse, redirectUri: string, params: Record<string, string | undefined>): void {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  redirect(res, url.toString());
}

function redirectError(
  res: ServerResponse,
  redirectUri: string,
  state: string | undefined,
  error: string,
  description: string,
): void {
  redirectWith(res, redirectUri, { error, error_description: description, state });
}

/** GET /auth/authorize */
export function authorize(ctx: SandboxContext, q: URLSearchParams, res: ServerResponse): void {
  const clientId = q.get('client_id') ?? '';
  const redirectUri = q.get('redirect_uri') ?? '';
  const state = q.get('state') ?? undefined;
  const launchCode = q.get('launch');
  const launch = launchCode ? ctx.store.launches.get(launchCode) : undefined;
  const simulated = launch?.options.authError;

  if (clientId !== CLIENT_ID) {
    return sendHtml(
      res,
      400,
      errorPage('Unknown client', [
        `The client id "${clientId}" is not registered with this sandbox EHR. The sandbox app is registered as "${CLIENT_ID}".`,
      ]),
    );
  }
  if (simulated === 'auth_invalid_redirect_uri' || !ctx.redirectUris.includes(redirectUri)) {
    return sendHtml(
      res,
      400,
      errorPage(
        'Invalid redirect URI',
        [
          `The redirect URI "${redirectUri}" is not registered for client "${clientId}", so the authorization server will not send you back to it.`,
          `Registered redirect URIs: ${ctx.redirectUris.join(', ')}.`,
          simulated === 'auth_invalid_redirect_uri'
            ? 'This error was simulated by the launch option auth_error=auth_invalid_redirect_uri.'
            : '',
        ].filter(Boolean),
      ),
    );
  }
  if (simulated === 'auth_invalid_client_id') {
    return redirectError(
      res,
      redirectUri,
      state,
      'invalid_client',
      'Simulated error: the client id is not valid (auth_invalid_client_id)',
    );
  }
  if (q.get('response_type') !== 'code') {
    return redirectError(res, redirectUri, state, 'unsupported_response_type', 'response_type must be "code"');
  }
  if (!state) return redirectError(res, redirectUri, undefined, 'invalid_request', 'state is required');
  const aud = stripTrailingSlashes(q.get('aud') ?? '');
  if (aud !== ctx.fhirBase) {
    return redirectError(res, redirectUri, state, 'invalid_request', `aud must be the FHIR base URL ${ctx.fhirBase}`);
  }
  const challenge = q.get('code_challenge') ?? '';
  if (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge)) {
    return redirectError(
      res,
      redirectUri,
      state,
      'invalid_request',
      'PKCE is required: code_challenge with code_challenge_method=S256',
    );
  }
  if (simulated === 'auth_invalid_scope') {
    return redirectError(
      res,
      redirectUri,
      state,
      'invalid_scope',
      'Simulated error: the requested scope is invalid (auth_invalid_scope)',
    );
  }
  if (launchCode && !launch) {
    return redirectError(
      res,
      redirectUri,
      state,
      'invalid_request',
      'The launch has expired or is unknown: launch the app again from the EHR',
    );
  }
  const requestedScopes = (q.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const request: AuthRequest = {
    clientId,
    redirectUri,
    state,
    codeChallenge: challenge,
    requestedScopes,
    kind: launch ? 'ehr' : 'standalone',
    ...(launch ? { launch } : {}),
  };
  if (launch) {
    if (!requestedScopes.includes('launch')) {
      return redirectError(res, redirectUri, state, 'invalid_scope', 'An EHR launch needs the "launch" scope');
    }
    return issueCode(ctx, res, request, launch.patient);
  }
  const txn = ctx.store.pending.put(request);
  sendHtml(res, 200, signInPage(ctx, txn, requestedScopes));
}

/** POST /auth/authorize: the sign-in / patient picker form. */
export function authorizeDecision(ctx: SandboxContext, form: URLSearchParams, res: ServerResponse): void {
  const request = ctx.store.pending.take(form.get('txn'));
  if (!request) {
    return sendHtml(
      res,
      400,
      errorPage('Sign-in expired', [
        'This sign-in page has expired or was already used. Start the launch again from the app.',
      ]),
    );
  }
  if (form.get('decision') !== 'allow') {
    return redirectError(res, request.redirectUri, request.state, 'access_denied', 'The user denied access');
  }
  const wantsPatient = request.requestedScopes.includes('launch/patient');
  const patient = form.get('patient') ?? '';
  if (wantsPatient && !ctx.patients.some((p) => p.id === patient)) {
    return sendHtml(
      res,
      400,
      errorPage('No patient chosen', ['Choose a patient from the list. Start the launch again from the app.']),
    );
  }
  issueCode(ctx, res, request, wantsPatient ? patient : undefined);
}

function issueCode(ctx: SandboxContext, res: ServerResponse, request: AuthRequest, patient: string | undefined): void {
  const options = request.launch?.options ?? { faults: [] };
  const scopes = grantScopes(request.requestedScopes, request.kind, options.scope);
  const record: CodeRecord = {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scopes,
    ...(patient ? { patient } : {}),
    ...(request.launch?.encounter ? { encounter: request.launch.encounter } : {}),
    fhirUser: `Practitioner/${PRACTITIONER_ID}`,
    options,
    needPatientBanner: options.banner ?? request.launch?.defaultBanner ?? true,
  };
  const code = ctx.store.codes.put(record);
  redirectWith(res, request.redirectUri, { code, state: request.state });
}

function signInPage(ctx: SandboxContext, txn: string, scopes: string[]): string {
  const wantsPatient = scopes.includes('launch/patient');
  const options = ctx.patients
    .map((p, i) => `<option value="${esc(p.id)}"${i === 0 ? ' selected' : ''}>${esc(p.name)} (${esc(p.id)})</option>`)
    .join('');
  return page(
    'Sandbox EHR sign-in',
    `<main class="narrow">
<h1>Sandbox EHR: sign in</h1>
<p>An app asks to connect to this sandbox EHR. This page simulates the clinician's sign-in${wantsPatient ? ' and the choice of a patient' : ''}.</p>
<form method="post" action="/auth/authorize">
<input type="hidden" name="txn" value="${esc(txn)}">
<label for="user">Signed-in clinician</label>
<select id="user" name="user"><option value="${PRACTITIONER_ID}">Dr. Ada Okafor (Practitioner/${PRACTITIONER_ID})</option></select>
${wantsPatient ? `<label for="patient">Patient</label><select id="patient" name="patient">${options}</select>` : ''}
<h2>Access requested</h2>
<ul>${scopes.map((s) => `<li><code>${esc(s)}</code></li>`).join('')}</ul>
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>
</main>`,
  );
}
