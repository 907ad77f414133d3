/**
 * Verifies the EHR's bearer JWT on every call (CDS Hooks 2.0, "Trusting CDS Clients"): the issuer must be in the
 * allow-list, the signature must verify against that client's JWKS (inline, or its allow-listed jwks_url; never the
 * token's `jku`), `aud` must equal the exact service URL called, `exp` and `iat` must be present and current,
 * `exp` at most 5 minutes after `iat` (or the client's configured lifetime), and `jti` must not have been seen within the token's lifetime (a bounded
 * in-memory cache: per instance, which is enough because a replayed token is also bound to its 5 minutes).
 * Failures return a reason for tests and metrics only; the HTTP answer never shows it.
 */
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { err, ok, type Result } from '../../core/result.ts';
import type { CdsClient } from './clients.ts';

/** Asymmetric algorithms only: a shared-secret (HS*) token proves nothing about which EHR signed it. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];
const MAX_LIFETIME_S = 300;
const CLOCK_TOLERANCE_S = 30;
const MAX_TOKEN_CHARS = 16_384;

export type JwtFailure = 'missing' | 'malformed' | 'unknown-issuer' | 'invalid' | 'lifetime' | 'replayed' | 'busy';

export interface VerifiedCaller {
  client: CdsClient;
}

export interface JwtVerifierOptions {
  /** Most jti values remembered at once (default 100 000); when full of live ones, new calls are refused. */
  maxJti?: number;
}

export class JwtVerifier {
  private readonly keys = new Map<string, JWTVerifyGetKey>();
  /** `${iss} ${jti}` -> expiry (epoch seconds), in insertion order. */
  private readonly seen = new Map<string, number>();
  private readonly maxJti: number;

  constructor(
    private readonly clients: readonly CdsClient[],
    opts: JwtVerifierOptions = {},
  ) {
    this.maxJti = opts.maxJti ?? 100_000;
  }

  private keySet(client: CdsClient): JWTVerifyGetKey {
    let k = this.keys.get(client.iss);
    if (!k) {
      k = client.jwks
        ? createLocalJWKSet(client.jwks)
        : createRemoteJWKSet(new URL(client.jwksUrl!), {
            timeoutDuration: 5000,
            cooldownDuration: 30_000,
            cacheMaxAge: 600_000,
          });
      this.keys.set(client.iss, k);
    }
    return k;
  }

  /** Checks the Authorization header for a call to `audience` (the exact URL of the service called). */
  async verify(
    authorization: string | undefined,
    audience: string,
    nowMs = Date.now(),
  ): Promise<Result<VerifiedCaller, JwtFailure>> {
    const m = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '');
    if (!m) return err(authorization ? 'malformed' : 'missing');
    const token = m[1]!;
    if (token.length > MAX_TOKEN_CHARS) return err('malformed');
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      return err('malformed');
    }
    const client = typeof iss === 'string' ? this.clients.find((c) => c.iss === iss) : undefined;
    if (!client) return err('unknown-issuer');
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet(client), {
        issuer: client.iss,
        audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'iat', 'jti'],
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(nowMs),
      }));
    } catch {
      return err('invalid');
    }
    const now = Math.floor(nowMs / 1000);
    const { exp, iat, jti } = payload as { exp: number; iat: number; jti: unknown };
    if (exp - iat > (client.maxLifetimeSeconds ?? MAX_LIFETIME_S) || iat > now + CLOCK_TOLERANCE_S)
      return err('lifetime');
    if (typeof jti !== 'string' || !jti || jti.length > 256) return err('malformed');
    return this.remember(`${client.iss} ${jti}`, exp + CLOCK_TOLERANCE_S, now) ?? ok({ client });
  }

  private remember(key: string, expiry: number, now: number): { ok: false; error: JwtFailure } | undefined {
    const prev = this.seen.get(key);
    if (prev !== undefined && prev >= now) return err('replayed');
    if (this.seen.size >= this.maxJti) {
      for (const [k, e] of this.seen) if (e < now) this.seen.delete(k);
      if (this.seen.size >= this.maxJti) return err('busy');
    }
    this.seen.set(key, expiry);
    return undefined;
  }
}
