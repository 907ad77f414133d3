/**
 * Turning a failed request into a read gap's facts: one place decides which reason a status or a fault gets, and which
 * facts the gap carries (the surfaces word them). Facts name the search or reference and the status, never
 * patient data, so the server's free-text diagnostics are left out (only OperationOutcome issue codes are kept).
 */
import type { GapReason } from '../../core/chart.ts';
import type { ProblemParams } from '../../core/problem.ts';
import type { HttpAnswer } from './request.ts';
import { outcomeCodes } from '../../core/fhir/operation-outcome.ts';

/** The reason a non-2xx status gets. */
export function reasonForStatus(status: number): GapReason {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'refused';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  return 'failed';
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
