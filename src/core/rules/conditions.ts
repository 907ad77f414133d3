/**
 * Condition cautions (ldn-clinical.md section 2), for Conditions that count now:
 * acute hepatitis / hepatic failure -> major (former contraindication; LiverTox); chronic liver disease -> caution
 * (label warning), not repeated when the same Condition is already acute; pregnancy -> caution (label);
 * breastfeeding -> caution (LactMed); transplant / chronic immunosuppression -> caution (second-hand source,
 * verified:false). Also current immunosuppressant medications -> the same caution, and levothyroxine while
 * Hashimoto's is charted -> caution (start low, monitor thyroid function).
 */
import type { Conflict } from '../assess/types.ts';
import type { ConditionGroupId } from '../knowledge/conditions.ts';
import type { RuleId } from '../knowledge/rules.ts';
import type { IngredientRole } from '../knowledge/ingredients.ts';
import { conflict, namesAnyGroup, rolesOf, withRoles, type RuleContext } from './context.ts';

const GROUP_RULES: readonly [ConditionGroupId, RuleId][] = [
  ['acute-liver-injury', 'acute-liver-injury'],
  ['chronic-liver-disease', 'chronic-liver-disease'],
  ['pregnancy', 'pregnancy'],
  ['breastfeeding', 'breastfeeding'],
  ['transplant-immunosuppression', 'transplant-immunosuppression'],
];

/** Every condition group read below: the groups of the rules, and Hashimoto's for the levothyroxine caution. */
const READ_GROUPS: readonly ConditionGroupId[] = [...GROUP_RULES.map(([group]) => group), 'hashimoto'];

/** The medication roles read below (transplant immunosuppression, levothyroxine with Hashimoto's). */
const MED_ROLES: ReadonlySet<IngredientRole> = new Set<IngredientRole>(['immunosuppressant', 'levothyroxine']);

export function conditionRules(ctx: RuleContext): Conflict[] {
  const out: Conflict[] = [];
  let hashimoto: string | undefined;
  // Indexed loops, no tuple destructuring: cold code allocates an iterator per for-of (issue 14 item 1).
  const conditions = ctx.conditions;
  const readsAny = namesAnyGroup(READ_GROUPS);
  for (let i = 0; i < conditions.length; i++) {
    const c = conditions[i]!;
    if (c.groups.size === 0 || !c.counts) continue;
    if (!readsAny(c.groups)) continue;
    if (c.groups.has('hashimoto')) hashimoto ??= c.entry.name;
    for (let k = 0; k < GROUP_RULES.length; k++) {
      const group = GROUP_RULES[k]![0];
      const rule = GROUP_RULES[k]![1];
      const hit = c.groups.get(group);
      if (!hit) continue;
      if (group === 'chronic-liver-disease' && c.groups.has('acute-liver-injury')) continue;
      out.push(conflict(rule, c.entry, hit));
    }
  }
  const meds = withRoles(ctx.meds, MED_ROLES);
  for (let i = 0; i < meds.length; i++) {
    const med = meds[i]!;
    if (med.matches.size === 0 || med.timing.state !== 'current') continue;
    const roles = rolesOf(med);
    const immuno = roles.get('immunosuppressant');
    if (immuno) out.push(conflict('transplant-immunosuppression', med.entry, immuno.evidence));
    const levo = roles.get('levothyroxine');
    if (levo && hashimoto)
      out.push(conflict('hashimoto-levothyroxine', med.entry, levo.evidence, `Hashimoto's charted: ${hashimoto}.`));
  }
  return out;
}
