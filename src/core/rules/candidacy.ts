/**
 * Candidacy (ldn-clinical.md section 1): the published LDN uses the counting Conditions name, each with its evidence
 * level and references. One Candidacy per indication (issue 14 item 1: a long chart gave 1,714 cards): `condition`
 * and `matched` are the first Condition in chart order that names it, `conditions` lists every Condition behind it
 * when there is more than one. A Condition in several groups counts for each of its indications.
 */
import type { Candidacy, ChartEntry } from '../assess/types.ts';
import type { ConditionEntry } from '../fhir/condition-entries.ts';
import type { GroupMatches } from '../match/condition.ts';
import { INDICATIONS } from '../knowledge/indications.ts';
import type { RuleContext } from './context.ts';

export function candidacyRules(ctx: RuleContext): Candidacy[] {
  // Indexed loops: this runs once per launch, cold, over every Condition (iterators allocate in cold code).
  const behind = new Map<string, ConditionEntry[]>();
  const order: string[] = [];
  const conditions = ctx.conditions;
  // Conditions with the same code share one groups Map: which indications it names is worked out once per Map
  // (in INDICATIONS order, as the loop over them gave), not with a lookup per indication per Condition.
  const named = new Map<GroupMatches, number[]>();
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i] as ConditionEntry;
    if (c.groups.size === 0 || !c.counts) continue;
    let hits = named.get(c.groups);
    if (hits === undefined) {
      hits = [];
      for (let k = 0; k < INDICATIONS.length; k++) if (c.groups.has(INDICATIONS[k]!.group)) hits.push(k);
      named.set(c.groups, hits);
    }
    for (let h = 0; h < hits.length; h++) {
      const ind = INDICATIONS[hits[h] as number]!;
      const list = behind.get(ind.id);
      if (list) list.push(c);
      else {
        behind.set(ind.id, [c]);
        order.push(ind.id);
      }
    }
  }
  const out: Candidacy[] = [];
  for (const id of order) {
    const ind = INDICATIONS.find((x) => x.id === id)!;
    const list = behind.get(id)!;
    const first = list[0]!;
    const entries: ChartEntry[] | undefined = list.length > 1 ? list.map((c) => c.entry) : undefined;
    out.push({
      indicationId: ind.id,
      indication: ind.indication,
      evidenceLevel: ind.evidenceLevel,
      evidence: ind.evidence,
      sources: ind.sources,
      condition: first.entry,
      matched: first.groups.get(ind.group)!,
      ...(entries ? { conditions: entries } : {}),
      ...(ind.supportsCandidacy ? {} : { supportsCandidacy: false }),
    });
  }
  return out;
}

/** Whether an indication id supports a "candidate" verdict (false for Hashimoto's and SIBO). */
export function supportsCandidacy(indicationId: string): boolean {
  return INDICATIONS.find((i) => i.id === indicationId)?.supportsCandidacy ?? false;
}
