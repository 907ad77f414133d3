/**
 * Ingredients the rules care about: names, synonyms, brand names, RxNorm ingredient code, and the role that decides
 * which rule fires. One reviewable table. Codes come from shared/research/ldn-clinical.md section 6 and
 * codes-verified.md (sections 1a, 1b); a code that file calls NOT FOUND is left out (match by name only).
 *
 * Brand names listed here are the ones the research files name. Further brand names (from "[Brand]" in RxNorm SBD
 * names) come from the generated tables in ./generated, built by scripts/build-code-tables.ts.
 */
import type { Source } from '../assess/types.ts';

export type IngredientRole =
  | 'opioid-agonist' // full mu agonist (analgesic or antitussive)
  | 'opioid-partial-agonist' // buprenorphine
  | 'opioid-mixed' // mixed agonist-antagonists: butorphanol, pentazocine, nalbuphine
  | 'naltrexone'
  | 'samidorphan'
  | 'rescue-antagonist' // naloxone, nalmefene
  | 'peripheral-antagonist' // methylnaltrexone, naloxegol, naldemedine, alvimopan
  | 'opioid-antidiarrheal' // diphenoxylate, difenoxin, eluxadoline
  | 'loperamide'
  | 'kratom' // Mitragyna speciosa alkaloids: mu-opioid agonism (ldn-clinical.md 2b), matched by name only
  | 'dextromethorphan'
  | 'bupropion'
  | 'thioridazine'
  | 'disulfiram'
  | 'levothyroxine'
  | 'immunosuppressant'
  | 'other';

/** Opioid ingredients whose label / monograph washout is 14 days instead of 7-10 (ldn-clinical.md section 2). */
export type WashoutClass = 'short-acting' | 'methadone-or-buprenorphine';

export interface Ingredient {
  id: string;
  name: string;
  role: IngredientRole;
  /** Other names in use (salt-free), all lower case; matched as whole words or phrases. */
  synonyms?: string[];
  /** Brand names (as written; matched case-insensitively as whole words). */
  brands?: string[];
  /** RxNorm ingredient (IN) code, plus PIN codes, when verified. */
  rxcui?: string[];
  washout?: WashoutClass;
  /** Where the code / classification comes from. */
  source: string;
  /** False where the research files mark the code or fact UNVERIFIED or NOT FOUND. */
  verified: boolean;
}

const LDN6 = 'ldn-clinical.md section 6 (ingredient RxCUIs cross-checked in several public tables)';
const CV1A = 'codes-verified.md 1a (RxNorm IN/PIN)';
const CV1B = 'codes-verified.md 1b (RxNorm BN)';
const VS = 'opioid ingredient named in the CDC / VSAC opioid value sets (generated tables); no verified RxCUI';

const opioid = (id: string, rxcui: string | undefined, extra: Partial<Ingredient> = {}): Ingredient => ({
  id,
  name: id,
  role: 'opioid-agonist',
  washout: 'short-acting',
  ...(rxcui ? { rxcui: [rxcui] } : {}),
  source: rxcui ? LDN6 : VS,
  verified: true,
  ...extra,
});

