/**
 * The FHIR base every MSW test uses. On localhost, so a request that escaped MSW could never leave the machine;
 * tests also set onUnhandledRequest: 'error'.
 */
export const FHIR_BASE = 'http://localhost:59999/fhir';
