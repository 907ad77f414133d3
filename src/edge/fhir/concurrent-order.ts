/**
 * The last look before the first POST (issue 10 item 4): another tab or another clinician may have written an LDN
 * order for this patient since the chart was read. The patient's current MedicationRequests are read again and
 * the core's finder (src/core/order/existing-ldn.ts) picks the LDN ones; an order that was not in the chart when
 * it was read, and is not this draft's own (same identifier, or an earlier version of this draft), stops the
 * write with a clear message. Two tabs then leave one order and one true message.
 */
import type { Bundle, Medication, MedicationRequest } from 'fhir/r4';
import { emptyChart } from '../../core/chart.ts';
import { findExistingLdnOrders, type ExistingLdnOrder } from '../../core/order/existing-ldn.ts';
import { ORDER_IDENTIFIER_SYSTEM } from '../../core/order/input.ts';
import type { FhirHttp } from '../types.ts';
import type { ProblemParams } from '../../core/problem.ts';
import { answerFacts } from './gaps.ts';
import { belongsTo } from './create-once.ts';
import { fhirRequest, isSuccess } from './request.ts';
import { nextLink } from './bundle-paging.ts';

/** Pages of the patient's current orders read at most; a longer list makes the look 'unknown', never 'none'. */
export const CONCURRENT_MAX_PAGES = 20;

/** What the screen knew when it read the chart. */
export interface ConcurrencyCheck {
  /** LDN orders that were in the chart when it was read (the clinician has seen and answered them). */
  knownOrders: readonly string[];
  /** Identifier values of earlier versions of this draft (sent before an edit): the clinician's own attempts. */
  ownIdentifiers?: readonly string[];
  /** The clock, for the found order's current step. */
  now: string;
}

export type ConcurrentLookup =
  /** `earlier`: this draft's own earlier versions (sent before an edit, answer lost) that are on the server. */
  | { kind: 'none'; earlier: ExistingLdnOrder[] }
  | { kind: 'found'; order: ExistingLdnOrder }
  /**
   * The look itself failed: the write goes on and says the check could not be made. `why` holds the facts:
   * `check` ('search', 'not-bundle', 'next-link' with `link`, 'too-many-pages' with `max`, 'page' with `page`)
   * and, for an answer, its facts (gaps.ts answerFacts).
   */
  | { kind: 'unknown'; why: ProblemParams };

/** Searches the patient's active and on-hold MedicationRequests for an LDN order the screen did not know of. */
export async function findConcurrentLdnOrder(
  http: FhirHttp,
  patientId: string,
  identifierValue: string,
  check: ConcurrencyCheck,
  req: { timeoutMs: number; signal?: AbortSignal },
): Promise<ConcurrentLookup> {
  const search = `MedicationRequest?patient=${encodeURIComponent(patientId)}&status=active,on-hold&_count=200`;
  let answer = await fhirRequest(http, `${search}&_include=MedicationRequest:medication`, { method: 'GET' }, req);
  // A server that refuses _include still answers the plain search (contained compounds are read either way).
  if (answer.kind === 'answered' && answer.status === 400)
    answer = await fhirRequest(http, search, { method: 'GET' }, req);
  if (answer.kind !== 'answered' || !isSuccess(answer.status))
    return { kind: 'unknown', why: { check: 'search', ...answerFacts(answer) } };
  const requests: MedicationRequest[] = [];
  const medications: Medication[] = [];
  // Every page: an LDN order on page 2 of a 50-per-page server must not be missed (a partial look is 'unknown').
  for (let page = 1; ; page++) {
    const bundle = answer.kind === 'answered' ? (answer.json as Bundle | undefined) : undefined;
    if (bundle?.resourceType !== 'Bundle') return { kind: 'unknown', why: { check: 'not-bundle' } };
    for (const e of bundle.entry ?? []) {
      const r = e?.resource;
      if (r?.resourceType === 'MedicationRequest' && belongsTo(r, patientId)) requests.push(r);
      else if (r?.resourceType === 'Medication') medications.push(r);
    }
    const next = nextLink(bundle, http.baseUrl);
    if (next.kind === 'none') break;
    if (next.kind === 'refused') return { kind: 'unknown', why: { check: 'next-link', link: next.why } };
    if (page >= CONCURRENT_MAX_PAGES)
      return { kind: 'unknown', why: { check: 'too-many-pages', max: CONCURRENT_MAX_PAGES } };
    answer = await fhirRequest(http, next.url, { method: 'GET' }, req);
    if (answer.kind !== 'answered' || !isSuccess(answer.status))
      return { kind: 'unknown', why: { check: 'page', page: page + 1, ...answerFacts(answer) } };
  }
  const known = new Set(check.knownOrders);
  const earlierIds = new Set(check.ownIdentifiers ?? []);
  const carries = (mr: MedicationRequest, values: ReadonlySet<string>): boolean =>
    (mr.identifier ?? []).some((i) => i.system === ORDER_IDENTIFIER_SYSTEM && !!i.value && values.has(i.value));
  const fresh = requests.filter((mr) => !known.has(`MedicationRequest/${mr.id ?? ''}`));
  const current = new Set([identifierValue]);
  const others = fresh.filter((mr) => !carries(mr, current) && !carries(mr, earlierIds));
  const found = findExistingLdnOrders({ ...emptyChart(), medicationRequests: others, medications }, check.now);
  if (found[0]) return { kind: 'found', order: found[0] };
  const earlier = findExistingLdnOrders(
    {
      ...emptyChart(),
      medicationRequests: fresh.filter((mr) => carries(mr, earlierIds) && !carries(mr, current)),
      medications,
    },
    check.now,
  );
  return { kind: 'none', earlier };
}
