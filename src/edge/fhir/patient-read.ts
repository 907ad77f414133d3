/**
 * The launch patient's own record, read with the chart's searches and the same deadline (issue 10 item 1, issue
 * 14 item 3: the banner no longer fetches by itself). The answer must be a Patient with the launch patient's id:
 * a server that returns another patient's record (or none) leaves the banner without a name and the chart
 * incomplete, because nothing else it sent can then be trusted to be this patient's.
 */
import type { Patient } from 'fhir/r4';
import { readGap, type ReadGap } from '../../core/chart.ts';
import type { FhirHttp } from '../types.ts';
import { answerFacts, reasonForAnswer } from './gaps.ts';
import { fhirRequest, isSuccess } from './request.ts';

export interface PatientRead {
  /** The Patient, only when its id is the launch patient's. */
  patient?: Patient;
  gaps: ReadGap[];
}

/** The Patient read's path, relative to the FHIR base. */
export const patientPath = (patientId: string): string => `Patient/${encodeURIComponent(patientId)}`;

/** GET Patient/<id>, checked. Never throws. */
export async function readPatient(
  http: FhirHttp,
  patientId: string,
  opts: { timeoutMs: number; signal?: AbortSignal },
): Promise<PatientRead> {
  const target = patientPath(patientId);
  const answer = await fhirRequest(http, target, { method: 'GET', headers: { accept: 'application/fhir+json' } }, opts);
  if (answer.kind !== 'answered' || !isSuccess(answer.status)) {
    return {
      gaps: [readGap('Patient', reasonForAnswer(answer), { what: 'patient-failed', ...answerFacts(answer) }, target)],
    };
  }
  const body = answer.json as { resourceType?: unknown; id?: unknown } | undefined;
  if (answer.notJson || typeof body !== 'object' || body === null || body.resourceType !== 'Patient') {
    return {
      gaps: [readGap('Patient', 'malformed', { what: 'patient-not-patient' }, target)],
    };
  }
  if (body.id !== patientId) {
    return {
      gaps: [readGap('Patient', 'wrong-patient', { what: 'patient-other' }, target)],
    };
  }
  return { patient: body as Patient, gaps: [] };
}

/** The name parts of a Patient (3 letters or more), to keep them out of any server text quoted in a gap. */
export function nameWords(patient: Patient | undefined): string[] {
  const words = new Set<string>();
  for (const n of patient?.name ?? []) {
    for (const part of [n.text, n.family, ...(n.given ?? [])]) {
      if (typeof part !== 'string') continue;
      for (const w of part.split(/[^\p{L}]+/u)) if (w.length >= 3) words.add(w.toLowerCase());
    }
  }
  return [...words];
}
