/**
 * One retry with fewer scopes after the EHR refused them at authorize (issue 12 item 2).
 *
 * Before an authorization whose entry has a write setting "fallback", the launch page remembers, in
 * sessionStorage, the launch (iss, launch code) under the authorization's state key. If the authorization server
 * redirects back to the app page with `error=invalid_scope` (RFC 6749 section 4.1.2.1) and that same `state`, the
 * app page sends the browser back to the launch page once, with `retry=fallback`, which asks for the scope set
 * without the "fallback" creates. The record is consumed on read and never written for the retry itself, so a
 * second refusal shows the scopes page. Only the iss and the opaque launch handle are stored (no token, no
 * patient data), in sessionStorage only, as fhirclient keeps its own state.
 */
import type { LaunchFailure } from './launch-failure.ts';

export const SCOPE_RETRY_KEY = 'ldn-scope-retry';

/** The launch page's URL parameter that asks for the fallback scope set. */
export const RETRY_PARAM = 'retry';
export const RETRY_VALUE = 'fallback';

/** The part of the Web Storage API used (tests pass a Map-backed stand-in). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

interface RetryRecord {
  stateKey: string;
  iss: string;
  launch?: string;
}

/** Remembers a launch that may be retried once with the fallback scopes. */
export function rememberForRetry(store: KeyValueStore, record: RetryRecord): void {
  try {
    store.setItem(SCOPE_RETRY_KEY, JSON.stringify(record));
  } catch {
    /* storage full or blocked: the refusal then shows its page, as before */
  }
}

/** Forgets any remembered launch (a retry is starting, or the launch needs none). */
export function forgetRetry(store: KeyValueStore): void {
  try {
    store.removeItem(SCOPE_RETRY_KEY);
  } catch {
    /* nothing to forget */
  }
}

/**
 * The launch page URL to retry with, when the app page got an invalid_scope refusal for the remembered
 * authorization (same state); undefined otherwise. Consumes the record either way.
 */
export function scopeRetryUrl(
  store: KeyValueStore,
  failure: LaunchFailure,
  state: string | null,
  appPageUrl: string,
): string | undefined {
  let record: RetryRecord | undefined;
  try {
    const raw = store.getItem(SCOPE_RETRY_KEY);
    record = raw ? (JSON.parse(raw) as RetryRecord) : undefined;
  } catch {
    record = undefined;
  }
  forgetRetry(store);
  if (
    failure.kind !== 'invalid-scope' ||
    !record ||
    !state ||
    record.stateKey !== state ||
    typeof record.iss !== 'string'
  )
    return undefined;
  const url = new URL('launch/', appPageUrl);
  url.search = new URLSearchParams({
    iss: record.iss,
    ...(typeof record.launch === 'string' ? { launch: record.launch } : {}),
    [RETRY_PARAM]: RETRY_VALUE,
  }).toString();
  return url.href;
}

/** Whether the launch page was opened for the fallback retry. */
export function isFallbackRetry(search: URLSearchParams): boolean {
  return search.get(RETRY_PARAM) === RETRY_VALUE;
}
