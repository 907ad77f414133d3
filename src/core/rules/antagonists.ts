/**
 * Other opioid antagonists and opioid-acting drugs (ldn-clinical.md section 2), for current medications only:
 * - naltrexone alone (ReVia / generic 50 mg, Vivitrol, or a naltrexone of unknown dose): major duplicate (design);
 *   low-dose (<= 10 mg) or compounded naltrexone already charted: info (design), e.g. the app's own earlier order;
 * - naltrexone with bupropion (Contrave): major duplicate;
 * - samidorphan (Lybalvi): major duplicate antagonist;
 * - naloxone or nalmefene on their own (rescue kits): info, verify no current opioid use (design);
 * - methylnaltrexone, naloxegol, naldemedine, alvimopan: major, a proxy for ongoing opioid therapy (design);
 * - diphenoxylate, difenoxin, eluxadoline: major; loperamide: caution;
 * - thioridazine, disulfiram: caution (label interactions).
 * A medication that contains an opioid is left to the opioid rules (buprenorphine/naloxone is not a rescue kit).
 * Dextromethorphan: no finding (design): it is a morphinan antitussive, not an opioid-receptor agonist analgesic,
 * and ldn-clinical.md names no rule for it.
 */
import type { Conflict } from '../assess/types.ts';
import type { RuleId } from '../knowledge/rules.ts';
import type { IngredientRole } from '../knowledge/ingredients.ts';
import { conflict, hasOpioid, rolesOf, type RuleContext } from './context.ts';

const SIMPLE: readonly [IngredientRole, RuleId][] = [
  ['samidorphan', 'samidorphan'],
  ['peripheral-antagonist', 'peripheral-antagonist'],
  ['opioid-antidiarrheal', 'opioid-antidiarrheal'],
  ['loperamide', 'loperamide'],
  ['thioridazine', 'thioridazine'],
  ['disulfiram', 'disulfiram'],
];

export function antagonistAndInteractionRules(ctx: RuleContext): Conflict[] {
  const out: Conflict[] = [];
  for (const med of ctx.meds) {
    if (med.timing.state !== 'current' || med.matches.size === 0) continue;
    const roles = rolesOf(med);
    const opioid = hasOpioid(roles);
    const nal = roles.get('naltrexone');
    if (nal && !opioid) {
      const bup = roles.get('bupropion');
      const rule = bup ? 'contrave' : med.lowDoseNaltrexone ? 'ldn-already-charted' : 'naltrexone-duplicate';
      out.push(conflict(rule, med.entry, nal.evidence));
    }
    const rescue = roles.get('rescue-antagonist');
    if (rescue && !opioid && !nal) out.push(conflict('rescue-antagonist', med.entry, rescue.evidence));
    for (const [role, rule] of SIMPLE) {
      const hit = roles.get(role);
      if (hit) out.push(conflict(rule, med.entry, hit.evidence));
    }
  }
  return out;
}
