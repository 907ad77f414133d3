/** JWT checks of every call: bad signature, HS256, wrong aud, expired, too long-lived, replayed jti, unknown issuer, none. */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdsPatient, DRAFTS, hookBody, prefetchOf } from './requests.ts';
import { ISS, sign, startService, testKey, type TestService } from './support.ts';

let svc: TestService;
beforeAll(async () => {
  svc = await startService();
});
afterAll(() => svc.close());

const p = cdsPatient('ldn-cds-on-ldn-opioid-order');
const PATH = '/cds-services/ldn-order-select';
const body = () => hookBody('order-select', p.id, [DRAFTS.oxycodone(p.id)], prefetchOf(p));
const url = () => `${svc.base}${PATH}`;
const now = () => Math.floor(Date.now() / 1000);

async function expect401(token: string | null): Promise<void> {
  const res = await svc.post(PATH, body(), token);
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe('Bearer');
  // No detail leaked: the same body whatever failed.
  expect(await res.text()).toBe('{"error":"unauthorized"}');
}

describe('JWT verification', () => {
  it('accepts a valid token', async () => {
    expect((await svc.post(PATH, body())).status).toBe(200);
  });

  it('refuses a missing token and one that is not a JWT', async () => {
    await expect401(null);
    await expect401('not-a-jwt');
  });

  it('refuses a signature from another key (same iss and kid)', async () => {
    const other = await testKey();
    await expect401(await sign({ ...other, kid: svc.key.kid }, url()));
  });

  it('refuses a shared-secret (HS256) token even with the right claims', async () => {
    const iat = now();
    const hs = await new SignJWT({ iss: ISS, aud: url(), iat, exp: iat + 300, jti: 'hs-1' })
      .setProtectedHeader({ alg: 'HS256', kid: svc.key.kid })
      .sign(new TextEncoder().encode('a-shared-secret-of-32-characters!'));
    await expect401(hs);
  });

  it('refuses a token for another audience', async () => {
    await expect401(await sign(svc.key, `${svc.base}/cds-services/ldn-order-sign`));
    await expect401(await sign(svc.key, 'https://other-service.example/cds-services/ldn-order-select'));
  });

  it('refuses an expired token, one issued in the future and one living longer than 5 minutes', async () => {
    await expect401(await sign(svc.key, url(), { iat: now() - 600, exp: now() - 300 }));
    await expect401(await sign(svc.key, url(), { iat: now() + 600, exp: now() + 900 }));
    await expect401(await sign(svc.key, url(), { iat: now(), exp: now() + 3600 }));
  });

  it('refuses a token without jti, and a replayed jti', async () => {
    await expect401(await sign(svc.key, url(), { jti: undefined }));
    const once = await sign(svc.key, url());
    expect((await svc.post(PATH, body(), once)).status).toBe(200);
    await expect401(once);
  });

  it('accepts a longer lifetime only from a client configured for it (Epic: 15 minutes)', async () => {
    const epic = await startService({}, { maxLifetimeSeconds: 900 });
    try {
      const path = '/cds-services/ldn-order-select';
      const long = await sign(epic.key, `${epic.base}${path}`, { iat: now(), exp: now() + 900 });
      expect((await epic.post(path, body(), long)).status).toBe(200);
      const longer = await sign(epic.key, `${epic.base}${path}`, { iat: now(), exp: now() + 1200 });
      expect((await epic.post(path, body(), longer)).status).toBe(401);
    } finally {
      await epic.close();
    }
  });

  it('accepts feedback signed for the feedback URL or for the service URL, nothing else', async () => {
    const fb = { feedback: [{ card: 'c-1', outcome: 'accepted', outcomeTimestamp: new Date().toISOString() }] };
    const path = `${PATH}/feedback`;
    expect((await svc.post(path, fb, await sign(svc.key, `${svc.base}${path}`))).status).toBe(200);
    expect((await svc.post(path, fb, await sign(svc.key, url()))).status).toBe(200);
    expect((await svc.post(path, fb, await sign(svc.key, `${svc.base}/cds-services/ldn-order-sign`))).status).toBe(401);
  });

  it('refuses an issuer that is not in the allow-list, even with a valid signature', async () => {
    await expect401(await sign(svc.key, url(), { iss: 'https://sandbox.cds-hooks.org' }));
    expect(ISS).not.toBe('https://sandbox.cds-hooks.org');
  });
});
