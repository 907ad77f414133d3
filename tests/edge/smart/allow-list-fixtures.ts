/** Small allow-lists for the SMART launch tests, built through the real parser (so they are always valid). */
import { parseAllowList, type AllowList } from '../../../src/core/smart/allow-list.ts';

export interface ListInput {
  clients?: unknown[];
  standalone?: unknown;
}

/** Parses `input` as smart-clients.json; throws (a test bug) when the fixture itself is invalid. */
export function allowList(input: ListInput): AllowList {
  const parsed = parseAllowList(
    { clients: input.clients ?? [], ...(input.standalone ? { standalone: input.standalone } : {}) },
    'smart-clients.json',
  );
  if (!parsed.ok) throw new Error(`fixture allow-list invalid: ${JSON.stringify(parsed.error)}`);
  return parsed.value;
}

export const EXACT = {
  name: 'Hospital EHR',
  iss: 'https://ehr.example.org/fhir/r4',
  clientId: 'exact-client',
  scopeVersion: 'v2',
};
export const PREFIX = {
  name: 'Multi-tenant EHR',
  issPrefix: 'https://fhir.vendor.example/tenants/',
  clientId: 'tenant-client',
  scopeVersion: 'v1',
};
export const SANDBOX = {
  name: 'Sandbox',
  iss: 'http://localhost:8787/fhir',
  clientId: 'sandbox-client',
  scopeVersion: 'v2',
  standalone: true,
  redirectUri: 'http://localhost:8787/app/',
};
export const OPEN = { name: 'Open test server', fhirServiceUrl: 'http://localhost:8787/open/fhir' };
