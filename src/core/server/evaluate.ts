/**
 * Evaluates what a FHIR server offers against what the app needs, purely from the documents the edge fetched.
 * Sources: SMART App Launch 2.2 (discovery fields, capabilities, PKCE S256 only), FHIR R4 CapabilityStatement
 * (interaction codes, searchParam, searchInclude, conditionalCreate, format), shared/research/smart-on-fhir.md
 * (Oracle Health accepts only reported MedicationRequests).
 */
import {
  bundleLinks,
  readCapabilityStatement,
  readSmartConfiguration,
  type DeclaredServer,
  type DeclaredSmart,
} from './capability.ts';
import { CREATE_NEEDS, RESOURCE_NEEDS, type ResourceNeed } from './needs.ts';
import type { CheckItem, Fetched, ServerProbe, ServerReport, ServerVerdict } from './types.ts';
import { identifierSearchVerdict, PROBE_IDENTIFIER } from './identifier-search.ts';

const item = (id: string, label: string, status: CheckItem['status'], reason: string): CheckItem => ({
  id,
  label,
  status,
  reason,
});

function fetchProblem(f: Fetched, what: string): string {
  return f.kind === 'error' ? `${what}: ${f.problem}` : `${what}: unreadable`;
}

function smartItems(probe: ServerProbe, smart: DeclaredSmart | undefined): CheckItem[] {
  const f = probe.smartConfiguration;
  if (!smart) {
    const reason =
      f.kind === 'error'
        ? f.status === 404
          ? 'no .well-known/smart-configuration (404): not a SMART server, or an open one'
          : `.well-known/smart-configuration could not be read: ${f.problem}`
        : '.well-known/smart-configuration is not a SMART configuration (no token_endpoint)';
    const status = f.kind === 'error' && f.status === 404 ? 'missing' : 'fails';
    const none = 'no SMART discovery';
    return [
      item('smart-discovery', 'SMART discovery (.well-known/smart-configuration)', status, reason),
      item('launch-ehr', 'SMART EHR launch (launch-ehr)', 'missing', none),
      item('launch-standalone', 'SMART standalone launch (launch-standalone)', 'missing', none),
      item('pkce-s256', 'PKCE S256', 'missing', none),
      item('scope-versions', 'SMART scope versions', 'missing', none),
    ];
  }
  const caps = smart.capabilities;
  const launch = (cap: string, label: string) =>
    item(
      cap,
      `SMART ${label} (${cap})`,
      caps.has(cap) ? 'ok' : 'missing',
      caps.has(cap) ? 'declared in capabilities' : `capabilities do not list ${cap}`,
    );
  const methods = smart.codeChallengeMethods;
  let pkce: CheckItem;
  if (methods === undefined) {
    pkce = item(
      'pkce-s256',
      'PKCE S256',
      'missing',
      'code_challenge_methods_supported absent: S256 support not declared',
    );
  } else if (methods.includes('plain')) {
    pkce = item('pkce-s256', 'PKCE S256', 'fails', `offers "plain" (${methods.join(', ')}); SMART 2 servers must not`);
  } else if (!methods.includes('S256')) {
    pkce = item('pkce-s256', 'PKCE S256', 'fails', `only ${methods.join(', ') || 'no methods'}; the app uses S256`);
  } else {
    pkce = item('pkce-s256', 'PKCE S256', 'ok', 'S256 declared, plain not offered');
  }
  const versions = ['permission-v1', 'permission-v2'].filter((c) => caps.has(c));
  const scopes = versions.length
    ? item(
        'scope-versions',
        'SMART scope versions',
        'ok',
        `declares ${versions.map((v) => v.replace('permission-', '')).join(' and ')}`,
      )
    : item(
        'scope-versions',
        'SMART scope versions',
        'missing',
        'neither permission-v1 nor permission-v2 declared: register v1 scopes to be safe',
      );
  return [
    item(
      'smart-discovery',
      'SMART discovery (.well-known/smart-configuration)',
      'ok',
      `${smart.hasAuthorizationEndpoint ? 'authorization and token endpoints' : 'token endpoint (no authorization endpoint)'} declared; token endpoint ${smart.tokenEndpoint ?? '?'}`,
    ),
    launch('launch-ehr', 'EHR launch'),
    launch('launch-standalone', 'standalone launch'),
    pkce,
    scopes,
  ];
}

