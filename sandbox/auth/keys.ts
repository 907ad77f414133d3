/** The sandbox's RS256 signing key (made at start, never written anywhere), id_token signing and the JWKS. */
import { createSign, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwks: { keys: Record<string, unknown>[] };
}

/** Generates the key off the main thread (RSA generation takes ~0.1-1 s). */
export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await new Promise<{ privateKey: KeyObject; publicKey: KeyObject }>(
    (resolve, reject) =>
      generateKeyPair('rsa', { modulusLength: 2048 }, (e, publicKey, privateKey) =>
        e ? reject(e) : resolve({ publicKey, privateKey }),
      ),
  );
  const kid = randomBytes(8).toString('hex');
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  return { kid, privateKey, jwks: { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] } };
}

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** A compact JWS (RS256) over the claims. */
export function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}
