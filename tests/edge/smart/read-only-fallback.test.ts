/**
 * Read-only use (issue 12 item 2): the per-issuer `write` and `writeDetectedIssue` settings choose the scopes; with
 * "fallback" an invalid_scope refusal at authorize retries once, for the same authorization (state), with the
 * create scopes left out, and a second refusal shows the scopes page.
 */
import { describe, expect, it } from 'vitest';
import { parseAllowList } from '../../../src/core/smart/allow-list.ts';
import { requestedScopes } from '../../../src/core/smart/scopes.ts';
import { entryScopes, readOnlyScopes } from '../../../src/core/smart/write-scopes.ts';
import { launchFailure } from '../../../src/edge/smart/launch-failure.ts';
import { planLaunch } from '../../../src/edge/smart/launch-plan.ts';
import {
  isFallbackRetry,
  rememberForRetry,
  SCOPE_RETRY_KEY,
  scopeRetryUrl,
} from '../../../src/edge/smart/scope-retry.ts';
import { allowList, EXACT } from './allow-list-fixtures.ts';
import { memoryStore } from '../../support/memory-store.ts';
import { buildRegistration } from '../../../src/core/registration/registration.ts';
import { formatRegistrationText } from '../../../src/core/registration/format.ts';

const words = (s: string) => s.split(' ');
const APP = 'https://app.example.org/ldn/';

describe('scope sets per write setting', () => {
  it('read-only is the full set minus exactly the two create scopes (v1 and v2)', () => {
    for (const v of ['v1', 'v2'] as const) {
      const full = words(requestedScopes('ehr', v));
      const ro = words(readOnlyScopes('ehr', v));
      const suffix = v === 'v1' ? 'write' : 'c';
      expect(full.filter((s) => !ro.includes(s))).toEqual([
        `patient/MedicationRequest.${suffix}`,
        `patient/DetectedIssue.${suffix}`,
      ]);
    }
  });

  it('on / off / fallback, for MedicationRequest and DetectedIssue separately', () => {
    const e = (write?: string, writeDetectedIssue?: string) =>
      ({
        scopeVersion: 'v2' as const,
        ...(write ? { write } : {}),
        ...(writeDetectedIssue ? { writeDetectedIssue } : {}),
      }) as Parameters<typeof entryScopes>[1];
    expect(entryScopes('ehr', e(), 'first')).toBe(requestedScopes('ehr', 'v2'));
    expect(entryScopes('ehr', e('off', 'off'), 'first')).toBe(readOnlyScopes('ehr', 'v2'));
    expect(words(entryScopes('ehr', e('fallback'), 'first'))).toContain('patient/MedicationRequest.c');
    expect(words(entryScopes('ehr', e('fallback'), 'fallback'))).not.toContain('patient/MedicationRequest.c');
    // Without the order, no DetectedIssue (it records an override of that order).
    expect(words(entryScopes('ehr', e('fallback'), 'fallback'))).not.toContain('patient/DetectedIssue.c');
    expect(words(entryScopes('ehr', e('off', 'on'), 'first'))).not.toContain('patient/DetectedIssue.c');
    const diOnly = words(entryScopes('standalone', e('on', 'fallback'), 'fallback'));
    expect(diOnly).toContain('patient/MedicationRequest.c');
    expect(diOnly).not.toContain('patient/DetectedIssue.c');
  });

  it('the registration text lists the read-only set next to the full one', () => {
    const r = buildRegistration({ baseUrl: 'https://app.example.org/ldn/', version: '1.0.0' } as Parameters<
      typeof buildRegistration
    >[0]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lines = formatRegistrationText(r.value);
    expect(lines).toContain(`  read-only (v2): ${readOnlyScopes('ehr', 'v2')}`);
    expect(lines).toContain(`  read-only (v1): ${readOnlyScopes('standalone', 'v1')}`);
  });

  it('the file accepts only on, off and fallback', () => {
    expect(parseAllowList({ clients: [{ ...EXACT, write: 'maybe' }] }, 'f.json').ok).toBe(false);
    const ok = parseAllowList({ clients: [{ ...EXACT, write: 'fallback', writeDetectedIssue: 'off' }] }, 'f.json');
    expect(ok.ok && ok.value.clients[0]).toMatchObject({ write: 'fallback', writeDetectedIssue: 'off' });
  });
});

describe('one retry after invalid_scope', () => {
  const list = allowList({ clients: [{ ...EXACT, write: 'fallback' }] });
  const request = { kind: 'ehr' as const, iss: EXACT.iss, launch: 'L1' };

  it('the first attempt asks for create and is retryable; the retry asks read-only and is not', () => {
    const first = planLaunch({ request, list, appRootUrl: APP, stateKey: 'S1' });
    expect(first.action === 'authorize' && first.retryable).toEqual({ iss: EXACT.iss, launch: 'L1' });
    expect(first.action === 'authorize' && first.options[0]?.scope).toContain('patient/MedicationRequest.c');
    const retry = planLaunch({ request, list, appRootUrl: APP, stateKey: 'S2', attempt: 'fallback' });
    expect(retry.action === 'authorize' && retry.retryable).toBeUndefined();
    expect(retry.action === 'authorize' && retry.options[0]?.scope).not.toContain('patient/MedicationRequest.c');
  });

  it('an entry without fallback is never retryable', () => {
    const plan = planLaunch({ request, list: allowList({ clients: [EXACT] }), appRootUrl: APP, stateKey: 'S1' });
    expect(plan.action === 'authorize' && plan.retryable).toBeUndefined();
  });

  it('the refusal for the remembered state sends the browser back to the launch page once', () => {
    const store = memoryStore();
    rememberForRetry(store, { stateKey: 'S1', iss: EXACT.iss, launch: 'L1' });
    const url = scopeRetryUrl(
      store,
      launchFailure('invalid-scope', { error: 'invalid_scope' }),
      'S1',
      `${APP}index.html?error=invalid_scope&state=S1`,
    );
    expect(url).toBe(`${APP}launch/?iss=${encodeURIComponent(EXACT.iss)}&launch=L1&retry=fallback`);
    expect(isFallbackRetry(new URL(url ?? '').searchParams)).toBe(true);
    expect(store.map.has(SCOPE_RETRY_KEY)).toBe(false);
    expect(scopeRetryUrl(store, launchFailure('invalid-scope'), 'S1', APP)).toBeUndefined();
  });

  it('no retry for another state, another error, or no record (and the record is consumed)', () => {
    const store = memoryStore();
    rememberForRetry(store, { stateKey: 'S1', iss: EXACT.iss });
    expect(scopeRetryUrl(store, launchFailure('invalid-scope'), 'OTHER', APP)).toBeUndefined();
    rememberForRetry(store, { stateKey: 'S1', iss: EXACT.iss });
    expect(scopeRetryUrl(store, launchFailure('access-denied'), 'S1', APP)).toBeUndefined();
    expect(store.map.size).toBe(0);
    expect(scopeRetryUrl(memoryStore(), launchFailure('invalid-scope'), 'S1', APP)).toBeUndefined();
  });
});
