/**
 * Published LDN uses (shared/research/ldn-clinical.md section 1): evidence, level and references.
 * `supportsCandidacy` is false where the file finds no supportive evidence (Hashimoto's, SIBO) or where the evidence
 * is for a narrower condition (IBD of unstated type: the trials are in Crohn's disease): such a condition is listed,
 * but on its own does not make the patient a candidate (design).
 */
import type { Source } from '../assess/types.ts';
import type { ConditionGroupId } from './conditions.ts';
import { EVIDENCE as E } from './sources.ts';

export interface Indication {
  id: string;
  group: ConditionGroupId;
  indication: string;
  evidenceLevel: string;
  evidence: string;
  sources: Source[];
  supportsCandidacy: boolean;
}

export const INDICATIONS: readonly Indication[] = [
  {
    id: 'fibromyalgia',
    group: 'fibromyalgia',
    indication: 'Fibromyalgia',
    evidenceLevel: 'Small RCTs, conflicting',
    evidence:
      'Pilot n=10 single-blind crossover, 4.5 mg, >30% better than placebo; RCT crossover n=31, pain -28.8% vs -18.0% (p=0.016); largest trial (FINAL, 6 mg, n=99) negative (p=0.27).',
    sources: [E.younger2009, E.younger2013, E.finalTrial],
    supportsCandidacy: true,
  },
  {
    id: 'crohns',
    group: 'crohns',
    indication: "Crohn's disease",
    evidenceLevel: 'Small RCTs',
    evidence:
      'Open-label n=17 (89% response, 67% remission); RCT n=40, 88% vs 40% with >=70-point CDAI drop (p=0.009); paediatric pilot RCT n=14. Cochrane: 2 RCTs, 46 participants (conclusions UNVERIFIED).',
    sources: [E.smith2007, E.smith2011, E.smith2013, E.cochraneCrohns],
    supportsCandidacy: true,
  },
  {
    id: 'ibd-unspecified',
    group: 'ibd-unspecified',
    indication: "Inflammatory bowel disease (evidence is for Crohn's disease)",
    evidenceLevel: "Small RCTs (Crohn's disease only)",
    evidence:
      "The controlled evidence is for Crohn's disease only; check which IBD the patient has (listed, not enough on its own).",
    sources: [E.smith2007, E.smith2011],
    supportsCandidacy: false,
  },
  {
    id: 'multiple-sclerosis',
    group: 'multiple-sclerosis',
    indication: 'Multiple sclerosis',
    evidenceLevel: 'Small RCTs, mixed',
    evidence:
      'Crossover (80 enrolled / 60 completed), 4.5 mg nightly: mental-health QoL improved; second crossover n=96: no significant QoL difference.',
    sources: [E.cree2010, E.sharafaddinzadeh2010],
    supportsCandidacy: true,
  },
  {
    id: 'crps',
    group: 'crps',
    indication: 'Complex regional pain syndrome',
    evidenceLevel: 'Case reports',
    evidence: 'Two case reports; an RCT started in 2024.',
    sources: [E.chopra2013, E.crpsTrial],
    supportsCandidacy: true,
  },
  {
    id: 'long-covid',
    group: 'long-covid',
    indication: 'Long COVID',
    evidenceLevel: 'Open-label only',
    evidence: 'Pre-post n=52 (1 mg then 2 mg); open-label n=36 LDN + NAD+; RCT registered.',
    sources: [E.okelly2022, E.isman2024, E.longCovidTrial],
    supportsCandidacy: true,
  },
  {
    id: 'me-cfs',
    group: 'me-cfs',
    indication: 'ME/CFS',
    evidenceLevel: 'Retrospective',
    evidence: 'Retrospective n=218, 3-4.5 mg, 73.9% positive response; case reports.',
    sources: [E.polo2019, E.bolton2020],
    supportsCandidacy: true,
  },
  {
    id: 'painful-diabetic-neuropathy',
    group: 'painful-diabetic-neuropathy',
    indication: 'Painful diabetic neuropathy',
    evidenceLevel: 'One active-controlled RCT',
    evidence:
      'Double-blind crossover n=67: LDN 2 -> 4 mg about as effective as amitriptyline, with fewer adverse events.',
    sources: [E.srinivasan2021],
    supportsCandidacy: true,
  },
  {
    id: 'hashimoto',
    group: 'hashimoto',
    indication: "Hashimoto's thyroiditis",
    evidenceLevel: 'None supportive',
    evidence:
      'No published supportive data; a Norwegian registry (898 patients) found no change in thyroid-hormone use.',
    sources: [
      E.mcdermott2019,
      {
        label: 'Raknes 2020, Norwegian registry',
        kind: 'pmid',
        id: '33004044',
        url: 'https://pubmed.ncbi.nlm.nih.gov/33004044/',
        verified: true,
      },
    ],
    supportsCandidacy: false,
  },
  {
    id: 'psoriasis',
    group: 'psoriasis',
    indication: 'Psoriasis',
    evidenceLevel: 'Case reports',
    evidence: 'One case report and a 15-patient series (53% marked improvement).',
    sources: [E.psoriasisCase, E.psoriasisSeries],
    supportsCandidacy: true,
  },
  {
    id: 'chronic-pain',
    group: 'chronic-pain',
    indication: 'Chronic pain',
    evidenceLevel: 'Low certainty',
    evidence:
      'Low-certainty RCT evidence: a systematic review (7 RCTs, 406 patients) and a meta-analysis (7 RCTs) find no pooled benefit for chronic pain overall; a small benefit in the fibromyalgia subgroup; a narrative review calls LDN promising.',
    sources: [E.rassiMariani2024, E.hegde2025, E.kimFishman2020],
    supportsCandidacy: true,
  },
  {
    id: 'sibo',
    group: 'sibo',
    indication: 'SIBO / "leaky gut"',
    evidenceLevel: 'UNVERIFIED',
    evidence: 'No LDN studies found.',
    sources: [E.noStudies],
    supportsCandidacy: false,
  },
];
