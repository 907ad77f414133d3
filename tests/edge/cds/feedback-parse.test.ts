/** The feedback body check: every item well formed or none stored, each refusal a feedback/* code. */
import { describe, expect, it } from 'vitest';
import { parseFeedback } from '../../../src/edge/cds/feedback.ts';

const item = { card: 'c-1', outcome: 'overridden', outcomeTimestamp: '2026-12-01T10:00:00Z' };
const codeOf = (body: unknown): string | undefined => {
  const r = parseFeedback(body);
  return r.ok ? undefined : r.error.code;
};

describe('parseFeedback', () => {
  it('accepts well-formed items and keeps only the fields it knows', () => {
    const r = parseFeedback({ feedback: [{ ...item, extra: 'x', overrideReason: { userComment: 'ok' } }] });
    expect(r).toEqual({ ok: true, value: [{ ...item, overrideReason: { userComment: 'ok' } }] });
  });

  it.each([
    [{}, 'feedback/no-items'],
    [{ feedback: [] }, 'feedback/no-items'],
    [{ feedback: Array.from({ length: 101 }, () => item) }, 'feedback/too-many'],
    [{ feedback: [{ ...item, card: '' }] }, 'feedback/card'],
    [{ feedback: [{ ...item, outcome: 'ignored' }] }, 'feedback/outcome'],
    [{ feedback: [{ ...item, outcomeTimestamp: 'yesterday' }] }, 'feedback/timestamp'],
    [{ feedback: [{ ...item, acceptedSuggestions: [{}] }] }, 'feedback/suggestions'],
    [{ feedback: [item, { ...item, overrideReason: 'because' }] }, 'feedback/override-reason'],
  ])('refuses %j as %s', (body, code) => {
    expect(codeOf(body)).toBe(code);
  });
});
