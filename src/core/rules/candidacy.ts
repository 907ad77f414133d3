/**
 * Candidacy (ldn-clinical.md section 1): each counting Condition that is a published LDN use, with its evidence
 * level and references. A Condition in several groups gives one entry per indication.
 */
import type { Candidacy } from '../assess/types.ts';
import { INDICATIONS } from '../knowledge/indications.ts';
import type { RuleContext } from './context.ts';

export function candidacyRules(ctx: RuleContext): Candidacy[] {
  const out: Candidacy[] = [];
  for (const c of ctx.conditions) {
    if (!c.counts || c.groups.size === 0) continue;
    for (const ind of INDICATIONS) {
      const matched = c.groups.get(ind.group);
      if (!matched) continue;
      out.push({
        indicationId: ind.id,
        indication: ind.indication,
        evidenceLevel: ind.evidenceLevel,
        evidence: ind.evidence,
        sources: ind.sources,
        condition: c.entry,
        matched,
        ...(ind.supportsCandidacy ? {} : { supportsCandidacy: false }),
      });
    }
  }
  return out;
}

/** Whether an indication id supports a "candidate" verdict (false for Hashimoto's and SIBO). */
export function supportsCandidacy(indicationId: string): boolean {
  return INDICATIONS.find((i) => i.id === indicationId)?.supportsCandidacy ?? false;
}