export const INGREDIENTS: readonly Ingredient[] = [
  // Full agonists (label: "receiving opioid analgesics"; antitussives codeine and hydrocodone included).
  opioid('alfentanil', '480'),
  opioid('codeine', '2670', { brands: ['Cheratussin'], source: `${LDN6}; ${CV1B}` }),
  opioid('dihydrocodeine', '23088'),
  opioid('fentanyl', '4337', { brands: ['Duragesic', 'Sublimaze'] }),
  opioid('hydrocodone', '5489', { brands: ['Norco', 'Hysingla'] }),
  opioid('hydromorphone', '3423', { brands: ['Dilaudid', 'Exalgo'] }),
  opioid('levorphanol', '6378'),
  opioid('meperidine', '6754', { synonyms: ['pethidine'] }),
  opioid('methadone', '6813', { washout: 'methadone-or-buprenorphine', brands: ['Dolophine', 'Methadose', 'Diskets'] }),
  opioid('morphine', '7052', { brands: ['MS Contin', 'Kadian'] }),
  opioid('opium', '7676', { synonyms: ['paregoric', 'papaveretum'] }),
  opioid('oxycodone', '7804', { brands: ['Roxicodone', 'Percocet', 'OxyContin'] }),
  opioid('oxymorphone', '7814', { brands: ['Opana'] }),
  opioid('remifentanil', '73032'),
  opioid('sufentanil', '56795'),
  opioid('tapentadol', '787390', { brands: ['Nucynta'] }),
  opioid('tramadol', '10689', { brands: ['Ultram'] }),
  opioid('propoxyphene', '8785'),
  opioid('levomethadyl', '237005', { washout: 'methadone-or-buprenorphine' }),
  opioid('benzhydrocodone', undefined),
  opioid('heroin', undefined, { synonyms: ['diamorphine', 'diacetylmorphine'] }),
  opioid('pholcodine', undefined),
  opioid('dextromoramide', undefined),
  opioid('oliceridine', undefined),
  opioid('meptazinol', undefined),
  opioid('dipipanone', undefined),
  opioid('normethadone', undefined),
  opioid('levomethadone', undefined, { washout: 'methadone-or-buprenorphine' }),
  opioid('tilidine', undefined),
  opioid('carfentanil', undefined),
  opioid('phenazocine', undefined),
  // Partial agonist and mixed agonist-antagonists.
  opioid('buprenorphine', '1819', {
    role: 'opioid-partial-agonist',
    washout: 'methadone-or-buprenorphine',
    brands: [
      'Suboxone',
      'Zubsolv',
      'Subutex',
      'Sublocade',
      'Brixadi',
      'Butrans',
      'BuTrans',
      'Belbuca',
      'Bunavail',
      'Buprenex',
      'Probuphine',
    ],
    source: `${LDN6}; ${CV1B}`,
  }),
  opioid('butorphanol', '1841', { role: 'opioid-mixed' }),
  opioid('pentazocine', '8001', { role: 'opioid-mixed', brands: ['Talwin'] }),
  opioid('nalbuphine', '7238', { role: 'opioid-mixed' }),
  // Antagonists.
  {
    id: 'naltrexone',
    name: 'naltrexone',
    role: 'naltrexone',
    rxcui: ['7243', '105069'],
    synonyms: ['ldn', 'low dose naltrexone'],
    brands: ['ReVia', 'Vivitrol', 'Depade'],
    source: `${LDN6}; ${CV1A} (PIN 105069); ${CV1B}`,
    verified: true,
  },
  {
    id: 'samidorphan',
    name: 'samidorphan',
    role: 'samidorphan',
    rxcui: ['2559612'],
    brands: ['Lybalvi'],
    source: `${CV1A}; ${CV1B} (1 source)`,
    verified: true,
  },
  {
    id: 'naloxone',
    name: 'naloxone',
    role: 'rescue-antagonist',
    rxcui: ['7242'],
    brands: ['Narcan', 'Zimhi', 'Kloxxado', 'Evzio'],
    source: `${LDN6}; ${CV1B}`,
    verified: true,
  },
  {
    id: 'nalmefene',
    name: 'nalmefene',
    role: 'rescue-antagonist',
    rxcui: ['31479'],
    brands: ['Opvee', 'Zurnai', 'Revex', 'Selincro'],
    source: `${CV1A}; ${CV1B} (Revex: NOT FOUND, name only); Selincro: no RxNorm code (not US-marketed), name only (2b)`,
    verified: true,
  },
  {
    id: 'kratom',
    name: 'kratom',
    role: 'kratom',
    synonyms: [
      'mitragynine',
      'mitragyna',
      'mitragyna speciosa',
      '7 hydroxymitragynine',
      '7 hydroxy mitragynine',
      '7 oh mitragynine',
      'hydroxymitragynine',
    ],
    source: 'ldn-clinical.md 2b: no RxNorm or SNOMED code checked, matched by name only (UNVERIFIED)',
    verified: false,
  },
  {
    id: 'methylnaltrexone',
    name: 'methylnaltrexone',
    role: 'peripheral-antagonist',
    rxcui: ['29899', '979111'],
    brands: ['Relistor'],
    source: CV1A,
    verified: true,
  },
  {
    id: 'naloxegol',
    name: 'naloxegol',
    role: 'peripheral-antagonist',
    rxcui: ['1551777'],
    brands: ['Movantik'],
    source: CV1A,
    verified: true,
  },
  {
    id: 'naldemedine',
    name: 'naldemedine',
    role: 'peripheral-antagonist',
    rxcui: ['1876597'],
    brands: ['Symproic'],
    source: CV1A,
    verified: true,
  },
  {
    id: 'alvimopan',
    name: 'alvimopan',
    role: 'peripheral-antagonist',
    brands: ['Entereg'],
    source: `${CV1A}: alvimopan RxCUI NOT FOUND, matched by name only`,
    verified: false,
  },
  // Opioid antidiarrheals and loperamide.
  {
    id: 'diphenoxylate',
    name: 'diphenoxylate',
    role: 'opioid-antidiarrheal',
    rxcui: ['3500'],
    brands: ['Lomotil'],
    source: CV1A,
    verified: true,
  },
  {
    id: 'difenoxin',
    name: 'difenoxin',
    role: 'opioid-antidiarrheal',
    rxcui: ['23024'],
    brands: ['Motofen'],
    source: CV1A,
    verified: true,
  },
  {
    id: 'eluxadoline',
    name: 'eluxadoline',
    role: 'opioid-antidiarrheal',
    rxcui: ['1653781'],
    brands: ['Viberzi'],
    source: CV1A,
    verified: true,
  },
  {
    id: 'loperamide',
    name: 'loperamide',
    role: 'loperamide',
    rxcui: ['6468'],
    brands: ['Imodium'],
    source: CV1A,
    verified: true,
  },
  // Look-alikes and interaction partners.
  {
    id: 'dextromethorphan',
    name: 'dextromethorphan',
    role: 'dextromethorphan',
    rxcui: ['3289'],
    synonyms: ['dxm'],
    source: CV1A,
    verified: true,
  },
  {
    id: 'bupropion',
    name: 'bupropion',
    role: 'bupropion',
    rxcui: ['42347'],
    brands: ['Wellbutrin', 'Zyban'],
    source: LDN6,
    verified: true,
  },
  { id: 'thioridazine', name: 'thioridazine', role: 'thioridazine', rxcui: ['10502'], source: CV1A, verified: true },
  {
    id: 'disulfiram',
    name: 'disulfiram',
    role: 'disulfiram',
    rxcui: ['3554'],
    brands: ['Antabuse'],
    source: CV1A,
    verified: true,
  },
  {
    id: 'levothyroxine',
    name: 'levothyroxine',
    role: 'levothyroxine',
    rxcui: ['10582'],
    synonyms: ['l-thyroxine', 'thyroxine'],
    brands: ['Synthroid', 'Levoxyl', 'Unithroid', 'Tirosint', 'Euthyrox'],
    source: CV1A,
    verified: true,
  },
  ...[
    'tacrolimus',
    'cyclosporine',
    'ciclosporin',
    'sirolimus',
    'everolimus',
    'mycophenolate',
    'azathioprine',
    'belatacept',
    'basiliximab',
  ].map((id): Ingredient => ({
    id,
    name: id,
    role: 'immunosuppressant',
    source: 'name only: transplant / chronic immunosuppression rule (second-hand source)',
    verified: false,
  })),
  { id: 'olanzapine', name: 'olanzapine', role: 'other', source: 'name only (Lybalvi partner)', verified: true },
  { id: 'atropine', name: 'atropine', role: 'other', source: 'name only (Lomotil / Motofen partner)', verified: true },
  {
    id: 'acetaminophen',
    name: 'acetaminophen',
    role: 'other',
    synonyms: ['apap', 'paracetamol'],
    source: 'name only (combination partner)',
    verified: true,
  },
];

