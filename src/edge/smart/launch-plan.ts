/**
 * What the launch page does, decided from its URL and the allow-list, before any network call to an EHR:
 * start a sign-in (with fhirclient options built only from allowed entries), show the standalone picker, or
 * show a page explaining why it will not launch. Pure, so every branch is unit-tested.
 */
import type { Problem } from '../../core/problem.ts';
import type { AllowList } from '../../core/smart/allow-list.ts';
import { hasScopeFallback, type ScopeAttempt } from '../../core/smart/write-scopes.ts';
import {
  matchIssuer,
  openAuthorizeOptions,
  openServerAllowed,
  smartAuthorizeOptions,
  type AuthorizeOptions,
  type LaunchRequest,
} from './authorize-options.ts';
import { isNetworkError } from './network-error.ts';

/** Failures found by the launch page itself (before or while starting the authorization). */
export type LaunchPageFailureKind =
  | 'config-unreadable'
  | 'standalone-disabled'
  | 'standalone-not-offered'
  | 'open-server-not-allowed'
  | 'auth-server-unreachable'
  | 'pkce-unsupported'
  | 'launch-failed';

export type LaunchPlan =
  | {
      action: 'authorize';
      options: AuthorizeOptions[];
      serverUrl: string;
      /** Remember this launch for one retry with fewer scopes if the EHR refuses them (write "fallback"). */
      retryable?: { iss: string; launch?: string };
      /** The entry reads the chart in one FHIR batch (its `reads` setting): remembered for the app page. */
      batchReads?: boolean;
    }
  | { action: 'picker' }
  | { action: 'unknown-issuer'; iss: string }
  | ({ action: 'failure' } & LaunchPageFailure);

/**
 * A failure the launch page found: a problem whose code is `launch/<kind>`; `kind` picks the page
 * (src/ui/pages/launch-failure-texts.ts), `params.server` names the server concerned when there is one.
 */
export interface LaunchPageFailure extends Problem<`launch/${LaunchPageFailureKind}`> {
  kind: LaunchPageFailureKind;
  severity: 'error';
}

/** The failure of `kind`, about `server` when given. */
export function launchPageFailure(kind: LaunchPageFailureKind, server?: string): LaunchPageFailure {
  return { code: `launch/${kind}`, severity: 'error', kind, ...(server ? { params: { server } } : {}) };
}

const fail = (kind: LaunchPageFailureKind, server?: string): LaunchPlan => ({
  action: 'failure',
  ...launchPageFailure(kind, server),
});

export interface PlanInput {
  request: LaunchRequest;
  list: AllowList;
  appRootUrl: string;
  stateKey: string;
  /** 'fallback' when the launch page was reopened after an invalid_scope refusal (scope-retry.ts). */
  attempt?: ScopeAttempt;
}

/** Decides the launch page's action. Only allow-listed servers ever reach 'authorize'. */
export function planLaunch({ request, list, appRootUrl, stateKey, attempt = 'first' }: PlanInput): LaunchPlan {
  switch (request.kind) {
    case 'ehr':
    case 'standalone-smart': {
      const entry = matchIssuer(list, request.iss);
      if (!entry) return { action: 'unknown-issuer', iss: request.iss };
      if (request.kind === 'standalone-smart' && !(list.standalone.enabled && entry.standalone === true)) {
        return fail('standalone-not-offered', request.iss);
      }
      const kind = request.kind === 'ehr' ? 'ehr' : 'standalone';
      const options = smartAuthorizeOptions({ list, kind, appRootUrl, stateKey, attempt });
      // One retry only: the first attempt of an entry with a "fallback" write setting is remembered, the retry is not.
      const retryable =
        attempt === 'first' && hasScopeFallback(entry)
          ? { iss: request.iss, ...(request.kind === 'ehr' ? { launch: request.launch } : {}) }
          : undefined;
      return {
        action: 'authorize',
        options,
        serverUrl: request.iss,
        ...(retryable ? { retryable } : {}),
        ...(entry.reads === 'batch' ? { batchReads: true } : {}),
      };
    }
    case 'standalone-open':
      if (!openServerAllowed(list, request.fhirServiceUrl)) {
        return fail('open-server-not-allowed', request.fhirServiceUrl);
      }
      return {
        action: 'authorize',
        options: openAuthorizeOptions(request.fhirServiceUrl, request.patientId, appRootUrl, stateKey),
        serverUrl: request.fhirServiceUrl,
      };
    case 'open-without-patient':
    case 'picker':
      return list.standalone.enabled ? { action: 'picker' } : fail('standalone-disabled');
  }
}

/**
 * Classifies an error thrown by fhirclient's `authorize()`. By type first: a TypeError (no response) or an
 * HttpError (an answer that was not a success) means the server's SMART configuration could not be read.
 * fhirclient 2.6.3 (lib/smart.js, lib/lib.js) raises the rest as plain Errors that carry only a message, so those
 * are known by how the message begins: no allow-listed configuration for the iss, no PKCE S256, and the
 * well-known / CapabilityStatement fetch that failed (it wraps the fetch error in a new Error).
 */
export function failureFromAuthorizeError(e: unknown): LaunchPageFailureKind | 'unknown-issuer' {
  if (isNetworkError(e) || (e instanceof Error && e.name === 'HttpError')) return 'auth-server-unreachable';
  const message = e instanceof Error ? e.message : String(e);
  if (message.startsWith('No configuration found matching')) return 'unknown-issuer';
  if (message.startsWith('Required PKCE code challenge method')) return 'pkce-unsupported';
  if (/^Failed to fetch the (well-known json|conformance statement)/.test(message)) return 'auth-server-unreachable';
  return 'launch-failed';
}

/**
 * The URL of the launch page with query parameters fhirclient must not take from the URL removed: fhirclient
 * lets a `clientId` URL parameter override the configured client id, which would let a crafted launch link choose
 * the client. The allow-list alone decides it.
 */
export function withoutOverrides(href: string): string | undefined {
  const url = new URL(href);
  if (!url.searchParams.has('clientId')) return undefined;
  url.searchParams.delete('clientId');
  return url.href;
}
