/**
 * The CapabilityStatement at `metadata`: what this engine really supports (the router answers `metadata` with an
 * empty search Bundle: shared/research/sandbox-fhir-engine.md item 1).
 */
import { getSearchParameters } from '@medplum/core';
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { INCLUDES } from './search.ts';

/** The resource types the sandbox advertises (every R4 type works; these are the ones with test coverage). */
export const ADVERTISED_TYPES = [
  'Patient',
  'Practitioner',
  'Condition',
  'Medication',
  'MedicationRequest',
  'MedicationStatement',
  'MedicationDispense',
  'MedicationAdministration',
  'AllergyIntolerance',
  'ServiceRequest',
  'Procedure',
  'Appointment',
  'DetectedIssue',
  'Encounter',
] as const;

/** SMART endpoints to advertise in rest.security (SMART App Launch 2.2, "Capability Statement" section). */
export interface SmartSecurity {
  authorizeUrl: string;
  tokenUrl: string;
}

function resource(type: string): CapabilityStatementRestResource {
  const params = getSearchParameters(type) ?? {};
  return {
    type: type as CapabilityStatementRestResource['type'],
    interaction: ['read', 'vread', 'update', 'delete', 'history-instance', 'create', 'search-type'].map((code) => ({
      code: code as never,
    })),
    versioning: 'versioned',
    readHistory: true,
    updateCreate: true,
    conditionalCreate: true,
    conditionalUpdate: true,
    conditionalDelete: 'single',
    searchInclude: INCLUDES[type] ?? [],
    searchParam: Object.values(params)
      .filter((p) => p.code && !['_compartment', '_profile', '_security', '_source', '_tag'].includes(p.code))
      .map((p) => ({ name: p.code as string, type: p.type as never, ...(p.url ? { definition: p.url } : {}) })),
  };
}

/** Builds the statement for one base URL; `security` only on the SMART-protected base; `batch` when accepted. */
export function capabilityStatement(baseUrl: string, security?: SmartSecurity, batch = false): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-01',
    kind: 'instance',
    software: { name: 'LDN sandbox EHR (@medplum/fhir-router 4.5.2 in memory)' },
    implementation: { description: 'Local sandbox EHR for the LDN SMART app', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        ...(security
          ? {
              security: {
                cors: false,
                service: [
                  {
                    coding: [
                      {
                        system: 'http://terminology.hl7.org/CodeSystem/restful-security-service',
                        code: 'SMART-on-FHIR',
                      },
                    ],
                    text: 'OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)',
                  },
                ],
                extension: [
                  {
                    url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
                    extension: [
                      { url: 'authorize', valueUri: security.authorizeUrl },
                      { url: 'token', valueUri: security.tokenUrl },
                    ],
                  },
                ],
              },
            }
          : {}),
        resource: ADVERTISED_TYPES.map(resource),
        interaction: batch ? [{ code: 'batch' }] : [],
      },
    ],
  };
}
