/**
 * Pure edits of the issuer allow-list file (smart-clients.json) for `npm run clients`: the file's JSON in, the new
 * JSON out, validated before and after by the same parser the launch uses (src/core/smart/allow-list.ts), so the
 * command can never write a file the app would refuse. Unknown top-level fields ($comment, standalone) are kept.
 */
import {
  canonicalIssuer,
  checkIssuerUrl,
  checkServerUrl,
  describeConfigErrors,
  normaliseBaseUrl,
  parseAllowList,
  type AllowList,
  type AllowListEntry,
} from '../smart/allow-list.ts';
import { err, ok, type Result } from '../result.ts';

/** A new, empty allow-list (standalone flow off) for `clients add` on a missing file. */
export function emptyAllowListJson(): Record<string, unknown> {
  return { clients: [], standalone: { enabled: false, openServers: [], allowTypedOpenServer: false } };
}

/** Parses the file text; any JSON or validation error refuses the edit with one line per problem. */
export function readAllowListText(text: string, file: string): Result<{ json: Record<string, unknown>; list: AllowList }, string[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err([`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`]);
  }
  const parsed = parseAllowList(json, file);
  if (!parsed.ok) return err(describeConfigErrors(parsed.error));
  return ok({ json: json as Record<string, unknown>, list: parsed.value });
}

/** The fields `clients add` takes. */
export interface NewClient {
  name: string;
  iss?: string;
  issPrefix?: string;
  clientId: string;
  scopeVersion: string;
  redirectUri?: string;
  standalone?: boolean;
}

/** The entry's identity: the canonical exact iss, or the prefix as written (canonical once parsed). */
const keyOf = (e: { iss?: string; issPrefix?: string }) =>
  e.iss !== undefined ? (canonicalIssuer(e.iss) ?? normaliseBaseUrl(e.iss)) : e.issPrefix !== undefined ? (canonicalIssuer(e.issPrefix) ?? e.issPrefix) + '/' : '';

/** Adds an entry; refuses bad fields, a second entry for the same iss/prefix, and anything the parser refuses. */
export function addClient(json: Record<string, unknown>, entry: NewClient, file: string): Result<Record<string, unknown>, string[]> {
  const problems: string[] = [];
  if (!entry.name.trim()) problems.push('--name must not be empty');
  if (!entry.clientId.trim()) problems.push('--client-id must not be empty');
  if (entry.scopeVersion !== 'v1' && entry.scopeVersion !== 'v2') problems.push(`--scope-version must be v1 or v2, not "${entry.scopeVersion}"`);
  if ((entry.iss === undefined) === (entry.issPrefix === undefined)) problems.push('give exactly one of --iss or --iss-prefix');
  for (const [flag, value] of [['--iss', entry.iss], ['--iss-prefix', entry.issPrefix], ['--redirect-uri', entry.redirectUri]] as const) {
    if (value === undefined) continue;
    // Issuers and prefixes: no query, fragment or dot segment (a prefix must not be escapable, issue 10 item 6).
    const problem = flag === '--redirect-uri' ? checkServerUrl(value) : checkIssuerUrl(value);
    if (problem) problems.push(`${flag} ${problem}`);
  }
  if (entry.issPrefix !== undefined && !entry.issPrefix.endsWith('/')) problems.push('--iss-prefix must end with "/" so it cannot match a look-alike host');
  if (entry.standalone && entry.iss === undefined) problems.push('--standalone needs an exact --iss');
  if (problems.length) return err(problems);

  const clients = Array.isArray(json.clients) ? (json.clients as Array<Record<string, unknown>>) : [];
  const wanted = keyOf(entry);
  const existing = clients.find((c) => keyOf({ iss: c.iss as string | undefined, issPrefix: c.issPrefix as string | undefined }) === wanted);
  if (existing) return err([`${file} already has an entry for ${wanted} ("${String(existing.name)}"); remove it first`]);

  const added: AllowListEntry = {
    name: entry.name.trim(),
    ...(entry.iss !== undefined ? { iss: canonicalIssuer(entry.iss) ?? normaliseBaseUrl(entry.iss) } : { issPrefix: `${canonicalIssuer(entry.issPrefix ?? '') ?? ''}/` }),
    clientId: entry.clientId.trim(),
    scopeVersion: entry.scopeVersion as AllowListEntry['scopeVersion'],
    ...(entry.redirectUri !== undefined ? { redirectUri: entry.redirectUri.trim() } : {}),
    ...(entry.standalone ? { standalone: true } : {}),
  };
  const next = { ...json, clients: [...clients, added] };
  const check = parseAllowList(next, file);
  return check.ok ? ok(next) : err(describeConfigErrors(check.error));
}

/** Removes the entry for an exact iss (or an issPrefix); refuses when there is none. */
export function removeClient(json: Record<string, unknown>, issOrPrefix: string, file: string): Result<Record<string, unknown>, string[]> {
  const clients = Array.isArray(json.clients) ? (json.clients as Array<Record<string, unknown>>) : [];
  const entryKey = (c: Record<string, unknown>) => keyOf({ iss: c.iss as string | undefined, issPrefix: c.issPrefix as string | undefined });
  const asPrefix = keyOf({ issPrefix: issOrPrefix });
  const wanted = issOrPrefix.endsWith('/') && clients.some((c) => c.issPrefix !== undefined && entryKey(c) === asPrefix) ? asPrefix : keyOf({ iss: issOrPrefix });
  const kept = clients.filter((c) => entryKey(c) !== wanted);
  if (kept.length === clients.length) return err([`${file} has no entry for ${wanted}`]);
  const next = { ...json, clients: kept };
  const check = parseAllowList(next, file);
  return check.ok ? ok(next) : err(describeConfigErrors(check.error));
}

/** Human-readable listing of a valid allow-list. */
export function formatAllowList(list: AllowList, file: string): string[] {
  const lines = [`${file}: ${list.clients.length} issuer(s)`];
  for (const c of list.clients) {
    const match = c.iss !== undefined ? `iss ${c.iss}` : `iss prefix ${c.issPrefix ?? ''}`;
    const extra = [c.redirectUri ? `redirect ${c.redirectUri}` : '', c.standalone ? 'standalone' : ''].filter(Boolean).join(', ');
    lines.push(`  ${c.name}: ${match}, client id ${c.clientId}, scopes ${c.scopeVersion}${extra ? `, ${extra}` : ''}`);
  }
  const s = list.standalone;
  lines.push(`Standalone tester flow: ${s.enabled ? 'on' : 'off'}${s.allowTypedOpenServer ? ', typed open server URLs allowed' : ''}`);
  for (const o of s.openServers) lines.push(`  open server ${o.name}: ${o.fhirServiceUrl}`);
  return lines;
}
