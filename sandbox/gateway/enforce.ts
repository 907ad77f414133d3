/**
 * SMART scope enforcement for the protected /fhir base, on every request: which interaction the request is, whether
 * the granted scopes allow it, and, for patient/ scopes, whether it stays inside the launch patient's compartment.
 * (The SMART Health IT launcher enforces none of this: shared/research/smart-on-fhir.md.)
 */
import { compartmentPatient, isPatientCompartmentType } from '../fhir/compartment.ts';
import type { FhirEngine } from '../fhir/engine.ts';
import { missingScopeText, type Interaction } from '../auth/grants.ts';
import type { TokenRecord } from '../auth/store.ts';
import { scopeAllows } from '../../src/core/smart/scopes.ts';

export interface Refusal {
  status: 403;
  message: string;
}

export interface ParsedFhirRequest {
  method: string;
  segments: string[];
  query: URLSearchParams;
  body: unknown;
}

/** The SMART interaction of a REST request, or undefined for what a patient-facing token may never do. */
export function interactionOf(method: string, segments: string[]): Interaction | undefined {
  const n = segments.length;
  if (n === 0) return undefined;
  if (method === 'GET' && n === 1) return 's';
  if (method === 'POST' && n === 2 && segments[1] === '_search') return 's';
  if (method === 'GET' && (n === 2 || (n >= 3 && segments[2] === '_history'))) return 'r';
  if (method === 'POST' && n === 1) return 'c';
  if ((method === 'PUT' || method === 'PATCH') && n === 2) return 'u';
  if (method === 'DELETE' && n === 2) return 'd';
  return undefined;
}

const stripPatient = (value: string) => value.replace(/^Patient\//, '');

/** undefined when allowed; otherwise the 403 to send. */
export function checkScopes(grant: TokenRecord, req: ParsedFhirRequest, engine: FhirEngine): Refusal | undefined {
  const type = req.segments[0] ?? '';
  const interaction = interactionOf(req.method, req.segments);
  if (!interaction)
    return {
      status: 403,
      message: `${req.method} ${req.segments.join('/') || '(system level)'} is not permitted with this token`,
    };
  const userScopes = grant.scopes.filter((s) => s.startsWith('user/'));
  const patientScopes = grant.scopes.filter((s) => s.startsWith('patient/'));
  if (scopeAllows(userScopes, type, interaction)) return undefined;
  if (!scopeAllows(patientScopes, type, interaction)) {
    return {
      status: 403,
      message: `The access token lacks the scope ${missingScopeText(type, interaction)} needed for this request`,
    };
  }
  if (!isPatientCompartmentType(type)) return undefined;
  const patient = grant.patient;
  if (!patient) return { status: 403, message: 'patient/ scopes were granted without a patient in context' };
  const own = `Patient/${patient}`;
  if (interaction === 's') {
    const values =
      type === 'Patient'
        ? req.query.getAll('_id')
        : [...req.query.getAll('patient'), ...req.query.getAll('subject'), ...req.query.getAll('subject:Patient')];
    const ids = values.flatMap((v) => v.split(',')).map(stripPatient);
    if (ids.length === 0 || ids.some((id) => id !== patient)) {
      const param = type === 'Patient' ? `_id=${patient}` : `patient=${patient}`;
      return {
        status: 403,
        message: `This token is limited to ${own}: a ${type} search must be restricted to it (${param})`,
      };
    }
    return undefined;
  }
  if (interaction === 'r' || interaction === 'd' || interaction === 'u') {
    const existing = engine.repo.peek(`${type}/${req.segments[1]}`);
    if (existing && compartmentPatient(existing as never) !== own) {
      return {
        status: 403,
        message: `${type}/${req.segments[1]} is outside the compartment of ${own}, the patient of this token`,
      };
    }
  }
  if (interaction === 'c' || interaction === 'u') {
    if (type === 'Patient' && interaction === 'c')
      return { status: 403, message: 'Creating patients is not permitted with a patient-scoped token' };
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    if (
      compartmentPatient({ ...body, resourceType: type, ...(type === 'Patient' ? { id: req.segments[1] } : {}) }) !==
      own
    ) {
      return { status: 403, message: `The ${type} must belong to ${own}, the patient of this token` };
    }
  }
  return undefined;
}
