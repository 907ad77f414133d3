/**
 * Reading the feedback store for review: each JSONL line is a card issued (topic, indicator) or a feedback item
 * (accepted / overridden, reason, comment); feedback is joined to its card by uuid. Lines that do not parse are
 * counted, never guessed at. Dates in the text output use the one clinical format ("7 Dec 2026").
 */
import { clinicalDate } from '../../core/fhir/dates.ts';

export interface TopicCounts {
  topic: string;
  issued: number;
  accepted: number;
  overridden: number;
}

export interface OverrideRow {
  at: string;
  service: string;
  topic: string;
  reason: string;
  comment?: string;
}

export interface FeedbackSummary {
  topics: TopicCounts[];
  reasons: { reason: string; count: number }[];
  overrides: OverrideRow[];
  unreadableLines: number;
}

type Line = Record<string, unknown>;
const s = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Summarises the JSONL text; `since` (YYYY-MM-DD) keeps lines from that day on. */
export function summariseFeedback(text: string, since?: string): FeedbackSummary {
  const cards = new Map<string, string>();
  const topics = new Map<string, TopicCounts>();
  const reasons = new Map<string, number>();
  const overrides: OverrideRow[] = [];
  let unreadable = 0;
  const lines: Line[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.trim()) continue;
    try {
      const v = JSON.parse(raw) as unknown;
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) lines.push(v as Line);
      else unreadable++;
    } catch {
      unreadable++;
    }
  }
  const count = (topic: string) => {
    let t = topics.get(topic);
    if (!t) topics.set(topic, (t = { topic, issued: 0, accepted: 0, overridden: 0 }));
    return t;
  };
  for (const l of lines) {
    if (l.type !== 'card' || !s(l.card)) continue;
    const topic = s(l.topic) ?? 'unknown';
    cards.set(l.card as string, topic);
    if (!since || (s(l.issuedAt) ?? '') >= since) count(topic).issued++;
  }
  for (const l of lines) {
    if (l.type !== 'feedback') continue;
    const at = s(l.receivedAt) ?? '';
    if (since && at < since) continue;
    const topic = cards.get(s(l.card) ?? '') ?? 'unknown';
    if (l.outcome === 'accepted') count(topic).accepted++;
    else if (l.outcome === 'overridden') {
      count(topic).overridden++;
      const o = (l.overrideReason ?? {}) as { reason?: { display?: string; code?: string }; userComment?: string };
      const reason = o.reason?.display ?? o.reason?.code ?? 'no reason given';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      overrides.push({
        at,
        service: s(l.service) ?? '',
        topic,
        reason,
        ...(o.userComment ? { comment: o.userComment } : {}),
      });
    } else unreadable++;
  }
  return {
    topics: [...topics.values()].sort((a, b) => b.issued - a.issued),
    reasons: [...reasons].map(([reason, n]) => ({ reason, count: n })).sort((a, b) => b.count - a.count),
    overrides,
    unreadableLines: unreadable,
  };
}

/** The review as plain text. */
export function formatFeedbackSummary(f: FeedbackSummary): string {
  const out: string[] = ['Cards by topic (issued / accepted / overridden):'];
  if (!f.topics.length) out.push('  none recorded');
  for (const t of f.topics) out.push(`  ${t.topic}: ${t.issued} / ${t.accepted} / ${t.overridden}`);
  out.push('', 'Override reasons:');
  if (!f.reasons.length) out.push('  none');
  for (const r of f.reasons) out.push(`  ${r.count} x ${r.reason}`);
  out.push('', 'Overrides:');
  if (!f.overrides.length) out.push('  none');
  for (const o of f.overrides)
    out.push(
      `  ${clinicalDate(o.at)} ${o.at.slice(11, 16)} UTC  ${o.topic} (${o.service}): ${o.reason}${o.comment ? `; comment: "${o.comment}"` : ''}`,
    );
  if (f.unreadableLines) out.push('', `${f.unreadableLines} line(s) could not be read and were left out.`);
  return `${out.join('\n')}\n`;
}
