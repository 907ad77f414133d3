/** Public surface of the CDS Hooks card rules (pure; the HTTP service lives in src/edge/cds). */
export { cdsCards } from './cards.ts';
export { readDrafts, contextPatientId, type Draft, type DraftClass } from './drafts.ts';
export { OVERRIDE_SYSTEM, OPIOID_OVERRIDES, NALTREXONE_OVERRIDES, TOPIC, TOPIC_SYSTEM } from './common.ts';
export { BLOCKADE_DAYS, HOLD_HOURS } from './sources.ts';
export type * from './types.ts';
