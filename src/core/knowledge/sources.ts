/**
 * Every source the knowledge base cites, taken from shared/research/ldn-clinical.md and codes-verified.md.
 * Nothing here is new: a source that file marks UNVERIFIED carries `verified: false`; severities the file marks
 * "(design)" cite DESIGN as well as the fact behind them.
 */
import type { Source } from '../assess/types.ts';

const s = (src: Source): Source => Object.freeze(src);

export const SRC = {
  naltrexoneLabelContraindications: s({
    label:
      'US oral naltrexone labels (DailyMed 2025), Contraindications: opioid analgesics, current opioid dependence incl. methadone and partial agonists such as buprenorphine',
    kind: 'label',
    id: 'Contraindications',
    verified: true,
  }),
  naltrexoneLabelOpioidFree: s({
    label: 'Naltrexone label: opioid-free interval of 7-10 days after short-acting opioids (tramadol included)',
    kind: 'label',
    id: 'Dosage and Administration',
    verified: true,
  }),
  patientMonographWashout: s({
    label: 'Patient monographs: 10 days opioid-free, 14 days after methadone or buprenorphine',
    kind: 'web',
    verified: true,
  }),
  naltrexoneLabelWarningsLiver: s({
    label: 'Naltrexone label, Warnings: hepatotoxicity; caution in chronic liver disease',
    kind: 'label',
    id: 'Warnings and Precautions',
    verified: true,
  }),
  formerHepaticContraindication: s({
    label:
      'Former contraindication (boxed warning removed by FDA labeling change Oct 2013; older and Canadian labels still contraindicate acute hepatitis / liver failure)',
    kind: 'label',
    verified: true,
  }),
  liverTox: s({ label: 'LiverTox: naltrexone, rare liver injury', kind: 'web', verified: true }),
  naltrexoneLabelPregnancy: s({
    label: 'Naltrexone label: use in pregnancy',
    kind: 'label',
    id: 'Use in Specific Populations',
    verified: true,
  }),
  lactMed: s({
    label: 'LactMed (naltrexone); breastfeeding report',
    kind: 'pmid',
    id: '15296587',
    url: 'https://pubmed.ncbi.nlm.nih.gov/15296587/',
    verified: true,
  }),
  transplantSecondHand: s({
    label: 'Theoretical immunomodulation concern in transplant / chronic immunosuppression (second-hand source only)',
    kind: 'web',
    verified: false,
  }),
  naltrexoneLabelInteractions: s({
    label: 'Naltrexone label, Drug Interactions (thioridazine; disulfiram)',
    kind: 'label',
    id: 'Drug Interactions',
    verified: true,
  }),
  ldnOrgHashimoto: s({
    label: "lowdosenaltrexone.org: Hashimoto's on levothyroxine, start low and monitor thyroid function",
    kind: 'web',
    url: 'https://lowdosenaltrexone.org',
    verified: true,
  }),
  raknes2020: s({
    label: 'Raknes 2020, Norwegian registry (898 patients): no change in thyroid-hormone use',
    kind: 'pmid',
    id: '33004044',
    url: 'https://pubmed.ncbi.nlm.nih.gov/33004044/',
    verified: true,
  }),
  asaContrave: s({
    label: 'ASA perioperative guidance page; Contrave label contraindicates chronic opioid use',
    kind: 'web',
    verified: true,
  }),
  lybalviLabel: s({
    label: 'Lybalvi (olanzapine/samidorphan) label: samidorphan is an opioid antagonist',
    kind: 'label',
    verified: true,
  }),
  productListsOpioidNaltrexone: s({
    label: 'Product lists: Embeda (morphine/naltrexone) and Troxyca (oxycodone/naltrexone) contain an opioid agonist',
    kind: 'web',
    verified: true,
  }),
  peripheralAntagonistIndication: s({
    label:
      'Methylnaltrexone, naloxegol, alvimopan are indicated only for opioid-induced constipation / postoperative ileus',
    kind: 'label',
    verified: true,
  }),
  opioidAntidiarrhealLabel: s({
    label: 'Naltrexone label: opioid antidiarrheals (diphenoxylate, difenoxin) are antagonised',
    kind: 'label',
    id: 'Drug Interactions',
    verified: true,
  }),
  ldnAntidiarrhealEffect: s({
    label:
      "Whether the short, partial blockade of low-dose naltrexone reduces an opioid antidiarrheal's effect is not established (UNVERIFIED)",
    kind: 'design',
    verified: false,
  }),
  eluxadolinePharmacology: s({
    label:
      'Eluxadoline (Viberzi) monograph: mixed mu-opioid agonist and delta antagonist acting locally in the gut (an interaction with naltrexone is not stated)',
    kind: 'web',
    url: 'https://www.drugs.com/monograph/eluxadoline.html',
    verified: true,
  }),
  fdaLoperamideClass: s({
    label: 'FDA established pharmacologic class of loperamide: "Opioid Agonist"',
    kind: 'label',
    verified: true,
  }),
  ldnResearchTrustLowDose: s({
    label: 'LDN Research Trust dosing guidance: "low dose" naltrexone is up to 10 mg',
    kind: 'web',
    verified: true,
  }),
  design: s({
    label: 'Design choice of this tool (severity not stated by the source)',
    kind: 'design',
    verified: true,
  }),
  // Section 2b (second pass): sources as recorded in the research notes, public references only.
  naltrexoneLabelHypersensitivity: s({
    label:
      'Naltrexone hydrochloride tablets label (DailyMed setid adb7c4dc-221a-4d91-9687-0d78913a92ad), Contraindications: sensitivity to naltrexone; cross-sensitivity with naloxone unknown',
    kind: 'label',
    id: 'Contraindications',
    url: 'https://dailymed.nlm.nih.gov/dailymed/lookup.cfm?setid=adb7c4dc-221a-4d91-9687-0d78913a92ad',
    verified: true,
  }),
  usCoreAllergySubstance: s({
    label: 'US Core allergy-substance value set: RxNorm 7243 naltrexone',
    kind: 'web',
    url: 'http://hl7.org/fhir/us/core/ValueSet/us-core-allergy-substance',
    verified: true,
  }),
  naltrexoneLabelWithdrawal: s({
    label: 'Naltrexone tablets and Vivitrol labels, Contraindications: acute opioid withdrawal',
    kind: 'label',
    id: 'Contraindications',
    verified: true,
  }),
  sublocadeLabel: s({
    label:
      'Sublocade prescribing information: monthly buprenorphine extended-release injection, at least 26 days between doses, half-life 43-60 days',
    kind: 'label',
    url: 'https://drugs.com/pro/sublocade.html',
    verified: true,
  }),
  sublocadePersistence: s({
    label: 'Buprenorphine detectable up to 12 months after Sublocade (label wording UNVERIFIED)',
    kind: 'web',
    verified: false,
  }),
  brixadiLabel: s({
    label:
      'Brixadi prescribing information (DailyMed setid 5d8a8fd0-8619-422a-a664-d1d2e8970f48): weekly and monthly buprenorphine extended-release injection',
    kind: 'label',
    url: 'https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=5d8a8fd0-8619-422a-a664-d1d2e8970f48',
    verified: true,
  }),
  brixadiPersistence: s({
    label: 'Persistence of buprenorphine after the last Brixadi dose (UNVERIFIED)',
    kind: 'web',
    verified: false,
  }),
  probuphine: s({
    label:
      'Probuphine buprenorphine implant: about 6 months; removal can precipitate withdrawal (Am Fam Physician 2018)',
    kind: 'web',
    url: 'https://www.aafp.org/afp/2018/0515/p668.html',
    verified: true,
  }),
  vivitrolLabelBlockade: s({
    label: 'Vivitrol label 5.1: blockade of exogenous opioids for about 28 days after an injection',
    kind: 'label',
    id: '5.1',
    url: 'https://www.vivitrolhcp.com/important-safety-information',
    verified: true,
  }),
  vivitrolPk: s({
    label: 'Vivitrol pharmacokinetics: naltrexone still measurable after more than 1 month',
    kind: 'web',
    url: 'https://www.vivitrol.com/HCP/Treatment/how-vivitrol-works',
    verified: true,
  }),
  vivitrolOpioidFree: s({
    label:
      'Vivitrol label 17: opioid-free 7-10 days; after buprenorphine or methadone withdrawal may be precipitated for as long as 2 weeks',
    kind: 'label',
    id: '17',
    url: 'https://www.vivitrol.com/HCP/VivitrolResources/PatientCounselingChecklist',
    verified: true,
  }),
  selincroSmpc: s({
    label: 'Selincro (nalmefene 18 mg) SmPC 4.3: an opioid antagonist (EMA)',
    kind: 'label',
    id: '4.3',
    url: 'https://rxreasoner.com/monographs/selincro/precautions',
    verified: true,
  }),
  naltrexoneLabelChallenge: s({
    label:
      'Naltrexone label, Contraindications: failed naloxone challenge or positive urine opioid screen; 7-10 opioid-free days first',
    kind: 'label',
    id: 'Contraindications',
    verified: true,
  }),
  cdcOverdoseCoding: s({
    label:
      'Vivolo-Kantor et al., Inj Prev 2021: initial-encounter T40 codes for overdose; adverse effect and underdosing kept apart',
    kind: 'pmid',
    id: '33674334',
    url: 'https://pubmed.ncbi.nlm.nih.gov/33674334/',
    verified: true,
  }),
  kratomCase2023: s({
    label: 'Jarka & Gregoire, Ment Health Clin 2023: naltrexone-precipitated withdrawal with daily kratom',
    kind: 'pmid',
    id: '37448827',
    url: 'https://pubmed.ncbi.nlm.nih.gov/37448827/',
    verified: true,
  }),
  kratomCase2021: s({
    label: 'Jensen et al., Ment Health Clin 2021: precipitated withdrawal after naltrexone in a kratom-only user',
    kind: 'doi',
    id: '10.9740/mhc.2021.05.220',
    url: 'https://doi.org/10.9740/mhc.2021.05.220',
    verified: true,
  }),
  fdaKratom2018: s({
    label: 'FDA statement, Feb 2018: opioid compounds in kratom',
    kind: 'web',
    url: 'https://www.fda.gov/newsevents/newsroom/pressannouncements/ucm595622.htm',
    verified: true,
  }),
  fda7oh2025: s({
    label:
      'FDA/HHS 2025: scheduling of concentrated 7-hydroxymitragynine recommended (secondary reports; primary page UNVERIFIED)',
    kind: 'web',
    verified: false,
  }),
  antidiarrhealLossOfEffect: s({
    label:
      'REVIA and Vivitrol labels, Drug Interactions: patients may not benefit from opioid-containing antidiarrheals',
    kind: 'label',
    id: 'Drug Interactions',
    url: 'https://api.fda.gov/drug/label.json?search=%22Vivitrol%22',
    verified: true,
  }),
  lomotilDependence: s({
    label: 'Lomotil label, Drug Abuse and Dependence: opiate withdrawal after 100-300 mg/day diphenoxylate',
    kind: 'label',
    id: 'Drug Abuse and Dependence',
    verified: true,
  }),
  fentanylPatchPk: s({
    label:
      'Clinical pharmacokinetics of transdermal fentanyl, Clin Pharmacokinet 2000: half-life 13-25 h after patch removal',
    kind: 'pmid',
    id: '10668859',
    url: 'https://pubmed.ncbi.nlm.nih.gov/10668859/',
    verified: true,
  }),
  goel2024: s({
    label: 'Goel et al., Anesthesiology 2024 (scoping review): every guideline stops naltrexone before surgery',
    kind: 'doi',
    id: '10.1097/ALN.0000000000005040',
    url: 'https://doi.org/10.1097/ALN.0000000000005040',
    verified: true,
  }),
  whately2023: s({
    label: 'Whately & Stead, Australasian Anaesthesia 2023: stop naltrexone 3 days before surgery',
    kind: 'doi',
    id: '10.60115/11055/1180',
    url: 'https://doi.org/10.60115/11055/1180',
    verified: true,
  }),
  fhirStatus: s({
    label: 'FHIR R4 status definitions: a cancelled MedicationRequest was withdrawn before any administration',
    kind: 'web',
    url: 'https://hl7.org/fhir/R4/valueset-medicationrequest-status.html',
    verified: true,
  }),
} as const;

