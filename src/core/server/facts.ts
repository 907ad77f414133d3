/**
 * What the evaluator found, as data: one fact per check item, per verdict and per note. evaluate.ts decides which
 * fact holds (and so the status and the verdict); strings.ts is the only place that words them (issue 14 item 2:
 * all wording in one strings module per surface).
 */
import type { CreateType, ReadType } from './needs.ts';
import type { FetchFailure } from './types.ts';

/** The ids of the check items that are not per resource type. */
export type FixedItemId =
  | 'metadata'
  | 'fhir-version'
  | 'formats'
  | 'smart-discovery'
  | 'launch-ehr'
  | 'launch-standalone'
  | 'pkce-s256'
  | 'scope-versions'
  | 'open-read'
  | 'include'
  | 'paging'
  | 'conditional-create'
  | 'identifier-search'
  | 'batch';

/** Every check item id: the fixed ones, one per resource type read, one per type created. */
export type ItemId = FixedItemId | `resource-${ReadType}` | `create-${CreateType}`;

/** Something a listed resource lacks: an interaction or a search parameter. */
export type Lacking = { what: 'read' } | { what: 'search' } | { what: 'parameter'; name: string };

/** Why an item has its status. */
export type ItemFact =
  | { kind: 'metadata-read'; software: string }
  | { kind: 'metadata-unreadable'; failure: FetchFailure }
  | { kind: 'metadata-not-capability-statement' }
  | { kind: 'fhir-version'; version: string }
  | { kind: 'fhir-version-not-r4'; version: string }
  | { kind: 'fhir-version-absent' }
  | { kind: 'formats-none' }
  | { kind: 'formats-json'; formats: string[] }
  | { kind: 'formats-no-json'; formats: string[] }
  | { kind: 'smart-404' }
  | { kind: 'smart-unreadable'; failure: FetchFailure }
  | { kind: 'smart-not-smart' }
  | { kind: 'smart-declared'; authorizationEndpoint: boolean; tokenEndpoint?: string }
  | { kind: 'no-smart' }
  | { kind: 'capability-declared' }
  | { kind: 'capability-absent'; capability: string }
  | { kind: 'pkce-undeclared' }
  | { kind: 'pkce-plain'; methods: string[] }
  | { kind: 'pkce-no-s256'; methods: string[] }
  | { kind: 'pkce-s256' }
  | { kind: 'scope-versions'; versions: string[] }
  | { kind: 'scope-versions-none' }
  | { kind: 'open-read' }
  | { kind: 'open-read-refused'; failure: FetchFailure }
  | { kind: 'open-read-not-searchset' }
  | { kind: 'resource-absent'; type: ReadType }
  | { kind: 'resource-lacking'; type: ReadType; lacking: Lacking[] }
  | { kind: 'declared' }
  | { kind: 'include-declared' }
  | { kind: 'include-absent' }
  | { kind: 'count-declared' }
  | { kind: 'next-link' }
  | { kind: 'count-undeclared' }
  | { kind: 'create-declared'; type: CreateType }
  | { kind: 'create-undeclared'; type: CreateType }
  | { kind: 'conditional-create-undeclared' }
  | { kind: 'identifier-needs-authorization' }
  | { kind: 'identifier-probe-failed'; failure: FetchFailure }
  | { kind: 'identifier-not-searchset' }
  | { kind: 'identifier-ignored'; strangers: number }
  | { kind: 'identifier-filters' }
  | { kind: 'batch-refused'; failure?: FetchFailure }
  | { kind: 'batch-possible'; answered: boolean }
  | { kind: 'batch-undeclared' };

/** One check item as decided: id, status and why. */
export interface Finding {
  id: ItemId;
  status: 'ok' | 'missing' | 'fails';
  fact: ItemFact;
}

/** Why the verdict. */
export type VerdictFact =
  | { kind: 'metadata'; fact: ItemFact }
  | { kind: 'not-r4'; fact: ItemFact }
  | { kind: 'not-json'; fact: ItemFact }
  | { kind: 'no-access' }
  | { kind: 'chart-unreadable'; types: ReadType[] }
  | { kind: 'no-order-create' }
  | { kind: 'reported-only' }
  | { kind: 'full' }
  | { kind: 'full-overrides-in-note' };

/** A limit that does not change the verdict. */
export type NoteFact =
  { kind: 'search-incomplete'; type: ReadType } | { kind: 'identifier-ignored' } | { kind: 'overrides-in-note' };
