/**
 * Rule metadata: severity, title, why and sources for every conflict rule (shared/research/ldn-clinical.md section 2).
 * Severities the file marks "(design)" also cite SRC.design; UNVERIFIED facts carry verified:false.
 */
import type { Severity, Source } from '../assess/types.ts';
import { SRC } from './sources.ts';

export type RuleId =
  | 'opioid-agonist'
  | 'opioid-partial-or-mixed'
  | 'opioid-naltrexone-product'
  | 'oud-on-agonist-therapy'
  | 'oud-without-agonist'
  | 'recent-opioid-use'
  | 'naltrexone-duplicate'
  | 'ldn-already-charted'
  | 'contrave'
  | 'samidorphan'
  | 'rescue-antagonist'
  | 'peripheral-antagonist'
  | 'opioid-antidiarrheal'
  | 'loperamide'
  | 'acute-liver-injury'
  | 'chronic-liver-disease'
  | 'pregnancy'
  | 'breastfeeding'
  | 'transplant-immunosuppression'
  | 'hashimoto-levothyroxine'
  | 'thioridazine'
  | 'disulfiram';

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  title: string;
  why: string;
  sources: Source[];
}

const r = (m: RuleMeta): RuleMeta => m;

export const RULES: Readonly<Record<RuleId, RuleMeta>> = {
  'opioid-agonist': r({
    id: 'opioid-agonist', severity: 'contraindicated', title: 'Current opioid agonist',
    why: 'Naltrexone blocks opioid analgesia and can precipitate withdrawal; the label contraindicates it in patients receiving opioid analgesics (antitussives, tramadol, tapentadol and methadone included).',
    sources: [SRC.naltrexoneLabelContraindications],
  }),
  'opioid-partial-or-mixed': r({
    id: 'opioid-partial-or-mixed', severity: 'contraindicated', title: 'Current partial or mixed opioid agonist',
    why: 'Buprenorphine (a partial agonist) is named in the label contraindication; butorphanol, pentazocine and nalbuphine (mixed agonist-antagonists) are treated the same way by design.',
    sources: [SRC.naltrexoneLabelContraindications, SRC.design],
  }),
  'opioid-naltrexone-product': r({
    id: 'opioid-naltrexone-product', severity: 'contraindicated', title: 'Opioid + naltrexone product (contains an opioid)',
    why: 'Embeda (morphine/naltrexone) and Troxyca (oxycodone/naltrexone) are opioid agonist products; the naltrexone in them does not make LDN safe.',
    sources: [SRC.productListsOpioidNaltrexone, SRC.naltrexoneLabelContraindications],
  }),
  'oud-on-agonist-therapy': r({
    id: 'oud-on-agonist-therapy', severity: 'contraindicated', title: 'Opioid use disorder on agonist therapy',
    why: 'The label contraindicates current opioid dependence, including methadone or buprenorphine maintenance; naltrexone would precipitate withdrawal and undo the treatment.',
    sources: [SRC.naltrexoneLabelContraindications],
  }),
  'oud-without-agonist': r({
    id: 'oud-without-agonist', severity: 'caution', title: 'Opioid use disorder charted, no agonist therapy found',
    why: 'No charted methadone or buprenorphine; confirm the patient is opioid-free (label: opioid-free interval, negative urine screen or naloxone challenge) before starting.',
    sources: [SRC.naltrexoneLabelContraindications, SRC.design],
  }),
  'recent-opioid-use': r({
    id: 'recent-opioid-use', severity: 'major', title: 'Recent opioid use inside the opioid-free window',
    why: 'Naltrexone given before the opioid-free interval is over can precipitate withdrawal.',
    sources: [SRC.naltrexoneLabelOpioidFree, SRC.patientMonographWashout],
  }),
  'naltrexone-duplicate': r({
    id: 'naltrexone-duplicate', severity: 'major', title: 'Naltrexone already prescribed (duplicate therapy)',
    why: 'Full-dose oral naltrexone (ReVia / generic 50 mg) or extended-release injectable naltrexone (Vivitrol) already blocks opioid receptors; adding LDN duplicates it.',
    sources: [SRC.design],
  }),
  'ldn-already-charted': r({
    id: 'ldn-already-charted', severity: 'info', title: 'Low-dose naltrexone already charted',
    why: 'A low-dose (up to 10 mg) or compounded naltrexone is already charted: this may be a renewal or a titration change; avoid two active orders.',
    sources: [SRC.ldnResearchTrustLowDose, SRC.design],
  }),
  contrave: r({
    id: 'contrave', severity: 'major', title: 'Contrave (bupropion/naltrexone): duplicate naltrexone',
    why: 'Contrave contains naltrexone 8 mg per tablet (up to 32 mg/day); adding LDN duplicates an opioid antagonist.',
    sources: [SRC.asaContrave],
  }),
  samidorphan: r({
    id: 'samidorphan', severity: 'major', title: 'Samidorphan (Lybalvi): duplicate opioid antagonist',
    why: 'Samidorphan is an opioid antagonist; combining it with naltrexone duplicates the blockade.',
    sources: [SRC.lybalviLabel],
  }),
  'rescue-antagonist': r({
    id: 'rescue-antagonist', severity: 'info', title: 'Naloxone or nalmefene rescue product',
    why: 'A rescue kit is not a conflict by itself, but it suggests opioid use or risk: verify there is no current opioid use.',
    sources: [SRC.design],
  }),
  'peripheral-antagonist': r({
    id: 'peripheral-antagonist', severity: 'major', title: 'Peripheral opioid antagonist (proxy for ongoing opioid therapy)',
    why: 'Methylnaltrexone, naloxegol, naldemedine and alvimopan are indicated only for opioid-induced constipation or ileus, so they point to opioid therapy the chart may not show.',
    sources: [SRC.peripheralAntagonistIndication, SRC.design],
  }),
  'opioid-antidiarrheal': r({
    id: 'opioid-antidiarrheal', severity: 'major', title: 'Opioid antidiarrheal',
    why: 'Naltrexone antagonises opioid antidiarrheals (diphenoxylate, difenoxin); eluxadoline acts on opioid receptors too (pharmacology UNVERIFIED).',
    sources: [SRC.opioidAntidiarrhealLabel, SRC.eluxadolinePharmacology],
  }),
  loperamide: r({
    id: 'loperamide', severity: 'caution', title: 'Loperamide (peripheral opioid agonist)',
    why: 'FDA classes loperamide as an "Opioid Agonist" (pharmacologic class).',
    sources: [SRC.fdaLoperamideClass],
  }),
  'acute-liver-injury': r({
    id: 'acute-liver-injury', severity: 'major', title: 'Acute hepatitis or hepatic failure',
    why: 'A former label contraindication (still in older and Canadian labels); rare liver injury is reported.',
    sources: [SRC.formerHepaticContraindication, SRC.liverTox],
  }),
  'chronic-liver-disease': r({
    id: 'chronic-liver-disease', severity: 'caution', title: 'Chronic liver disease',
    why: 'A label warning covers liver disease.',
    sources: [SRC.naltrexoneLabelWarningsLiver],
  }),
  pregnancy: r({
    id: 'pregnancy', severity: 'caution', title: 'Pregnancy',
    why: 'The naltrexone label lists pregnancy as a caution; weigh benefit against risk.',
    sources: [SRC.naltrexoneLabelPregnancy],
  }),
  breastfeeding: r({
    id: 'breastfeeding', severity: 'caution', title: 'Breastfeeding',
    why: 'A low-level caution: LactMed and a published case report cover naltrexone in breastfeeding.',
    sources: [SRC.lactMed],
  }),
  'transplant-immunosuppression': r({
    id: 'transplant-immunosuppression', severity: 'caution', title: 'Transplant or chronic immunosuppression',
    why: 'LDN is thought to modulate immunity; the concern is theoretical and comes from a second-hand source only.',
    sources: [SRC.transplantSecondHand],
  }),
  'hashimoto-levothyroxine': r({
    id: 'hashimoto-levothyroxine', severity: 'caution', title: "Hashimoto's on levothyroxine",
    why: 'Start low and monitor thyroid function (lowdosenaltrexone.org); a registry found no change in thyroid-hormone use overall.',
    sources: [SRC.ldnOrgHashimoto, SRC.raknes2020],
  }),
  thioridazine: r({
    id: 'thioridazine', severity: 'caution', title: 'Thioridazine',
    why: 'Thioridazine is listed among the interactions in the naltrexone label.',
    sources: [SRC.naltrexoneLabelInteractions],
  }),
  disulfiram: r({
    id: 'disulfiram', severity: 'caution', title: 'Disulfiram',
    why: 'Disulfiram is listed among the interactions in the naltrexone label.',
    sources: [SRC.naltrexoneLabelInteractions],
  }),
};

/** Rules that mean "an opioid is (or was recently) in play"; used by reference-data precision tests. */
export const OPIOID_RULE_IDS: ReadonlySet<RuleId> = new Set<RuleId>([
  'opioid-agonist', 'opioid-partial-or-mixed', 'opioid-naltrexone-product', 'oud-on-agonist-therapy', 'recent-opioid-use',
]);
