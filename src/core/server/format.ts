/** Plain-text rendering of a server report, for `npm run check-server` and the picker's note. */
import type { ServerReport } from './types.ts';

const MARK = { ok: 'ok     ', missing: 'missing', fails: 'fails  ' } as const;

/** One line per item, then the verdict and notes. */
export function formatServerReport(r: ServerReport): string[] {
  const lines = [`Server: ${r.baseUrl}`];
  for (const i of r.items) lines.push(`  ${MARK[i.status]}  ${i.label}: ${i.reason}`);
  lines.push(`Verdict: ${r.verdict} (${r.verdictReason})`);
  for (const n of r.notes) lines.push(`Note: ${n}`);
  return lines;
}
