/**
 * The token endpoint: authorization_code with PKCE S256 verification (RFC 7636 4.6), and refresh_token. Responses
 * carry Cache-Control: no-store (RFC 6749 5.1). Simulated token errors come from the launch options.
 */
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { SandboxContext } from '../context.ts';
import { sendJson } from '../http.ts';
import { signJwt } from './keys.ts';
import { ACCESS_TOKEN_SECONDS, PRACTITIONER_ID, type Grant } from './store.ts';
import { sandboxPractitioner } from '../../fixtures/patients.ts';

/** The sandbox clinician's name as the id_token's `name` claim, from the same Practitioner the chart holds. */
const SANDBOX_USER_NAME = ((): string => {
  const n = sandboxPractitioner().name?.[0];
  return [...(n?.prefix ?? []), ...(n?.given ?? []), n?.family ?? ''].join(' ').trim();
})();

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function tokenError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description }, NO_STORE);
}

/** POST /auth/token (form-encoded body). */
export function token(ctx: SandboxContext, form: URLSearchParams, res: ServerResponse): void {
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') return exchangeCode(ctx, form, res);
  if (grantType === 'refresh_token') return refresh(ctx, form, res);
  tokenError(res, 400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
}

function exchangeCode(ctx: SandboxContext, form: URLSearchParams, res: ServerResponse): void {
  const record = ctx.store.codes.take(form.get('code'));
  if (!record)
    return tokenError(res, 400, 'invalid_grant', 'The authorization code is invalid, expired or already used');
  const simulated = record.options.authError;
  if (simulated === 'token_invalid_token')
    return tokenError(res, 401, 'invalid_client', 'Simulated error: invalid token request (token_invalid_token)');
  if (simulated === 'token_invalid_scope')
    return tokenError(res, 400, 'invalid_scope', 'Simulated error: invalid scope (token_invalid_scope)');
  if (form.get('client_id') !== record.clientId)
    return tokenError(res, 401, 'invalid_client', 'client_id does not match the authorization request');
  if (form.get('redirect_uri') !== record.redirectUri)
    return tokenError(res, 400, 'invalid_grant', 'redirect_uri does not match the authorization request');
  const verifier = form.get('code_verifier') ?? '';
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier))
    return tokenError(res, 400, 'invalid_grant', 'code_verifier is missing or malformed (PKCE S256 required)');
  const expected = createHash('sha256').update(verifier).digest('base64url');
  if (expected !== record.codeChallenge)
    return tokenError(res, 400, 'invalid_grant', 'code_verifier does not match the code_challenge');
  const { redirectUri: _r, codeChallenge: _c, ...grant } = record;
  sendJson(res, 200, issueTokens(ctx, grant, true), NO_STORE);
}

function refresh(ctx: SandboxContext, form: URLSearchParams, res: ServerResponse): void {
  const refreshToken = form.get('refresh_token');
  const grant = ctx.store.refreshTokens.get(refreshToken);
  if (!grant) return tokenError(res, 400, 'invalid_grant', 'The refresh token is invalid or expired');
  if (grant.options.authError === 'token_expired_refresh_token') {
    ctx.store.refreshTokens.take(refreshToken);
    return tokenError(
      res,
      400,
      'invalid_grant',
      'Simulated error: the refresh token has expired (token_expired_refresh_token)',
    );
  }
  if (form.get('client_id') && form.get('client_id') !== grant.clientId)
    return tokenError(res, 401, 'invalid_client', 'client_id does not match the refresh token');
  const body = issueTokens(ctx, grant, false);
  sendJson(res, 200, { ...body, refresh_token: refreshToken }, NO_STORE);
}

function issueTokens(ctx: SandboxContext, grant: Grant, withRefresh: boolean): Record<string, unknown> {
  const accessToken = ctx.store.tokens.put({ ...grant, expiresAt: Date.now() + ACCESS_TOKEN_SECONDS * 1000 });
  const body: Record<string, unknown> = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    scope: grant.scopes.join(' '),
    need_patient_banner: grant.needPatientBanner,
    smart_style_url: `${ctx.origin}/auth/smart-style.json`,
  };
  if (grant.patient) body.patient = grant.patient;
  if (grant.encounter) body.encounter = grant.encounter;
  if (grant.scopes.includes('openid') && (grant.scopes.includes('fhirUser') || grant.scopes.includes('profile'))) {
    const now = Math.floor(Date.now() / 1000);
    body.id_token = signJwt(ctx.key, {
      iss: ctx.fhirBase,
      sub: PRACTITIONER_ID,
      aud: grant.clientId,
      iat: now,
      exp: now + ACCESS_TOKEN_SECONDS,
      fhirUser: grant.fhirUser,
      // OpenID Connect standard claim: the signed-in clinician's name (the app shows it as the prescriber).
      name: SANDBOX_USER_NAME,
    });
  }
  if (withRefresh && (grant.scopes.includes('offline_access') || grant.scopes.includes('online_access'))) {
    body.refresh_token = ctx.store.refreshTokens.put(grant);
  }
  return body;
}
