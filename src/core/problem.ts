/**
 * One vocabulary for expected failures (issue 14 item 2): a read that could not be done, a plan that cannot be
 * made, an allow-list that does not parse, a launch or a write that failed, and the remarks on a written order.
 * Each is a `Problem`: a namespaced code, a severity, the thing it is about, and the facts as parameters. The core
 * never words a problem: each surface has one `describeProblem` in its strings module (src/ui/strings-problems.ts,
 * src/entry/cli/strings.ts; the CDS cards word read gaps in src/core/cds/strings.ts), as fhirclient keeps its
 * texts in one strings module.
 */
import type { GapReason } from './chart.ts';

/** How much a problem matters: an error stops the task, a warning is shown with the result, info is a note. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * Why a part of the chart is missing: one code per GapReason (src/core/chart.ts), e.g. "read/failed". A read
 * gap's params say what happened (`what`, see ReadDetail there) with its facts.
 */
export type ReadCode = `read/${GapReason}`;

/** Why the titration planner cannot make a plan (src/core/titration/validate.ts). */
export type PlanCode =
  | 'plan/invalid-number' // not a finite number, or finer than 1 microgram
  | 'plan/not-positive' // zero or negative dose, step or concentration
  | 'plan/start-too-low' // start below 0.25 mg
  | 'plan/start-above-target'
  | 'plan/target-needs-reason' // above 4.5 mg without a reason
  | 'plan/target-above-limit' // above 10 mg: not low dose
  | 'plan/step-missing' // start below target with no step
  | 'plan/interval-invalid'
  | 'plan/maintenance-invalid'
  | 'plan/date-invalid'
  | 'plan/form-invalid'
  | 'plan/ladder-invalid'
  | 'plan/not-deliverable' // a dose the form cannot give exactly
  | 'plan/start-in-window' // the start is before the opioid-free date and the clinician has not chosen to go ahead
  | 'plan/too-many-steps';

/** What is wrong in the issuer allow-list file (src/core/smart/allow-list.ts); the field is the target. */
export type ConfigCode =
  | 'config/root-not-object' // the file is not a JSON object with a "clients" array
  | 'config/unknown-field'
  | 'config/not-object'
  | 'config/not-array'
  | 'config/not-boolean'
  | 'config/empty-string' // a name or client id that is missing or blank
  | 'config/scope-version' // neither "v1" nor "v2"
  | 'config/one-matcher' // not exactly one of iss, issPrefix, smartLauncher
  | 'config/write-setting' // not "on", "off" or "fallback"
  | 'config/read-setting' // not "parallel" or "batch"
  | 'config/bad-url' // params: fault (UrlFault, src/core/smart/issuer-url.ts), value
  | 'config/prefix-slash' // an issPrefix without its final "/"
  | 'config/standalone-prefix' // a standalone entry matched by a prefix names no server to offer
  | 'config/duplicate'; // params: previous (the index of the entry it repeats)

/**
 * Why a launch failed (src/edge/smart/launch-failure.ts, launch-plan.ts): one code per failure page. Params carry
 * the facts: `error` (the OAuth error code as received), `status` (an HTTP status), `technical` (the server's own
 * description, verbatim), `cause` for an allow-list that could not be loaded.
 */
export type LaunchCode =
  | 'launch/opened-directly'
  | 'launch/access-denied'
  | 'launch/invalid-client'
  | 'launch/invalid-scope'
  | 'launch/invalid-request'
  | 'launch/auth-server-error'
  | 'launch/token-exchange-failed'
  | 'launch/token-invalid'
  | 'launch/token-expired'
  | 'launch/network-down'
  | 'launch/unknown'
  // Found by the launch page itself (src/edge/smart/launch-plan.ts); params: `server` when one is concerned.
  | 'launch/config-unreadable' // params: file, cause ('no-response' | 'http' | 'not-json'), status
  | 'launch/standalone-disabled'
  | 'launch/standalone-not-offered'
  | 'launch/open-server-not-allowed'
  | 'launch/auth-server-unreachable'
  | 'launch/pkce-unsupported'
  | 'launch/launch-failed';

/**
 * Why one create did not land (src/edge/fhir/create-once.ts). Params: `type` (the resource type) and, when an
 * answer was the cause, its facts: `answer` ('timeout' | 'aborted' | 'network' | 'status' | 'not-bundle'),
 * `afterMs`, `status`, `issues` (OperationOutcome issue codes).
 */
export type CreateCode =
  | 'create/not-attempted'
  | 'create/lost-unsearchable' // the answer was lost and the server cannot be searched by identifier
  | 'create/check-failed' // the search for an earlier copy did not answer usably
  | 'create/cancelled'
  | 'create/no-answer' // no answer, or 5xx
  | 'create/busy' // 429
  | 'create/other-resource' // a conditional create answered with another record
  | 'create/no-id' // accepted, but the id was not given
  | 'create/refused' // 4xx
  | 'create/multiple'; // more than one record carries the identifier (412)

/**
 * Why the signed order was not written (src/edge/order-writer.ts). Params: `cause` (a CreateCode) with its own
 * params, `technical` (the server's OperationOutcome text), `saved` / `savedCount` (override records saved
 * before, pointing to no order), `reference` (the concurrent order).
 */
