/**
 * In-memory state of the authorization server: launches, pending sign-ins, authorization codes, access and refresh
 * tokens. Every value is random (128+ bits, base64url) and expires; nothing here is logged.
 */
import { randomBytes } from 'node:crypto';
import type { LaunchOptions } from './options.ts';

export const CLIENT_ID = 'ldn-sandbox-app';
export const PRACTITIONER_ID = 'ldn-practitioner';

export interface LaunchRecord {
  patient: string;
  /** The open encounter the EHR launches from, when the patient has one. */
  encounter?: string;
  options: LaunchOptions;
  /** need_patient_banner when the options do not say. */
  defaultBanner: boolean;
}

/** What the authorize request asked for, kept while the tester signs in (standalone) and in the code. */
export interface AuthRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  requestedScopes: string[];
  kind: 'ehr' | 'standalone';
  launch?: LaunchRecord;
}

export interface Grant {
  clientId: string;
  scopes: string[];
  patient?: string;
  encounter?: string;
  fhirUser?: string;
  options: LaunchOptions;
  needPatientBanner: boolean;
}

export interface CodeRecord extends Grant {
  redirectUri: string;
  codeChallenge: string;
}

export interface TokenRecord extends Grant {
  expiresAt: number;
}

/**
 * A map whose entries expire after a fixed time and which never holds more than `maxEntries`.
 *
 * Why bounded: /launch needs no authentication, and every request used to stay for an hour; 58,000 launches held
 * 1.1 GB (issue 10 item 6). Every map has one time-to-live, so insertion order (a Map's iteration order) is also
 * expiry order: each `put` first drops expired entries from the front, then, if still full, the oldest live one.
 * Both are O(1) per entry removed, so the sweep costs nothing a put has not already paid for.
 */
export class Expiring<T> {
  private readonly map = new Map<string, { value: T; expiresAt: number }>();
  constructor(
    private readonly ttlMs: number,
    readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}
  put(value: T, key = randomToken()): string {
    this.sweep();
    while (this.map.size >= this.maxEntries) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
    this.map.delete(key); // a re-used key moves to the back, keeping the order = expiry order
    this.map.set(key, { value, expiresAt: this.now() + this.ttlMs });
    return key;
  }
  get(key: string | null | undefined): T | undefined {
    if (!key) return undefined;
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt < this.now()) {
      this.map.delete(key);
      return undefined;
    }
    return hit.value;
  }
  /** Reads and removes (single use). */
  take(key: string | null | undefined): T | undefined {
    const value = this.get(key);
    if (key) this.map.delete(key);
    return value;
  }
  /** Entries held now, expired ones not yet swept included (for tests and figures). */
  get size(): number {
    return this.map.size;
  }
  /** Drops expired entries from the front (the oldest). */
  sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.map) {
      if (entry.expiresAt >= now) break;
      this.map.delete(key);
    }
  }
}

/** 256 random bits, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export const ACCESS_TOKEN_SECONDS = 3600;

/**
 * Caps per map: far above what testers and the test suite use at once, far below what exhausts memory. Launches
 * and pending sign-ins need no authentication, so they are the tightest; a launch code is used within seconds
 * (the EHR frame redirects at once), so 10 minutes is ample.
 */
export const STORE_LIMITS = {
  launches: 2_000,
  pending: 2_000,
  codes: 2_000,
  tokens: 10_000,
  refreshTokens: 10_000,
} as const;

export class AuthStore {
  readonly launches: Expiring<LaunchRecord>;
  readonly pending: Expiring<AuthRequest>;
  readonly codes: Expiring<CodeRecord>;
  readonly tokens: Expiring<TokenRecord>;
  readonly refreshTokens: Expiring<Grant>;
  /** `now` is injectable so tests can move the clock. */
  constructor(now: () => number = Date.now) {
    this.launches = new Expiring(10 * 60_000, STORE_LIMITS.launches, now);
    this.pending = new Expiring(15 * 60_000, STORE_LIMITS.pending, now);
    this.codes = new Expiring(2 * 60_000, STORE_LIMITS.codes, now);
    this.tokens = new Expiring(ACCESS_TOKEN_SECONDS * 1000 + 60_000, STORE_LIMITS.tokens, now);
    this.refreshTokens = new Expiring(24 * 60 * 60_000, STORE_LIMITS.refreshTokens, now);
  }
}
