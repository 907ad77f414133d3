/**
 * Every fact the server check can state has words (issue 14 item 2). Each table below is typed over its whole
 * union: a new failure kind, item id, item fact, verdict or note without an example here does not compile, and one
 * without words fails the test.
 */
import { describe, expect, it } from 'vitest';
import type { FixedItemId, ItemFact, NoteFact, VerdictFact } from '../../../src/core/server/facts.ts';
import { CREATE_NEEDS, RESOURCE_NEEDS } from '../../../src/core/server/needs.ts';
import { failureText, itemLabel, noteText, reasonText, verdictText } from '../../../src/core/server/strings.ts';
import type { FetchFailure } from '../../../src/core/server/types.ts';

/** One example per member of a union discriminated by `K`. */
type Examples<U, K extends keyof U> = { [V in U[K] & string]: Extract<U, Record<K, V>> };

const FAILURES: Examples<FetchFailure, 'what'> = {
  timeout: { what: 'timeout' },
  aborted: { what: 'aborted' },
  dns: { what: 'dns' },
  refused: { what: 'refused' },
  closed: { what: 'closed' },
  unreachable: { what: 'unreachable' },
  'connect-timeout': { what: 'connect-timeout' },
  tls: { what: 'tls', code: 'CERT_HAS_EXPIRED' },
  'bad-port': { what: 'bad-port' },
  network: { what: 'network' },
  'cut-off': { what: 'cut-off', cause: { what: 'closed' } },
  http: { what: 'http', status: 502, html: true },
  html: { what: 'html' },
  'invalid-json': { what: 'invalid-json' },
};

const FIXED_IDS: Record<FixedItemId, true> = {
  metadata: true,
  'fhir-version': true,
  formats: true,
  'smart-discovery': true,
  'launch-ehr': true,
  'launch-standalone': true,
  'pkce-s256': true,
  'scope-versions': true,
  'open-read': true,
  include: true,
  paging: true,
  'conditional-create': true,
  'identifier-search': true,
  batch: true,
};

const ITEM_FACTS: Examples<ItemFact, 'kind'> = {
  'metadata-read': { kind: 'metadata-read', software: '' },
  'metadata-unreadable': { kind: 'metadata-unreadable', failure: { what: 'dns' } },
  'metadata-not-capability-statement': { kind: 'metadata-not-capability-statement' },
  'fhir-version': { kind: 'fhir-version', version: '4.0.1' },
  'fhir-version-not-r4': { kind: 'fhir-version-not-r4', version: '5.0.0' },
  'fhir-version-absent': { kind: 'fhir-version-absent' },
  'formats-none': { kind: 'formats-none' },
  'formats-json': { kind: 'formats-json', formats: ['json'] },
  'formats-no-json': { kind: 'formats-no-json', formats: ['xml'] },
  'smart-404': { kind: 'smart-404' },
  'smart-unreadable': { kind: 'smart-unreadable', failure: { what: 'html' } },
  'smart-not-smart': { kind: 'smart-not-smart' },
  'smart-declared': { kind: 'smart-declared', authorizationEndpoint: false },
  'no-smart': { kind: 'no-smart' },
  'capability-declared': { kind: 'capability-declared' },
  'capability-absent': { kind: 'capability-absent', capability: 'launch-ehr' },
  'pkce-undeclared': { kind: 'pkce-undeclared' },
  'pkce-plain': { kind: 'pkce-plain', methods: ['plain'] },
  'pkce-no-s256': { kind: 'pkce-no-s256', methods: [] },
  'pkce-s256': { kind: 'pkce-s256' },
  'scope-versions': { kind: 'scope-versions', versions: ['permission-v2'] },
  'scope-versions-none': { kind: 'scope-versions-none' },
  'open-read': { kind: 'open-read' },
  'open-read-refused': { kind: 'open-read-refused', failure: { what: 'http', status: 401, html: false } },
  'open-read-not-searchset': { kind: 'open-read-not-searchset' },
  'resource-absent': { kind: 'resource-absent', type: 'Procedure' },
  'resource-lacking': { kind: 'resource-lacking', type: 'Patient', lacking: [{ what: 'read' }] },
  declared: { kind: 'declared' },
  'include-declared': { kind: 'include-declared' },
  'include-absent': { kind: 'include-absent' },
  'count-declared': { kind: 'count-declared' },
  'next-link': { kind: 'next-link' },
  'count-undeclared': { kind: 'count-undeclared' },
  'create-declared': { kind: 'create-declared', type: 'MedicationRequest' },
  'create-undeclared': { kind: 'create-undeclared', type: 'MedicationRequest' },
  'conditional-create-undeclared': { kind: 'conditional-create-undeclared' },
  'identifier-needs-authorization': { kind: 'identifier-needs-authorization' },
  'identifier-probe-failed': { kind: 'identifier-probe-failed', failure: { what: 'timeout' } },
  'identifier-not-searchset': { kind: 'identifier-not-searchset' },
  'identifier-ignored': { kind: 'identifier-ignored', strangers: 2 },
  'identifier-filters': { kind: 'identifier-filters' },
  'batch-refused': { kind: 'batch-refused' },
  'batch-possible': { kind: 'batch-possible', answered: false },
  'batch-undeclared': { kind: 'batch-undeclared' },
};

