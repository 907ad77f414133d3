/**
 * Every word of the server check, in one place (issue 14 item 2: one strings module per surface): item labels,
 * item reasons, verdict reasons, notes, and why a fetch failed. evaluate.ts and src/edge/server-check.ts only
 * decide and classify; the functions here take those facts and return the sentences `npm run check-server`, its
 * `--json` report and the standalone picker's note show. The words are for EHR administrators, so FHIR and SMART
 * names (CapabilityStatement, code_challenge_methods_supported) are meant.
 */
import type { FixedItemId, ItemFact, ItemId, Lacking, NoteFact, VerdictFact } from './facts.ts';
import { RESOURCE_NEEDS, type CreateType, type ReadType } from './needs.ts';
import type { FetchFailure, NetworkFailure } from './types.ts';

/** For a union discriminated by `K`: one function per member, so a new member without words does not compile. */
type Words<U, K extends keyof U> = {
  [V in U[K] & string]: (f: Extract<U, Record<K, V>>) => string;
};

const NETWORK: Words<NetworkFailure, 'what'> = {
  timeout: () => 'timed out (no answer within the timeout)',
  aborted: () => 'aborted',
  dns: () => 'host not found (DNS lookup failed)',
  refused: () => 'connection refused (nothing listens on that port)',
  closed: () => 'connection closed by the server',
  unreachable: () => 'host unreachable',
  'connect-timeout': () => 'timed out connecting',
  tls: (f) => `TLS error (${f.code})`,
  'bad-port': () => 'port blocked by fetch (a reserved port such as 9 or 25)',
  network: (f) => `network error${f.code ? ` (${f.code})` : ''}${f.detail ? `: ${f.detail}` : ''}`,
};

const FAILURES: Words<FetchFailure, 'what'> = {
  ...NETWORK,
  'cut-off': (f) => `response cut off: ${failureText(f.cause)}`,
  http: (f) => `HTTP ${f.status}${f.statusText ? ` ${f.statusText}` : ''}${f.html ? ' (an HTML page)' : ''}`,
  html: () => 'answered HTML instead of JSON (is this the FHIR base URL?)',
  'invalid-json': (f) => `answered invalid JSON (${f.contentType || 'no content-type'})`,
};

/** Why a document could not be read, in one line (e.g. "HTTP 404 Not Found"). */
export function failureText(f: FetchFailure): string {
  return (FAILURES[f.what] as (x: FetchFailure) => string)(f);
}

/** Why the app reads each type, as the reason of a missing resource names it. */
const WHY_READ: Record<ReadType, string> = {
  Patient: 'patient banner; the standalone picker searches by name',
  Condition: 'charted conditions',
  MedicationRequest: 'orders (opioids, antagonists)',
  MedicationStatement: 'reported medications',
  MedicationDispense: 'fills inside the opioid washout window',
  MedicationAdministration: 'administered doses inside the washout window',
  Medication: 'medications that orders refer to',
  AllergyIntolerance: 'allergies (naltrexone hypersensitivity)',
  ServiceRequest: 'planned surgery and procedures',
  Procedure: 'procedures in preparation',
  Appointment: 'booked procedure appointments',
};

/** What the app creates of each type. */
const WHY_CREATE: Record<CreateType, string> = {
  MedicationRequest: 'the compounded LDN order',
  DetectedIssue: 'conflicts the clinician overrode',
};

const FIXED_LABELS: Record<FixedItemId, string> = {
  metadata: 'CapabilityStatement (metadata)',
  'fhir-version': 'FHIR version R4 (4.0.x)',
  formats: 'format application/fhir+json',
  'smart-discovery': 'SMART discovery (.well-known/smart-configuration)',
  'launch-ehr': 'SMART EHR launch (launch-ehr)',
  'launch-standalone': 'SMART standalone launch (launch-standalone)',
  'pkce-s256': 'PKCE S256',
  'scope-versions': 'SMART scope versions',
  'open-read': 'open read (no authorization)',
  include: '_include MedicationRequest:medication',
  paging: 'paging (_count)',
  'conditional-create': 'conditional create (If-None-Exist)',
  'identifier-search': 'identifier search filters (MedicationRequest?identifier=)',
  batch: 'chart read in one batch (allow-list "reads": "batch")',
};

