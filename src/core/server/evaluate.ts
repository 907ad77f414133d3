/**
 * Evaluates what a FHIR server offers against what the app needs, purely from the documents the edge fetched.
 * It decides only (each item's status and fact, the verdict); strings.ts words them. Sources: SMART App Launch 2.2
 * (discovery fields, capabilities, PKCE S256 only), FHIR R4 CapabilityStatement (interaction codes, searchParam,
 * searchInclude, conditionalCreate, format), shared/research/smart-on-fhir.md (Oracle Health accepts only
 * reported MedicationRequests), src/edge/order-writer.ts (without DetectedIssue create the order is still written
 * and overridden conflicts go into its note).
 */
import {
  bundleLinks,
  readCapabilityStatement,
  readSmartConfiguration,
  type DeclaredServer,
  type DeclaredSmart,
} from './capability.ts';
import type { Finding, ItemFact, ItemId, Lacking, NoteFact, VerdictFact } from './facts.ts';
import { CREATE_NEEDS, RESOURCE_NEEDS, type ResourceNeed } from './needs.ts';
import { itemLabel, noteText, reasonText, verdictText } from './strings.ts';
import type { CheckItem, ServerProbe, ServerReport, ServerVerdict } from './types.ts';
import { identifierSearchVerdict, PROBE_IDENTIFIER } from './identifier-search.ts';

const found = (id: ItemId, status: Finding['status'], fact: ItemFact): Finding => ({ id, status, fact });
const declared = (id: ItemId, ok: boolean, missing: ItemFact): Finding =>
  ok ? found(id, 'ok', { kind: 'declared' }) : found(id, 'missing', missing);

function smartItems(probe: ServerProbe, smart: DeclaredSmart | undefined): Finding[] {
  const f = probe.smartConfiguration;
  if (!smart) {
    const is404 = f.kind === 'error' && f.status === 404;
    const fact: ItemFact = is404
      ? { kind: 'smart-404' }
      : f.kind === 'error'
        ? { kind: 'smart-unreadable', failure: f.failure }
        : { kind: 'smart-not-smart' };
    const none: ItemFact = { kind: 'no-smart' };
    return [
      found('smart-discovery', is404 ? 'missing' : 'fails', fact),
      found('launch-ehr', 'missing', none),
      found('launch-standalone', 'missing', none),
      found('pkce-s256', 'missing', none),
      found('scope-versions', 'missing', none),
    ];
  }
  const caps = smart.capabilities;
  const launch = (cap: 'launch-ehr' | 'launch-standalone') =>
    caps.has(cap)
      ? found(cap, 'ok', { kind: 'capability-declared' })
      : found(cap, 'missing', { kind: 'capability-absent', capability: cap });
  const methods = smart.codeChallengeMethods;
  const pkce =
    methods === undefined
      ? found('pkce-s256', 'missing', { kind: 'pkce-undeclared' })
      : methods.includes('plain')
        ? found('pkce-s256', 'fails', { kind: 'pkce-plain', methods })
        : !methods.includes('S256')
          ? found('pkce-s256', 'fails', { kind: 'pkce-no-s256', methods })
          : found('pkce-s256', 'ok', { kind: 'pkce-s256' });
  const versions = ['permission-v1', 'permission-v2'].filter((c) => caps.has(c));
  return [
    found('smart-discovery', 'ok', {
      kind: 'smart-declared',
      authorizationEndpoint: smart.hasAuthorizationEndpoint,
      ...(smart.tokenEndpoint === undefined ? {} : { tokenEndpoint: smart.tokenEndpoint }),
    }),
    launch('launch-ehr'),
    launch('launch-standalone'),
    pkce,
    versions.length
      ? found('scope-versions', 'ok', { kind: 'scope-versions', versions })
      : found('scope-versions', 'missing', { kind: 'scope-versions-none' }),
  ];
}

function resourceItem(need: ResourceNeed, server: DeclaredServer): Finding {
  const id = `resource-${need.type}` as const;
  const r = server.resources.get(need.type);
  if (!r) return found(id, 'missing', { kind: 'resource-absent', type: need.type });
  const lacking: Lacking[] = [];
  if (need.read && !r.interactions.has('read')) lacking.push({ what: 'read' });
  if (need.search && !r.interactions.has('search-type')) lacking.push({ what: 'search' });
  for (const p of need.searchParams)
    if (!r.searchParams.has(p) && !server.commonSearchParams.has(p)) lacking.push({ what: 'parameter', name: p });
  return lacking.length
    ? found(id, 'fails', { kind: 'resource-lacking', type: need.type, lacking })
    : found(id, 'ok', { kind: 'declared' });
}

