/**
 * Other opioid antagonists and opioid-acting drugs (ldn-clinical.md section 2), for current medications only:
 * - naltrexone alone (ReVia / generic 50 mg, Vivitrol, or a naltrexone of unknown dose): major duplicate (design);
 *   low-dose (<= 10 mg) or compounded naltrexone already charted: info (design), e.g. the app's own earlier order;
 * - naltrexone with bupropion (Contrave): major duplicate;
 * - samidorphan (Lybalvi): major duplicate antagonist;
 * - naloxone or nalmefene on their own (rescue kits): info, verify no current opioid use (design);
 * - methylnaltrexone, naloxegol, naldemedine, alvimopan: major, a proxy for ongoing opioid therapy (design);
 * - diphenoxylate, difenoxin, eluxadoline, loperamide: caution, the antidiarrheal may not work (2b);
 * - oral nalmefene (Selincro): major duplicate antagonist (2b); nalmefene nasal spray / injection stays rescue;
 * - thioridazine, disulfiram: caution (label interactions).
 * A medication that contains an opioid is left to the opioid rules (buprenorphine/naloxone is not a rescue kit).
 * Dextromethorphan: no finding (design): it is a morphinan antitussive, not an opioid-receptor agonist analgesic,
 * and ldn-clinical.md names no rule for it.
 */
import type { Conflict } from '../assess/types.ts';
import type { RuleId } from '../knowledge/rules.ts';
import type { IngredientRole } from '../knowledge/ingredients.ts';
import { hasOpioid, medConflict, rolesOf, withRoles, type RuleContext } from './context.ts';

const SIMPLE: readonly [IngredientRole, RuleId][] = [
  ['samidorphan', 'samidorphan'],
  ['peripheral-antagonist', 'peripheral-antagonist'],
  ['opioid-antidiarrheal', 'opioid-antidiarrheal'],
  ['loperamide', 'loperamide'],
  ['thioridazine', 'thioridazine'],
  ['disulfiram', 'disulfiram'],
];

/** Oral nalmefene wording: the Selincro brand, or an oral tablet / 18 mg (ldn-clinical-2b-sources.md 7). */
const ORAL_NALMEFENE = /\bselincro\b|\boral\b|\btablets?\b|\btab\b|\b18 ?mg\b/;

/** The roles any rule below fires for: records naming none of them give no finding here. */
const ANTAGONIST_RULE_ROLES: ReadonlySet<IngredientRole> = new Set<IngredientRole>([
  'naltrexone',
  'rescue-antagonist',
  ...SIMPLE.map(([role]) => role),
]);

export function antagonistAndInteractionRules(ctx: RuleContext): Conflict[] {
  const out: Conflict[] = [];
  const meds = withRoles(ctx.meds, ANTAGONIST_RULE_ROLES);
  for (let i = 0; i < meds.length; i++) {
    const med = meds[i]!;
    if (med.matches.size === 0 || med.depot || med.timing.state !== 'current') continue; // depots: rules/depots.ts
    const roles = rolesOf(med);
    const opioid = hasOpioid(roles);
    const nal = roles.get('naltrexone');
    if (nal && !opioid) {
      const bup = roles.get('bupropion');
      const rule = bup ? 'contrave' : med.lowDoseNaltrexone ? 'ldn-already-charted' : 'naltrexone-duplicate';
      out.push(medConflict(rule, med, nal.evidence));
    }
    const rescue = roles.get('rescue-antagonist');
    if (rescue && !opioid && !nal && med.resourceType !== 'MedicationAdministration') {
      // Oral nalmefene for alcohol (Selincro) is a maintenance antagonist; nasal sprays and injections are rescue.
      const maintenance = rescue.ingredient === 'nalmefene' && ORAL_NALMEFENE.test(med.text);
      out.push(medConflict(maintenance ? 'nalmefene-maintenance' : 'rescue-antagonist', med, rescue.evidence));
    }
    for (let k = 0; k < SIMPLE.length; k++) {
      const hit = roles.get(SIMPLE[k]![0]);
      if (hit) out.push(medConflict(SIMPLE[k]![1], med, hit.evidence));
    }
  }
  return out;
}