/** What an item checks, in words (e.g. "MedicationRequest: search patient, status"). */
export function itemLabel(id: ItemId): string {
  if (id.startsWith('create-')) return `create ${id.slice('create-'.length)}`;
  const need = id.startsWith('resource-') ? RESOURCE_NEEDS.find((n) => `resource-${n.type}` === id) : undefined;
  if (need) {
    const parts = [need.read ? 'read' : '', need.search ? `search ${need.searchParams.join(', ')}` : ''];
    return `${need.type}: ${parts.filter(Boolean).join('; ')}`;
  }
  return FIXED_LABELS[id as FixedItemId];
}

const lackingText = (l: Lacking): string => (l.what === 'parameter' ? `parameter ${l.name}` : l.what);

const REASONS: Words<ItemFact, 'kind'> = {
  'metadata-read': (f) => (f.software ? `read (${f.software})` : 'read'),
  'metadata-unreadable': (f) => `metadata: ${failureText(f.failure)}`,
  'metadata-not-capability-statement': () => 'metadata is not a CapabilityStatement',
  'fhir-version': (f) => `fhirVersion ${f.version}`,
  'fhir-version-not-r4': (f) => `fhirVersion ${f.version}, not R4`,
  'fhir-version-absent': () => 'fhirVersion not declared',
  'formats-none': () => 'no format declared',
  'formats-json': (f) => `accepts ${f.formats.join(', ')}`,
  'formats-no-json': (f) => `only ${f.formats.join(', ')}`,
  'smart-404': () => 'no .well-known/smart-configuration (404): not a SMART server, or an open one',
  'smart-unreadable': (f) => `.well-known/smart-configuration could not be read: ${failureText(f.failure)}`,
  'smart-not-smart': () => '.well-known/smart-configuration is not a SMART configuration (no token_endpoint)',
  'smart-declared': (f) =>
    `${f.authorizationEndpoint ? 'authorization and token endpoints' : 'token endpoint (no authorization endpoint)'} declared; token endpoint ${f.tokenEndpoint ?? '?'}`,
  'no-smart': () => 'no SMART discovery',
  'capability-declared': () => 'declared in capabilities',
  'capability-absent': (f) => `capabilities do not list ${f.capability}`,
  'pkce-undeclared': () => 'code_challenge_methods_supported absent: S256 support not declared',
  'pkce-plain': (f) => `offers "plain" (${f.methods.join(', ')}); SMART 2 servers must not`,
  'pkce-no-s256': (f) => `only ${f.methods.join(', ') || 'no methods'}; the app uses S256`,
  'pkce-s256': () => 'S256 declared, plain not offered',
  'scope-versions': (f) => `declares ${f.versions.map((v) => v.replace('permission-', '')).join(' and ')}`,
  'scope-versions-none': () => 'neither permission-v1 nor permission-v2 declared: register v1 scopes to be safe',
  'open-read': () => 'answered a Patient search without a token',
  'open-read-refused': (f) => `needs authorization or refused: ${failureText(f.failure)}`,
  'open-read-not-searchset': () => 'did not answer a search Bundle',
  'resource-absent': (f) => `${f.type} not in the CapabilityStatement (${WHY_READ[f.type]})`,
  'resource-lacking': (f) => `${f.type} listed without ${f.lacking.map(lackingText).join(', ')}`,
  declared: () => 'declared',
  'include-declared': () => 'declared in searchInclude',
  'include-absent': () => 'not declared: referenced Medications are read one by one',
  'count-declared': () => '_count declared',
  'next-link': () => 'a search returned a next link',
  'count-undeclared': () =>
    '_count not declared (many servers accept it undeclared); the app follows next links either way',
  'create-declared': (f) => `declared (${WHY_CREATE[f.type]})`,
  // The order writer folds overrides into the order's note where DetectedIssue create is not possible.
  'create-undeclared': (f) =>
    f.type === 'DetectedIssue'
      ? `create not declared: ${WHY_CREATE[f.type]} are recorded in the order's note instead`
      : `create not declared: ${WHY_CREATE[f.type]} cannot be written`,
  'conditional-create-undeclared': () => 'not declared: a retried write could duplicate the order',
  'identifier-needs-authorization': () =>
    'not checked: the server needs authorization for searches (the order writer checks each found order itself)',
  'identifier-probe-failed': (f) => `not checked: the probe search ${failureText(f.failure)}`,
  'identifier-not-searchset': () => 'not checked: the probe search did not answer a search Bundle',
  'identifier-ignored': (f) =>
    `identifier search not supported (ignored): a search for an identifier that cannot exist returned ${f.strangers === 1 ? '1 order' : `${f.strangers} orders`}`,
  'identifier-filters': () => 'a search for an identifier that cannot exist returned nothing',
  'batch-refused': (f) =>
    `a batch of one search was not answered with a batch-response${f.failure ? ` (${failureText(f.failure)})` : ''}: keep the default "reads": "parallel"`,
  'batch-possible': (f) =>
    `${f.answered ? 'a batch of one search was answered' : 'batch declared'}: "reads": "batch" in this server's allow-list entry reads the chart in one round trip (a refused batch falls back to single reads)`,
  'batch-undeclared': () => 'batch not declared: keep the default "reads": "parallel"',
};

