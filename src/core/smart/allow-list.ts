/**
 * The issuer allow-list: which EHRs (FHIR servers) may launch the app, with the client id registered at each.
 *
 * It lives in one JSON file beside the deployed app (`smart-clients.json`) that an admin edits without rebuilding.
 * Parsing is strict: any malformed field is an error naming the file and the field, and there is no fallback to
 * "allow all" (fhirclient with a single config accepts any iss; see shared/research/smart-on-fhir.md).
 */
import type { ConfigCode, Problem } from '../problem.ts';
import { err, ok, type Result } from '../result.ts';
import type { ScopeVersion } from './scopes.ts';
import { canonicalIssuer, canonicalPrefix, issuerUrlFault, serverUrlFault, type UrlFault } from './issuer-url.ts';
import { launcherAcceptsIss } from './launcher.ts';
import { stripTrailingSlashes } from '../fhir/systems.ts';

export { canonicalIssuer, type UrlFault } from './issuer-url.ts';

/** One registered issuer. */
export interface AllowListEntry {
  /** Human name shown to testers and in error pages, e.g. "Epic sandbox". */
  name: string;
  /** Exact FHIR base URL the `iss` must equal (trailing slash ignored). One of iss / issPrefix / smartLauncher. */
  iss?: string;
  /** Or a prefix every accepted `iss` starts with, ending in "/" (for multi-tenant servers). */
  issPrefix?: string;
  /**
   * Or the base URL of a SMART Health IT launcher (e.g. https://launch.smarthealthit.org): accepts its R4 EHR base
   * and every standalone base `<launcher>/v/r4/sim/<launch options>/fhir` (src/core/smart/launcher.ts).
   */
  smartLauncher?: string;
  clientId: string;
  scopeVersion: ScopeVersion;
  /** Redirect URI registered for this client; defaults to the app's own page. */
  redirectUri?: string;
  /** Offer this server in the standalone picker (it must have an exact `iss` or be a `smartLauncher`). */
  standalone?: boolean;
  /**
   * Whether the app asks to create the MedicationRequest: "on" (default), "off" (read-only: the printable order
   * and FHIR JSON only), or "fallback" (ask; if the EHR refuses the scopes at authorize, ask once more without).
   */
  write?: WriteSetting;
  /** The same for DetectedIssue create (overridden conflicts), set on its own. */
  writeDetectedIssue?: WriteSetting;
  /**
   * How the chart is read: "parallel" (default: one GET per search, at once) or "batch" (the Patient read and
   * every first page in one FHIR batch, one round trip; for servers whose CapabilityStatement declares `batch`,
   * see `npm run check-server`). A batch the server will not take falls back to the parallel reads.
   */
  reads?: ReadSetting;
}

/** Per-issuer read setting (issue 14 item 1). */
export type ReadSetting = 'parallel' | 'batch';
export const READ_SETTINGS: readonly ReadSetting[] = ['parallel', 'batch'];

/** Per-issuer write setting (issue 12 item 2). */
export type WriteSetting = 'on' | 'off' | 'fallback';
export const WRITE_SETTINGS: readonly WriteSetting[] = ['on', 'off', 'fallback'];

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

/**
 * One thing wrong in the allow-list file, as a problem (src/core/problem.ts): the code says what is wrong, the
 * file and the field where, `params` the facts (the URL fault and value, the entry it duplicates). Worded by the
 * surfaces' `describeProblem`, e.g. `smart-clients.json: clients[0].clientId must be a non-empty string`.
 */
export interface ConfigError extends Problem<ConfigCode> {
  severity: 'error';
  file: string;
  /** JSON path of the offending field, e.g. "clients[2].clientId"; also the problem's `target`. */
  field: string;
  target: string;
}

const ENTRY_KEYS = new Set([
  'name',
  'iss',
  'issPrefix',
  'smartLauncher',
  'clientId',
  'scopeVersion',
  'redirectUri',
  'standalone',
  'write',
  'writeDetectedIssue',
  'reads',
]);

