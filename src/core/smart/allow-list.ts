/**
 * The issuer allow-list: which EHRs (FHIR servers) may launch the app, with the client id registered at each.
 *
 * It lives in one JSON file beside the deployed app (`smart-clients.json`) that an admin edits without rebuilding.
 * Parsing is strict: any malformed field is an error naming the file and the field, and there is no fallback to
 * "allow all" (fhirclient with a single config accepts any iss; see shared/research/smart-on-fhir.md).
 */
import { err, ok, type Result } from '../result.ts';
import type { ScopeVersion } from './scopes.ts';

/** One registered issuer. */
export interface AllowListEntry {
  /** Human name shown to testers and in error pages, e.g. "Epic sandbox". */
  name: string;
  /** Exact FHIR base URL the `iss` must equal (trailing slash ignored). One of iss / issPrefix. */
  iss?: string;
  /** Or a prefix every accepted `iss` starts with, ending in "/" (for multi-tenant servers). */
  issPrefix?: string;
  clientId: string;
  scopeVersion: ScopeVersion;
  /** Redirect URI registered for this client; defaults to the app's own page. */
  redirectUri?: string;
  /** Offer this server in the standalone picker (it must have an exact `iss`). */
  standalone?: boolean;
}

/** An open FHIR server (no authorization) a tester may pick in standalone mode. */
export interface OpenServer {
  name: string;
  fhirServiceUrl: string;
}

export interface AllowList {
  clients: AllowListEntry[];
  standalone: {
    /** Whether the standalone tester flow is offered at all. */
    enabled: boolean;
    openServers: OpenServer[];
    /** Whether a tester may type any open FHIR server URL (widens the CSP connect-src; off for production). */
    allowTypedOpenServer: boolean;
  };
}

export interface ConfigError {
  file: string;
  /** JSON path of the offending field, e.g. "clients[2].clientId". */
  field: string;
  message: string;
}

const ENTRY_KEYS = new Set(['name', 'iss', 'issPrefix', 'clientId', 'scopeVersion', 'redirectUri', 'standalone']);

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/** A URL fit for an issuer or redirect: https, or http on loopback only; no fragment, no credentials. */
export function checkServerUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty URL string';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a valid URL`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    return `"${value}" must use https (http is accepted only for localhost)`;
  }
  if (url.hash) return `"${value}" must not contain a #fragment`;
  if (url.username || url.password) return `"${value}" must not contain credentials`;
  return undefined;
}

/**
 * Why an issuer URL (an `iss`, an allow-list `iss` or `issPrefix`, an open server) is unfit for matching, or
 * undefined. On top of {@link checkServerUrl}: no query, no fragment, no backslash, no whitespace or control
 * character, and no dot segment, plain or percent-encoded.
 *
 * Why: a prefix match on the raw text was escaped by `https://ehr/tenants/../evil` and `%2e%2e` (issue 10 item 6).
 * The WHATWG URL parser, which the browser and fhirclient use, resolves "." and ".." segments and their `%2e`
 * spellings (URL Standard, "single-dot / double-dot URL path segment"), turns `\` into `/` and silently drops tabs
 * and newlines, so `.\t.` is "..". A server may also decode `%2f`, `%5c` or `%25` before routing. None of these
 * appear in a real FHIR base URL, so they are refused outright rather than normalised.
 */
export function checkIssuerUrl(value: unknown): string | undefined {
  const basic = checkServerUrl(value);
  if (basic) return basic;
  const raw = value as string;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(raw)) return `"${raw}" must not contain spaces or control characters`;
  if (raw.includes('\\')) return `"${raw}" must not contain a backslash`;
  const afterAuthority = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  if (afterAuthority.includes('?')) return `"${raw}" must not contain a ?query`;
  if (afterAuthority.includes('#')) return `"${raw}" must not contain a #fragment`;
  if (/%(2f|5c|25)/i.test(afterAuthority)) return `"${raw}" must not contain an encoded "/", "\\" or "%"`;
  const dotSegment = afterAuthority.split('/').some((segment) => {
    const plain = segment.replace(/%2e/gi, '.');
    return plain === '.' || plain === '..';
  });
  if (dotSegment) return `"${raw}" must not contain "." or ".." path segments (plain or as %2e)`;
  return undefined;
}