/** Why an item has its status, in one line. */
export function reasonText(f: ItemFact): string {
  return (REASONS[f.kind] as (x: ItemFact) => string)(f);
}

const VERDICTS: Words<VerdictFact, 'kind'> = {
  metadata: (f) => reasonText(f.fact),
  'not-r4': (f) => `the app needs FHIR R4: ${reasonText(f.fact)}`,
  'not-json': (f) => `the app speaks JSON: ${reasonText(f.fact)}`,
  'no-access': () => 'neither a SMART launch nor open reads: the app cannot get at the chart',
  'chart-unreadable': (f) => `the chart cannot be read: ${f.types.join(', ')} not supported as needed`,
  'no-order-create': () => 'MedicationRequest create not declared: assessment only, the order is written by hand',
  'reported-only': () => 'this server accepts MedicationRequest only as a reported medication, not as a new order',
  full: () => 'reads the chart and writes the order and overridden conflicts',
  'full-overrides-in-note': () =>
    "reads the chart and writes the order; DetectedIssue create is not declared, so overridden conflicts are recorded in the order's note",
};

/** Why the verdict, in one sentence. */
export function verdictText(f: VerdictFact): string {
  return (VERDICTS[f.kind] as (x: VerdictFact) => string)(f);
}

const NOTES: Words<NoteFact, 'kind'> = {
  'search-incomplete': (f) => `${f.type} cannot be searched as the app does: assessments there are marked incomplete`,
  'identifier-ignored': () =>
    'identifier search is ignored here: the app relies on conditional create (If-None-Exist) alone, and a duplicate order cannot be excluded',
  'overrides-in-note': () =>
    "DetectedIssue create is not declared: the order is still written, and conflicts the clinician overrode are recorded in the order's note only (no DetectedIssue). " +
    'Set "writeDetectedIssue": "off" (or "fallback") in this issuer\'s allow-list entry so the app does not ask for a DetectedIssue scope the EHR may refuse.',
};

/** A limit that does not change the verdict, in one or two sentences. */
export function noteText(f: NoteFact): string {
  return (NOTES[f.kind] as (x: NoteFact) => string)(f);
}