/**
 * Whether one entry accepts `iss`: the canonical iss equals the entry's exact `iss`, or lies under its `issPrefix`
 * (same origin, and the prefix ends in "/", so `https://ehr.example.org/` never matches
 * `https://ehr.example.org.evil.test/`). Any iss {@link issuerUrlFault} refuses matches nothing.
 */
export function entryMatchesIss(entry: AllowListEntry, iss: string): boolean {
  const wanted = canonicalIssuer(iss);
  if (wanted === undefined) return false;
  if (entry.iss !== undefined) return canonicalIssuer(entry.iss) === wanted;
  if (entry.smartLauncher !== undefined) return launcherAcceptsIss(entry.smartLauncher, wanted);
  if (entry.issPrefix === undefined) return false;
  const prefix = canonicalPrefix(entry.issPrefix);
  return prefix !== undefined && `${wanted}/`.startsWith(prefix) && new URL(wanted).origin === new URL(prefix).origin;
}

/** Normalises a FHIR base URL for comparison: no trailing slash. */
export function normaliseBaseUrl(url: string): string {
  return stripTrailingSlashes(url.trim());
}

/** Parses and validates the allow-list file's JSON. Never returns a partial list: any error fails the whole file. */
export function parseAllowList(json: unknown, file: string): Result<AllowList, ConfigError[]> {
  const errors: ConfigError[] = [];
  const problem = (field: string, code: ConfigCode, params?: ConfigError['params']): ConfigError => ({
    code,
    severity: 'error',
    file,
    field,
    target: field,
    ...(params ? { params } : {}),
  });
  const fail = (field: string, code: ConfigCode, params?: ConfigError['params']) =>
    errors.push(problem(field, code, params));
  // A URL check's fault, when any, becomes a config/bad-url problem carrying the fault and the value.
  const failUrl = (field: string, value: unknown, fault: UrlFault | undefined): boolean => {
    if (fault) fail(field, 'config/bad-url', { fault, value: String(value) });
    return fault !== undefined;
  };

  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err([problem('(root)', 'config/root-not-object')]);
  }
  const root = json as Record<string, unknown>;
  for (const key of Object.keys(root)) {
    if (key !== 'clients' && key !== 'standalone' && key !== '$comment') fail(key, 'config/unknown-field');
  }
  if (!Array.isArray(root.clients)) {
    fail('clients', 'config/not-array');
  }
  const clients: AllowListEntry[] = [];
  const seen = new Map<string, number>();
  (Array.isArray(root.clients) ? root.clients : []).forEach((raw: unknown, i: number) => {
    const at = (f: string) => `clients[${i}].${f}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fail(`clients[${i}]`, 'config/not-object');
      return;
    }
    const e = raw as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) fail(at(key), 'config/unknown-field');
    if (typeof e.name !== 'string' || !e.name.trim()) fail(at('name'), 'config/empty-string');
    if (typeof e.clientId !== 'string' || !e.clientId.trim()) fail(at('clientId'), 'config/empty-string');
    if (e.scopeVersion !== 'v1' && e.scopeVersion !== 'v2') fail(at('scopeVersion'), 'config/scope-version');
    const hasIss = e.iss !== undefined;
    const hasPrefix = e.issPrefix !== undefined;
    const hasLauncher = e.smartLauncher !== undefined;
    if (Number(hasIss) + Number(hasPrefix) + Number(hasLauncher) !== 1) {
      fail(at('iss'), 'config/one-matcher');
    }
    if (hasLauncher) failUrl(at('smartLauncher'), e.smartLauncher, issuerUrlFault(e.smartLauncher));
    for (const f of ['write', 'writeDetectedIssue'] as const) {
      if (e[f] !== undefined && !WRITE_SETTINGS.includes(e[f] as WriteSetting)) fail(at(f), 'config/write-setting');
    }
    if (e.reads !== undefined && !READ_SETTINGS.includes(e.reads as ReadSetting))
      fail(at('reads'), 'config/read-setting');
    if (hasIss) failUrl(at('iss'), e.iss, issuerUrlFault(e.iss));
    if (hasPrefix && !failUrl(at('issPrefix'), e.issPrefix, issuerUrlFault(e.issPrefix))) {
      // A prefix without its final "/" would match a look-alike host (https://ehr.example.org.evil.test/).
      if (!(e.issPrefix as string).endsWith('/')) fail(at('issPrefix'), 'config/prefix-slash');
    }
    if (e.redirectUri !== undefined) failUrl(at('redirectUri'), e.redirectUri, serverUrlFault(e.redirectUri));
    if (e.standalone !== undefined && typeof e.standalone !== 'boolean') fail(at('standalone'), 'config/not-boolean');
    if (e.standalone === true && hasPrefix) fail(at('standalone'), 'config/standalone-prefix');
    const key = hasIss
      ? (canonicalIssuer(String(e.iss)) ?? String(e.iss))
      : hasLauncher
        ? `launcher:${canonicalIssuer(String(e.smartLauncher)) ?? String(e.smartLauncher)}`
        : (canonicalPrefix(String(e.issPrefix)) ?? String(e.issPrefix));
    const previous = seen.get(key);
    if (previous !== undefined)
      fail(at(hasIss ? 'iss' : hasLauncher ? 'smartLauncher' : 'issPrefix'), 'config/duplicate', { previous });
    seen.set(key, i);
    clients.push({
      name: String(e.name),
      ...(hasIss
        ? { iss: canonicalIssuer(String(e.iss)) ?? String(e.iss) }
        : hasLauncher
          ? { smartLauncher: canonicalIssuer(String(e.smartLauncher)) ?? String(e.smartLauncher) }
          : { issPrefix: canonicalPrefix(String(e.issPrefix)) ?? String(e.issPrefix) }),
      clientId: String(e.clientId),
      scopeVersion: e.scopeVersion as ScopeVersion,
      ...(e.redirectUri !== undefined ? { redirectUri: String(e.redirectUri) } : {}),
      ...(e.standalone !== undefined ? { standalone: Boolean(e.standalone) } : {}),
      ...(e.write !== undefined ? { write: e.write as WriteSetting } : {}),
      ...(e.writeDetectedIssue !== undefined ? { writeDetectedIssue: e.writeDetectedIssue as WriteSetting } : {}),
      ...(e.reads !== undefined ? { reads: e.reads as ReadSetting } : {}),
    });
  });

  const standalone: AllowList['standalone'] = { enabled: false, openServers: [], allowTypedOpenServer: false };
  if (root.standalone !== undefined) {
    const s = root.standalone as Record<string, unknown>;
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      fail('standalone', 'config/not-object');
    } else {
      for (const key of Object.keys(s)) {
        if (!['enabled', 'openServers', 'allowTypedOpenServer'].includes(key))
          fail(`standalone.${key}`, 'config/unknown-field');
      }
      if (typeof s.enabled !== 'boolean') fail('standalone.enabled', 'config/not-boolean');
      else standalone.enabled = s.enabled;
      if (s.allowTypedOpenServer !== undefined) {
        if (typeof s.allowTypedOpenServer !== 'boolean') fail('standalone.allowTypedOpenServer', 'config/not-boolean');
        else standalone.allowTypedOpenServer = s.allowTypedOpenServer;
      }
      if (s.openServers !== undefined) {
        if (!Array.isArray(s.openServers)) fail('standalone.openServers', 'config/not-array');
        else
          s.openServers.forEach((o: unknown, i: number) => {
            const at = `standalone.openServers[${i}]`;
            const server = o as Record<string, unknown> | null;
            if (typeof server !== 'object' || server === null) return fail(at, 'config/not-object');
            if (typeof server.name !== 'string' || !server.name.trim()) fail(`${at}.name`, 'config/empty-string');
            if (!failUrl(`${at}.fhirServiceUrl`, server.fhirServiceUrl, issuerUrlFault(server.fhirServiceUrl)))
              standalone.openServers.push({
                name: String(server.name),
                fhirServiceUrl: canonicalIssuer(String(server.fhirServiceUrl)) ?? '',
              });
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
    list.clients.find((c) => c.smartLauncher !== undefined && entryMatchesIss(c, iss)) ??
    list.clients.find((c) => c.issPrefix !== undefined && entryMatchesIss(c, iss))
  );
}
