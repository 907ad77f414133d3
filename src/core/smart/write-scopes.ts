/**
 * The scope sets the app asks for, per issuer write setting (issue 12 item 2): many EHRs (and the SMART launcher)
 * refuse at authorize time a scope they do not grant an unreviewed app, with `invalid_scope` (RFC 6749 section
 * 4.1.2.1), so an app that always asks for create scopes never reaches its read-only path there.
 *
 * Built from the one list in scopes.ts (scopeList): the read-only variant is that list without the create
 * scopes, never a second list to keep in step.
 */
import type { AllowListEntry, WriteSetting } from './allow-list.ts';
import { scopeList, type LaunchKind, type ScopeVersion } from './scopes.ts';

/** Which creates a scope set asks for. */
export interface WriteScopes {
  medicationRequest: boolean;
  detectedIssue: boolean;
}

/** Whether a scope of scopeList() is the create scope of `type` (v1 `.write`, v2 `.c`). */
const isCreateOf = (scope: string, type: string) => scope === `patient/${type}.c` || scope === `patient/${type}.write`;

/** The scope string for a launch kind and version, with or without each create scope. */
export function scopesWith(kind: LaunchKind, version: ScopeVersion, writes: WriteScopes): string {
  return scopeList(kind)
    .map((need) => need[version])
    .filter(
      (scope) =>
        (writes.medicationRequest || !isCreateOf(scope, 'MedicationRequest')) &&
        (writes.detectedIssue || !isCreateOf(scope, 'DetectedIssue')),
    )
    .join(' ');
}

/** The read-only scope set: every read, no create. */
export function readOnlyScopes(kind: LaunchKind, version: ScopeVersion): string {
  return scopesWith(kind, version, { medicationRequest: false, detectedIssue: false });
}

/** First attempt, or the one retry after an invalid_scope refusal. */
export type ScopeAttempt = 'first' | 'fallback';

const asks = (setting: WriteSetting | undefined, attempt: ScopeAttempt) => {
  const s = setting ?? 'on';
  return s === 'on' || (s === 'fallback' && attempt === 'first');
};

/**
 * What an entry asks for on this attempt: "off" never, "on" always, "fallback" only on the first attempt. A
 * DetectedIssue records an override of the order the app writes, so without the order create it is not asked
 * either (an EHR that refuses one usually refuses both).
 */
export function entryWrites(
  entry: Pick<AllowListEntry, 'write' | 'writeDetectedIssue'>,
  attempt: ScopeAttempt,
): WriteScopes {
  const medicationRequest = asks(entry.write, attempt);
  return { medicationRequest, detectedIssue: medicationRequest && asks(entry.writeDetectedIssue, attempt) };
}

/** The scope string for an entry on this attempt. */
export function entryScopes(
  kind: LaunchKind,
  entry: Pick<AllowListEntry, 'scopeVersion' | 'write' | 'writeDetectedIssue'>,
  attempt: ScopeAttempt,
): string {
  return scopesWith(kind, entry.scopeVersion, entryWrites(entry, attempt));
}

/** Whether a refusal of this entry's scopes is worth one retry: some create is "fallback". */
export function hasScopeFallback(entry: Pick<AllowListEntry, 'write' | 'writeDetectedIssue'>): boolean {
  return entry.write === 'fallback' || entry.writeDetectedIssue === 'fallback';
}
