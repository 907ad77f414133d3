/**
 * The feedback store (CDS Hooks 2.0 "Feedback"): accepted and overridden cards with the override reason, appended
 * one JSON object per line to a file (append-only JSONL; the one piece of state of the service). Each issued card
 * is recorded too, with its topic and indicator only (no patient data), so a review can say what was overridden.
 * The `userComment` a clinician types is stored as given and may hold anything: keep the file access-controlled.
 */
import { appendFile } from 'node:fs/promises';
import { problem, type FeedbackCode, type Problem, type ProblemParams } from '../../core/problem.ts';
import { err, ok, type Result } from '../../core/result.ts';

export interface FeedbackItem {
  card: string;
  outcome: 'accepted' | 'overridden';
  acceptedSuggestions?: { id: string }[];
  overrideReason?: { reason?: { system?: string; code?: string; display?: string }; userComment?: string };
  outcomeTimestamp: string;
}

/** One line of the store. */
export type FeedbackRecord =
  | ({ type: 'feedback'; receivedAt: string; service: string; client: string } & FeedbackItem)
  | {
      type: 'card';
      issuedAt: string;
      service: string;
      client: string;
      card: string;
      topic?: string;
      indicator: string;
    };

const MAX_ITEMS = 100;

const refuse = (code: FeedbackCode, params?: ProblemParams): Result<never, Problem<FeedbackCode>> =>
  err(problem(code, 'error', params));
const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

/** Validates a feedback request body; every item must be well formed or none is stored. */
export function parseFeedback(body: unknown): Result<FeedbackItem[], Problem<FeedbackCode>> {
  if (!isRec(body) || !Array.isArray(body.feedback) || body.feedback.length === 0) return refuse('feedback/no-items');
  if (body.feedback.length > MAX_ITEMS) return refuse('feedback/too-many', { max: MAX_ITEMS });
  const out: FeedbackItem[] = [];
  for (const f of body.feedback) {
    if (!isRec(f) || !shortStr(f.card, 128)) return refuse('feedback/card');
    if (f.outcome !== 'accepted' && f.outcome !== 'overridden') return refuse('feedback/outcome');
    if (!shortStr(f.outcomeTimestamp, 40) || Number.isNaN(Date.parse(f.outcomeTimestamp)))
      return refuse('feedback/timestamp');
    const item: FeedbackItem = { card: f.card, outcome: f.outcome, outcomeTimestamp: f.outcomeTimestamp };
    if (f.acceptedSuggestions !== undefined) {
      if (
        !Array.isArray(f.acceptedSuggestions) ||
        f.acceptedSuggestions.length > 20 ||
        !f.acceptedSuggestions.every((s) => isRec(s) && shortStr(s.id, 128))
      )
        return refuse('feedback/suggestions');
      item.acceptedSuggestions = f.acceptedSuggestions.map((s) => ({ id: (s as { id: string }).id }));
    }
    if (f.overrideReason !== undefined) {
      const r = f.overrideReason;
      if (!isRec(r)) return refuse('feedback/override-reason');
      const reason = isRec(r.reason) ? r.reason : undefined;
      const coding: NonNullable<FeedbackItem['overrideReason']>['reason'] = {};
      for (const k of ['system', 'code', 'display'] as const)
        if (reason && shortStr(reason[k], 256)) coding[k] = reason[k] as string;
      item.overrideReason = {
        ...(reason ? { reason: coding } : {}),
        ...(shortStr(r.userComment, 2000) ? { userComment: r.userComment } : {}),
      };
    }
    out.push(item);
  }
  return ok(out);
}

/** Where records go. */
export interface FeedbackStore {
  append(records: FeedbackRecord[]): Promise<void>;
}

/** The append-only JSONL file store (one `appendFile` per request: lines of one request stay together). */
export function jsonlStore(path: string): FeedbackStore {
  return {
    append: (records) =>
      records.length
        ? appendFile(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''), { encoding: 'utf8', mode: 0o600 })
        : Promise.resolve(),
  };
}

/** A store in memory (tests, and the sandbox when no file is wanted). */
export function memoryStore(): FeedbackStore & { records: FeedbackRecord[] } {
  const records: FeedbackRecord[] = [];
  return {
    records,
    append: async (r) => {
      records.push(...r);
      if (records.length > 10_000) records.splice(0, records.length - 10_000);
    },
  };
}