function resourceItem(need: ResourceNeed, server: DeclaredServer): CheckItem {
  const label = `${need.type}: ${[need.read ? 'read' : '', need.search ? `search ${need.searchParams.join(', ')}` : ''].filter(Boolean).join('; ')}`;
  const id = `resource-${need.type}`;
  const r = server.resources.get(need.type);
  if (!r) return item(id, label, 'missing', `${need.type} not in the CapabilityStatement (${need.why})`);
  const lacking: string[] = [];
  if (need.read && !r.interactions.has('read')) lacking.push('read');
  if (need.search && !r.interactions.has('search-type')) lacking.push('search');
  for (const p of need.searchParams)
    if (!r.searchParams.has(p) && !server.commonSearchParams.has(p)) lacking.push(`parameter ${p}`);
  return lacking.length
    ? item(id, label, 'fails', `${need.type} listed without ${lacking.join(', ')}`)
    : item(id, label, 'ok', 'declared');
}

function includeItem(server: DeclaredServer): CheckItem {
  const r = server.resources.get('MedicationRequest');
  const wanted = 'MedicationRequest:medication';
  const has = r && (r.searchIncludes.has(wanted) || r.searchIncludes.has('*'));
  return has
    ? item('include', `_include ${wanted}`, 'ok', 'declared in searchInclude')
    : item('include', `_include ${wanted}`, 'missing', 'not declared: referenced Medications are read one by one');
}

function pagingItem(server: DeclaredServer, probe: ServerProbe): CheckItem {
  const declared =
    server.commonSearchParams.has('_count') || [...server.resources.values()].some((r) => r.searchParams.has('_count'));
  if (declared) return item('paging', 'paging (_count)', 'ok', '_count declared');
  if (probe.openRead.kind === 'json' && bundleLinks(probe.openRead.json).next)
    return item('paging', 'paging (_count)', 'ok', 'a search returned a next link');
  return item(
    'paging',
    'paging (_count)',
    'missing',
    '_count not declared (many servers accept it undeclared); the app follows next links either way',
  );
}

function createItems(server: DeclaredServer): CheckItem[] {
  const items = CREATE_NEEDS.map(({ type, why }) => {
    const r = server.resources.get(type);
    const ok = r?.interactions.has('create') ?? false;
    return item(
      `create-${type}`,
      `create ${type}`,
      ok ? 'ok' : 'missing',
      ok ? `declared (${why})` : `create not declared: ${why} cannot be written`,
    );
  });
  const conditional = CREATE_NEEDS.some(({ type }) => server.resources.get(type)?.conditionalCreate === true);
  items.push(
    conditional
      ? item('conditional-create', 'conditional create (If-None-Exist)', 'ok', 'declared')
      : item(
          'conditional-create',
          'conditional create (If-None-Exist)',
          'missing',
          'not declared: a retried write could duplicate the order',
        ),
  );
  return items;
}

function formatItem(server: DeclaredServer): CheckItem {
  const json = server.formats.filter((f) => /json/i.test(f));
  if (server.formats.length === 0)
    return item('formats', 'format application/fhir+json', 'missing', 'no format declared');
  return json.length
    ? item('formats', 'format application/fhir+json', 'ok', `accepts ${server.formats.join(', ')}`)
    : item('formats', 'format application/fhir+json', 'fails', `only ${server.formats.join(', ')}`);
}

const IDENTIFIER_LABEL = 'identifier search filters (MedicationRequest?identifier=)';

