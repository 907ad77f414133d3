/**
 * The allow-list of CDS clients (EHRs) that may call the service: `cds-clients.json`, beside smart-clients.json.
 * Per client its `iss` and its keys: an inline `jwks`, or a `jwks_url` the service may fetch (https, or http on
 * loopback for the sandbox). The service never fetches a JWKS from a token's `jku` header (CDS Hooks 2.0, Trust).
 * Optional `fhirServers`: base URL prefixes this client may name as fhirServer (the token is sent only there).
 * Optional `max_lifetime_s`: the longest token lifetime accepted from this client (default 300 s, the spec's five
 * minutes; Epic's documentation shows 15-minute tokens).
 * A malformed file is an error naming the field: never "allow all".
 */
import { readFile } from 'node:fs/promises';
import type { JSONWebKeySet } from 'jose';
import { err, ok, type Result } from '../../core/result.ts';

export interface CdsClient {
  iss: string;
  jwks?: JSONWebKeySet;
  jwksUrl?: string;
  fhirServers?: string[];
  /** Longest accepted token lifetime (exp - iat) in seconds; default 300 (the spec's 5 minutes), at most 3600. */
  maxLifetimeSeconds?: number;
  /** Shown by the admin, never used for decisions. */
  note?: string;
}

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function httpUrl(v: string): URL | undefined {
  try {
    const u = new URL(v);
    if (u.protocol === 'https:') return u;
    if (u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) return u;
  } catch {
    // not a URL
  }
  return undefined;
}

/** Parses the allow-list file's JSON. */
export function parseClients(json: unknown, file = 'cds-clients.json'): Result<CdsClient[], string> {
  if (!isRec(json) || !Array.isArray(json.clients)) return err(`${file}: expected { "clients": [...] }`);
  const out: CdsClient[] = [];
  for (const [i, c] of json.clients.entries()) {
    const at = `${file}: clients[${i}]`;
    if (!isRec(c) || typeof c.iss !== 'string' || !c.iss.trim()) return err(`${at}.iss must be a non-empty string`);
    const client: CdsClient = { iss: c.iss };
    if (c.jwks !== undefined) {
      if (!isRec(c.jwks) || !Array.isArray(c.jwks.keys) || !c.jwks.keys.every(isRec))
        return err(`${at}.jwks must be a JWKS ({ "keys": [...] })`);
      if (c.jwks.keys.some((k) => 'd' in k)) return err(`${at}.jwks holds a private key: give only the public keys`);
      client.jwks = c.jwks as unknown as JSONWebKeySet;
    }
    if (c.jwks_url !== undefined) {
      if (typeof c.jwks_url !== 'string' || !httpUrl(c.jwks_url))
        return err(`${at}.jwks_url must be an https URL (http only on loopback)`);
      client.jwksUrl = c.jwks_url;
    }
    if (!client.jwks === !client.jwksUrl) return err(`${at}: give exactly one of jwks and jwks_url`);
    if (c.fhirServers !== undefined) {
      if (!Array.isArray(c.fhirServers) || !c.fhirServers.every((s) => typeof s === 'string' && httpUrl(s)))
        return err(`${at}.fhirServers must be a list of http(s) URLs`);
      client.fhirServers = c.fhirServers as string[];
    }
    if (c.max_lifetime_s !== undefined) {
      if (
        typeof c.max_lifetime_s !== 'number' ||
        !Number.isInteger(c.max_lifetime_s) ||
        c.max_lifetime_s < 1 ||
        c.max_lifetime_s > 3600
      )
        return err(`${at}.max_lifetime_s must be a whole number of seconds from 1 to 3600`);
      client.maxLifetimeSeconds = c.max_lifetime_s;
    }
    if (typeof c.note === 'string') client.note = c.note;
    if (out.some((o) => o.iss === client.iss)) return err(`${at}.iss "${client.iss}" is listed twice`);
    out.push(client);
  }
  return ok(out);
}

/** Reads and parses the allow-list file. */
export async function loadClients(path: string): Promise<Result<CdsClient[], string>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return err(`${path}: cannot be read`);
  }
  try {
    return parseClients(JSON.parse(text), path);
  } catch {
    return err(`${path}: not valid JSON`);
  }
}