/** Brand names that stand for more than one ingredient (combination products). */
export const COMBINATION_BRANDS: readonly { brand: string; ingredients: string[]; source: string }[] = [
  { brand: 'Contrave', ingredients: ['bupropion', 'naltrexone'], source: `${CV1B} (BN 1551469)` },
  { brand: 'Embeda', ingredients: ['morphine', 'naltrexone'], source: `${CV1B} (BN 859959)` },
  { brand: 'Troxyca', ingredients: ['oxycodone', 'naltrexone'], source: `${CV1B}: Troxyca BN NOT FOUND, name only` },
  { brand: 'Suboxone', ingredients: ['buprenorphine', 'naloxone'], source: `${CV1B} (BN 352990)` },
  { brand: 'Zubsolv', ingredients: ['buprenorphine', 'naloxone'], source: `${CV1B} (BN 1431077)` },
  { brand: 'Bunavail', ingredients: ['buprenorphine', 'naloxone'], source: 'generated tables ([Bunavail] SBDs)' },
  { brand: 'Lybalvi', ingredients: ['olanzapine', 'samidorphan'], source: `${CV1B} (BN 2570393)` },
  { brand: 'Lomotil', ingredients: ['atropine', 'diphenoxylate'], source: `${CV1B} (BN 28874)` },
  { brand: 'Motofen', ingredients: ['atropine', 'difenoxin'], source: `${CV1B} (BN 218445)` },
  { brand: 'Norco', ingredients: ['acetaminophen', 'hydrocodone'], source: 'codes-verified.md 2 ([Norco] SBD 857004)' },
  {
    brand: 'Percocet',
    ingredients: ['acetaminophen', 'oxycodone'],
    source: 'codes-verified.md 2b ([Percocet] 1049636)',
  },
];

