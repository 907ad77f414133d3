/**
 * Condition recall per concept group of ../shared/reference-data/conditions.tsv, by code alone and by display alone.
 * chronic_pain is an LDN use since ldn-clinical.md 2b; opioid_overdose_or_poisoning is its own group (exposure,
 * 2b) and NOT opioid use disorder (design): none of those rows may land in the OUD groups.
 */
import { describe, expect, it } from 'vitest';
import type { ConditionGroupId } from '../../../src/core/knowledge/conditions.ts';
import { readConditionCode } from '../../../src/core/match/condition.ts';
import { HAS_REFERENCE, readTsv } from './load.ts';

const GROUPS: Record<string, ConditionGroupId | undefined> = {
  fibromyalgia: 'fibromyalgia',
  crohns_disease: 'crohns',
  ulcerative_colitis: 'ulcerative-colitis',
  ibd_unspecified: 'ibd-unspecified',
  multiple_sclerosis: 'multiple-sclerosis',
  complex_regional_pain_syndrome: 'crps',
  me_cfs: 'me-cfs',
  hashimoto_autoimmune_thyroiditis: 'hashimoto',
  psoriasis: 'psoriasis',
  opioid_use_disorder: 'oud',
  chronic_pain: 'chronic-pain',
  opioid_overdose_or_poisoning: 'opioid-poisoning',
};

/** Recall reached when this test was written, per group and evidence (asserted as a floor). */
const FLOOR: Record<string, { code: number; text: number }> = {
  fibromyalgia: { code: 1, text: 1 },
  crohns_disease: { code: 0.87, text: 1 },
  ulcerative_colitis: { code: 0.86, text: 0.91 },
  ibd_unspecified: { code: 0.66, text: 1 },
  multiple_sclerosis: { code: 0.73, text: 1 },
  complex_regional_pain_syndrome: { code: 1, text: 1 },
  me_cfs: { code: 1, text: 1 },
  hashimoto_autoimmune_thyroiditis: { code: 0.33, text: 1 },
  psoriasis: { code: 0.33, text: 1 },
  opioid_use_disorder: { code: 1, text: 1 },
  chronic_pain: { code: 0.42, text: 1 },
  opioid_overdose_or_poisoning: { code: 0, text: 1 }, // SNOMED poisoning codes are read by display only
};

describe.skipIf(!HAS_REFERENCE)('reference data: conditions.tsv', () => {
  const rows = HAS_REFERENCE ? readTsv('conditions.tsv') : [];
  const groups = [...new Set(rows.map((r) => r.concept_group as string))];

  for (const name of groups) {
    const target = GROUPS[name];
    const inGroup = rows.filter((r) => r.concept_group === name);
    it(`${name}: recall by code and by display`, () => {
      const byCode = inGroup.filter((r) => {
        const m = readConditionCode({ coding: [{ system: r.system, code: r.code }] }).matches;
        return target ? m.has(target) : false;
      }).length;
      const withText = inGroup.filter((r) => r.display);
      const byText = withText.filter((r) =>
        target ? readConditionCode({ text: r.display }).matches.has(target) : false,
      ).length;
      console.log(
        `[conditions.tsv] ${name}${target ? '' : ' (not an LDN group; reported only)'}: code ${byCode}/${inGroup.length}, display ${byText}/${withText.length}`,
      );
      if (!target) return;
      const floor = FLOOR[name] ?? { code: 0, text: 0 };
      expect(byCode / inGroup.length).toBeGreaterThanOrEqual(floor.code);
      if (withText.length) expect(byText / withText.length).toBeGreaterThanOrEqual(floor.text);
    });
  }

  it('never files an opioid overdose or poisoning code under opioid use disorder', () => {
    const poison = rows.filter((r) => r.concept_group === 'opioid_overdose_or_poisoning');
    const asOud = poison.filter((r) => {
      const m = readConditionCode({ coding: [{ system: r.system, code: r.code, display: r.display }] }).matches;
      return m.has('oud') || m.has('oud-on-agonist-therapy');
    });
    console.log(`[conditions.tsv] overdose/poisoning rows filed as OUD: ${asOud.length}/${poison.length}`);
    expect(asOud.map((r) => `${r.code} ${r.display}`)).toEqual([]);
  });
});
