/**
 * Rule metadata: severity, title, why and sources for every conflict rule (shared/research/ldn-clinical.md section 2).
 * Severities the file marks "(design)" also cite SRC.design; UNVERIFIED facts carry verified:false.
 */
import type { FindingKind, Severity, Source } from '../assess/types.ts';
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
  | 'disulfiram'
  // Section 2b (second pass).
  | 'naltrexone-allergy'
  | 'antagonist-allergy'
  | 'acute-opioid-withdrawal'
  | 'past-opioid-withdrawal'
  | 'buprenorphine-depot'
  | 'buprenorphine-depot-residual'
  | 'naltrexone-depot'
  | 'naltrexone-depot-residual'
  | 'nalmefene-maintenance'
  | 'opioid-poisoning-recent'
  | 'opioid-poisoning'
  | 'opioid-poisoning-followup'
  | 'opioid-adverse-effect-recent'
  | 'opioid-adverse-effect'
  | 'naloxone-given'
  | 'kratom'
  | 'kratom-dependence'
  | 'diphenoxylate-misuse'
  | 'surgery-soon'
  | 'surgery-planned';

export interface RuleMeta {
  id: RuleId;
  severity: Severity;
  /** What the finding is about: the timeline, the override policy and the CDS cards read this, never the title. */
  kind: FindingKind;
  /**
   * Override policy: true when the clinician must record a reason before signing. Defaults to true for
   * contraindicated and major findings and false otherwise (design); a rule may say otherwise explicitly.
   */
  needsOverride: boolean;
  title: string;
  why: string;
  sources: Source[];
}

type MetaInput = Omit<RuleMeta, 'needsOverride'> & { needsOverride?: boolean };

const r = (m: MetaInput): RuleMeta => ({
  ...m,
  needsOverride: m.needsOverride ?? (m.severity === 'contraindicated' || m.severity === 'major'),
});

