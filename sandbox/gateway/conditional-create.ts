/**
 * Conditional create (`If-None-Exist`) kept inside the token's patient compartment.
 *
 * Why: the condition is a search, and the engine runs it over the whole server. A token with
 * `patient/MedicationRequest.c` for one patient could send the identifier of another patient's order as the
 * condition and get that order back in the 200 answer (issue 10 item 6), a read the token was never granted.
 * SMART App Launch 2.2 (scopes and launch context, "patient/" scopes) limits such a token to the patient in
 * context, so the condition is narrowed to that compartment before the engine sees it: `patient=Patient/<id>` is
 * added (AND with the rest; R4 defines a `patient` search parameter on every compartment type the sandbox
 * accepts creates for). A match in another patient's compartment then no longer matches, and the create goes ahead
 * for this patient. Tokens that create through a user/ scope are not narrowed (they may see every patient).
 */
import { scopeAllows } from '../../src/core/smart/scopes.ts';
import type { TokenRecord } from '../auth/store.ts';
import type { EngineRequest } from '../fhir/engine.ts';
import { isPatientCompartmentType } from '../fhir/compartment.ts';

/** The request with its If-None-Exist condition restricted to the grant's patient compartment, when it applies. */
export function confineConditionalCreate(grant: TokenRecord, r: EngineRequest): EngineRequest {
  const key = Object.keys(r.headers ?? {}).find((k) => k.toLowerCase() === 'if-none-exist');
  const condition = key ? r.headers?.[key] : undefined;
  if (!key || !condition || r.method !== 'POST') return r;
  const path = new URL(r.url, 'http://entry.invalid/').pathname.split('/').filter(Boolean);
  const type = path[0] ?? '';
  if (path.length !== 1 || type === 'Patient' || !isPatientCompartmentType(type)) return r;
  const userScopes = grant.scopes.filter((s) => s.startsWith('user/'));
  if (scopeAllows(userScopes, type, 'c') && scopeAllows(userScopes, type, 's')) return r;
  // No patient in context: the scope check refuses the create anyway; never widen, so match nothing.
  const own = grant.patient ? `Patient/${grant.patient}` : 'Patient/-none-';
  const query = new URLSearchParams(condition.replace(/^[^?]*\?/, ''));
  query.append('patient', own);
  return { ...r, headers: { ...r.headers, [key]: query.toString() } };
}
