/** The order writer's pure adjustments to the MedicationRequest, and reading a created id from an answer. */
import { describe, expect, it } from 'vitest';
import type { DetectedIssue, MedicationRequest } from 'fhir/r4';
import {
  foldIssuesIntoNote,
  overrideText,
  withIdentifier,
  withIssueReferences,
} from '../../src/core/order/order-shape.ts';
import { idFromAnswer, identifierCondition, identifierToken } from '../../src/edge/fhir/create-once.ts';
import { testDraft } from '../support/msw/drafts.ts';

const draft = testDraft({ value: 'shape-1', patientId: 'p1', overrides: 2 });

describe('withIssueReferences', () => {
  it('replaces each placeholder by the created reference, in order', () => {
    const created = new Map([
      ['urn:uuid:shape-1-issue-0', 'DetectedIssue/10'],
      ['urn:uuid:shape-1-issue-1', 'DetectedIssue/11'],
    ]);
    expect(withIssueReferences(draft.medicationRequest, created).detectedIssue).toEqual([
      { reference: 'DetectedIssue/10' },
      { reference: 'DetectedIssue/11' },
    ]);
  });
  it('drops placeholders with no created resource, keeps ordinary references, and removes an empty list', () => {
    const mr: MedicationRequest = {
      ...draft.medicationRequest,
      detectedIssue: [{ reference: 'urn:uuid:nope' }, { reference: 'DetectedIssue/existing' }],
    };
    expect(withIssueReferences(mr, new Map()).detectedIssue).toEqual([{ reference: 'DetectedIssue/existing' }]);
    expect('detectedIssue' in withIssueReferences(draft.medicationRequest, new Map())).toBe(false);
  });
  it('does not change the draft it was given', () => {
    const before = JSON.stringify(draft.medicationRequest);
    withIssueReferences(draft.medicationRequest, new Map([['urn:uuid:shape-1-issue-0', 'DetectedIssue/10']]));
    expect(JSON.stringify(draft.medicationRequest)).toBe(before);
  });
});

describe('folding overrides into the note', () => {
  it('adds one note per override after the existing notes', () => {
    const mr = foldIssuesIntoNote(draft.medicationRequest, draft.detectedIssues);
    expect(mr.note).toHaveLength(3);
    expect(mr.note?.[0]?.text).toMatch(/^Titrate weekly/);
    expect(mr.note?.[1]?.text).toBe(
      'Overridden conflict (high): Tramadol dispensed within the washout window (0). Concerns: tramadol dispense 0. Reason given: Override.',
    );
  });
  it('words an override that has only a code', () => {
    const di: DetectedIssue = {
      resourceType: 'DetectedIssue',
      status: 'final',
      code: { coding: [{ display: 'Drug interaction' }] },
    };
    expect(overrideText(di)).toBe('Overridden conflict: Drug interaction.');
  });
  it('changes nothing when there is nothing to fold', () => {
    expect(foldIssuesIntoNote(draft.medicationRequest, [])).toBe(draft.medicationRequest);
  });
});

describe('withIdentifier', () => {
  it('adds the client identifier when the order lacks it, once', () => {
    const { identifier: _none, ...bare } = draft.medicationRequest;
    const once = withIdentifier(bare, draft.identifier);
    expect(once.identifier).toEqual([{ system: draft.identifier.system, value: 'shape-1' }]);
    expect(withIdentifier(once, draft.identifier)).toBe(once);
  });
});

describe('idFromAnswer', () => {
  const answered = (json: unknown, headers: Record<string, string> = {}) => ({
    kind: 'answered' as const,
    status: 201,
    headers: new Headers(headers),
    json,
    notJson: false,
  });
  it('prefers the id in the body', () => {
    expect(
      idFromAnswer(
        answered({ resourceType: 'MedicationRequest', id: 'b1' }, { location: 'x/MedicationRequest/l1' }),
        'MedicationRequest',
      ),
    ).toBe('b1');
  });
  it.each([
    ['https://ehr.example/fhir/MedicationRequest/abc/_history/1', 'abc'],
    ['MedicationRequest/abc', 'abc'],
    ['/fhir/MedicationRequest/abc/', 'abc'],
  ])('reads the id from Location %s', (location, id) => {
    expect(idFromAnswer(answered(undefined, { location }), 'MedicationRequest')).toBe(id);
  });
  it('finds no id in a Location for another type or in an OperationOutcome body', () => {
    expect(
      idFromAnswer(
        answered({ resourceType: 'OperationOutcome' }, { location: 'DetectedIssue/1' }),
        'MedicationRequest',
      ),
    ).toBeUndefined();
  });
});

describe('identifierToken', () => {
  it('keeps the system|value bar and escapes characters that would split a query', () => {
    expect(identifierToken({ system: 'urn:ldn-app:x', value: 'a&b' })).toBe('urn%3Aldn-app%3Ax|a%26b');
  });
});

describe('identifierCondition', () => {
  it('scopes the condition to the patient when known, with a bare id', () => {
    expect(identifierCondition({ system: 'urn:s', value: 'v' }, 'Patient/p-1')).toBe(
      'patient=p-1&identifier=urn%3As|v',
    );
    expect(identifierCondition({ system: 'urn:s', value: 'v' })).toBe('identifier=urn%3As|v');
  });
});
