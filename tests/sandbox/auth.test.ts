/**
 * The SMART authorization server end to end over real HTTP: discovery, EHR launch with PKCE S256, the standalone
 * sign-in and patient picker, token responses (context, id_token, refresh), and the errors RFC 6749 and SMART
 * App Launch 2.2 require.
 */
import { createPublicKey, createVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { AuthStore, Expiring, STORE_LIMITS } from '../../sandbox/auth/store.ts';
import {
  APP_SCOPES_V2,
  authorizeRequest,
  CLIENT_ID,
  createLaunch,
  ehrLaunchToken,
  exchangeCode,
  fhirGet,
  pkcePair,
  postForm,
  redirectParams,
  type TokenResponse,
} from './support.ts';

let s: SandboxHandle;
beforeAll(async () => {
  s = await startSandbox({ port: 0, appDir: null, quiet: true });
}, 60_000);
afterAll(() => s?.close());

describe('discovery', () => {
  it('serves .well-known/smart-configuration with S256 only and the capabilities the sandbox implements', async () => {
    const res = await fetch(`${s.fhirBase}/.well-known/smart-configuration`);
    expect(res.status).toBe(200);
    const c = (await res.json()) as Record<string, unknown>;
    expect(c.authorization_endpoint).toBe(`${s.origin}/auth/authorize`);
    expect(c.token_endpoint).toBe(`${s.origin}/auth/token`);
    expect(c.code_challenge_methods_supported).toEqual(['S256']);
    expect(c.grant_types_supported).toEqual(['authorization_code', 'refresh_token']);
    expect(c.capabilities).toEqual(
      expect.arrayContaining([
        'launch-ehr',
        'launch-standalone',
        'client-public',
        'context-banner',
        'context-style',
        'context-ehr-patient',
        'context-standalone-patient',
        'permission-patient',
        'permission-v1',
        'permission-v2',
        'permission-offline',
      ]),
    );
  });

  it('serves metadata without a token, with the SMART endpoints in rest.security', async () => {
    const res = await fetch(`${s.fhirBase}/metadata`);
    expect(res.status).toBe(200);
    const cs = (await res.json()) as {
      rest: { security: { extension: { extension: { url: string; valueUri: string }[] }[] } }[];
    };
    const uris = cs.rest[0]?.security.extension[0]?.extension ?? [];
    expect(uris).toEqual([
      { url: 'authorize', valueUri: `${s.origin}/auth/authorize` },
      { url: 'token', valueUri: `${s.origin}/auth/token` },
    ]);
  });
});

describe('EHR launch with PKCE', () => {
  it('goes straight through to the app with a code and the same state, then gives the launch context', async () => {
    const launch = await createLaunch(s, 'ldn-fibromyalgia');
    const { verifier, challenge } = pkcePair();
    const auth = await authorizeRequest(s, {
      launch,
      scope: `${APP_SCOPES_V2} offline_access`,
      challenge,
      method: 'S256',
      state: 'abc-state',
    });
    const back = redirectParams(auth);
    expect(new URL(auth.headers.get('location') ?? '').pathname).toBe('/app/');
    expect(back.get('state')).toBe('abc-state');
    const res = await exchangeCode(s, back.get('code') ?? '', verifier);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const t = (await res.json()) as TokenResponse;
    expect(t.token_type).toBe('Bearer');
    expect(t.access_token.length).toBeGreaterThanOrEqual(40);
    expect(t.patient).toBe('ldn-fibromyalgia');
    expect(t.need_patient_banner).toBe(true);
    expect(t.scope.split(' ')).toEqual(
      expect.arrayContaining(['launch', 'patient/Condition.rs', 'patient/MedicationRequest.c', 'offline_access']),
    );
    expect(t.refresh_token).toBeTruthy();
    const style = await fetch(t.smart_style_url ?? '');
    expect(((await style.json()) as Record<string, string>).color_background).toMatch(/^#/);
    const patient = await fhirGet(s, t.access_token, 'Patient/ldn-fibromyalgia');
    expect(patient.status).toBe(200);
  });

  it('refuses a wrong code_verifier and a code used twice', async () => {
    const launch = await createLaunch(s, 'ldn-fibromyalgia');
    const { verifier, challenge } = pkcePair();
    const code =
      redirectParams(await authorizeRequest(s, { launch, scope: APP_SCOPES_V2, challenge, method: 'S256' })).get(
        'code',
      ) ?? '';
    const bad = await exchangeCode(s, code, pkcePair().verifier);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_grant');
    // The code was consumed by the failed attempt, as a single-use code must be.
    expect((await exchangeCode(s, code, verifier)).status).toBe(400);
  });

  it.each([
    ['the plain method', { method: 'plain' }],
    ['no code_challenge_method', { method: undefined }],
    ['no code_challenge', { challenge: undefined }],
  ])('refuses PKCE with %s (error=invalid_request back at the app)', async (_label, change) => {
    const launch = await createLaunch(s, 'ldn-fibromyalgia');
    const { challenge } = pkcePair();
    const params = { launch, scope: APP_SCOPES_V2, challenge, method: 'S256', ...change } as Parameters<
      typeof authorizeRequest
    >[1];
    const back = redirectParams(await authorizeRequest(s, params));
    expect(back.get('error')).toBe('invalid_request');
    expect(back.get('error_description')).toContain('S256');
    expect(back.get('code')).toBeNull();
  });

  it('refuses an aud that is not the FHIR base', async () => {
    const launch = await createLaunch(s, 'ldn-fibromyalgia');
    const back = redirectParams(
      await authorizeRequest(s, {
        launch,
        scope: APP_SCOPES_V2,
        challenge: pkcePair().challenge,
        method: 'S256',
        aud: 'https://evil.example/fhir',
      }),
    );
    expect(back.get('error')).toBe('invalid_request');
    expect(back.get('error_description')).toContain('aud');
  });

  it('shows its own error page, without redirecting, for an unknown client or an unregistered redirect URI', async () => {
    const launch = await createLaunch(s, 'ldn-fibromyalgia');
    const unknownClient = await authorizeRequest(s, {
      launch,
      scope: APP_SCOPES_V2,
      challenge: pkcePair().challenge,
      method: 'S256',
      clientId: 'someone-else',
    });
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.headers.get('location')).toBeNull();
    expect(await unknownClient.text()).toContain('someone-else');
    const badRedirect = await authorizeRequest(s, {
      launch,
      scope: APP_SCOPES_V2,
      challenge: pkcePair().challenge,
      method: 'S256',
      redirectUri: 'https://evil.example/cb',
    });
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.headers.get('location')).toBeNull();
    expect(await badRedirect.text()).toContain('https://evil.example/cb');
  });

  it('refuses an unknown launch code', async () => {
    const back = redirectParams(
      await authorizeRequest(s, {
        launch: 'not-a-launch',
        scope: APP_SCOPES_V2,
        challenge: pkcePair().challenge,
        method: 'S256',
      }),
    );
    expect(back.get('error')).toBe('invalid_request');
  });

  it('signs an id_token (RS256, verifiable with the JWKS) with fhirUser when openid fhirUser are asked', async () => {
    const t = await ehrLaunchToken(s, 'ldn-pregnancy');
    const [header = '', payload = '', signature = ''] = (t.id_token ?? '').split('.');
    const jwks = (await (await fetch(`${s.origin}/auth/jwks`)).json()) as {
      keys: (Record<string, unknown> & { kid: string })[];
    };
    const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string; alg: string };
    expect(alg).toBe('RS256');
    const jwk = jwks.keys.find((k) => k.kid === kid);
    const key = createPublicKey({ key: jwk as never, format: 'jwk' });
    expect(
      createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(key, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect(claims.fhirUser).toBe('Practitioner/ldn-practitioner');
    expect(claims.aud).toBe(CLIENT_ID);
    expect(claims.iss).toBe(s.fhirBase);
    const practitioner = await fhirGet(s, undefined, `${s.openFhirBase}/Practitioner/ldn-practitioner`);
    expect(practitioner.status).toBe(200);
  });

  it('gives the open encounter as context when the EHR launches from a visit, and none otherwise', async () => {
    expect((await ehrLaunchToken(s, 'ldn-pregnancy')).encounter).toBe('ldn-pregnancy-enc1');
    expect((await ehrLaunchToken(s, 'ldn-fibromyalgia')).encounter).toBeUndefined();
  });

  it('sets need_patient_banner=false when the launch asks (banner=0)', async () => {
    const t = await ehrLaunchToken(s, 'ldn-pregnancy', { banner: '0' });
    expect(t.need_patient_banner).toBe(false);
  });

  it('understands v1 scopes', async () => {
    const t = await ehrLaunchToken(
      s,
      'ldn-contrave',
      {},
      'launch patient/Condition.read patient/MedicationRequest.write',
    );
    expect(t.scope).toBe('launch patient/Condition.read patient/MedicationRequest.write');
    expect((await fhirGet(s, t.access_token, 'Condition?patient=ldn-contrave')).status).toBe(200);
    expect((await fhirGet(s, t.access_token, 'MedicationRequest?patient=ldn-contrave')).status).toBe(403);
  });
});

describe('refresh', () => {
  it('exchanges a refresh token for a new access token with the same grant', async () => {
    const t = await ehrLaunchToken(s, 'ldn-fibromyalgia', {}, `${APP_SCOPES_V2} online_access`);
    const res = await postForm(`${s.origin}/auth/token`, {
      grant_type: 'refresh_token',
      refresh_token: t.refresh_token ?? '',
      client_id: CLIENT_ID,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const next = (await res.json()) as TokenResponse;
    expect(next.access_token).not.toBe(t.access_token);
    expect(next.patient).toBe('ldn-fibromyalgia');
    expect(next.scope).toBe(t.scope);
    expect((await fhirGet(s, next.access_token, 'Condition?patient=ldn-fibromyalgia')).status).toBe(200);
  });

  it('gives no refresh token unless offline_access or online_access is asked, and refuses an unknown one', async () => {
    const t = await ehrLaunchToken(s, 'ldn-fibromyalgia');
    expect(t.refresh_token).toBeUndefined();
    const res = await postForm(`${s.origin}/auth/token`, {
      grant_type: 'refresh_token',
      refresh_token: 'made-up',
      client_id: CLIENT_ID,
    });
    expect(res.status).toBe(400);
  });
});

describe('standalone launch', () => {
  const standaloneScope = 'launch/patient openid fhirUser patient/Patient.rs patient/Condition.rs';

  async function signInPage(): Promise<{ html: string; txn: string; verifier: string }> {
    const { verifier, challenge } = pkcePair();
    const res = await authorizeRequest(s, {
      scope: standaloneScope,
      challenge,
      method: 'S256',
      state: 'st-standalone',
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    const txn = /name="txn" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return { html, txn, verifier };
  }

  it('shows a sign-in and patient picker form, then gives the chosen patient in the token', async () => {
    const { html, txn, verifier } = await signInPage();
    expect(html).toContain('<label for="patient">');
    expect(html).toContain('value="ldn-hepatic-failure"');
    expect(html).not.toMatch(/<script|style=/);
    const res = await postForm(`${s.origin}/auth/authorize`, {
      txn,
      decision: 'allow',
      patient: 'ldn-hepatic-failure',
      user: 'ldn-practitioner',
    });
    const back = redirectParams(res);
    expect(back.get('state')).toBe('st-standalone');
    const t = (await (await exchangeCode(s, back.get('code') ?? '', verifier)).json()) as TokenResponse;
    expect(t.patient).toBe('ldn-hepatic-failure');
    expect(t.scope).toContain('launch/patient');
    expect((await fhirGet(s, t.access_token, 'Condition?patient=ldn-hepatic-failure')).status).toBe(200);
  });

  it('sends error=access_denied when the tester presses Deny, and a used form cannot be replayed', async () => {
    const { txn } = await signInPage();
    const back = redirectParams(await postForm(`${s.origin}/auth/authorize`, { txn, decision: 'deny' }));
    expect(back.get('error')).toBe('access_denied');
    expect(back.get('state')).toBe('st-standalone');
    const replay = await postForm(`${s.origin}/auth/authorize`, {
      txn,
      decision: 'allow',
      patient: 'ldn-fibromyalgia',
    });
    expect(replay.status).toBe(400);
  });
});

describe('the store is bounded (issue 10 item 6: 58,000 unauthenticated launches held 1.1 GB)', () => {
  it('60,000 launches leave at most the cap, the newest still usable and the oldest gone', () => {
    const store = new AuthStore();
    const record = { patient: 'ldn-fibromyalgia', options: {} as never, defaultBanner: true };
    const first = store.launches.put(record);
    let last = '';
    for (let i = 0; i < 60_000; i++) last = store.launches.put(record);
    expect(store.launches.size).toBe(STORE_LIMITS.launches);
    expect(store.launches.get(last)).toBe(record);
    expect(store.launches.get(first)).toBeUndefined();
  });

  it('expired entries are swept on the next put, not kept until read', () => {
    let now = 1_000_000;
    const map = new Expiring<string>(60_000, 100, () => now);
    for (let i = 0; i < 50; i++) map.put(`v${i}`);
    now += 60_001;
    const fresh = map.put('fresh');
    expect(map.size).toBe(1);
    expect(map.get(fresh)).toBe('fresh');
  });

  it('a launch code expires after 10 minutes', () => {
    let now = 0;
    const store = new AuthStore(() => now);
    const code = store.launches.put({ patient: 'p', options: {} as never, defaultBanner: true });
    now += 10 * 60_000 - 1;
    expect(store.launches.get(code)?.patient).toBe('p');
    now += 2;
    expect(store.launches.get(code)).toBeUndefined();
  });
});
