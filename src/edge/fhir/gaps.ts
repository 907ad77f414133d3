/**
 * Turning a failed request into a `ReadGap`: one place decides which reason a status or a fault gets, and which
 * facts the gap carries (the surfaces word them). Facts name the search or reference and the status, never
 * patient data, so the server's free-text diagnostics are left out (only OperationOutcome issue codes are kept).
 */
import { readGap, type ChartResourceType, type GapReason, type ReadGap, type ReadGapParams } from '../../core/chart.ts';
import type { ProblemParams } from '../../core/problem.ts';
import type { HttpAnswer } from './request.ts';
import { outcomeCodes } from './operation-outcome.ts';

/** The reason a non-2xx status gets. */
export function reasonForStatus(status: number): GapReason {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'refused';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  return 'failed';
}

const STATUS_WORDS: Record<GapReason, string> = {
  failed: 'the server reported an error',
  unauthorized: 'the session was not accepted (expired or rejected sign-in); launch the app again',
  refused: 'access was refused (not permitted for this app or user)',
  'not-found': 'the server does not offer it',
  timeout: 'the server did not answer in time',
  truncated: 'only part of it was read',
  malformed: 'the answer could not be understood',
  'unresolved-reference': 'a referenced medication could not be read',
  'unreadable-medication': 'a medication could not be identified',
  'server-warning': 'the server reported that its results are partial',
  inconsistent: 'the answer contradicted itself',
  'wrong-patient': 'the answer was about another patient',
};

/**
 * Plain words for a status, e.g. "answered 503 (the server reported an error)": only for the write's remarks
 * that are still sentences (concurrent-order.ts); read gaps and write problems carry answerFacts instead.
 */
export function describeStatus(status: number, body?: unknown): string {
  const codes = outcomeCodes(body);
  return `answered ${status} (${STATUS_WORDS[reasonForStatus(status)]}${codes ? `; issue: ${codes}` : ''})`;
}

/** Plain words for an answer that is not a success: what happened, without the reason's label. */
export function describeAnswer(
  answer: Exclude<HttpAnswer, { kind: 'answered' }> | (HttpAnswer & { kind: 'answered' }),
): string {
  switch (answer.kind) {
    case 'timeout':
      return `did not answer within ${Math.round(answer.afterMs / 100) / 10} s`;
    case 'aborted':
      return 'was cancelled before it finished';
    case 'network':
      return 'could not be reached (network error)';
    case 'answered':
      return describeStatus(answer.status, answer.json);
  }
}

/**
 * The facts of an answer that is not a success, for a problem's params (the surfaces word them): how it ended,
 * the deadline it missed, the status and the OperationOutcome issue codes (never its free text).
 */
export function answerFacts(answer: HttpAnswer): ProblemParams {
  switch (answer.kind) {
    case 'timeout':
      return { answer: 'timeout', afterMs: answer.afterMs };
    case 'aborted':
    case 'network':
      return { answer: answer.kind };
    case 'answered': {
      const issues = outcomeCodes(answer.json);
      return { answer: 'status', status: answer.status, ...(issues ? { issues } : {}) };
    }
  }
}

/** The reason an answer that is not a success gets. */
export function reasonForAnswer(answer: HttpAnswer): GapReason {
  switch (answer.kind) {
    case 'timeout':
      return 'timeout';
    case 'aborted':
    case 'network':
      return 'failed';
    case 'answered':
      return reasonForStatus(answer.status);
  }
}

/** Builds a gap; `target` is the search or reference, relative to the FHIR base. */
export function gap(
  resourceType: ChartResourceType,
  reason: GapReason,
  params: ReadGapParams,
  target?: string,
  count?: number,
): ReadGap {
  return readGap(resourceType, reason, params, target, count);
}