export const RULES: Readonly<Record<RuleId, RuleMeta>> = {
  'opioid-agonist': r({
    id: 'opioid-agonist',
    kind: 'opioid',
    severity: 'contraindicated',
    title: 'Current opioid agonist',
    why: 'Naltrexone blocks opioid analgesia and can precipitate withdrawal; the label contraindicates it in patients receiving opioid analgesics (antitussives, tramadol, tapentadol and methadone included).',
    sources: [SRC.naltrexoneLabelContraindications],
  }),
  'opioid-partial-or-mixed': r({
    id: 'opioid-partial-or-mixed',
    kind: 'opioid',
    severity: 'contraindicated',
    title: 'Current partial or mixed opioid agonist',
    why: 'Buprenorphine (a partial agonist) is named in the label contraindication; butorphanol, pentazocine and nalbuphine (mixed agonist-antagonists) are treated the same way by design.',
    sources: [SRC.naltrexoneLabelContraindications, SRC.design],
  }),
  'opioid-naltrexone-product': r({
    id: 'opioid-naltrexone-product',
    kind: 'opioid',
    severity: 'contraindicated',
    title: 'Opioid + naltrexone product (contains an opioid)',
    why: 'Embeda (morphine/naltrexone) and Troxyca (oxycodone/naltrexone) are opioid agonist products; the naltrexone in them does not make LDN safe.',
    sources: [SRC.productListsOpioidNaltrexone, SRC.naltrexoneLabelContraindications],
  }),
  'oud-on-agonist-therapy': r({
    id: 'oud-on-agonist-therapy',
    kind: 'condition',
    severity: 'contraindicated',
    title: 'Opioid use disorder on agonist therapy',
    why: 'The label contraindicates current opioid dependence, including methadone or buprenorphine maintenance; naltrexone would precipitate withdrawal and undo the treatment.',
    sources: [SRC.naltrexoneLabelContraindications],
  }),
  'oud-without-agonist': r({
    id: 'oud-without-agonist',
    kind: 'condition',
    severity: 'caution',
    title: 'Opioid use disorder charted, no agonist therapy found',
    why: 'No charted methadone or buprenorphine; confirm the patient is opioid-free (label: opioid-free interval, negative urine screen or naloxone challenge) before starting.',
    sources: [SRC.naltrexoneLabelContraindications, SRC.design],
  }),
  'recent-opioid-use': r({
    id: 'recent-opioid-use',
    kind: 'opioid',
    severity: 'major',
    title: 'Recent opioid use inside the opioid-free window',
    why: 'Naltrexone given before the opioid-free interval is over can precipitate withdrawal.',
    sources: [SRC.naltrexoneLabelOpioidFree, SRC.patientMonographWashout],
  }),
  'naltrexone-duplicate': r({
    id: 'naltrexone-duplicate',
    kind: 'antagonist',
    severity: 'major',
    title: 'Naltrexone already prescribed (duplicate therapy)',
    why: 'Full-dose oral naltrexone (ReVia / generic 50 mg) or extended-release injectable naltrexone (Vivitrol) already blocks opioid receptors; adding LDN duplicates it.',
    sources: [SRC.design],
  }),
  'ldn-already-charted': r({
    id: 'ldn-already-charted',
    kind: 'antagonist',
    severity: 'info',
    title: 'Low-dose naltrexone already charted',
    why: 'A low-dose (up to 10 mg) or compounded naltrexone is already charted: this may be a renewal or a titration change; avoid two active orders.',
    sources: [SRC.ldnResearchTrustLowDose, SRC.design],
  }),
  contrave: r({
    id: 'contrave',
    kind: 'antagonist',
    severity: 'major',
    title: 'Contrave (bupropion/naltrexone): duplicate naltrexone',
    why: 'Contrave contains naltrexone 8 mg per tablet (up to 32 mg/day); adding LDN duplicates an opioid antagonist.',
    sources: [SRC.asaContrave],
  }),
  samidorphan: r({
    id: 'samidorphan',
    kind: 'antagonist',
    severity: 'major',
    title: 'Samidorphan (Lybalvi): duplicate opioid antagonist',
    why: 'Samidorphan is an opioid antagonist; combining it with naltrexone duplicates the blockade.',
    sources: [SRC.lybalviLabel],
  }),
  'rescue-antagonist': r({
    id: 'rescue-antagonist',
    kind: 'antagonist',
    severity: 'info',
    title: 'Naloxone or nalmefene rescue product',
    why: 'A rescue kit is not a conflict by itself, but it suggests opioid use or risk: verify there is no current opioid use.',
    sources: [SRC.design],
  }),
  'peripheral-antagonist': r({
    id: 'peripheral-antagonist',
    kind: 'opioid-acting',
    severity: 'major',
    title: 'Peripheral opioid antagonist (proxy for ongoing opioid therapy)',
    why: 'Methylnaltrexone, naloxegol, naldemedine and alvimopan are indicated only for opioid-induced constipation or ileus, so they point to opioid therapy the chart may not show.',
    sources: [SRC.peripheralAntagonistIndication, SRC.design],
  }),
  'opioid-antidiarrheal': r({
    id: 'opioid-antidiarrheal',
    kind: 'opioid-acting',
    severity: 'caution',
    title: 'Opioid antidiarrheal: may not work with naltrexone',
    why: 'Naltrexone antagonises opioid-containing antidiarrheals (diphenoxylate, difenoxin, eluxadoline), so the patient may not benefit from them; at therapeutic doses they cause no dependence, so withdrawal is not expected. Eluxadoline: no antagonist interaction is stated (UNVERIFIED).',
    sources: [
      SRC.antidiarrhealLossOfEffect,
      SRC.lomotilDependence,
      SRC.eluxadolinePharmacology,
      SRC.ldnAntidiarrhealEffect,
    ],
  }),
  loperamide: r({
    id: 'loperamide',
    kind: 'opioid-acting',
    severity: 'caution',
    title: 'Loperamide (peripheral opioid agonist): may not work with naltrexone',
    why: 'FDA classes loperamide as an "Opioid Agonist"; the naltrexone labels say patients may not benefit from opioid-containing antidiarrheals.',
    sources: [SRC.fdaLoperamideClass, SRC.antidiarrhealLossOfEffect],
  }),
  'acute-liver-injury': r({
    id: 'acute-liver-injury',
    kind: 'condition',
    severity: 'major',
    title: 'Acute hepatitis or hepatic failure',
    why: 'A former label contraindication (still in older and Canadian labels); rare liver injury is reported.',
    sources: [SRC.formerHepaticContraindication, SRC.liverTox],
  }),
  'chronic-liver-disease': r({
    id: 'chronic-liver-disease',
    kind: 'condition',
    severity: 'caution',
    title: 'Chronic liver disease',
    why: 'A label warning covers liver disease.',
    sources: [SRC.naltrexoneLabelWarningsLiver],
  }),
  pregnancy: r({
    id: 'pregnancy',
    kind: 'condition',
    severity: 'caution',
    title: 'Pregnancy',
    why: 'The naltrexone label lists pregnancy as a caution; weigh benefit against risk.',
    sources: [SRC.naltrexoneLabelPregnancy],
  }),
  breastfeeding: r({
    id: 'breastfeeding',
    kind: 'condition',
    severity: 'caution',
    title: 'Breastfeeding',
    why: 'A low-level caution: LactMed and a published case report cover naltrexone in breastfeeding.',
    sources: [SRC.lactMed],
  }),
  'transplant-immunosuppression': r({
    id: 'transplant-immunosuppression',
    kind: 'condition',
    severity: 'caution',
    title: 'Transplant or chronic immunosuppression',
    why: 'LDN is thought to modulate immunity; the concern is theoretical and comes from a second-hand source only.',
    sources: [SRC.transplantSecondHand],
  }),
  'hashimoto-levothyroxine': r({
    id: 'hashimoto-levothyroxine',
    kind: 'interaction',
    severity: 'caution',
    title: "Hashimoto's on levothyroxine",
    why: 'Start low and monitor thyroid function (lowdosenaltrexone.org); a registry found no change in thyroid-hormone use overall.',
    sources: [SRC.ldnOrgHashimoto, SRC.raknes2020],
  }),
  thioridazine: r({
    id: 'thioridazine',
    kind: 'interaction',
    severity: 'caution',
    title: 'Thioridazine',
    why: 'Thioridazine is listed among the interactions in the naltrexone label.',
    sources: [SRC.naltrexoneLabelInteractions],
  }),
  disulfiram: r({
    id: 'disulfiram',
    kind: 'interaction',
    severity: 'caution',
    title: 'Disulfiram',
    why: 'Disulfiram is listed among the interactions in the naltrexone label.',
    sources: [SRC.naltrexoneLabelInteractions],
  }),
  // Section 2b (second pass); windows and severities marked (design) there also cite SRC.design.
  'naltrexone-allergy': r({
    id: 'naltrexone-allergy',
    kind: 'allergy',
    severity: 'contraindicated',
    title: 'Naltrexone allergy or hypersensitivity',
    why: 'The naltrexone label contraindicates it after sensitivity to naltrexone or any component of the product.',
    sources: [SRC.naltrexoneLabelHypersensitivity, SRC.usCoreAllergySubstance],
  }),
  'antagonist-allergy': r({
    id: 'antagonist-allergy',
    kind: 'allergy',
    severity: 'caution',
    title: 'Naloxone or nalmefene allergy: cross-sensitivity unknown',
    why: 'The naltrexone label says cross-sensitivity with naloxone is not known; weigh the allergy before starting.',
    sources: [SRC.naltrexoneLabelHypersensitivity, SRC.design],
  }),
  'acute-opioid-withdrawal': r({
    id: 'acute-opioid-withdrawal',
    kind: 'opioid-exposure',
    severity: 'contraindicated',
    title: 'Acute opioid withdrawal (recent)',
    why: 'Naltrexone is contraindicated in acute opioid withdrawal; a withdrawal diagnosis with onset or record date in the last 14 days counts as acute (14 days: design).',
    sources: [SRC.naltrexoneLabelWithdrawal, SRC.design],
  }),
  'past-opioid-withdrawal': r({
    id: 'past-opioid-withdrawal',
    kind: 'opioid-exposure',
    severity: 'major',
    title: 'Opioid withdrawal charted: confirm opioid-free',
    why: 'A withdrawal diagnosis shows recent physiologic opioid dependence; confirm the patient is opioid-free (label: opioid-free interval, negative urine screen or naloxone challenge) before starting.',
    sources: [SRC.naltrexoneLabelChallenge, SRC.design],
  }),
  'buprenorphine-depot': r({
    id: 'buprenorphine-depot',
    kind: 'opioid',
    severity: 'contraindicated',
    title: 'Buprenorphine depot or implant still acting',
    why: 'An extended-release buprenorphine injection or implant is current buprenorphine therapy for its dosing interval and the opioid-free interval after it: within 8 weeks of a monthly dose, 3 weeks of a weekly dose, or 14 days of implant removal (windows: design from the 26-day minimum interval, 2-week grace and 43-60 day half-life).',
    sources: [SRC.naltrexoneLabelContraindications, SRC.sublocadeLabel, SRC.brixadiLabel, SRC.probuphine, SRC.design],
  }),
  'buprenorphine-depot-residual': r({
    id: 'buprenorphine-depot-residual',
    kind: 'opioid',
    severity: 'major',
    title: 'Residual buprenorphine from a depot possible',
    why: 'A monthly buprenorphine depot 8 weeks to 12 months ago (Sublocade) or 8 weeks to 6 months ago (Brixadi) may leave buprenorphine in the body: confirm opioid-free and consider a naloxone challenge (design).',
    sources: [SRC.sublocadeLabel, SRC.sublocadePersistence, SRC.brixadiPersistence, SRC.design],
  }),
  'naltrexone-depot': r({
    id: 'naltrexone-depot',
    kind: 'antagonist',
    severity: 'major',
    title: 'Extended-release naltrexone injection still blocking (duplicate antagonist)',
    why: 'An extended-release naltrexone injection (Vivitrol) blocks opioid receptors for about 28 days after it is given; LDN adds nothing under full blockade.',
    sources: [SRC.vivitrolLabelBlockade, SRC.design],
  }),
  'naltrexone-depot-residual': r({
    id: 'naltrexone-depot-residual',
    kind: 'antagonist',
    severity: 'info',
    title: 'Residual naltrexone from an extended-release injection',
    why: 'An extended-release naltrexone injection 29-56 days ago: naltrexone levels stay measurable for more than a month (design).',
    sources: [SRC.vivitrolPk, SRC.design],
  }),
  'nalmefene-maintenance': r({
    id: 'nalmefene-maintenance',
    kind: 'antagonist',
    severity: 'major',
    title: 'Oral nalmefene (duplicate opioid antagonist)',
    why: 'Oral nalmefene for alcohol dependence (Selincro) is an opioid antagonist; adding LDN duplicates it (severity as naltrexone 50 mg: design).',
    sources: [SRC.selincroSmpc, SRC.design],
  }),
  'opioid-poisoning-recent': r({
    id: 'opioid-poisoning-recent',
    kind: 'opioid-exposure',
    severity: 'contraindicated',
    title: 'Opioid poisoning inside the opioid-free window',
    why: "An opioid poisoning (initial encounter) in the last 10 days (14 after methadone) means opioid exposure inside the label's opioid-free interval (reading the diagnosis as exposure: design).",
    sources: [SRC.naltrexoneLabelOpioidFree, SRC.naltrexoneLabelChallenge, SRC.cdcOverdoseCoding, SRC.design],
  }),
  'opioid-poisoning': r({
    id: 'opioid-poisoning',
    kind: 'opioid-exposure',
    severity: 'major',
    title: 'Recent opioid poisoning: confirm opioid-free',
    why: 'An opioid poisoning 11-30 days ago: confirm the patient is opioid-free and consider a naloxone challenge (design).',
    sources: [SRC.naltrexoneLabelChallenge, SRC.cdcOverdoseCoding, SRC.design],
  }),
  'opioid-poisoning-followup': r({
    id: 'opioid-poisoning-followup',
    kind: 'opioid-exposure',
    severity: 'info',
    title: 'Opioid poisoning (follow-up or sequela encounter)',
    why: 'A subsequent-encounter or sequela poisoning code records an earlier overdose; ask about current opioid use (design).',
    sources: [SRC.cdcOverdoseCoding, SRC.design],
  }),
  'opioid-adverse-effect-recent': r({
    id: 'opioid-adverse-effect-recent',
    kind: 'opioid-exposure',
    severity: 'contraindicated',
    title: 'Opioid adverse effect or underdosing: an opioid was being taken',
    why: 'An adverse-effect or underdosing code for an opioid in the last 10 days (14 after methadone) means a therapeutic opioid was being taken: handled as a current opioid prescription (design).',
    sources: [SRC.naltrexoneLabelContraindications, SRC.cdcOverdoseCoding, SRC.design],
  }),
  'opioid-adverse-effect': r({
    id: 'opioid-adverse-effect',
    kind: 'opioid-exposure',
    severity: 'major',
    title: 'Recent opioid adverse effect or underdosing: confirm opioid-free',
    why: 'An adverse-effect or underdosing code for an opioid 11-30 days ago: a therapeutic opioid was recently taken; confirm it has stopped (design).',
    sources: [SRC.naltrexoneLabelOpioidFree, SRC.cdcOverdoseCoding, SRC.design],
  }),
  'naloxone-given': r({
    id: 'naloxone-given',
    kind: 'opioid-exposure',
    severity: 'major',
    title: 'Naloxone or nalmefene given recently: suspected opioid exposure',
    why: 'A naloxone or nalmefene administration in the last 10 days suggests recent opioid exposure (it may have been given empirically: review the evidence) (design).',
    sources: [SRC.naltrexoneLabelOpioidFree, SRC.design],
  }),
  kratom: r({
    id: 'kratom',
    kind: 'opioid',
    severity: 'major',
    title: 'Kratom (mitragynine) use: an opioid agonist',
    why: 'Kratom alkaloids (mitragynine, 7-hydroxymitragynine) act on mu-opioid receptors; naltrexone has precipitated withdrawal in kratom users. Current use or use within 10 days counts (severity: design).',
    sources: [SRC.kratomCase2023, SRC.kratomCase2021, SRC.fdaKratom2018, SRC.design],
  }),
  'kratom-dependence': r({
    id: 'kratom-dependence',
    kind: 'opioid',
    severity: 'contraindicated',
    title: 'Daily kratom use, kratom dependence or concentrated 7-OH',
    why: 'Daily kratom use, kratom dependence or a concentrated 7-hydroxymitragynine product is treated like opioid dependence: naltrexone can precipitate withdrawal (design).',
    sources: [SRC.kratomCase2023, SRC.kratomCase2021, SRC.fda7oh2025, SRC.design],
  }),
  'diphenoxylate-misuse': r({
    id: 'diphenoxylate-misuse',
    kind: 'opioid-acting',
    severity: 'major',
    title: 'High-dose diphenoxylate misuse (as opioid dependence)',
    why: 'Diphenoxylate at 100-300 mg/day produced opiate withdrawal (Lomotil label); documented misuse is treated as opioid dependence (design).',
    sources: [SRC.lomotilDependence, SRC.design],
  }),
  'surgery-soon': r({
    id: 'surgery-soon',
    kind: 'procedure',
    severity: 'major',
    title: 'Surgery or procedure within 7 days: start LDN after it',
    why: 'Guidelines stop naltrexone before surgery (at least 72 h) so that opioid analgesia works; with a procedure this close, start LDN after it (interval for low dose: design).',
    sources: [SRC.goel2024, SRC.whately2023, SRC.design],
  }),
  'surgery-planned': r({
    id: 'surgery-planned',
    kind: 'procedure',
    severity: 'caution',
    title: 'Surgery or procedure planned within 30 days: stop LDN at least 72 h before',
    why: 'Guidelines stop naltrexone before surgery; stop LDN at least 72 h before the procedure (interval for low dose: design).',
    sources: [SRC.goel2024, SRC.whately2023, SRC.design],
  }),
};

/** Rules that mean "an opioid is (or was recently) in play"; used by reference-data precision tests. */
export const OPIOID_RULE_IDS: ReadonlySet<RuleId> = new Set<RuleId>([
  'opioid-agonist',
  'opioid-partial-or-mixed',
  'opioid-naltrexone-product',
  'oud-on-agonist-therapy',
  'recent-opioid-use',
  'buprenorphine-depot',
  'buprenorphine-depot-residual',
  'kratom',
  'kratom-dependence',
]);
