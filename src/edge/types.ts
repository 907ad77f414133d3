/**
 * Contracts of the I/O edge. The chart reader, the order writer and the server checks talk to a FHIR server only
 * through `FhirHttp`; each environment supplies one (src/adapters/browser-fhir-http.ts wraps a fhirclient Client,
 * src/adapters/node-fhir-http.ts wraps global fetch), so tests run the production code against MSW or the sandbox.
 */

/** A FHIR server as the edge sees it. */
export interface FhirHttp {
  /** The FHIR base URL, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * Sends a request to `pathOrUrl` (relative to baseUrl, or absolute when it starts with http).
   * Resolves with the Response for every HTTP status (4xx/5xx included); rejects only when no response came
   * (network failure, abort). Adds the Authorization header when the session has a token; never logs it.
   */
  fetch(pathOrUrl: string, init?: RequestInit): Promise<Response>;
  /**
   * What the deployment knows this server accepts, from the issuer's allow-list entry (undefined: nothing beyond
   * plain reads and searches is assumed).
   */
  readonly capabilities?: ServerCapabilities;
}

/** What a server is known to accept beyond single requests. */
export interface ServerCapabilities {
  /** A FHIR batch of GETs at the base (the allow-list's `"reads": "batch"`): the chart's first reads go in one. */
  batchReads?: boolean;
}

/** What the SMART launch gave the app. Holds no token. */
export interface LaunchContext {
  launchType: 'ehr' | 'standalone' | 'open';
  serverUrl: string;
  patientId: string;
  encounterId?: string;
  /** e.g. "Practitioner/123" from the id_token's fhirUser claim. */
  fhirUser?: string;
  /** The signed-in user's name from the id_token (OpenID Connect `name` claim), when the server sent one. */
  userName?: string;
  needPatientBanner: boolean;
  smartStyleUrl?: string;
  /** The scopes the server granted (may be fewer than asked). */
  grantedScopes: string[];
}

/** Progress of a chart read, for the progress count on large charts. */
export interface ReadProgress {
  /** Resources received so far, all types together. */
  loaded: number;
  /** Total announced by the server (Bundle.total), when every search announced one. */
  total?: number;
  /** Searches still running. */
  pending: number;
}

/** What a tester picked in the standalone flow. */
export type StandaloneTarget =
  /** A SMART server from the allow-list: OAuth with launch/patient; the server asks which patient. */
  | { kind: 'smart'; iss: string }
  /** An open FHIR server (no authorization): fhirServiceUrl with a patient id. */
  | { kind: 'open'; fhirServiceUrl: string; patientId: string };
