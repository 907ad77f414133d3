/**
 * ICD-10-CM opioid poisoning codes read by their structure (ldn-clinical-2b-sources.md 4): T40.0 opium, T40.1
 * heroin, T40.2 other opioids, T40.3 methadone, T40.4X (older) or T40.41 / T40.42 / T40.49 (newer split: fentanyl,
 * tramadol, other synthetic narcotics), T40.60 / T40.69 unspecified / other narcotics; the 6th character is the
 * intent (1 accidental, 2 self-harm, 3 assault, 4 undetermined, 5 adverse effect, 6 underdosing) and the 7th the
 * encounter (A initial, D subsequent, S sequela). Both the older and the newer T40.4 forms are matched because the
 * year of the split is UNVERIFIED. A code without its 7th character is read as an initial encounter (fail safe).
 */

export interface OpioidPoisoningCode {
  code: string;
  /** 1-4 poisoning; 5 adverse effect; 6 underdosing. */
  intent: number;
  encounter: 'initial' | 'subsequent' | 'sequela';
  /** Methadone (T40.3): the 14-day window applies. */
  methadone: boolean;
}

const T40 = /^T40\.(0X|1X|2X|3X|4X|41|42|49|60|69)([1-6])([ADS]?)$/;

/** The structure of an opioid T40 code (normalised "T40.1X1A"), or undefined for any other code. */
export function opioidPoisoningCode(normalised: string): OpioidPoisoningCode | undefined {
  if (normalised.length > 10) return undefined;
  const m = T40.exec(normalised);
  if (!m) return undefined;
  const seventh = m[3];
  return {
    code: normalised,
    intent: Number(m[2]),
    encounter: seventh === 'D' ? 'subsequent' : seventh === 'S' ? 'sequela' : 'initial',
    methadone: m[1] === '3X',
  };
}
