/**
 * A forgiving reader of a CapabilityStatement and a smart-configuration document: both come from servers we do
 * not control, so every field is checked before use and anything malformed reads as "not declared".
 */

export interface DeclaredResource {
  type: string;
  interactions: Set<string>;
  searchParams: Set<string>;
  searchIncludes: Set<string>;
  conditionalCreate: boolean;
  documentation: string;
}

export interface DeclaredServer {
  fhirVersion?: string;
  formats: string[];
  software: string;
  resources: Map<string, DeclaredResource>;
  /** Search parameters declared for all resources (rest.searchParam). */
  commonSearchParams: Set<string>;
  /** rest.security.service mentions SMART-on-FHIR, or the oauth-uris extension is present. */
  securityDeclaresSmart: boolean;
  /** System-level interactions (rest.interaction), e.g. "batch", "transaction". */
  systemInteractions: Set<string>;
}

export interface DeclaredSmart {
  capabilities: Set<string>;
  codeChallengeMethods?: string[];
  scopesSupported?: string[];
  hasAuthorizationEndpoint: boolean;
  hasTokenEndpoint: boolean;
  /** The token endpoint URL (its origin may need a CSP connect-src entry). */
  tokenEndpoint?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const names = (v: unknown, key: string): string[] =>
  Array.isArray(v)
    ? v
        .filter(isObject)
        .map((x) => x[key])
        .filter((x): x is string => typeof x === 'string')
    : [];

/** Reads a CapabilityStatement; undefined when the JSON is not one. */
export function readCapabilityStatement(json: unknown): DeclaredServer | undefined {
  if (!isObject(json) || json.resourceType !== 'CapabilityStatement') return undefined;
  const rests = Array.isArray(json.rest) ? json.rest.filter(isObject) : [];
  const rest = rests.find((r) => r.mode === 'server') ?? rests[0];
  const resources = new Map<string, DeclaredResource>();
  for (const r of rest && Array.isArray(rest.resource) ? rest.resource.filter(isObject) : []) {
    if (typeof r.type !== 'string') continue;
    resources.set(r.type, {
      type: r.type,
      interactions: new Set(names(r.interaction, 'code')),
      searchParams: new Set(names(r.searchParam, 'name')),
      searchIncludes: new Set(strings(r.searchInclude)),
      conditionalCreate: r.conditionalCreate === true,
      documentation: typeof r.documentation === 'string' ? r.documentation : '',
    });
  }
  const security = rest && isObject(rest.security) ? rest.security : undefined;
  const services = security && Array.isArray(security.service) ? security.service.filter(isObject) : [];
  const smartService = services.some(
    (s) => Array.isArray(s.coding) && s.coding.filter(isObject).some((c) => c.code === 'SMART-on-FHIR'),
  );
  const oauthUris = security !== undefined && names(security.extension, 'url').some((u) => u.endsWith('/oauth-uris'));
  const software = isObject(json.software) && typeof json.software.name === 'string' ? json.software.name : '';
  const publisher = typeof json.publisher === 'string' ? json.publisher : '';
  return {
    ...(typeof json.fhirVersion === 'string' ? { fhirVersion: json.fhirVersion } : {}),
    formats: strings(json.format),
    software: [software, publisher].filter(Boolean).join(' / '),
    resources,
    commonSearchParams: new Set(rest ? names(rest.searchParam, 'name') : []),
    securityDeclaresSmart: smartService || oauthUris,
    systemInteractions: new Set(rest ? names(rest.interaction, 'code') : []),
  };
}

/** Reads a `.well-known/smart-configuration` document; undefined when it has no token endpoint (not SMART). */
export function readSmartConfiguration(json: unknown): DeclaredSmart | undefined {
  if (!isObject(json)) return undefined;
  const hasTokenEndpoint = typeof json.token_endpoint === 'string' && json.token_endpoint !== '';
  if (!hasTokenEndpoint && !Array.isArray(json.capabilities)) return undefined;
  return {
    capabilities: new Set(strings(json.capabilities)),
    ...(Array.isArray(json.code_challenge_methods_supported)
      ? { codeChallengeMethods: strings(json.code_challenge_methods_supported) }
      : {}),
    ...(Array.isArray(json.scopes_supported) ? { scopesSupported: strings(json.scopes_supported) } : {}),
    hasAuthorizationEndpoint: typeof json.authorization_endpoint === 'string' && json.authorization_endpoint !== '',
    hasTokenEndpoint,
    ...(hasTokenEndpoint ? { tokenEndpoint: json.token_endpoint as string } : {}),
  };
}

/** Whether a search Bundle announces paging (a "next" link) or is a searchset at all. */
export function bundleLinks(json: unknown): { searchset: boolean; next: boolean } {
  if (!isObject(json) || json.resourceType !== 'Bundle') return { searchset: false, next: false };
  return {
    searchset: json.type === 'searchset',
    next: Array.isArray(json.link) && json.link.filter(isObject).some((l) => l.relation === 'next'),
  };
}