/**
 * Issue 10 item 4: a search for an identifier that cannot exist must come back empty. Checked without a token,
 * so only open servers answer; elsewhere the order writer still checks each found order's identifier itself.
 */
function identifierItem(probe: ServerProbe, openRead: boolean): CheckItem {
  const f = probe.identifierSearch;
  if (!f || !openRead)
    return item(
      'identifier-search',
      IDENTIFIER_LABEL,
      'missing',
      'not checked: the server needs authorization for searches (the order writer checks each found order itself)',
    );
  if (f.kind === 'error')
    return item('identifier-search', IDENTIFIER_LABEL, 'missing', `not checked: the probe search ${f.problem}`);
  const v = identifierSearchVerdict(f.json, 'MedicationRequest', PROBE_IDENTIFIER);
  if (v.kind === 'unknown')
    return item(
      'identifier-search',
      IDENTIFIER_LABEL,
      'missing',
      'not checked: the probe search did not answer a search Bundle',
    );
  if (v.kind === 'ignored') {
    return item(
      'identifier-search',
      IDENTIFIER_LABEL,
      'fails',
      `identifier search not supported (ignored): a search for an identifier that cannot exist returned ${v.strangers === 1 ? '1 order' : `${v.strangers} orders`}`,
    );
  }
  return item(
    'identifier-search',
    IDENTIFIER_LABEL,
    'ok',
    'a search for an identifier that cannot exist returned nothing',
  );
}

const BATCH_LABEL = 'chart read in one batch (allow-list "reads": "batch")';

/**
 * Issue 14 item 1: whether the chart's first reads may go in one FHIR batch. Declared in the CapabilityStatement
 * (rest.interaction "batch"), and on an open server tried with a batch of one search.
 */
function batchItem(server: DeclaredServer, probe: ServerProbe, openRead: boolean): CheckItem {
  const declared = server.systemInteractions.has('batch');
  const tried = openRead ? probe.batchProbe : undefined;
  const answered =
    tried?.kind === 'json' &&
    typeof tried.json === 'object' &&
    tried.json !== null &&
    (tried.json as { type?: unknown }).type === 'batch-response';
  if (tried && !answered)
    return item(
      'batch',
      BATCH_LABEL,
      'missing',
      `a batch of one search was not answered with a batch-response${tried.kind === 'error' ? ` (${tried.problem})` : ''}: keep the default "reads": "parallel"`,
    );
  if (declared || answered)
    return item(
      'batch',
      BATCH_LABEL,
      'ok',
      `${answered ? 'a batch of one search was answered' : 'batch declared'}: "reads": "batch" in this server's allow-list entry reads the chart in one round trip (a refused batch falls back to single reads)`,
    );
  return item('batch', BATCH_LABEL, 'missing', 'batch not declared: keep the default "reads": "parallel"');
}

/** Oracle Health documents POST MedicationRequest only as reportedBoolean true (smart-on-fhir.md, "Writing"). */
function reportedOnly(server: DeclaredServer): boolean {
  const doc = server.resources.get('MedicationRequest')?.documentation ?? '';
  return /cerner|oracle/i.test(server.software) || /reported/i.test(doc);
}

