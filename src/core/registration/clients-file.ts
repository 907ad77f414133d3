/**
 * Pure edits of the issuer allow-list file (smart-clients.json) for `npm run clients`: the file's JSON in, the new
 * JSON out, validated before and after by the same parser the launch uses (src/core/smart/allow-list.ts), so the
 * command can never write a file the app would refuse. Unknown top-level fields ($comment, standalone) are kept.
 */
import {
  canonicalIssuer,
  normaliseBaseUrl,
  parseAllowList,
  READ_SETTINGS,
  WRITE_SETTINGS,
  type AllowList,
  type AllowListEntry,
  type ConfigError,
  type ReadSetting,
  type WriteSetting,
} from '../smart/allow-list.ts';
import { issuerUrlFault, serverUrlFault } from '../smart/issuer-url.ts';
import { problem, type ClientsCode, type Problem, type ProblemParams } from '../problem.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * Why an edit is refused: the allow-list parser's problems, or a problem with the command's own flags or the
 * entries named; both worded by the CLI's describeProblem (src/entry/cli/strings.ts).
 */
export type ClientsFileError = ConfigError | Problem<ClientsCode>;

const refuse = (code: ClientsCode, params?: ProblemParams): Problem<ClientsCode> => problem(code, 'error', params);

/** The entry key's facts: a launcher entry is keyed "launcher:<base>". */
const entryFacts = (key: string): ProblemParams =>
  key.startsWith('launcher:') ? { entry: key.slice('launcher:'.length), launcher: 1 } : { entry: key };

/** A new, empty allow-list (standalone flow off) for `clients add` on a missing file. */
export function emptyAllowListJson(): Record<string, unknown> {
  return { clients: [], standalone: { enabled: false, openServers: [], allowTypedOpenServer: false } };
}

/** Parses the file text; any JSON or validation error refuses the edit with one line per problem. */
export function readAllowListText(
  text: string,
  file: string,
): Result<{ json: Record<string, unknown>; list: AllowList }, ClientsFileError[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err([refuse('clients/not-json', { file, technical: e instanceof Error ? e.message : String(e) })]);
  }
  const parsed = parseAllowList(json, file);
  if (!parsed.ok) return err(parsed.error);
  return ok({ json: json as Record<string, unknown>, list: parsed.value });
}

/** The fields `clients add` takes. */
export interface NewClient {
  name: string;
  iss?: string;
  issPrefix?: string;
  /** A SMART Health IT launcher's base URL (covers its EHR base and every standalone option set). */
  smartLauncher?: string;
  clientId: string;
  scopeVersion: string;
  redirectUri?: string;
  standalone?: boolean;
  write?: string;
  writeDetectedIssue?: string;
  /** "parallel" or "batch" (the allow-list's `reads`). */
  reads?: string;
}

/** The entry's identity: the canonical exact iss, prefix or launcher base. */
const keyOf = (e: { iss?: string; issPrefix?: string; smartLauncher?: string }) =>
  e.iss !== undefined
    ? (canonicalIssuer(e.iss) ?? normaliseBaseUrl(e.iss))
    : e.issPrefix !== undefined
      ? (canonicalIssuer(e.issPrefix) ?? e.issPrefix) + '/'
      : e.smartLauncher !== undefined
        ? `launcher:${canonicalIssuer(e.smartLauncher) ?? e.smartLauncher}`
        : '';

const keyOfJson = (c: Record<string, unknown>) =>
  keyOf({
    iss: c.iss as string | undefined,
    issPrefix: c.issPrefix as string | undefined,
    smartLauncher: c.smartLauncher as string | undefined,
  });

