/**
 * Allergies and planned procedures (ldn-clinical.md 2b):
 * - an allergy to naltrexone (RxNorm 7243 / 105069 / any naltrexone product, or text naltrexone, ReVia, Vivitrol,
 *   LDN): contraindicated (label); to naloxone or nalmefene: caution, cross-sensitivity unknown (design);
 * - a planned surgical or opioid-requiring procedure (fhir/procedure-entries.ts) within 7 days (or in preparation
 *   with no date): major, start LDN after it; 8-30 days: caution, stop LDN at least 72 h before (the date is given).
 */
import type { Conflict } from '../assess/types.ts';
import { clinicalDay } from '../fhir/dates.ts';
import { conflict, type RuleContext } from './context.ts';

const SOON_DAYS = 7;
/** Stop LDN at least 72 h before surgery (Whately & Stead 2023: 3 days). */
const HOLD_DAYS = 3;

export function allergyRules(ctx: RuleContext): Conflict[] {
  const out: Conflict[] = [];
  for (const a of ctx.allergies) {
    const nal = a.matches.get('naltrexone');
    if (nal) {
      out.push(conflict('naltrexone-allergy', a.entry, nal));
      continue;
    }
    const other = a.matches.get('naloxone') ?? a.matches.get('nalmefene');
    if (other) out.push(conflict('antagonist-allergy', a.entry, other));
  }
  return out;
}

export function procedureRules(ctx: RuleContext): Conflict[] {
  const out: Conflict[] = [];
  for (const p of ctx.procedures) {
    const matched = { ...p.because, where: p.entry.resourceType };
    if (p.day === undefined) {
      out.push(
        conflict(
          'surgery-soon',
          p.entry,
          matched,
          'In preparation with no date charted: confirm the date; start LDN after the procedure.',
        ),
      );
      continue;
    }
    const until = p.day - ctx.today;
    if (until <= SOON_DAYS) {
      out.push(
        conflict(
          'surgery-soon',
          p.entry,
          matched,
          `Planned for ${clinicalDay(p.day)} (in ${until} day${until === 1 ? '' : 's'}): start LDN after it.`,
        ),
      );
    } else {
      out.push(
        conflict(
          'surgery-planned',
          p.entry,
          matched,
          `Planned for ${clinicalDay(p.day)} (in ${until} days): if LDN is started, stop it by ${clinicalDay(p.day - HOLD_DAYS)} at the latest.`,
        ),
      );
    }
  }
  return out;
}
