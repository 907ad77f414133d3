/**
 * Condition groups: the SNOMED CT and ICD-10-CM codes (and plain-language names) that put a Condition in a group.
 * Codes come from shared/research/codes-verified.md sections 3 and 4 (and ldn-clinical.md section 6); each group
 * says where its codes come from and whether they are verified. ICD-10-CM families are prefixes (K50 covers K50.x).
 */

export type ConditionGroupId =
  | 'fibromyalgia'
  | 'crohns'
  | 'ulcerative-colitis'
  | 'ibd-unspecified'
  | 'multiple-sclerosis'
  | 'crps'
  | 'long-covid'
  | 'me-cfs'
  | 'painful-diabetic-neuropathy'
  | 'hashimoto'
  | 'psoriasis'
  | 'sibo'
  | 'oud'
  | 'oud-on-agonist-therapy'
  | 'acute-liver-injury'
  | 'chronic-liver-disease'
  | 'pregnancy'
  | 'breastfeeding'
  | 'transplant-immunosuppression'
  // Section 2b (second pass).
  | 'chronic-pain'
  | 'opioid-withdrawal'
  | 'opioid-poisoning'
  | 'kratom-use'
  | 'kratom-dependence'
  | 'diphenoxylate-misuse';

export interface CodeRef {
  code: string;
  verified: boolean;
}

export interface ConditionGroup {
  id: ConditionGroupId;
  label: string;
  snomed: CodeRef[];
  /** Exact ICD-10-CM codes. */
  icd10: CodeRef[];
  /** ICD-10-CM families: any code starting with the prefix (dot included, e.g. "K50"). */
  icd10Prefixes: CodeRef[];
  /** Lower-case phrases matched as whole words in display / text (e.g. "multiple sclerosis"). */
  names: string[];
  source: string;
}

const v = (...codes: string[]): CodeRef[] => codes.map((code) => ({ code, verified: true }));
const u = (...codes: string[]): CodeRef[] => codes.map((code) => ({ code, verified: false }));

/**
 * ICD-10-CM chapter O (O00-O9A) as three-character families, without delivery (O80-O82), the puerperium (O85-O92)
 * and sequelae (O94): those do not mean a current pregnancy (ldn-clinical-2b-sources.md 11, design). Chapter bounds
 * are medium confidence (not read from the tabular).
 */
const PREGNANCY_CHAPTER: CodeRef[] = [
  ...Array.from({ length: 100 }, (_, i) => `O${String(i).padStart(2, '0')}`).filter((c) => {
    const n = Number(c.slice(1));
    return !(n >= 80 && n <= 82) && !(n >= 85 && n <= 92) && n !== 94;
  }),
  'O9A',
].map((code) => ({ code, verified: false }));