/** Turns the fetched documents into check items and a verdict. */
export function evaluateServer(probe: ServerProbe): ServerReport {
  const smart =
    probe.smartConfiguration.kind === 'json' ? readSmartConfiguration(probe.smartConfiguration.json) : undefined;
  const openRead = probe.openRead.kind === 'json' && bundleLinks(probe.openRead.json).searchset;
  const openItem = openRead
    ? item('open-read', 'open read (no authorization)', 'ok', 'answered a Patient search without a token')
    : item(
        'open-read',
        'open read (no authorization)',
        'missing',
        probe.openRead.kind === 'error'
          ? `needs authorization or refused: ${probe.openRead.problem}`
          : 'did not answer a search Bundle',
      );
  const base = { baseUrl: probe.baseUrl, smart: smart !== undefined, openRead };
  const server = probe.metadata.kind === 'json' ? readCapabilityStatement(probe.metadata.json) : undefined;
  if (!server) {
    const reason =
      probe.metadata.kind === 'error'
        ? fetchProblem(probe.metadata, 'metadata')
        : 'metadata is not a CapabilityStatement';
    const items = [
      item('metadata', 'CapabilityStatement (metadata)', 'fails', reason),
      ...smartItems(probe, smart),
      openItem,
    ];
    return { ...base, items, verdict: 'not usable', verdictReason: reason, notes: [] };
  }
  const version = server.fhirVersion;
  const versionItem = version?.startsWith('4.0.')
    ? item('fhir-version', 'FHIR version R4 (4.0.x)', 'ok', `fhirVersion ${version}`)
    : item(
        'fhir-version',
        'FHIR version R4 (4.0.x)',
        'fails',
        version ? `fhirVersion ${version}, not R4` : 'fhirVersion not declared',
      );
  const formats = formatItem(server);
  const resources = RESOURCE_NEEDS.map((n) => resourceItem(n, server));
  const creates = createItems(server);
  const identifier = identifierItem(probe, openRead);
  const items = [
    item('metadata', 'CapabilityStatement (metadata)', 'ok', server.software ? `read (${server.software})` : 'read'),
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
  const notes = RESOURCE_NEEDS.filter((n, i) => !n.essential && resources[i]?.status !== 'ok').map(
    (n) => `${n.type} cannot be searched as the app does: assessments there are marked incomplete`,
  );
  if (identifier.status === 'fails') {
    notes.push(
      'identifier search is ignored here: the app relies on conditional create (If-None-Exist) alone, and a duplicate order cannot be excluded',
    );
  }
  const verdict = decide({ versionItem, formats, smart, openRead, resources, creates, server });
  return { ...base, items, ...verdict, notes };
}

function decide(x: {
  versionItem: CheckItem;
  formats: CheckItem;
  smart: DeclaredSmart | undefined;
  openRead: boolean;
  resources: CheckItem[];
  creates: CheckItem[];
  server: DeclaredServer;
}): { verdict: ServerVerdict; verdictReason: string } {
  const no = (verdictReason: string) => ({ verdict: 'not usable' as const, verdictReason });
  if (x.versionItem.status !== 'ok') return no(`the app needs FHIR R4: ${x.versionItem.reason}`);
  if (x.formats.status === 'fails') return no(`the app speaks JSON: ${x.formats.reason}`);
  const smartLaunch =
    x.smart !== undefined && (x.smart.capabilities.has('launch-ehr') || x.smart.capabilities.has('launch-standalone'));
  if (!smartLaunch && !x.openRead) return no('neither a SMART launch nor open reads: the app cannot get at the chart');
  const essentialGaps = RESOURCE_NEEDS.filter((n, i) => n.essential && x.resources[i]?.status !== 'ok').map(
    (n) => n.type,
  );
  if (essentialGaps.length) return no(`the chart cannot be read: ${essentialGaps.join(', ')} not supported as needed`);
  const [orderCreate, issueCreate] = x.creates;
  if (orderCreate?.status !== 'ok')
    return {
      verdict: 'read-only',
      verdictReason: 'MedicationRequest create not declared: assessment only, the order is written by hand',
    };
  if (issueCreate?.status !== 'ok') {
    return {
      verdict: 'read-only',
      verdictReason:
        'DetectedIssue create not declared: overridden conflicts could not be recorded, so no order is written',
    };
  }
  if (reportedOnly(x.server)) {
    return {
      verdict: 'reported-only order',
      verdictReason: 'this server accepts MedicationRequest only as a reported medication, not as a new order',
    };
  }
  return { verdict: 'full', verdictReason: 'reads the chart and writes the order and overridden conflicts' };
}