/** Abbreviations in common use on medication lists, expanded to ingredient ids (phrases of lower-case words). */
export const ABBREVIATIONS: readonly { phrase: string; ingredients: string[] }[] = [
  { phrase: 'apap', ingredients: ['acetaminophen'] },
  // Local dictionary forms of combination products (ldn-clinical.md 2b: not in public lists, match normalised
  // patterns): "Tylenol #3" / "Tylenol No. 3" / "T3", "APAP/COD", "ACETAMINOPHEN-COD #3", "HYDROCOD/APAP", "OXYCOD/APAP".
  // "cod" alone is never codeine ("cod liver oil"): only next to acetaminophen / APAP / Tylenol.
  ...[
    'tylenol 2',
    'tylenol 3',
    'tylenol 4',
    'tylenol no 2',
    'tylenol no 3',
    'tylenol no 4',
    'tylenol w cod',
    'tylenol cod',
    'tylenol w codeine',
    'tylenol with codeine',
    't3',
    'apap cod',
    'cod apap',
    'acetaminophen cod',
    'cod acetaminophen',
    'acet cod',
    'tyl cod',
  ].map((phrase) => ({ phrase, ingredients: ['acetaminophen', 'codeine'] })),
  ...['hydrocod', 'hydrocodon'].map((phrase) => ({ phrase, ingredients: ['hydrocodone'] })),
  ...['hydrocod apap', 'hydrocodon apap', 'hc apap', 'hydrocodone acet', 'hydrocod acet'].map((phrase) => ({
    phrase,
    ingredients: ['acetaminophen', 'hydrocodone'],
  })),
  ...['oxycod', 'oxycodon'].map((phrase) => ({ phrase, ingredients: ['oxycodone'] })),
  ...['oxycod apap', 'oxycodon apap', 'oxycodone acet', 'oxycod acet'].map((phrase) => ({
    phrase,
    ingredients: ['acetaminophen', 'oxycodone'],
  })),
  { phrase: 'bup nx', ingredients: ['buprenorphine', 'naloxone'] },
  { phrase: 'bup nal', ingredients: ['buprenorphine', 'naloxone'] },
  { phrase: 'mso4', ingredients: ['morphine'] },
];

/**
 * Abbreviations that only count when none of these words is in the same text: "T3" is also liothyronine (thyroid
 * hormone T3), so "T3 25 mcg", "Cytomel (T3)" or "free T3" never read as Tylenol #3.
 */
export const ABBREVIATION_EXCLUDERS: ReadonlyMap<string, readonly string[]> = new Map([
  [
    't3',
    [
      'liothyronine',
      'cytomel',
      'thyroid',
      'mcg',
      'mcgs',
      'microgram',
      'micrograms',
      'ug',
      'uptake',
      'free',
      'total',
      'reverse',
      'armour',
      'levothyroxine',
      't4',
    ],
  ],
]);

/** Rule-relevant ingredients by id. */
export const INGREDIENT_BY_ID: ReadonlyMap<string, Ingredient> = new Map(INGREDIENTS.map((i) => [i.id, i]));

/** Where the knowledge about an ingredient comes from, as a Source for display. */
export function ingredientSource(i: Ingredient): Source {
  return { label: `Ingredient ${i.name}: ${i.source}`, kind: 'web', verified: i.verified };
}