/** Sources for the evidence behind each indication (ldn-clinical.md section 1). */
export const EVIDENCE = {
  younger2009: s({
    label: 'Younger & Mackey, Pain Med 2009 (pilot, n=10)',
    kind: 'pmid',
    id: '19453963',
    url: 'https://pubmed.ncbi.nlm.nih.gov/19453963/',
    verified: true,
  }),
  younger2013: s({
    label: 'Younger et al., Arthritis Rheum 2013;65:529-38 (RCT crossover, n=31)',
    kind: 'doi',
    id: '10.1002/art.37734',
    url: 'https://doi.org/10.1002/art.37734',
    verified: true,
  }),
  finalTrial: s({
    label: 'Bruun et al., Lancet Rheumatol (FINAL, n=99, negative)',
    kind: 'trial',
    id: 'NCT04270877',
    url: 'https://clinicaltrials.gov/study/NCT04270877',
    verified: true,
  }),
  smith2007: s({
    label: 'Smith 2007, Am J Gastroenterol (open-label, n=17)',
    kind: 'pmid',
    id: '17222320',
    url: 'https://pubmed.ncbi.nlm.nih.gov/17222320/',
    verified: true,
  }),
  smith2011: s({ label: 'Smith 2011, Dig Dis Sci (RCT, n=40)', kind: 'review', verified: true }),
  smith2013: s({
    label: 'Smith 2013, J Clin Gastroenterol (paediatric pilot RCT, n=14)',
    kind: 'pmid',
    id: '23188075',
    url: 'https://pubmed.ncbi.nlm.nih.gov/23188075/',
    verified: true,
  }),
  cochraneCrohns: s({
    label: 'Cochrane review CD010410.pub3 (2 RCTs, 46 participants; conclusions UNVERIFIED)',
    kind: 'review',
    id: 'CD010410.pub3',
    verified: false,
  }),
  cree2010: s({
    label: 'Cree 2010, Ann Neurol 68:145 (crossover, 80 enrolled / 60 completed)',
    kind: 'pmid',
    id: '20695007',
    url: 'https://pubmed.ncbi.nlm.nih.gov/20695007/',
    verified: true,
  }),
  sharafaddinzadeh2010: s({
    label: 'Sharafaddinzadeh 2010, Mult Scler 16:964 (crossover, n=96, no QoL difference)',
    kind: 'review',
    verified: true,
  }),
  chopra2013: s({
    label: 'Chopra & Cooper 2013 (CRPS case reports)',
    kind: 'doi',
    id: '10.1007/s11481-013-9451-y',
    url: 'https://doi.org/10.1007/s11481-013-9451-y',
    verified: true,
  }),
  crpsTrial: s({
    label: 'CRPS RCT started 2024',
    kind: 'trial',
    id: 'NCT06306157',
    url: 'https://clinicaltrials.gov/study/NCT06306157',
    verified: true,
  }),
  okelly2022: s({
    label: "O'Kelly 2022 (long COVID pre-post, n=52)",
    kind: 'pmid',
    id: '35814187',
    url: 'https://pubmed.ncbi.nlm.nih.gov/35814187/',
    verified: true,
  }),
  isman2024: s({
    label: 'Isman 2024 (open-label LDN+NAD+, n=36)',
    kind: 'pmid',
    id: '38352659',
    url: 'https://pubmed.ncbi.nlm.nih.gov/38352659/',
    verified: true,
  }),
  longCovidTrial: s({
    label: 'Long COVID RCT registered',
    kind: 'trial',
    id: 'NCT05430152',
    url: 'https://clinicaltrials.gov/study/NCT05430152',
    verified: true,
  }),
  polo2019: s({
    label: 'Polo 2019 (ME/CFS retrospective, n=218)',
    kind: 'doi',
    id: '10.1080/21641846.2019.1692770',
    url: 'https://doi.org/10.1080/21641846.2019.1692770',
    verified: true,
  }),
  bolton2020: s({ label: 'Bolton 2020, BMJ Case Rep (ME/CFS)', kind: 'review', verified: true }),
  srinivasan2021: s({
    label: 'Srinivasan, J Diabetes 2021 (crossover vs amitriptyline, n=67)',
    kind: 'trial',
    id: 'CTRI/2013/06/003735',
    verified: true,
  }),
  mcdermott2019: s({
    label: "McDermott 2019 (Hashimoto's; no published supportive data)",
    kind: 'doi',
    id: '10.1007/978-3-030-22720-3_24',
    url: 'https://doi.org/10.1007/978-3-030-22720-3_24',
    verified: true,
  }),
  psoriasisCase: s({
    label: 'Psoriasis case report',
    kind: 'pmid',
    id: '30238048',
    url: 'https://pubmed.ncbi.nlm.nih.gov/30238048/',
    verified: true,
  }),
  psoriasisSeries: s({
    label: 'Psoriasis 15-patient series (53% marked improvement)',
    kind: 'pmid',
    id: '32196470',
    url: 'https://pubmed.ncbi.nlm.nih.gov/32196470/',
    verified: true,
  }),
  noStudies: s({ label: 'No LDN studies found (UNVERIFIED)', kind: 'review', verified: false }),
  rassiMariani2024: s({
    label:
      'Rassi-Mariani et al., Pain Manag 2024 (systematic review, 7 RCTs, 406 patients): no improvement in chronic pain overall',
    kind: 'pmid',
    id: '39301937',
    url: 'https://pubmed.ncbi.nlm.nih.gov/39301937/',
    verified: true,
  }),
  hegde2025: s({
    label:
      'Hegde et al., Curr Pain Headache Rep 2025 (meta-analysis, 7 RCTs): no overall difference; small benefit in fibromyalgia',
    kind: 'doi',
    id: '10.1007/s11916-025-01411-1',
    url: 'https://doi.org/10.1007/s11916-025-01411-1',
    verified: true,
  }),
  kimFishman2020: s({
    label: 'Kim & Fishman, Curr Pain Headache Rep 2020 (narrative review)',
    kind: 'pmid',
    id: '32845365',
    url: 'https://pubmed.ncbi.nlm.nih.gov/32845365/',
    verified: true,
  }),
} as const;
