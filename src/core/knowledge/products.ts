/**
 * Hand-reviewed RxNorm product and brand codes from shared/research/codes-verified.md (sections 1b, 2, 2b) and
 * ldn-clinical.md section 6. These take precedence over the generated tables and cover products the public value
 * sets leave out (naltrexone, Contrave, Lybalvi, peripheral antagonists, antidiarrheals).
 */

export interface ProductCode {
  code: string;
  name: string;
  tty: 'BN' | 'SCD' | 'SBD' | 'SBDC';
  ingredients: string[];
}

const p = (tty: ProductCode['tty'], ingredients: string[], name: string, ...codes: string[]): ProductCode[] =>
  codes.map((code) => ({ code, name, tty, ingredients }));

const BUP_NAL = ['buprenorphine', 'naloxone'];
const MOR_NTX = ['morphine', 'naltrexone'];

export const PRODUCT_CODES: readonly ProductCode[] = [
  // 1b brand names.
  ...p('BN', ['naltrexone'], 'Vivitrol', '636556'),
  ...p('BN', ['naltrexone'], 'ReVia', '152092'),
  ...p('BN', ['bupropion', 'naltrexone'], 'Contrave', '1551469'),
  ...p('BN', ['olanzapine', 'samidorphan'], 'Lybalvi', '2570393'),
  ...p('BN', MOR_NTX, 'Embeda', '859959'),
  ...p('BN', BUP_NAL, 'Suboxone', '352990'),
  ...p('BN', BUP_NAL, 'Zubsolv', '1431077'),
  ...p('BN', ['buprenorphine'], 'Subutex', '1818'),
  ...p('BN', ['buprenorphine'], 'Sublocade', '1996185'),
  ...p('BN', ['buprenorphine'], 'Brixadi', '2639023'),
  ...p('BN', ['buprenorphine'], 'BuTrans', '904871'),
  ...p('BN', ['buprenorphine'], 'Belbuca', '1716058'),
  ...p('BN', ['methylnaltrexone'], 'Relistor', '796436'),
  ...p('BN', ['naloxegol'], 'Movantik', '1551918'),
  ...p('BN', ['naldemedine'], 'Symproic', '1876604'),
  ...p('BN', ['atropine', 'diphenoxylate'], 'Lomotil', '28874'),
  ...p('BN', ['atropine', 'difenoxin'], 'Motofen', '218445'),
  ...p('BN', ['eluxadoline'], 'Viberzi', '1653787'),
  ...p('BN', ['naloxone'], 'Narcan', '197117'),
  ...p('BN', ['naloxone'], 'Zimhi', '2589614'),
  ...p('BN', ['naloxone'], 'Kloxxado', '2540704'),
  ...p('BN', ['nalmefene'], 'Opvee', '2639722'),
  // 2 products.
  ...p('SCD', ['naltrexone'], 'naltrexone hydrochloride 50 MG Oral Tablet', '1483744'),
  ...p('SBD', ['naltrexone'], 'naltrexone hydrochloride 50 MG Oral Tablet [ReVia]', '1483746'),
  ...p('SCD', ['naltrexone'], 'naltrexone 380 MG Injection', '637213'),
  ...p('SBD', ['naltrexone'], 'naltrexone 380 MG Injection [Vivitrol]', '637216'),
  ...p('SCD', ['bupropion', 'naltrexone'], 'bupropion 90 MG / naltrexone 8 MG ER Oral Tablet', '1551468'),
  ...p('SBD', ['bupropion', 'naltrexone'], 'bupropion 90 MG / naltrexone 8 MG ER Oral Tablet [Contrave]', '1551474'),
  ...p(
    'SCD',
    ['olanzapine', 'samidorphan'],
    'olanzapine / samidorphan Oral Tablet',
    '2570392',
    '2570399',
    '2570402',
    '2570405',
  ),
  ...p(
    'SBD',
    ['olanzapine', 'samidorphan'],
    'olanzapine / samidorphan Oral Tablet [Lybalvi]',
    '2570398',
    '2570401',
    '2570404',
    '2570407',
  ),
  ...p(
    'SCD',
    BUP_NAL,
    'buprenorphine / naloxone Sublingual Film or Tablet',
    '1010600',
    '1307056',
    '1010604',
    '1307061',
    '351266',
    '351267',
    '1431102',
  ),
  ...p(
    'SBD',
    BUP_NAL,
    'buprenorphine / naloxone Sublingual Film [Suboxone]',
    '1010603',
    '1307058',
    '1010606',
    '1307063',
  ),
  ...p('SBD', BUP_NAL, 'buprenorphine / naloxone Sublingual Tablet [Zubsolv]', '1431104'),
  ...p('SCD', ['methadone'], 'methadone hydrochloride 10 MG Oral Tablet', '864706'),
  ...p('SBD', ['methadone'], 'methadone hydrochloride 10 MG Oral Tablet [Dolophine]', '864708'),
  ...p('SCD', ['oxycodone'], 'oxycodone hydrochloride 5 MG Oral Tablet', '1049621'),
  ...p('SBD', ['oxycodone'], 'oxycodone hydrochloride 5 MG Oral Tablet [Roxicodone]', '1049623'),
  ...p(
    'SCD',
    ['acetaminophen', 'hydrocodone'],
    'acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet',
    '857002',
  ),
  ...p(
    'SBD',
    ['acetaminophen', 'hydrocodone'],
    'acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet [Norco]',
    '857004',
  ),
  ...p('SCD', ['tramadol'], 'tramadol hydrochloride 50 MG Oral Tablet', '835603'),
  ...p('SBD', ['tramadol'], 'tramadol hydrochloride 50 MG Oral Tablet [Ultram]', '835605'),
  ...p('SCD', ['codeine'], 'codeine phosphate / guaifenesin Oral Solution', '995868', '995483', '995226', '1114026'),
  ...p('SBD', ['codeine'], 'codeine phosphate / guaifenesin Oral Solution [Cheratussin]', '995872'),
  ...p(
    'SCD',
    MOR_NTX,
    'Abuse-Deterrent morphine sulfate / naltrexone hydrochloride ER Oral Capsule',
    '863845',
    '863848',
    '863850',
    '863852',
    '863854',
    '863856',
  ),
  ...p(
    'SBD',
    MOR_NTX,
    'Abuse-Deterrent morphine sulfate / naltrexone hydrochloride ER Oral Capsule [Embeda]',
    '863847',
    '863849',
    '863851',
    '863853',
    '863855',
    '863857',
  ),
  ...p('SCD', ['atropine', 'diphenoxylate'], 'atropine / diphenoxylate', '1190572', '1190568'),
  ...p('SBD', ['atropine', 'diphenoxylate'], 'atropine / diphenoxylate Oral Tablet [Lomotil]', '1190641'),
  ...p('SCD', ['atropine', 'difenoxin'], 'atropine / difenoxin Oral Tablet', '1190738'),
  ...p('SBD', ['atropine', 'difenoxin'], 'atropine / difenoxin Oral Tablet [Motofen]', '1190740'),
  // 2b other products.
  ...p('SCD', ['loperamide'], 'loperamide hydrochloride 2 MG Oral Capsule', '978006'),
  ...p('SCD', ['methylnaltrexone'], 'methylnaltrexone bromide', '1801514', '1244060', '979113'),
  ...p('SBD', ['methylnaltrexone'], 'methylnaltrexone bromide 150 MG Oral Tablet [Relistor]', '1801519'),
  ...p('SCD', ['naloxegol'], 'naloxegol Oral Tablet', '1551917', '1551782'),
  ...p('SCD', ['naldemedine'], 'naldemedine 0.2 MG Oral Tablet', '1876603'),
  ...p('SCD', ['eluxadoline'], 'eluxadoline Oral Tablet', '1653786', '1719764'),
  ...p('SCD', ['nalmefene'], 'nalmefene', '199059', '2592953', '2639721', '2720806'),
  ...p('SBD', ['nalmefene'], 'nalmefene [Opvee] / [Zurnai]', '2639727', '2720812'),
  ...p(
    'SCD',
    ['acetaminophen', 'hydrocodone'],
    'acetaminophen 300 MG / hydrocodone bitartrate 5 MG Oral Tablet',
    '856987',
  ),
  ...p(
    'SCD',
    ['acetaminophen', 'oxycodone'],
    'acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet',
    '1049221',
  ),
  ...p('SCD', ['oxycodone'], 'Abuse-Deterrent 12 HR oxycodone hydrochloride 15 MG ER Oral Tablet', '1860154'),
  ...p(
    'SBDC',
    ['acetaminophen', 'oxycodone'],
    'Acetaminophen 325 MG / Oxycodone Hydrochloride 2.5 MG [Percocet]',
    '1049636',
  ),
];
