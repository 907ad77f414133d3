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

class Expiring<T> {
  private readonly map = new Map<string, { value: T; expiresAt: number }>();
  constructor(private readonly ttlMs: number) {}
  put(value: T, key = randomToken()): string {
    this.map.set(key, { value, expiresAt: Date.now() + this.ttlMs });
    return key;
  }
  get(key: string | null | undefined): T | undefined {
    if (!key) return undefined;
    const hit = this.map.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt < Date.now()) {
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
}

/** 256 random bits, base64url. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export const ACCESS_TOKEN_SECONDS = 3600;

export class AuthStore {
  readonly launches = new Expiring<LaunchRecord>(60 * 60_000);
  readonly pending = new Expiring<AuthRequest>(15 * 60_000);
  readonly codes = new Expiring<CodeRecord>(2 * 60_000);
  readonly tokens = new Expiring<TokenRecord>(ACCESS_TOKEN_SECONDS * 1000 + 60_000);
  readonly refreshTokens = new Expiring<Grant>(24 * 60 * 60_000);
}
