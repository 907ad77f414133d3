/** A CDS service on a loopback port for the HTTP tests, a test EHR key, and signed calls. */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { createCdsHandler, memoryStore, type CdsServiceOptions } from '../../../src/edge/cds/index.ts';

export const ISS = 'https://ehr.example.org';

export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  jwks: { keys: Record<string, unknown>[] };
}

export async function testKey(): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  const kid = randomUUID();
  return { kid, privateKey, jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES384' }] } };
}

/** A JWT as a CDS client signs it; `claims` override the defaults (iss, aud, iat, exp = iat + 300, jti). */
export function sign(key: TestKey, aud: string, claims: JWTPayload = {}): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: ISS, aud, iat, exp: iat + 300, jti: randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'ES384', kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

export interface TestService {
  base: string;
  store: ReturnType<typeof memoryStore>;
  key: TestKey;
  /** POSTs `body` to `path` (e.g. "/cds-services/ldn-order-select") with a fresh valid JWT unless `token` is given. */
  post(path: string, body: unknown, token?: string | null): Promise<Response>;
  close(): Promise<void>;
}

export async function startService(
  over: Partial<CdsServiceOptions> = {},
  clientExtra: Record<string, unknown> = {},
): Promise<TestService> {
  const key = await testKey();
  const store = memoryStore();
  const server: Server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handler = createCdsHandler({
    baseUrl: base,
    clients: [{ iss: ISS, jwks: key.jwks as never, ...clientExtra }],
    feedback: store,
    appLaunchUrl: 'https://app.example/launch/',
    ...over,
  });
  server.on('request', (req, res) => void handler(req, res));
  return {
    base,
    store,
    key,
    async post(path, body, token) {
      const jwt = token === undefined ? await sign(key, `${base}${path}`) : token;
      return fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(jwt ? { authorization: `Bearer ${jwt}` } : {}) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
  };
}