/** Adds an entry; refuses bad fields, a second entry for the same iss/prefix, and anything the parser refuses. */
export function addClient(
  json: Record<string, unknown>,
  entry: NewClient,
  file: string,
): Result<Record<string, unknown>, ClientsFileError[]> {
  const problems: Problem<ClientsCode>[] = [];
  if (!entry.name.trim()) problems.push(refuse('clients/empty-flag', { flag: '--name' }));
  if (!entry.clientId.trim()) problems.push(refuse('clients/empty-flag', { flag: '--client-id' }));
  if (entry.scopeVersion !== 'v1' && entry.scopeVersion !== 'v2')
    problems.push(refuse('clients/scope-version', { value: entry.scopeVersion }));
  const matchers = [entry.iss, entry.issPrefix, entry.smartLauncher].filter((v) => v !== undefined).length;
  if (matchers !== 1) problems.push(refuse('clients/one-matcher'));
  for (const [flag, value] of [
    ['--write', entry.write],
    ['--write-detected-issue', entry.writeDetectedIssue],
  ] as const) {
    if (value !== undefined && !WRITE_SETTINGS.includes(value as WriteSetting))
      problems.push(refuse('clients/write-setting', { flag, value }));
  }
  if (entry.reads !== undefined && !READ_SETTINGS.includes(entry.reads as ReadSetting))
    problems.push(refuse('clients/reads-setting', { value: entry.reads }));
  for (const [flag, value] of [
    ['--iss', entry.iss],
    ['--iss-prefix', entry.issPrefix],
    ['--smart-launcher', entry.smartLauncher],
    ['--redirect-uri', entry.redirectUri],
  ] as const) {
    if (value === undefined) continue;
    // Issuers and prefixes: no query, fragment or dot segment (a prefix must not be escapable, issue 10 item 6).
    const fault = flag === '--redirect-uri' ? serverUrlFault(value) : issuerUrlFault(value);
    if (fault) problems.push(refuse('clients/bad-url', { flag, fault, value }));
  }
  if (entry.issPrefix !== undefined && !entry.issPrefix.endsWith('/')) problems.push(refuse('clients/prefix-slash'));
  if (entry.standalone && entry.issPrefix !== undefined) problems.push(refuse('clients/standalone-prefix'));
  if (problems.length) return err(problems);

  const clients = Array.isArray(json.clients) ? (json.clients as Array<Record<string, unknown>>) : [];
  const wanted = keyOf(entry);
  const existing = clients.find((c) => keyOfJson(c) === wanted);
  if (existing) return err([refuse('clients/duplicate', { file, ...entryFacts(wanted), name: String(existing.name) })]);

  const added: AllowListEntry = {
    name: entry.name.trim(),
    ...(entry.iss !== undefined
      ? { iss: canonicalIssuer(entry.iss) ?? normaliseBaseUrl(entry.iss) }
      : entry.smartLauncher !== undefined
        ? { smartLauncher: canonicalIssuer(entry.smartLauncher) ?? '' }
        : { issPrefix: `${canonicalIssuer(entry.issPrefix ?? '') ?? ''}/` }),
    clientId: entry.clientId.trim(),
    scopeVersion: entry.scopeVersion as AllowListEntry['scopeVersion'],
    ...(entry.redirectUri !== undefined ? { redirectUri: entry.redirectUri.trim() } : {}),
    ...(entry.standalone ? { standalone: true } : {}),
    ...(entry.write !== undefined ? { write: entry.write as WriteSetting } : {}),
    ...(entry.writeDetectedIssue !== undefined ? { writeDetectedIssue: entry.writeDetectedIssue as WriteSetting } : {}),
    ...(entry.reads !== undefined ? { reads: entry.reads as ReadSetting } : {}),
  };
  const next = { ...json, clients: [...clients, added] };
  const check = parseAllowList(next, file);
  return check.ok ? ok(next) : err(check.error);
}

/** Removes the entry for an exact iss (or an issPrefix); refuses when there is none. */
export function removeClient(
  json: Record<string, unknown>,
  issOrPrefix: string,
  file: string,
): Result<Record<string, unknown>, ClientsFileError[]> {
  const clients = Array.isArray(json.clients) ? (json.clients as Array<Record<string, unknown>>) : [];
  const entryKey = keyOfJson;
  const asPrefix = keyOf({ issPrefix: issOrPrefix });
  const asLauncher = keyOf({ smartLauncher: issOrPrefix });
  const wanted = clients.some((c) => c.smartLauncher !== undefined && entryKey(c) === asLauncher)
    ? asLauncher
    : issOrPrefix.endsWith('/') && clients.some((c) => c.issPrefix !== undefined && entryKey(c) === asPrefix)
      ? asPrefix
      : keyOf({ iss: issOrPrefix });
  const kept = clients.filter((c) => entryKey(c) !== wanted);
  if (kept.length === clients.length) return err([refuse('clients/no-entry', { file, ...entryFacts(wanted) })]);
  const next = { ...json, clients: kept };
  const check = parseAllowList(next, file);
  return check.ok ? ok(next) : err(check.error);
}

/** Human-readable listing of a valid allow-list. */
export function formatAllowList(list: AllowList, file: string): string[] {
  const lines = [`${file}: ${list.clients.length} issuer(s)`];
  for (const c of list.clients) {
    const match =
      c.iss !== undefined
        ? `iss ${c.iss}`
        : c.smartLauncher !== undefined
          ? `SMART launcher ${c.smartLauncher} (its R4 bases, any launch options)`
          : `iss prefix ${c.issPrefix ?? ''}`;
    const extra = [
      c.redirectUri ? `redirect ${c.redirectUri}` : '',
      c.standalone ? 'standalone' : '',
      c.write && c.write !== 'on' ? `order write ${c.write}` : '',
      c.writeDetectedIssue && c.writeDetectedIssue !== 'on' ? `DetectedIssue write ${c.writeDetectedIssue}` : '',
      c.reads === 'batch' ? 'chart read in one batch' : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${c.name}: ${match}, client id ${c.clientId}, scopes ${c.scopeVersion}${extra ? `, ${extra}` : ''}`);
  }
  const s = list.standalone;
  lines.push(
    `Standalone tester flow: ${s.enabled ? 'on' : 'off'}${s.allowTypedOpenServer ? ', typed open server URLs allowed' : ''}`,
  );
  for (const o of s.openServers) lines.push(`  open server ${o.name}: ${o.fhirServiceUrl}`);
  return lines;
}
