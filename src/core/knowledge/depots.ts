/**
 * Long-acting depots and implants (ldn-clinical.md section 2b; codes from ldn-clinical-2b-sources.md "Codes and how
 * each was verified"): which records are a buprenorphine or naltrexone depot, and how long one dose keeps acting.
 * A depot counts for its dosing interval after the dose, whatever the record's status says (a completed
 * administration of a monthly injection is not "over"). Windows are (design) in the notes, built from the label facts
 * (Sublocade: 26-day minimum interval, 2-week grace, half-life 43-60 days; Brixadi weekly +/- 2 days, monthly +/- 1
 * week; Probuphine about 6 months; Vivitrol blockade about 28 days) plus the 7-14 day opioid-free rule.
 */

export type DepotKind = 'sublocade' | 'brixadi-weekly' | 'brixadi-monthly' | 'probuphine' | 'vivitrol';

export interface DepotWindows {
  /** Product label for the finding. */
  label: string;
  /** Days after the dose during which the depot counts as current therapy (contraindicated / major duplicate). */
  activeDays: number;
  /** Further days (from the dose) during which a residual effect is reported (major residual / info). */
  residualDays?: number;
}

/** Windows per depot (design, ldn-clinical.md 2b). Probuphine: 6 months in place + 14 days after removal. */
export const DEPOT_WINDOWS: Readonly<Record<DepotKind, DepotWindows>> = {
  sublocade: {
    label: 'Sublocade (monthly buprenorphine extended-release injection)',
    activeDays: 56,
    residualDays: 365,
  },
  'brixadi-monthly': {
    label: 'Brixadi monthly (buprenorphine extended-release injection)',
    activeDays: 56,
    residualDays: 183,
  },
  'brixadi-weekly': { label: 'Brixadi weekly (buprenorphine extended-release injection)', activeDays: 21 },
  probuphine: { label: 'Probuphine (buprenorphine implant)', activeDays: 183 + 14 },
  vivitrol: { label: 'Vivitrol (naltrexone extended-release injection)', activeDays: 28, residualDays: 56 },
};

/** Days after a Probuphine removal during which it still counts (design, 2b). */
export const IMPLANT_REMOVAL_DAYS = 14;

/** RxNorm SCD/SBD/BN codes per depot (2b code list; the seven Brixadi SBDs in the order of their SCDs). */
const RXNORM: Readonly<Record<DepotKind, readonly string[]>> = {
  sublocade: ['1996184', '1996192', '1996189', '1996193', '1996185'],
  'brixadi-weekly': ['2639021', '2639029', '2639031', '2639033', '2639027', '2639030', '2639032', '2639034'],
  // The Brixadi brand (2639023) does not say which formulation: the longer (monthly) windows apply (fail safe).
  'brixadi-monthly': ['2639036', '2639041', '2639043', '2639039', '2639042', '2639044', '2639023'],
  probuphine: ['1797650', '1797655', '1797651'],
  vivitrol: ['637213', '637216', '636556'],
};

/** HCPCS codes (eCQM VSAC 2.16.840.1.113883.3.464.1003.1156): Sublocade <=100 / >100 mg, implant, naltrexone depot. */
export const DEPOT_HCPCS: ReadonlyMap<string, { depot: DepotKind; ingredient: string; term: string }> = new Map([
  [
    'Q9991',
    {
      depot: 'sublocade',
      ingredient: 'buprenorphine',
      term: 'HCPCS Q9991 buprenorphine extended-release injection (<=100 mg)',
    },
  ],
  [
    'Q9992',
    {
      depot: 'sublocade',
      ingredient: 'buprenorphine',
      term: 'HCPCS Q9992 buprenorphine extended-release injection (>100 mg)',
    },
  ],
  ['J0570', { depot: 'probuphine', ingredient: 'buprenorphine', term: 'HCPCS J0570 buprenorphine implant 74.2 mg' }],
  ['J2315', { depot: 'vivitrol', ingredient: 'naltrexone', term: 'HCPCS J2315 naltrexone depot injection' }],
]);

const BY_CODE: ReadonlyMap<string, DepotKind> = new Map(
  (Object.entries(RXNORM) as [DepotKind, readonly string[]][]).flatMap(([kind, codes]) =>
    codes.map((c) => [c, kind] as const),
  ),
);

/** Ingredient of each depot, for the product-code tables. */
export const DEPOT_INGREDIENT: Readonly<Record<DepotKind, string>> = {
  sublocade: 'buprenorphine',
  'brixadi-weekly': 'buprenorphine',
  'brixadi-monthly': 'buprenorphine',
  probuphine: 'buprenorphine',
  vivitrol: 'naltrexone',
};

/** Every depot RxNorm code with its depot (for the medication code index). */
export const DEPOT_RXNORM: ReadonlyMap<string, DepotKind> = BY_CODE;

/**
 * The depot a record names, from its codes (RxNorm or HCPCS) or, failing that, its lower-case text. Text patterns
 * are whole words and linear-time regular expressions (no nested quantifiers).
 */
export function depotOf(codes: readonly string[], lowerText: string): DepotKind | undefined {
  for (const c of codes) {
    const hit = BY_CODE.get(c) ?? DEPOT_HCPCS.get(c.toUpperCase())?.depot;
    if (hit) return hit;
  }
  if (/\bsublocade\b/.test(lowerText)) return 'sublocade';
  // Generic RxNorm names: "1.5 ML Buprenorphine 200 MG/ML Prefilled Syringe" (Sublocade), "... 50 MG/ML ..." (Brixadi
  // weekly), "... 356 MG/ML ..." (Brixadi monthly), "Buprenorphine 74.2 MG Drug Implant" (Probuphine); a
  // buprenorphine prefilled syringe or extended-release injection of unknown strength takes the monthly windows.
  if (/\bbuprenorphine\b/.test(lowerText) && !/\bbrixadi\b/.test(lowerText)) {
    if (/\bimplant/.test(lowerText)) return 'probuphine';
    if (
      /\bprefilled syringe\b|\bextended[- ]release injection\b|\bsubcutaneous\b[^"]{0,40}\b(?:monthly|weekly)\b/.test(
        lowerText,
      )
    ) {
      if (/\b356 ?mg\/ml\b/.test(lowerText)) return 'brixadi-monthly';
      if (/\b50 ?mg\/ml\b/.test(lowerText)) return 'brixadi-weekly';
      return 'sublocade';
    }
  }
  if (/\bbrixadi\b/.test(lowerText))
    return /\bweekly\b|\b(?:8|16|24|32) ?mg\b/.test(lowerText) && !/\bmonthly\b/.test(lowerText)
      ? 'brixadi-weekly'
      : 'brixadi-monthly';
  if (/\bprobuphine\b|\bbuprenorphine[^"]{0,40}\bimplant/.test(lowerText)) return 'probuphine';
  if (/\bvivitrol\b/.test(lowerText)) return 'vivitrol';
  if (
    /\bnaltrexone\b/.test(lowerText) &&
    (/\b380 ?mg\b/.test(lowerText) ||
      /\binject(?:ion|able)\b/.test(lowerText) ||
      /\b(?:extended[- ]release|er)\b[^"]{0,40}\b(?:inject|suspension|im\b)/.test(lowerText) ||
      /\bnaltrexone[^"]{0,30}\b(?:depot|microspheres)\b/.test(lowerText))
  )
    return 'vivitrol';
  return undefined;
}
