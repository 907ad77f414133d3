/**
 * The clinical knowledge the app ships, in one reviewable place:
 * - sources.ts: every cited source (label sections, PMIDs, DOIs, trials), UNVERIFIED ones with verified:false;
 * - ingredients.ts: rule-relevant ingredients (names, synonyms, brands, RxNorm codes, role, washout class, source);
 * - products.ts: hand-reviewed RxNorm product and brand codes from research/codes-verified.md;
 * - conditions.ts: condition groups (SNOMED CT, ICD-10-CM codes and families, names) with sources;
 * - indications.ts: published LDN uses with evidence level and references;
 * - rules.ts: conflict rules with severity, why and sources;
 * - generated/: product, brand and condition code tables built by scripts/build-code-tables.ts from public value
 *   sets, with repository, commit and date recorded.
 */
export * from './sources.ts';
export * from './ingredients.ts';
export * from './products.ts';
export * from './conditions.ts';
export * from './indications.ts';
export * from './rules.ts';
export { GENERATED_FROM, GENERATED_ON } from './generated/rxnorm-tables.ts';
