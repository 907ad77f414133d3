/**
 * Which scopes the sandbox grants, and whether a granted set allows a FHIR interaction. v1 (`.read`, `.write`,
 * `.*`) and v2 (`.cruds`) forms are both understood (SMART App Launch 2.2, "Scopes for requesting FHIR resources").
 */
import { scopeAllows } from '../../src/core/smart/scopes.ts';

export type Interaction = 'c' | 'r' | 'u' | 'd' | 's';
const ALL: Interaction[] = ['c', 'r', 'u', 'd', 's'];
const RESOURCE_SCOPE = /^(patient|user|system)\/([A-Za-z*]+)\.([a-z*]+)(\?.*)?$/;
const CONTEXT_SCOPES = new Set([
  'openid',
  'fhirUser',
  'profile',
  'offline_access',
  'online_access',
  'launch/encounter',
]);

/** The interactions a resource scope permits, or undefined when it is not a resource scope. */
export function scopeInteractions(
  scope: string,
): { context: string; type: string; interactions: Interaction[] } | undefined {
  const m = RESOURCE_SCOPE.exec(scope);
  if (!m) return undefined;
  const [, context = '', type = '', perms = ''] = m;
  let interactions: Interaction[];
  if (perms === '*') interactions = ALL;
  else if (perms === 'read') interactions = ['r', 's'];
  else if (perms === 'write') interactions = ['c', 'u', 'd'];
  else if (/^c?r?u?d?s?$/.test(perms) && perms) interactions = ALL.filter((i) => perms.includes(i));
  else return undefined;
  return { context, type, interactions };
}

/**
 * The granted scopes: what was asked, minus what a public client cannot have (system/ scopes, `launch` outside an
 * EHR launch, `launch/patient` inside one), each resource scope narrowed to `limit` when the launch sets one.
 */
export function grantScopes(
  requested: readonly string[],
  kind: 'ehr' | 'standalone',
  limit?: readonly string[],
): string[] {
  const granted: string[] = [];
  for (const scope of requested) {
    if (scope === 'launch') {
      if (kind === 'ehr') granted.push(scope);
      continue;
    }
    if (scope === 'launch/patient') {
      if (kind === 'standalone') granted.push(scope);
      continue;
    }
    if (CONTEXT_SCOPES.has(scope)) {
      granted.push(scope);
      continue;
    }
    const parsed = scopeInteractions(scope);
    if (!parsed || parsed.context === 'system') continue;
    const kept = limit ? parsed.interactions.filter((i) => scopeAllows(limit, parsed.type, i)) : parsed.interactions;
    if (kept.length === 0) continue;
    granted.push(
      kept.length === parsed.interactions.length ? scope : `${parsed.context}/${parsed.type}.${kept.join('')}`,
    );
  }
  return [...new Set(granted)];
}

/** The scope a refused request lacked, in both forms, for the 403 OperationOutcome. */
export function missingScopeText(resourceType: string, interaction: Interaction): string {
  const v1 = interaction === 'r' || interaction === 's' ? 'read' : 'write';
  return `patient/${resourceType}.${interaction} (v2) or patient/${resourceType}.${v1} (v1)`;
}
