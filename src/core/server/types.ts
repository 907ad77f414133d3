/** Types of the server check: what the edge fetched, and the evaluation check-server and the standalone picker show. */

/**
 * Why a request got no response (the edge classifies the exception; strings.ts words it): a timeout, an abort,
 * DNS, a refused or closed connection, an unreachable host, a slow connect, TLS, a port fetch refuses (the WHATWG
 * "bad port" list), or another network error with what the runtime said.
 */
export type NetworkFailure =
  | { what: 'timeout' }
  | { what: 'aborted' }
  | { what: 'dns' }
  | { what: 'refused' }
  | { what: 'closed' }
  | { what: 'unreachable' }
  | { what: 'connect-timeout' }
  | { what: 'tls'; code: string }
  | { what: 'bad-port' }
  | { what: 'network'; code?: string; detail?: string };

/** Why a fetched document could not be read: no response, a cut-off body, an HTTP error, HTML, or invalid JSON. */
export type FetchFailure =
  | NetworkFailure
  | { what: 'cut-off'; cause: NetworkFailure }
  | { what: 'http'; status: number; statusText?: string; html: boolean }
  | { what: 'html' }
  | { what: 'invalid-json'; contentType?: string };

/** One document the edge tried to fetch: parsed JSON, or why it could not be read (data; strings.ts words it). */
export type Fetched =
  | { kind: 'json'; status: number; json: unknown }
  | {
      kind: 'error';
      failure: FetchFailure;
      /** HTTP status when a response came. */ status?: number;
      /** No response at all. */ network?: boolean;
    };

/** What the edge fetched from a server for the evaluator. */
export interface ServerProbe {
  /** The FHIR base URL checked. */
  baseUrl: string;
  smartConfiguration: Fetched;
  metadata: Fetched;
  /** `Patient?_count=1` without a token: tells an open server from a protected one. */
  openRead: Fetched;
  /**
   * `MedicationRequest?identifier=<an identifier that cannot exist>` without a token (see identifier-search.ts):
   * an open server must answer with no entries. Absent when not probed.
   */
  identifierSearch?: Fetched;
  /**
   * A batch of one `Patient?_count=1` GET POSTed to the base without a token: does an open server answer a
   * batch-response? Absent when not probed.
   */
  batchProbe?: Fetched;
}

export type CheckStatus = 'ok' | 'missing' | 'fails';

export interface CheckItem {
  /** Stable id, e.g. "pkce-s256", "search-Condition". */
  id: string;
  /** What was checked, in words. */
  label: string;
  status: CheckStatus;
  reason: string;
}

/**
 * What the app can do on the server:
 * - full: read everything and write the order (overridden conflicts as DetectedIssues, or in the order's note
 *   where DetectedIssue create is not declared: src/edge/order-writer.ts writes the order either way);
 * - reported-only order: the server only accepts "reported" MedicationRequests (Oracle Health), not new orders;
 * - read-only: assessment only; the order cannot be written (the clinician orders by hand);
 * - not usable: the app cannot read the chart there.
 */
export type ServerVerdict = 'full' | 'read-only' | 'reported-only order' | 'not usable';

export interface ServerReport {
  baseUrl: string;
  items: CheckItem[];
  verdict: ServerVerdict;
  /** Why this verdict, in one sentence. */
  verdictReason: string;
  /** Limits that do not change the verdict (e.g. a search missing: assessments will be marked incomplete). */
  notes: string[];
  /** Whether SMART discovery was found (OAuth launch possible). */
  smart: boolean;
  /** Whether the server answered a search without authorization. */
  openRead: boolean;
}
