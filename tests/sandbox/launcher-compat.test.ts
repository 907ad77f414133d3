/**
 * The sandbox's launcher look-alike paths (sandbox/auth/launcher-compat.ts): per-option standalone bases with their
 * own discovery, the launcher's authorize-time refusals (invalid launch options, scopes outside the launch's list),
 * a whole standalone launch whose FHIR answers name the launcher base, and the EHR launch with the launcher's iss.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { launcherStandaloneBase } from '../../src/core/smart/launcher.ts';
import { readOnlyScopes } from '../../src/core/smart/write-scopes.ts';
import { CLIENT_ID, exchangeCode, pkcePair, postForm, redirectParams, type TokenResponse } from './support.ts';

let s: SandboxHandle;
let launcher: string;
beforeAll(async () => {
  s = await startSandbox({ port: 0, appDir: null, quiet: true });
  launcher = `${s.origin}/smart-launcher`;
}, 60_000);
afterAll(() => s?.close());

/** A launcher base whose options carry a scope list (index 7), as a tester restricting scopes would build. */
function withScopes(scope: string): string {
  const arr = [3, '', '', 'AUTO', 0, 0, 0, scope, '', '', '', '', '', '', 0, 1, ''];
  return `${launcher}/v/r4/sim/${Buffer.from(JSON.stringify(arr)).toString('base64url')}/fhir`;
}

async function authorizeAt(
  base: string,
  scope: string,
  challenge: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  const config = (await (await fetch(`${base}/.well-known/smart-configuration`)).json()) as {
    authorization_endpoint: string;
  };
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: `${s.origin}/app/`,
    scope,
    state: 'st',
    aud: base,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...extra,
  });
  return fetch(`${config.authorization_endpoint}?${q}`, { redirect: 'manual' });
}

const STANDALONE_SCOPES =
  'launch/patient openid fhirUser patient/Patient.rs patient/Condition.rs patient/MedicationRequest.c';

describe('launcher look-alike', () => {
  it('each option set is its own base, with discovery naming it and an authorization endpoint under it', async () => {
    const base = launcherStandaloneBase(launcher, { type: 'patient-standalone' }) ?? '';
    const config = (await (await fetch(`${base}/.well-known/smart-configuration`)).json()) as {
      issuer: string;
      authorization_endpoint: string;
      code_challenge_methods_supported: string[];
    };
    expect(config.issuer).toBe(base);
    expect(config.authorization_endpoint).toBe(base.replace(/\/fhir$/, '/auth/authorize'));
    expect(config.code_challenge_methods_supported).toEqual(['S256']);
  });

  it('a standalone launch on the plain base gets invalid_request "Invalid launch options"', async () => {
    const back = redirectParams(await authorizeAt(`${launcher}/v/r4/fhir`, STANDALONE_SCOPES, pkcePair().challenge));
    expect([back.get('error'), back.get('error_description'), back.get('state')]).toEqual([
      'invalid_request',
      'Invalid launch options',
      'st',
    ]);
  });

  it('scopes outside the launch’s list get invalid_scope at authorize; the read-only set passes', async () => {
    const base = withScopes(readOnlyScopes('standalone', 'v2'));
    const refused = redirectParams(
      await authorizeAt(
        base,
        `${readOnlyScopes('standalone', 'v2')} patient/MedicationRequest.c`,
        pkcePair().challenge,
      ),
    );
    expect(refused.get('error')).toBe('invalid_scope');
    expect(refused.get('error_description')).toContain('patient/MedicationRequest.c');
    const passed = await authorizeAt(base, readOnlyScopes('standalone', 'v2'), pkcePair().challenge);
    expect(passed.status).toBe(200);
    expect(await passed.text()).toContain('form method="post" action="/auth/authorize"');
  });

  it('a whole standalone launch: sign-in, token, and FHIR answers that name the launcher base', async () => {
    const base = launcherStandaloneBase(launcher, { type: 'provider-standalone' }) ?? '';
    const { verifier, challenge } = pkcePair();
    const page = await (await authorizeAt(base, STANDALONE_SCOPES, challenge)).text();
    const txn = /name="txn" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const code =
      redirectParams(
        await postForm(`${s.origin}/auth/authorize`, { txn, decision: 'allow', patient: 'ldn-fibromyalgia' }),
      ).get('code') ?? '';
    const token = (await (await exchangeCode(s, code, verifier)).json()) as TokenResponse;
    expect(token.patient).toBe('ldn-fibromyalgia');
    const res = await fetch(`${base}/Condition?patient=ldn-fibromyalgia`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(res.status).toBe(200);
    const bundle = (await res.json()) as { entry?: Array<{ fullUrl?: string }> };
    expect(bundle.entry?.[0]?.fullUrl?.startsWith(`${base}/Condition/`)).toBe(true);
    expect(
      (
        await fetch(`${base}/Condition?patient=ldn-crohns-oxycodone`, {
          headers: { authorization: `Bearer ${token.access_token}` },
        })
      ).status,
    ).toBe(403);
  });

  it('/smart-launcher/launcher starts an EHR launch with the launcher’s iss', async () => {
    const res = await fetch(
      `${launcher}/launcher?${new URLSearchParams({ patient: 'ldn-fibromyalgia', launch_uri: '/app/launch/' })}`,
      { redirect: 'manual' },
    );
    const to = new URL(res.headers.get('location') ?? '');
    expect(to.pathname).toBe('/app/launch/');
    expect(to.searchParams.get('iss')).toBe(`${launcher}/v/r4/fhir`);
    expect(to.searchParams.get('launch')).toBeTruthy();
    const offsite = await fetch(
      `${launcher}/launcher?${new URLSearchParams({ patient: 'ldn-fibromyalgia', launch_uri: 'https://evil.test/' })}`,
      { redirect: 'manual' },
    );
    expect(offsite.status).toBe(400);
  });
});