const VERDICTS: Examples<VerdictFact, 'kind'> = {
  metadata: { kind: 'metadata', fact: { kind: 'metadata-not-capability-statement' } },
  'not-r4': { kind: 'not-r4', fact: { kind: 'fhir-version-absent' } },
  'not-json': { kind: 'not-json', fact: { kind: 'formats-no-json', formats: ['xml'] } },
  'no-access': { kind: 'no-access' },
  'chart-unreadable': { kind: 'chart-unreadable', types: ['Condition'] },
  'no-order-create': { kind: 'no-order-create' },
  'reported-only': { kind: 'reported-only' },
  full: { kind: 'full' },
  'full-overrides-in-note': { kind: 'full-overrides-in-note' },
};

const NOTES: Examples<NoteFact, 'kind'> = {
  'search-incomplete': { kind: 'search-incomplete', type: 'Appointment' },
  'identifier-ignored': { kind: 'identifier-ignored' },
  'overrides-in-note': { kind: 'overrides-in-note' },
};

/** A sentence: some words, no template leftovers. */
function expectWords(text: string) {
  expect(text.trim().length).toBeGreaterThan(3);
  expect(text).not.toMatch(/undefined|\[object|NaN|\$\{/);
}

describe('server check strings', () => {
  it.each(Object.values(FAILURES))('fetch failure %o has a line', (f) => expectWords(failureText(f)));

  it.each([
    ...(Object.keys(FIXED_IDS) as FixedItemId[]),
    ...RESOURCE_NEEDS.map((n) => `resource-${n.type}` as const),
    ...CREATE_NEEDS.map((t) => `create-${t}` as const),
  ])('item %s has a label', (id) => expectWords(itemLabel(id)));

  it.each(Object.values(ITEM_FACTS))('item fact %o has a reason', (f) => expectWords(reasonText(f)));
  it.each(Object.values(VERDICTS))('verdict %o has a reason', (f) => expectWords(verdictText(f)));
  it.each(Object.values(NOTES))('note %o has words', (f) => expectWords(noteText(f)));

  it('keeps the words the CLI printed before the move', () => {
    expect(failureText({ what: 'http', status: 404, statusText: 'Not Found', html: true })).toBe(
      'HTTP 404 Not Found (an HTML page)',
    );
    expect(failureText({ what: 'cut-off', cause: { what: 'closed' } })).toBe(
      'response cut off: connection closed by the server',
    );
    expect(failureText({ what: 'invalid-json' })).toBe('answered invalid JSON (no content-type)');
    expect(failureText({ what: 'network', code: 'EPIPE' })).toBe('network error (EPIPE)');
    expect(itemLabel('resource-Appointment')).toBe('Appointment: search patient, status, date');
    expect(itemLabel('resource-Medication')).toBe('Medication: read');
    expect(itemLabel('resource-Patient')).toBe('Patient: read; search name');
    expect(itemLabel('create-DetectedIssue')).toBe('create DetectedIssue');
    expect(
      reasonText({
        kind: 'resource-lacking',
        type: 'Patient',
        lacking: [{ what: 'read' }, { what: 'parameter', name: 'name' }],
      }),
    ).toBe('Patient listed without read, parameter name');
  });
});
