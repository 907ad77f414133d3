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
import { problem, type CdsConfigCode, type Problem, type ProblemParams } from '../../core/problem.ts';
import { err, ok, type Result } from '../../core/result.ts';

/** Why the client list is refused: a `cds-config/*` problem naming the file and the entry (worded by the CLI). */
export type CdsConfigProblem = Problem<CdsConfigCode>;

const refuse = (code: CdsConfigCode, params: ProblemParams): Result<never, CdsConfigProblem> =>
  err(problem(code, 'error', params));

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
export function parseClients(json: unknown, file = 'cds-clients.json'): Result<CdsClient[], CdsConfigProblem> {
  if (!isRec(json) || !Array.isArray(json.clients)) return refuse('cds-config/no-clients', { file });
  const out: CdsClient[] = [];
  for (const [i, c] of json.clients.entries()) {
    const at = { file, index: i };
    if (!isRec(c) || typeof c.iss !== 'string' || !c.iss.trim()) return refuse('cds-config/iss', at);
    const client: CdsClient = { iss: c.iss };
    if (c.jwks !== undefined) {
      if (!isRec(c.jwks) || !Array.isArray(c.jwks.keys) || !c.jwks.keys.every(isRec))
        return refuse('cds-config/jwks', at);
      if (c.jwks.keys.some((k) => 'd' in k)) return refuse('cds-config/private-key', at);
      client.jwks = c.jwks as unknown as JSONWebKeySet;
    }
    if (c.jwks_url !== undefined) {
      if (typeof c.jwks_url !== 'string' || !httpUrl(c.jwks_url)) return refuse('cds-config/jwks-url', at);
      client.jwksUrl = c.jwks_url;
    }
    if (!client.jwks === !client.jwksUrl) return refuse('cds-config/one-key-source', at);
    if (c.fhirServers !== undefined) {
      if (!Array.isArray(c.fhirServers) || !c.fhirServers.every((s) => typeof s === 'string' && httpUrl(s)))
        return refuse('cds-config/fhir-servers', at);
      client.fhirServers = c.fhirServers as string[];
    }
    if (c.max_lifetime_s !== undefined) {
      if (
        typeof c.max_lifetime_s !== 'number' ||
        !Number.isInteger(c.max_lifetime_s) ||
        c.max_lifetime_s < 1 ||
        c.max_lifetime_s > 3600
      )
        return refuse('cds-config/max-lifetime', at);
      client.maxLifetimeSeconds = c.max_lifetime_s;
    }
    if (typeof c.note === 'string') client.note = c.note;
    if (out.some((o) => o.iss === client.iss)) return refuse('cds-config/duplicate', { ...at, iss: client.iss });
    out.push(client);
  }
  return ok(out);
}

/** Reads and parses the allow-list file. */
export async function loadClients(path: string): Promise<Result<CdsClient[], CdsConfigProblem>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return refuse('cds-config/unreadable', { file: path });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse('cds-config/not-json', { file: path });
  }
  return parseClients(json, path);
}
