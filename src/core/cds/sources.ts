/**
 * The public sources the CDS cards cite, and the naltrexone blockade windows the opioid card uses. Facts from the
 * project's research notes (ldn-clinical.md section 2 and 2b, ldn-clinical-2b-sources.md sections 2 and 9); a card
 * shows only the public label and URL, never an internal file.
 */
import type { CdsSource } from './types.ts';

/** Naltrexone hydrochloride tablets USP 50 mg label, DailyMed setid adb7c4dc-221a-4d91-9687-0d78913a92ad. */
export const NALTREXONE_LABEL: CdsSource = {
  label: 'Naltrexone tablets label (DailyMed): Contraindications; Precautions, Drug Interactions',
  url: 'https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=adb7c4dc-221a-4d91-9687-0d78913a92ad',
};

/** Goel et al., Anesthesiology 2024 (scoping review): every guideline stops naltrexone before opioids are needed. */
export const HOLD_BEFORE_OPIOIDS: CdsSource = {
  label: 'Goel et al., Anesthesiology 2024: guidelines stop naltrexone before opioids are needed',
  url: 'https://doi.org/10.1097/ALN.0000000000005040',
};

/** Vivitrol label 5.1: blockade of exogenous opioids for about 28 days after an injection. */
export const VIVITROL_LABEL: CdsSource = {
  label: 'Vivitrol label 5.1: opioid blockade lasts about 28 days after an injection',
  url: 'https://www.vivitrolhcp.com/important-safety-information',
};

/**
 * How long after the last known dose naltrexone may still block an opioid (design, from the sources above):
 * oral naltrexone: 5 days, the "blockade up to about 100 h" of the perioperative guidance rounded up to whole days
 * (a chart rarely has the hour of the last dose); extended-release injection: 28 days (Vivitrol label 5.1).
 */
export const BLOCKADE_DAYS = { oral: 5, injection: 28 } as const;

/** Hold oral naltrexone at least 3 days (72 h) before opioids are needed (Whately & Stead 2023; design for LDN). */
export const HOLD_HOURS = 72;

/** Vivitrol (extended-release naltrexone) product codes and words (ldn-clinical-2b-sources.md, depot table). */
export const INJECTION_CODES: ReadonlySet<string> = new Set(['637213', '637216', '636556', 'J2315']);
export const INJECTION_WORDS = /\b(vivitrol|extended[- ]release|injectable|injection|intramuscular|im depot)\b/i;