function includeItem(server: DeclaredServer): Finding {
  const r = server.resources.get('MedicationRequest');
  const has = r && (r.searchIncludes.has('MedicationRequest:medication') || r.searchIncludes.has('*'));
  return has
    ? found('include', 'ok', { kind: 'include-declared' })
    : found('include', 'missing', { kind: 'include-absent' });
}

function pagingItem(server: DeclaredServer, probe: ServerProbe): Finding {
  const declaredCount =
    server.commonSearchParams.has('_count') || [...server.resources.values()].some((r) => r.searchParams.has('_count'));
  if (declaredCount) return found('paging', 'ok', { kind: 'count-declared' });
  if (probe.openRead.kind === 'json' && bundleLinks(probe.openRead.json).next)
    return found('paging', 'ok', { kind: 'next-link' });
  return found('paging', 'missing', { kind: 'count-undeclared' });
}

function createItems(server: DeclaredServer): Finding[] {
  const items = CREATE_NEEDS.map((type) =>
    server.resources.get(type)?.interactions.has('create')
      ? found(`create-${type}`, 'ok', { kind: 'create-declared', type })
      : found(`create-${type}`, 'missing', { kind: 'create-undeclared', type }),
  );
  const conditional = CREATE_NEEDS.some((type) => server.resources.get(type)?.conditionalCreate === true);
  items.push(declared('conditional-create', conditional, { kind: 'conditional-create-undeclared' }));
  return items;
}

function formatItem(server: DeclaredServer): Finding {
  const { formats } = server;
  if (formats.length === 0) return found('formats', 'missing', { kind: 'formats-none' });
  return formats.some((f) => /json/i.test(f))
    ? found('formats', 'ok', { kind: 'formats-json', formats })
    : found('formats', 'fails', { kind: 'formats-no-json', formats });
}

/**
 * Issue 10 item 4: a search for an identifier that cannot exist must come back empty. Checked without a token,
 * so only open servers answer; elsewhere the order writer still checks each found order's identifier itself.
 */
function identifierItem(probe: ServerProbe, openRead: boolean): Finding {
  const id = 'identifier-search';
  const f = probe.identifierSearch;
  if (!f || !openRead) return found(id, 'missing', { kind: 'identifier-needs-authorization' });
  if (f.kind === 'error') return found(id, 'missing', { kind: 'identifier-probe-failed', failure: f.failure });
  const v = identifierSearchVerdict(f.json, 'MedicationRequest', PROBE_IDENTIFIER);
  if (v.kind === 'unknown') return found(id, 'missing', { kind: 'identifier-not-searchset' });
  return v.kind === 'ignored'
    ? found(id, 'fails', { kind: 'identifier-ignored', strangers: v.strangers })
    : found(id, 'ok', { kind: 'identifier-filters' });
}

/**
 * Issue 14 item 1: whether the chart's first reads may go in one FHIR batch. Declared in the CapabilityStatement
 * (rest.interaction "batch"), and on an open server tried with a batch of one search.
 */
function batchItem(server: DeclaredServer, probe: ServerProbe, openRead: boolean): Finding {
  const tried = openRead ? probe.batchProbe : undefined;
  const answered =
    tried?.kind === 'json' &&
    typeof tried.json === 'object' &&
    tried.json !== null &&
    (tried.json as { type?: unknown }).type === 'batch-response';
  if (tried && !answered)
    return found('batch', 'missing', {
      kind: 'batch-refused',
      ...(tried.kind === 'error' ? { failure: tried.failure } : {}),
    });
  if (server.systemInteractions.has('batch') || answered)
    return found('batch', 'ok', { kind: 'batch-possible', answered });
  return found('batch', 'missing', { kind: 'batch-undeclared' });
}

/** Oracle Health documents POST MedicationRequest only as reportedBoolean true (smart-on-fhir.md, "Writing"). */
function reportedOnly(server: DeclaredServer): boolean {
  const doc = server.resources.get('MedicationRequest')?.documentation ?? '';
  return /cerner|oracle/i.test(server.software) || /reported/i.test(doc);
}

/** Words the findings: the report the CLI and the picker print. */
function render(
  base: Pick<ServerReport, 'baseUrl' | 'smart' | 'openRead'>,
  findings: Finding[],
  verdict: { verdict: ServerVerdict; fact: VerdictFact },
  notes: NoteFact[],
): ServerReport {
  const items: CheckItem[] = findings.map((f) => ({
    id: f.id,
    label: itemLabel(f.id),
    status: f.status,
    reason: reasonText(f.fact),
  }));
  return {
    ...base,
    items,
    verdict: verdict.verdict,
    verdictReason: verdictText(verdict.fact),
    notes: notes.map(noteText),
  };
}

