/**
 * Builders for a server's discovery documents: a complete R4 CapabilityStatement and SMART configuration that
 * offer everything the app uses, with switches to take each feature away. Tests for the evaluator, the MSW
 * servers and the picker build from these.
 */
import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4';
import type { Fetched, ServerProbe } from '../../../src/core/server/types.ts';

export interface ServerFeatures {
  fhirVersion?: string;
  formats?: string[];
  software?: string;
  /** Resource types to leave out of the CapabilityStatement. */
  without?: string[];
  /** Search parameters to leave out, as "Type.param". */
  withoutParams?: string[];
  withoutInclude?: boolean;
  withoutCount?: boolean;
  /** Types whose create interaction is left out. */
  withoutCreate?: string[];
  conditionalCreate?: boolean;
  medicationRequestDocumentation?: string;
  /** Leave the system-level batch interaction out. */
  withoutBatch?: boolean;
}

const SEARCHES: Record<string, string[]> = {
  Patient: ['name', '_id'],
  Condition: ['patient'],
  MedicationRequest: ['patient', 'status'],
  MedicationStatement: ['patient'],
  MedicationDispense: ['patient'],
  MedicationAdministration: ['patient'],
  Medication: [],
  DetectedIssue: ['patient'],
  AllergyIntolerance: ['patient'],
  ServiceRequest: ['patient', 'status'],
  Procedure: ['patient', 'status'],
  Appointment: ['patient', 'status', 'date'],
};

/** A CapabilityStatement offering every feature the app uses unless switched off. */
export function capabilityStatement(f: ServerFeatures = {}): CapabilityStatement {
  const resource: CapabilityStatementRestResource[] = Object.entries(SEARCHES)
    .filter(([type]) => !(f.without ?? []).includes(type))
    .map(([type, params]) => ({
      type,
      interaction: [
        { code: 'read' as const },
        { code: 'search-type' as const },
        ...(['MedicationRequest', 'DetectedIssue'].includes(type) && !(f.withoutCreate ?? []).includes(type)
          ? [{ code: 'create' as const }]
          : []),
      ],
      searchParam: params
        .filter((p) => !(f.withoutParams ?? []).includes(`${type}.${p}`))
        .map((name) => ({ name, type: name === 'patient' ? ('reference' as const) : ('string' as const) })),
      ...(type === 'MedicationRequest' && !f.withoutInclude ? { searchInclude: ['MedicationRequest:medication'] } : {}),
      ...(['MedicationRequest', 'DetectedIssue'].includes(type) && f.conditionalCreate !== false
        ? { conditionalCreate: true }
        : {}),
      ...(type === 'MedicationRequest' && f.medicationRequestDocumentation
        ? { documentation: f.medicationRequestDocumentation }
        : {}),
    }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    fhirVersion: (f.fhirVersion ?? '4.0.1') as CapabilityStatement['fhirVersion'],
    format: f.formats ?? ['application/fhir+json', 'json'],
    ...(f.software ? { software: { name: f.software } } : {}),
    rest: [
      {
        mode: 'server',
        resource,
        ...(f.withoutCount ? {} : { searchParam: [{ name: '_count', type: 'number' as const }] }),
        ...(f.withoutBatch ? {} : { interaction: [{ code: 'batch' as const }] }),
      },
    ],
  };
}

export interface SmartFeatures {
  capabilities?: string[];
  codeChallengeMethods?: string[] | null;
}

export const ALL_SMART_CAPABILITIES = [
  'launch-ehr',
  'launch-standalone',
  'client-public',
  'context-ehr-patient',
  'context-standalone-patient',
  'context-banner',
  'context-style',
  'permission-patient',
  'permission-v1',
  'permission-v2',
  'sso-openid-connect',
];

/** A SMART configuration document (SMART App Launch 2.2 discovery). */
export function smartConfiguration(base: string, f: SmartFeatures = {}): Record<string, unknown> {
  return {
    issuer: base,
    authorization_endpoint: `${base}/auth/authorize`,
    token_endpoint: `${base}/auth/token`,
    grant_types_supported: ['authorization_code'],
    capabilities: f.capabilities ?? ALL_SMART_CAPABILITIES,
    ...(f.codeChallengeMethods === null
      ? {}
      : { code_challenge_methods_supported: f.codeChallengeMethods ?? ['S256'] }),
  };
}

export const searchset = (next = false) => ({
  resourceType: 'Bundle',
  type: 'searchset',
  total: 0,
  link: [{ relation: 'self', url: 'x' }, ...(next ? [{ relation: 'next', url: 'y' }] : [])],
});

/** An HTTP error answer as the edge reports it (a JSON or empty body, not an HTML page). */
export const httpError = (status: number, statusText: string): Fetched => ({
  kind: 'error',
  failure: { what: 'http', status, statusText, html: false },
  status,
});

/** A probe of a SMART-protected server (open read refused with 401). */
export function smartProbe(cap: ServerFeatures = {}, smart: SmartFeatures = {}): ServerProbe {
  const baseUrl = 'https://ehr.example.org/fhir';
  return {
    baseUrl,
    smartConfiguration: { kind: 'json', status: 200, json: smartConfiguration(baseUrl, smart) },
    metadata: { kind: 'json', status: 200, json: capabilityStatement(cap) },
    openRead: httpError(401, 'Unauthorized'),
  };
}

/** A probe of an open server (no SMART discovery, searches answered). */
export function openProbe(cap: ServerFeatures = {}): ServerProbe {
  return {
    baseUrl: 'https://open.example.org/fhir',
    smartConfiguration: httpError(404, 'Not Found'),
    metadata: { kind: 'json', status: 200, json: capabilityStatement(cap) },
    openRead: { kind: 'json', status: 200, json: searchset() },
  };
}