export type WriteCode =
  | 'write/no-create-scope' // the session may not create MedicationRequests: nothing sent
  | 'write/not-accepted' // 403 / 405: the server does not take this order
  | 'write/rejected' // another 4xx
  | 'write/unconfirmed' // no usable answer: retrying is safe
  | 'write/override-unsaved' // a DetectedIssue could not be saved: no order sent
  | 'write/concurrent-order' // another LDN order appeared since the chart was read: nothing sent
  // Remarks on a written order (WrittenOrder.notes, .prior): what the clinician should know or do.
  | 'write/earlier-version-written' // params: reference (an earlier version of this draft reached the chart)
  | 'write/concurrency-unchecked' // params: check, and an answer's facts
  | 'write/reported-only' // params: status, technical (the full order was refused)
  | 'write/overrides-unlinked' // params: saved, savedCount, shape
  | 'write/duplicates-possible' // the identifier search does not filter on this server
  | 'write/overrides-folded' // params: count, because ('no-scope' | 'no-identifier' | 'refused')
  | 'write/prior-stopped' // params: reference, status (when it had already ended)
  | 'write/prior-active'; // params: reference, because, and an answer's facts

/**
 * Why `npm run clients` refuses an edit of the allow-list (src/core/registration/clients-file.ts), beyond the
 * parser's config problems. Params: `flag` (the command-line flag), `value`, `fault` (a UrlFault), `file`,
 * `entry` (the iss, prefix or launcher concerned), `launcher` (1 when the entry is a launcher), `name`, `technical`.
 */
export type ClientsCode =
  | 'clients/not-json'
  | 'clients/empty-flag'
  | 'clients/scope-version'
  | 'clients/one-matcher'
  | 'clients/write-setting'
  | 'clients/reads-setting'
  | 'clients/bad-url'
  | 'clients/prefix-slash'
  | 'clients/standalone-prefix'
  | 'clients/duplicate'
  | 'clients/no-entry';

/** Why a JSON input is not a chart at all (src/core/fhir/bundle-to-chart.ts); params: `resourceType` when it has one. */
export type InputCode = 'input/not-object' | 'input/not-bundle';

/**
 * Why a deployment cannot be registered (src/core/registration): params `which` ('base' | 'logo' | 'page'),
 * `fault` (a UrlFault, or 'query'), `value`; for a version, `value`.
 */
export type RegistrationCode = 'registration/bad-url' | 'registration/bad-version';

/**
 * What is wrong in the CDS client list (cds-clients.json, src/edge/cds/clients.ts); params: `file`, and `index`
 * of the client entry, `iss` for a repeat.
 */
export type CdsConfigCode =
  | 'cds-config/unreadable' // the file cannot be read
  | 'cds-config/not-json'
  | 'cds-config/no-clients' // not { "clients": [...] }
  | 'cds-config/iss' // a client without a non-empty iss
  | 'cds-config/jwks' // not a JWKS
  | 'cds-config/private-key' // a JWKS that holds a private key
  | 'cds-config/jwks-url' // not https (http only on loopback)
  | 'cds-config/one-key-source' // not exactly one of jwks and jwks_url
  | 'cds-config/fhir-servers' // not a list of http(s) URLs
  | 'cds-config/max-lifetime' // not a whole number of seconds from 1 to 3600
  | 'cds-config/duplicate'; // the same iss twice

/**
 * Why a CDS feedback request body is refused (src/edge/cds/feedback.ts). The service answers 400 "invalid
 * feedback" whatever the code (nothing about the body is echoed); the code is for logs and tests. Param `max`.
 */
export type FeedbackCode =
  | 'feedback/no-items'
  | 'feedback/too-many'
  | 'feedback/card'
  | 'feedback/outcome'
  | 'feedback/timestamp'
  | 'feedback/suggestions'
  | 'feedback/override-reason';

/** Why the seed command did not send a resource (src/edge/seed.ts); params: `target`, the reference that failed. */
export type SeedCode = 'seed/dangling' | 'seed/not-sent';

/** Every code a problem may carry. */
export type ProblemCode =
  | ReadCode
  | PlanCode
  | ConfigCode
  | LaunchCode
  | CreateCode
  | WriteCode
  | ClientsCode
  | InputCode
  | RegistrationCode
  | CdsConfigCode
  | FeedbackCode
  | SeedCode;

/** The facts a surface needs to word a problem: numbers, dates (ISO), references. Never wording. */
export type ProblemParams = Readonly<Record<string, string | number>>;

/**
 * An expected failure as data. `target` is what it is about (an input field's dotted path, a search, a
 * reference, a config field); `params` hold the facts the wording needs. A `technical` param, when present, is
 * a server's own words (an OAuth error_description, an OperationOutcome text), shown as the server's, verbatim.
 */
export interface Problem<C extends string = ProblemCode> {
  code: C;
  severity: Severity;
  target?: string;
  params?: ProblemParams;
}

/** Builds a problem, leaving out `params` and `target` when not given. */
export function problem<C extends string>(
  code: C,
  severity: Severity,
  params?: ProblemParams,
  target?: string,
): Problem<C> {
  return {
    code,
    severity,
    ...(target !== undefined ? { target } : {}),
    ...(params !== undefined ? { params } : {}),
  };
}