export const CONDITION_GROUPS: readonly ConditionGroup[] = [
  {
    id: 'fibromyalgia',
    label: 'Fibromyalgia',
    snomed: v('203082005', '95417003', '56557000'),
    icd10: v('M79.7'),
    icd10Prefixes: v('M79.7'),
    names: ['fibromyalgia', 'fibrositis', 'fibromyositis'],
    source: 'codes-verified.md 3 (203082005, 95417003 Synthea, 56557000 IPS) and 4 (M79.7)',
  },
  {
    id: 'crohns',
    label: "Crohn's disease",
    snomed: v('34000006'),
    icd10: [],
    icd10Prefixes: v('K50'),
    names: [
      'crohn',
      'crohns',
      'regional enteritis',
      'regional ileitis',
      'regional ileocolitis',
      'granulomatous colitis',
      'granulomatous enteritis',
    ],
    source: 'codes-verified.md 3 (34000006); ldn-clinical.md 6 (K50.x, secondary sources)',
  },
  {
    id: 'ulcerative-colitis',
    label: 'Ulcerative colitis',
    snomed: v('64766004'),
    icd10: [],
    icd10Prefixes: v('K51'),
    names: [
      'ulcerative colitis',
      'ulcerative proctitis',
      'ulcerative proctosigmoiditis',
      'ulcerative pancolitis',
      'ulcerative rectosigmoiditis',
      'ulcerative chronic pancolitis',
      'ulcerative chronic proctitis',
      'ulcerative chronic rectosigmoiditis',
      'left sided colitis',
      'left sided ulcerative colitis',
    ],
    source: 'codes-verified.md 3 (64766004); ldn-clinical.md 6 (K51.x, secondary sources)',
  },
  {
    id: 'ibd-unspecified',
    label: 'Inflammatory bowel disease (type not stated)',
    snomed: [],
    icd10: [],
    icd10Prefixes: [],
    names: ['inflammatory bowel disease'],
    source: "name only: IBD covers Crohn's disease and ulcerative colitis (ldn-clinical.md 1 evidence is for Crohn's)",
  },
  {
    id: 'multiple-sclerosis',
    label: 'Multiple sclerosis',
    snomed: v('24700007'),
    icd10: [],
    icd10Prefixes: [...v('G35')],
    names: ['multiple sclerosis'],
    source:
      'codes-verified.md 3 (24700007); ldn-clinical.md 6 (G35, G35.A-G35.D; G35 non-billable since Oct 2025 is UNVERIFIED)',
  },
  {
    id: 'crps',
    label: 'Complex regional pain syndrome',
    snomed: v('128200000', '734947007', '408750000', '408749000', '712537009', '734986006'),
    icd10: [],
    icd10Prefixes: v('G90.5', 'G56.4', 'G57.7'),
    names: ['complex regional pain syndrome', 'crps', 'causalgia', 'reflex sympathetic dystrophy'],
    source: 'codes-verified.md 3 (CRPS SNOMED) and 4 (G90.5x one source; G56.4x, G57.7x CMS ACCESS)',
  },
  {
    id: 'long-covid',
    label: 'Long COVID (post-COVID-19 condition)',
    snomed: v('1119303003'),
    icd10: v('U09.9'),
    icd10Prefixes: [],
    names: ['long covid', 'post covid', 'postcovid', 'post covid 19', 'post acute sequelae of sars cov 2', 'pasc'],
    source: 'codes-verified.md 3 (1119303003, one source) and 4 (U09.9)',
  },
  {
    id: 'me-cfs',
    label: 'ME/CFS',
    snomed: v('52702003'),
    icd10: u('G93.32'),
    icd10Prefixes: [],
    names: ['chronic fatigue syndrome', 'myalgic encephalomyelitis', 'cfs'],
    source: 'codes-verified.md 3 (52702003); G93.32 UNVERIFIED (no public list found)',
  },
  {
    id: 'painful-diabetic-neuropathy',
    label: 'Painful diabetic neuropathy',
    snomed: v('230572002', '368581000119106', '49455004', '713706002'),
    icd10: v('E10.40', 'E10.42', 'E11.40', 'E11.42'),
    icd10Prefixes: [],
    names: [
      'diabetic neuropathy',
      'diabetic polyneuropathy',
      'diabetic peripheral neuropathy',
      'painful diabetic neuropathy',
    ],
    source:
      'codes-verified.md 3 (nearest concepts; no "painful diabetic neuropathy" concept exists) and 4 (E10.40/42, E11.40/42, one source family)',
  },
  {
    id: 'hashimoto',
    label: "Hashimoto's thyroiditis",
    snomed: v('21983002'),
    icd10: u('E06.3'),
    icd10Prefixes: [],
    names: [
      'hashimoto',
      'hashimotos',
      'autoimmune thyroiditis',
      'chronic lymphocytic thyroiditis',
      'lymphocytic thyroiditis',
    ],
    source: 'codes-verified.md 3 (21983002); E06.3 UNVERIFIED',
  },
  {
    id: 'psoriasis',
    label: 'Psoriasis',
    snomed: v('9014002'),
    icd10: [],
    icd10Prefixes: v('L40'),
    names: ['psoriasis', 'psoriatic'],
    source: 'codes-verified.md 3 (9014002); ldn-clinical.md 6 (L40.x, secondary sources)',
  },
  {
    id: 'sibo',
    label: 'SIBO / "leaky gut"',
    snomed: [],
    icd10: [],
    icd10Prefixes: [],
    names: ['small intestinal bacterial overgrowth', 'sibo', 'leaky gut'],
    source: 'name only; ldn-clinical.md 1 lists SIBO as UNVERIFIED (no LDN studies found)',
  },
  {
    id: 'oud-on-agonist-therapy',
    label: 'Opioid dependence, on agonist therapy',
    snomed: v('1081000119105'),
    icd10: [],
    icd10Prefixes: [],
    names: ['on agonist therapy', 'opioid maintenance therapy', 'methadone maintenance', 'buprenorphine maintenance'],
    source: 'codes-verified.md 3 (1081000119105, 4 sources)',
  },
  {
    id: 'oud',
    label: 'Opioid use disorder / opioid dependence',
    // F11.x is "opioid related disorders" (abuse F11.1, dependence F11.2, use F11.9). Poisoning / overdose (T40.x)
    // is NOT OUD and is not listed (design).
    snomed: [...v('75544000', '1336192000', '724653003', '191821007', '5602001'), ...v('1081000119105')],
    icd10: [],
    icd10Prefixes: v('F11'),
    names: [
      'opioid use disorder',
      'opioid use',
      'opioid related disorder',
      'opioid related disorders',
      'opioid dependence',
      'opioid addiction',
      'opiate dependence',
      'opioid abuse',
      'opiate abuse',
      'opiate addiction',
      'opiate misuse',
      'opioid misuse',
      'heroin dependence',
      'heroin addiction',
      'heroin abuse',
      'diamorphine abuse',
      'methadone dependence',
      'methadone misuse',
      'morphine dependence',
      'opium dependence',
      'fentanyl dependence',
      'buprenorphine dependence',
      'buprenorphine withdrawal',
      'opioid withdrawal',
      'narcotic withdrawal',
      'opioid intoxication',
      'opioid induced',
      'caused by opioid',
      'combined opioid with',
      'narcotic drug user',
      'oud',
    ],
    source:
      'codes-verified.md 3 (75544000, 1336192000 one source, 724653003, 191821007; 5602001 is "opioid abuse", grouped here by design as DSM-5 folds abuse into OUD) and 4 (F11.2x); ldn-clinical.md 6 (F11.x)',
  },
  {
    id: 'acute-liver-injury',
    label: 'Acute hepatitis or hepatic failure',
    snomed: v('197270009', '59927004', '235884008', '37871000', '235876009', '76795007', '40468003'),
    icd10: v('K72.00', 'K72.01', 'K72.10', 'K72.11', 'K72.90', 'K72.91', 'K70.40', 'K70.41', 'K72.0'),
    icd10Prefixes: v('K72', 'K70.4', 'B15', 'B16', 'B17'),
    names: [
      'acute hepatitis',
      'hepatic failure',
      'liver failure',
      'fulminant hepatitis',
      'drug induced hepatitis',
      'acute liver injury',
      'acute liver failure',
      'hepatic coma',
      'acute viral hepatitis',
      'acute hepatitis a',
      'acute hepatitis b',
      'acute hepatitis c',
      'acute hepatitis e',
      'acute type b viral hepatitis',
      'hepatitis a',
      'viral hepatitis type a',
      'hepatitis e',
      'acute delta',
    ],
    source:
      'codes-verified.md 3 (197270009, 59927004, 235884008, 37871000, 235876009) and 4 (K72.00-K72.91, K70.40/41); ldn-clinical-2b-sources.md 12 (B15.x, B16.x, B17.x; SNOMED 76795007, 37871000, 40468003; eCQM VSAC 2024)',
  },
  {
    id: 'chronic-liver-disease',
    label: 'Chronic liver disease',
    snomed: v('328383001', '19943007', '128241005'),
    icd10: [],
    icd10Prefixes: [],
    names: [
      'chronic liver disease',
      'cirrhosis',
      'chronic hepatitis',
      'hepatitis',
      'fatty liver',
      'steatohepatitis',
      'nash',
      'nafld',
      'masld',
      'liver fibrosis',
      'hepatic fibrosis',
    ],
    source: 'codes-verified.md 3 (328383001, 19943007, 128241005 hepatitis)',
  },
  {
    id: 'pregnancy',
    label: 'Pregnancy',
    snomed: v('77386006', '72892002', '47200007'),
    icd10: v('Z33.1'),
    icd10Prefixes: [...v('Z34', 'Z3A', 'O09'), ...PREGNANCY_CHAPTER],
    names: [
      'pregnancy',
      'pregnant',
      'gestation',
      'weeks gestation',
      'high risk pregnancy',
      'supervision of high risk pregnancy',
      'supervision of normal pregnancy',
      'elderly primigravida',
      'intrauterine pregnancy',
    ],
    source:
      'codes-verified.md 3 (77386006, 72892002 Synthea) and 4 (Z33.1); ldn-clinical-2b-sources.md 11 (Z34.x, Z3A.x, O09.x, SNOMED 47200007 in eCQM VSAC; chapter O00-O9A except the puerperium O85-O92 and O94, medium confidence)',
  },
  {
    id: 'breastfeeding',
    label: 'Breastfeeding',
    snomed: v('69840006', '866041003', '1260078007', '169745008'),
    icd10: v('Z39.1'),
    icd10Prefixes: [],
    names: ['breastfeeding', 'breast feeding', 'lactating', 'lactation', 'nursing mother'],
    source: 'codes-verified.md 3 (VSAC Breastfeeding set, 169750002 NOT FOUND) and 4 (Z39.1)',
  },
  {
    id: 'transplant-immunosuppression',
    label: 'Transplant or chronic immunosuppression',
    snomed: [],
    icd10: [],
    icd10Prefixes: [],
    names: [
      'transplant',
      'transplanted',
      'transplantation',
      'immunosuppressed',
      'immunosuppression',
      'graft versus host',
    ],
    source: 'name only (no verified codes); theoretical concern from a second-hand source (ldn-clinical.md 2)',
  },
  {
    id: 'chronic-pain',
    label: 'Chronic pain',
    snomed: v('82423001', '373621006'),
    icd10: u('G89.4'),
    icd10Prefixes: u('G89.2'),
    names: [
      'chronic pain',
      'chronic pain syndrome',
      'chronic back pain',
      'chronic low back pain',
      'chronic neck pain',
      'chronic pelvic pain',
      'chronic abdominal pain',
      'chronic widespread pain',
      'chronic pain in face',
      'chronic pain due to injury',
      'chronic psychogenic pain',
      'chronic postoperative pain',
    ],
    source:
      'codes-verified.md (82423001, 6 sources); ldn-clinical-2b-sources.md 13 (G89.21/22/28/29, G89.4 UNVERIFIED); 373621006 chronic pain syndrome by display in public value sets',
  },
  {
    id: 'opioid-withdrawal',
    label: 'Opioid withdrawal',
    snomed: v('87132004', '16279021000119106', '703847000', '230443000'),
    icd10: v('F11.13', 'F11.23', 'F11.93'),
    icd10Prefixes: v('F11.13', 'F11.23', 'F11.93'),
    names: [
      'opioid withdrawal',
      'opioid withdrawal syndrome',
      'opiate withdrawal',
      'narcotic withdrawal',
      'heroin withdrawal',
      'methadone withdrawal',
      'buprenorphine withdrawal',
      'fentanyl withdrawal',
      'withdrawal from opioids',
    ],
    source:
      'ldn-clinical-2b-sources.md 3 (F11.13, F11.23, F11.93; SNOMED 87132004, 16279021000119106, 703847000, 230443000; eCQM VSAC 2023-2024)',
  },
  {
    id: 'opioid-poisoning',
    label: 'Opioid poisoning or overdose',
    // T40.0X-/1X-/2X-/3X-/4X-, T40.41-/42-/49-, T40.60-/69- are read by their structure (src/core/match/poisoning.ts);
    // other texts by the words "poisoning" / "overdose" with an opioid named (match/condition.ts).
    snomed: [],
    icd10: [],
    icd10Prefixes: [],
    names: [
      'opioid overdose',
      'opiate overdose',
      'narcotic overdose',
      'opioid poisoning',
      'opiate poisoning',
      'narcotic poisoning',
      'overdose of opiate',
      'overdose of opioid',
    ],
    source:
      'ldn-clinical-2b-sources.md 4 (ICD-10-CM T40 structure, tabular copy and CDC/NCHS ranges, medium; 2024 split codes high)',
  },
  {
    id: 'kratom-use',
    label: 'Kratom use',
    snomed: [],
    icd10: [],
    icd10Prefixes: [],
    names: [
      'kratom',
      'kratom use',
      'mitragynine',
      'mitragyna',
      'mitragyna speciosa',
      '7 hydroxymitragynine',
      '7 oh mitragynine',
      'hydroxymitragynine',
    ],
    source: 'ldn-clinical-2b-sources.md 5: no code checked, matched by name only (UNVERIFIED)',
  },
  {
    id: 'kratom-dependence',
    label: 'Kratom dependence or daily use',
    snomed: [],
    icd10: [],
    icd10Prefixes: [],
    names: [
      'kratom dependence',
      'kratom use disorder',
      'kratom addiction',
      'kratom abuse',
      'kratom withdrawal',
      'daily kratom',
      'kratom daily',
      'mitragynine dependence',
      '7 hydroxymitragynine dependence',
      'concentrated 7 oh',
      '7 oh product',
      '7 oh tablets',
      '7 oh extract',
    ],
    source: 'ldn-clinical-2b-sources.md 5 (daily use or dependence: design), name only',
  },
  {
    id: 'diphenoxylate-misuse',
    label: 'Diphenoxylate misuse',
    snomed: [],
    icd10: [],
    icd10Prefixes: [],
    names: [
      'diphenoxylate misuse',
      'diphenoxylate abuse',
      'diphenoxylate dependence',
      'diphenoxylate overuse',
      'lomotil misuse',
      'lomotil abuse',
      'lomotil dependence',
      'lomotil overuse',
    ],
    source: 'ldn-clinical-2b-sources.md 6 (Lomotil label, Drug Abuse and Dependence), name only',
  },
];

/**
 * Phrases that make a name match meaningless (history, screening, negation). Codes are not affected: a code says
 * what it says; free text "family history of multiple sclerosis" does not make the patient a candidate.
 */
export const NAME_NEGATORS: readonly string[] = [
  'history',
  'family',
  'screening',
  'screen',
  'test',
  'tests',
  'testing',
  'not',
  'no',
  'negative',
  'ruled',
  'rule',
  'risk',
  'exposure',
  'exposed',
  'contact',
  'vaccination',
  'vaccine',
  'immunization',
  'denies',
  'absent',
  'without evidence',
];

/** Words that keep a text out of a group even when its name matches (overdose / poisoning is not OUD; design). */
export const GROUP_EXCLUDERS: Partial<Record<ConditionGroupId, readonly string[]>> = {
  oud: ['poisoning', 'overdose', 'poisoned'],
  'opioid-poisoning': ['adverse', 'underdosing', 'subsequent', 'sequela'],
  'oud-on-agonist-therapy': ['poisoning', 'overdose', 'poisoned'],
};

export const CONDITION_GROUP_BY_ID: ReadonlyMap<ConditionGroupId, ConditionGroup> = new Map(
  CONDITION_GROUPS.map((g) => [g.id, g]),
);
