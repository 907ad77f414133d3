/**
 * The simulated errors selectable per launch: the SMART launcher's authorization and token errors (here really
 * enforced), and the FHIR faults per resource type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from 'fhir/r4';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import {
  APP_SCOPES_V2,
  authorizeRequest,
  CLIENT_ID,
  createLaunch,
  ehrLaunchToken,
  exchangeCode,
  fhirGet,
  outcomeText,
  pkcePair,
  postForm,
  redirectParams,
} from './support.ts';

let s: SandboxHandle;
beforeAll(async () => {
  s = await startSandbox({ port: 0, appDir: null, quiet: true });
}, 60_000);
afterAll(() => s?.close());

async function authorizeWith(authError: string, scope = APP_SCOPES_V2) {
  const launch = await createLaunch(s, 'ldn-fibromyalgia', { auth_error: authError });
  const pkce = pkcePair();
  return {
    res: await authorizeRequest(s, { launch, scope, challenge: pkce.challenge, method: 'S256' }),
    verifier: pkce.verifier,
  };
}

describe('authorization errors', () => {
  it('auth_invalid_client_id redirects back with error=invalid_client', async () => {
    const back = redirectParams((await authorizeWith('auth_invalid_client_id')).res);
    expect(back.get('error')).toBe('invalid_client');
    expect(back.get('state')).toBe('state-123');
  });

  it("auth_invalid_redirect_uri shows the server's own error page naming the redirect URI (no redirect)", async () => {
    const { res } = await authorizeWith('auth_invalid_redirect_uri');
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain(`${s.origin}/app/`);
  });

  it('auth_invalid_scope redirects back with error=invalid_scope', async () => {
    expect(redirectParams((await authorizeWith('auth_invalid_scope')).res).get('error')).toBe('invalid_scope');
  });

  it('token_invalid_scope makes the token endpoint answer 400 invalid_scope', async () => {
    const { res, verifier } = await authorizeWith('token_invalid_scope');
    const token = await exchangeCode(s, redirectParams(res).get('code') ?? '', verifier);
    expect(token.status).toBe(400);
    expect(((await token.json()) as { error: string }).error).toBe('invalid_scope');
  });

  it('token_invalid_token makes the token endpoint answer 401 invalid_client', async () => {
    const { res, verifier } = await authorizeWith('token_invalid_token');
    const token = await exchangeCode(s, redirectParams(res).get('code') ?? '', verifier);
    expect(token.status).toBe(401);
    expect(((await token.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('token_expired_refresh_token gives a refresh token that fails with invalid_grant', async () => {
    const t = await ehrLaunchToken(
      s,
      'ldn-fibromyalgia',
      { auth_error: 'token_expired_refresh_token' },
      `${APP_SCOPES_V2} offline_access`,
    );
    expect(t.refresh_token).toBeTruthy();
    const res = await postForm(`${s.origin}/auth/token`, {
      grant_type: 'refresh_token',
      refresh_token: t.refresh_token ?? '',
      client_id: CLIENT_ID,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it.each(['request_expired_token', 'request_invalid_token'])(
    '%s makes every FHIR request answer 401 with WWW-Authenticate',
    async (authError) => {
      const t = await ehrLaunchToken(s, 'ldn-fibromyalgia', { auth_error: authError });
      for (const path of ['Patient/ldn-fibromyalgia', 'Condition?patient=ldn-fibromyalgia']) {
        const res = await fhirGet(s, t.access_token, path);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
      }
    },
  );

  it('refuses an unknown auth_error or fault at /launch with a page naming it', async () => {
    const res = await fetch(`${s.origin}/launch?patient=ldn-fibromyalgia&auth_error=auth_typo`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('auth_typo');
    expect(
      (await fetch(`${s.origin}/launch?patient=ldn-fibromyalgia&fhir_fault=Condition:explode`, { redirect: 'manual' }))
        .status,
    ).toBe(400);
  });
});

describe('FHIR faults', () => {
  const tokenWith = async (fault: string, patient = 'ldn-status-mix') =>
    (await ehrLaunchToken(s, patient, { fhir_fault: fault })).access_token;

  it.each([
    ['500', 500],
    ['403', 403],
    ['404', 404],
  ])('Condition:%s fails Condition requests with that status and leaves other types alone', async (kind, status) => {
    const t = await tokenWith(`Condition:${kind}`);
    const res = await fhirGet(s, t, 'Condition?patient=ldn-status-mix');
    expect(res.status).toBe(status);
    expect(await outcomeText(res)).toContain('Simulated');
    expect((await fhirGet(s, t, 'MedicationRequest?patient=ldn-status-mix')).status).toBe(200);
  });

  it('timeout holds the response until the client gives up', async () => {
    const t = await tokenWith('MedicationStatement:timeout');
    const started = Date.now();
    const attempt = fhirGet(s, t, 'MedicationStatement?patient=ldn-status-mix', { signal: AbortSignal.timeout(500) });
    await expect(attempt).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });

  it('slow delays the answer by about 1.5 s and then answers normally', async () => {
    const t = await tokenWith('MedicationDispense:slow');
    const started = Date.now();
    const res = await fhirGet(s, t, 'MedicationDispense?patient=ldn-status-mix');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('broken-paging: the next link of page 2 leads to a 500', async () => {
    const t = await tokenWith('MedicationRequest:broken-paging', 'ldn-large-chart');
    const page1 = (await (
      await fhirGet(s, t, 'MedicationRequest?patient=ldn-large-chart&_count=100')
    ).json()) as Bundle;
    const page2Url = page1.link?.find((l) => l.relation === 'next')?.url ?? '';
    const page2Res = await fhirGet(s, t, page2Url);
    expect(page2Res.status).toBe(200);
    const page2 = (await page2Res.json()) as Bundle;
    expect(page2.entry).toHaveLength(100);
    const page3 = await fhirGet(s, t, page2.link?.find((l) => l.relation === 'next')?.url ?? '');
    expect(page3.status).toBe(500);
    expect(await outcomeText(page3)).toContain('paging');
  });

  it('applies a fault to the matching entries of a batch', async () => {
    const t = await tokenWith('Medication:500', 'ldn-status-mix');
    const res = await fhirGet(s, t, s.fhirBase, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({
        resourceType: 'Bundle',
        type: 'batch',
        entry: [
          { request: { method: 'GET', url: 'Medication/ldn-status-mix-med1' } },
          { request: { method: 'GET', url: 'Patient/ldn-status-mix' } },
        ],
      }),
    });
    const body = (await res.json()) as { entry: { response: { status: string } }[] };
    expect(body.entry.map((e) => e.response.status)).toEqual(['500', '200']);
  });

  it('malformed returns a body that is not valid JSON for that type only', async () => {
    const t = await tokenWith('MedicationRequest:malformed');
    const res = await fhirGet(s, t, 'MedicationRequest?patient=ldn-status-mix');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    const ok = await fhirGet(s, t, 'Condition?patient=ldn-status-mix');
    expect(((await ok.json()) as Bundle).resourceType).toBe('Bundle');
  });
});
