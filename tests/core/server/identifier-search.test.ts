/** The one decision on whether an identifier search filtered (issue 10 item 4), as check-server and the writer read it. */
import { describe, expect, it } from 'vitest';
import {
  identifierProbePath,
  identifierSearchVerdict,
  PROBE_IDENTIFIER,
} from '../../../src/core/server/identifier-search.ts';

const ID = { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:abc' };
const order = (identifier: { system: string; value: string }[], id = 'mr1') => ({
  resourceType: 'MedicationRequest',
  id,
  identifier,
});
const bundle = (entries: unknown[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: entries });

describe('identifierSearchVerdict', () => {
  it('no entries: the server filtered', () => {
    expect(identifierSearchVerdict(bundle([]), 'MedicationRequest', ID)).toEqual({ kind: 'filters', matches: 0 });
    expect(identifierSearchVerdict({ resourceType: 'Bundle', type: 'searchset' }, 'MedicationRequest', ID)).toEqual({
      kind: 'filters',
      matches: 0,
    });
  });
  it('every match carries the identifier exactly: filtered', () => {
    expect(
      identifierSearchVerdict(
        bundle([{ resource: order([{ system: 'urn:x', value: '1' }, ID]) }]),
        'MedicationRequest',
        ID,
      ),
    ).toEqual({ kind: 'filters', matches: 1 });
  });
  it('a match without it (another value, another system, or none): ignored', () => {
    const strangers = [
      order([{ system: ID.system, value: 'urn:uuid:other' }], 'a'),
      order([{ system: 'urn:y', value: ID.value }], 'b'),
      { resourceType: 'MedicationRequest', id: 'c' },
    ];
    expect(
      identifierSearchVerdict(
        bundle([{ resource: order([ID]) }, ...strangers.map((resource) => ({ resource }))]),
        'MedicationRequest',
        ID,
      ),
    ).toEqual({ kind: 'ignored', matches: 4, strangers: 3 });
  });
  it('included resources and outcomes are not matches', () => {
    const entries = [
      { resource: { resourceType: 'Medication', id: 'm' }, search: { mode: 'include' } },
      { resource: { resourceType: 'OperationOutcome' }, search: { mode: 'outcome' } },
    ];
    expect(identifierSearchVerdict(bundle(entries), 'MedicationRequest', ID).kind).toBe('filters');
  });
  it('not a Bundle: unknown', () => {
    expect(identifierSearchVerdict({ resourceType: 'OperationOutcome' }, 'MedicationRequest', ID)).toEqual({
      kind: 'unknown',
    });
    expect(identifierSearchVerdict({ resourceType: 'Bundle', entry: 'x' }, 'MedicationRequest', ID)).toEqual({
      kind: 'unknown',
    });
  });
  it('the probe path asks for the impossible identifier, encoded', () => {
    const q = new URL(identifierProbePath(), 'https://x/fhir/').searchParams.get('identifier');
    expect(q).toBe(`${PROBE_IDENTIFIER.system}|${PROBE_IDENTIFIER.value}`);
  });
});