/**
 * The form issuers are compared in: origin (scheme and host lower-cased, default port dropped, as the URL parser
 * gives it) plus the path, without trailing slashes; undefined for a URL {@link checkIssuerUrl} refuses.
 */
export function canonicalIssuer(value: string): string | undefined {
  if (checkIssuerUrl(value) !== undefined) return undefined;
  const url = new URL(value.trim());
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** A prefix in canonical form (origin plus path, keeping its final "/"); undefined when refused. */
function canonicalPrefix(value: string): string | undefined {
  if (checkIssuerUrl(value) !== undefined || !value.trim().endsWith('/')) return undefined;
  const url = new URL(value.trim());
  return `${url.origin}${url.pathname}`;
}

/**
 * Whether one entry accepts `iss`: the canonical iss equals the entry's exact `iss`, or lies under its `issPrefix`
 * (same origin, and the prefix ends in "/", so `https://ehr.example.org/` never matches
 * `https://ehr.example.org.evil.test/`). Any iss {@link checkIssuerUrl} refuses matches nothing.
 */
export function entryMatchesIss(entry: AllowListEntry, iss: string): boolean {
  const wanted = canonicalIssuer(iss);
  if (wanted === undefined) return false;
  if (entry.iss !== undefined) return canonicalIssuer(entry.iss) === wanted;
  if (entry.issPrefix === undefined) return false;
  const prefix = canonicalPrefix(entry.issPrefix);
  return prefix !== undefined && `${wanted}/`.startsWith(prefix) && new URL(wanted).origin === new URL(prefix).origin;
}

/** Normalises a FHIR base URL for comparison: no trailing slash. */
export function normaliseBaseUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** Parses and validates the allow-list file's JSON. Never returns a partial list: any error fails the whole file. */
export function parseAllowList(json: unknown, file: string): Result<AllowList, ConfigError[]> {
  const errors: ConfigError[] = [];
  const fail = (field: string, message: string) => errors.push({ file, field, message });

  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err([{ file, field: '(root)', message: 'must be a JSON object with a "clients" array' }]);
  }
  const root = json as Record<string, unknown>;
  for (const key of Object.keys(root)) {
    if (key !== 'clients' && key !== 'standalone' && key !== '$comment') fail(key, 'unknown field');
  }
  if (!Array.isArray(root.clients)) {
    fail('clients', 'must be an array of issuer entries');
  }
  const clients: AllowListEntry[] = [];
  const seen = new Map<string, number>();
  (Array.isArray(root.clients) ? root.clients : []).forEach((raw: unknown, i: number) => {
    const at = (f: string) => `clients[${i}].${f}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fail(`clients[${i}]`, 'must be an object');
      return;
    }
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) fail(at(key), 'unknown field');
    if (typeof e.name !== 'string' || !e.name.trim()) fail(at('name'), 'must be a non-empty string');
    if (typeof e.clientId !== 'string' || !e.clientId.trim()) fail(at('clientId'), 'must be a non-empty string');
    if (e.scopeVersion !== 'v1' && e.scopeVersion !== 'v2') fail(at('scopeVersion'), 'must be "v1" or "v2"');
    const hasIss = e.iss !== undefined;
    const hasPrefix = e.issPrefix !== undefined;
    if (hasIss === hasPrefix) fail(at('iss'), 'give exactly one of "iss" (exact FHIR base URL) or "issPrefix"');
    if (hasIss) {
      const problem = checkIssuerUrl(e.iss);
      if (problem) fail(at('iss'), problem);
    }
    if (hasPrefix) {
      const problem = checkIssuerUrl(e.issPrefix);
      if (problem) fail(at('issPrefix'), problem);
      else if (!(e.issPrefix as string).endsWith('/')) fail(at('issPrefix'), 'must end with "/" so it cannot match a look-alike host');
    }
    if (e.redirectUri !== undefined) {
      const problem = checkServerUrl(e.redirectUri);
      if (problem) fail(at('redirectUri'), problem);
    }
    if (e.standalone !== undefined && typeof e.standalone !== 'boolean') fail(at('standalone'), 'must be true or false');
    if (e.standalone === true && !hasIss) fail(at('standalone'), 'a standalone entry needs an exact "iss"');
    const key = hasIss ? (canonicalIssuer(String(e.iss)) ?? String(e.iss)) : (canonicalPrefix(String(e.issPrefix)) ?? String(e.issPrefix));
    const previous = seen.get(key);
    if (previous !== undefined) fail(at(hasIss ? 'iss' : 'issPrefix'), `duplicates clients[${previous}]`);
    seen.set(key, i);
    clients.push({
      name: String(e.name),
      ...(hasIss ? { iss: canonicalIssuer(String(e.iss)) ?? String(e.iss) } : { issPrefix: canonicalPrefix(String(e.issPrefix)) ?? String(e.issPrefix) }),
      clientId: String(e.clientId),
      scopeVersion: e.scopeVersion as ScopeVersion,
      ...(e.redirectUri !== undefined ? { redirectUri: String(e.redirectUri) } : {}),
      ...(e.standalone !== undefined ? { standalone: Boolean(e.standalone) } : {}),
    });
  });

  const standalone: AllowList['standalone'] = { enabled: false, openServers: [], allowTypedOpenServer: false };
  if (root.standalone !== undefined) {
    const s = root.standalone as Record<string, unknown>;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      fail('standalone', 'must be an object');
    } else {
      for (const key of Object.keys(s)) {
        if (!['enabled', 'openServers', 'allowTypedOpenServer'].includes(key)) fail(`standalone.${key}`, 'unknown field');
      }
      if (typeof s.enabled !== 'boolean') fail('standalone.enabled', 'must be true or false');
      else standalone.enabled = s.enabled;
      if (s.allowTypedOpenServer !== undefined) {
        if (typeof s.allowTypedOpenServer !== 'boolean') fail('standalone.allowTypedOpenServer', 'must be true or false');
        else standalone.allowTypedOpenServer = s.allowTypedOpenServer;
      }
      if (s.openServers !== undefined) {
        if (!Array.isArray(s.openServers)) fail('standalone.openServers', 'must be an array');
        else
          s.openServers.forEach((o: unknown, i: number) => {
            const at = `standalone.openServers[${i}]`;
            const server = o as Record<string, unknown> | null;
            if (typeof server !== 'object' || server === null) return fail(at, 'must be an object');
            if (typeof server.name !== 'string' || !server.name.trim()) fail(`${at}.name`, 'must be a non-empty string');
            const problem = checkIssuerUrl(server.fhirServiceUrl);
            if (problem) fail(`${at}.fhirServiceUrl`, problem);
            else standalone.openServers.push({ name: String(server.name), fhirServiceUrl: canonicalIssuer(String(server.fhirServiceUrl)) ?? '' });
          });
      }
    }
  }
  if (errors.length) return err(errors);
  return ok({ clients, standalone });
}

/** The entry that accepts this `iss`, if any. Exact entries win over prefixes. */
export function findIssuer(list: AllowList, iss: string): AllowListEntry | undefined {
  return (
    list.clients.find((c) => c.iss !== undefined && entryMatchesIss(c, iss)) ??
    list.clients.find((c) => c.iss === undefined && entryMatchesIss(c, iss))
  );
}

/** One line per error, e.g. `smart-clients.json: clients[0].clientId must be a non-empty string`. */
export function describeConfigErrors(errors: readonly ConfigError[]): string[] {
  return errors.map((e) => `${e.file}: ${e.field} ${e.message}`);
}
