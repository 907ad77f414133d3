/** Public surface of the clinical core's assessment. */
export { assess } from './assess.ts';
export { warmUp } from './warm-up.ts';
export { verdictOf, summaryOf, SEVERITY_ORDER } from './verdict.ts';
export { WASHOUT_DAYS } from '../rules/washout.ts';
export { OPIOID_RULE_IDS, RULES, type RuleId } from '../knowledge/rules.ts';
export type * from './types.ts';