/** Turns the fetched documents into check items and a verdict. */
export function evaluateServer(probe: ServerProbe): ServerReport {
  const smart =
    probe.smartConfiguration.kind === 'json' ? readSmartConfiguration(probe.smartConfiguration.json) : undefined;
  const openRead = probe.openRead.kind === 'json' && bundleLinks(probe.openRead.json).searchset;
  const openItem = openRead
    ? found('open-read', 'ok', { kind: 'open-read' })
    : found(
        'open-read',
        'missing',
        probe.openRead.kind === 'error'
          ? { kind: 'open-read-refused', failure: probe.openRead.failure }
          : { kind: 'open-read-not-searchset' },
      );
  const base = { baseUrl: probe.baseUrl, smart: smart !== undefined, openRead };
  const server = probe.metadata.kind === 'json' ? readCapabilityStatement(probe.metadata.json) : undefined;
  if (!server) {
    const fact: ItemFact =
      probe.metadata.kind === 'error'
        ? { kind: 'metadata-unreadable', failure: probe.metadata.failure }
        : { kind: 'metadata-not-capability-statement' };
    const items = [found('metadata', 'fails', fact), ...smartItems(probe, smart), openItem];
    return render(base, items, { verdict: 'not usable', fact: { kind: 'metadata', fact } }, []);
  }
  const version = server.fhirVersion;
  const versionItem = version?.startsWith('4.0.')
    ? found('fhir-version', 'ok', { kind: 'fhir-version', version })
    : found(
        'fhir-version',
        'fails',
        version ? { kind: 'fhir-version-not-r4', version } : { kind: 'fhir-version-absent' },
      );
  const formats = formatItem(server);
  const resources = RESOURCE_NEEDS.map((n) => resourceItem(n, server));
  const creates = createItems(server);
  const identifier = identifierItem(probe, openRead);
  const items = [
    found('metadata', 'ok', { kind: 'metadata-read', software: server.software }),
    versionItem,
    formats,
    ...smartItems(probe, smart),
    openItem,
    ...resources,
    includeItem(server),
    pagingItem(server, probe),
    ...creates,
    identifier,
    batchItem(server, probe, openRead),
  ];
  const notes: NoteFact[] = RESOURCE_NEEDS.filter((n, i) => !n.essential && resources[i]?.status !== 'ok').map((n) => ({
    kind: 'search-incomplete',
    type: n.type,
  }));
  if (identifier.status === 'fails') notes.push({ kind: 'identifier-ignored' });
  const [orderCreate, issueCreate] = creates;
  // Without DetectedIssue create the order writer still writes the order and folds overrides into its note.
  if (orderCreate?.status === 'ok' && issueCreate?.status !== 'ok') notes.push({ kind: 'overrides-in-note' });
  const verdict = decide({ versionItem, formats, smart, openRead, resources, creates, server });
  return render(base, items, verdict, notes);
}

function decide(x: {
  versionItem: Finding;
  formats: Finding;
  smart: DeclaredSmart | undefined;
  openRead: boolean;
  resources: Finding[];
  creates: Finding[];
  server: DeclaredServer;
}): { verdict: ServerVerdict; fact: VerdictFact } {
  const no = (fact: VerdictFact) => ({ verdict: 'not usable' as const, fact });
  if (x.versionItem.status !== 'ok') return no({ kind: 'not-r4', fact: x.versionItem.fact });
  if (x.formats.status === 'fails') return no({ kind: 'not-json', fact: x.formats.fact });
  const smartLaunch =
    x.smart !== undefined && (x.smart.capabilities.has('launch-ehr') || x.smart.capabilities.has('launch-standalone'));
  if (!smartLaunch && !x.openRead) return no({ kind: 'no-access' });
  const essentialGaps = RESOURCE_NEEDS.filter((n, i) => n.essential && x.resources[i]?.status !== 'ok').map(
    (n) => n.type,
  );
  if (essentialGaps.length) return no({ kind: 'chart-unreadable', types: essentialGaps });
  const [orderCreate, issueCreate] = x.creates;
  if (orderCreate?.status !== 'ok') return { verdict: 'read-only', fact: { kind: 'no-order-create' } };
  if (reportedOnly(x.server)) return { verdict: 'reported-only order', fact: { kind: 'reported-only' } };
  // Not "read-only": the order writer writes the order anyway and records the overrides in its note
  // (src/edge/order-writer.ts, foldOverrides); Epic, for one, does not offer DetectedIssue create.
  return issueCreate?.status === 'ok'
    ? { verdict: 'full', fact: { kind: 'full' } }
    : { verdict: 'full', fact: { kind: 'full-overrides-in-note' } };
}
