/** What every sandbox route handler needs: the URLs, the auth state, the signing key and the FHIR engine. */
import type { FhirEngine } from './fhir/engine.ts';
import type { SigningKey } from './auth/keys.ts';
import type { AuthStore } from './auth/store.ts';

export interface PatientSummary {
  id: string;
  name: string;
  birthDate?: string;
  gender?: string;
  story: string;
  verdict: string;
}

export interface SandboxContext {
  /** e.g. http://localhost:8787 */
  origin: string;
  /** SMART-protected FHIR base, the `iss`: <origin>/fhir */
  fhirBase: string;
  /** Same data without authorization: <origin>/open/fhir */
  openFhirBase: string;
  store: AuthStore;
  key: SigningKey;
  engine: FhirEngine;
  /** Resolves when all synthetic charts are loaded. */
  ready: Promise<void>;
  patients: PatientSummary[];
  /** Redirect URIs registered for the sandbox client. */
  redirectUris: string[];
  /** Whether the app's allow-list entry for the sandbox says `"reads": "batch"`. */
  batchReads: boolean;
}
