/** Plain-text rendering of a registration, for `npm run registration` (the page renders the same structure). */
import type { Registration } from './registration.ts';
import { readOnlyScopes } from '../smart/write-scopes.ts';

/** Lines of text an admin can read in a terminal or paste into a ticket. */
export function formatRegistrationText(r: Registration): string[] {
  const lines: string[] = [];
  lines.push(
    `App base URL: ${r.baseUrl}`,
    '',
    `Launch URL: ${r.launchUrl}`,
    'Redirect URIs (register both; no #fragment):',
  );
  for (const uri of r.redirectUris) lines.push(`  ${uri}`);
  for (const kind of ['ehr', 'standalone'] as const) {
    lines.push('', kind === 'ehr' ? 'Scopes, EHR launch (v1 | v2: why):' : 'Scopes, standalone launch (v1 | v2: why):');
    for (const s of r.scopes[kind]) lines.push(`  ${s.v1} | ${s.v2}: ${s.why}`);
    lines.push(`  as requested (v1): ${r.scopeStrings[kind].v1}`, `  as requested (v2): ${r.scopeStrings[kind].v2}`);
    // The set for EHRs that refuse the create scopes (write "off", or the "fallback" retry): issue 12 item 2.
    lines.push(`  read-only (v1): ${readOnlyScopes(kind, 'v1')}`, `  read-only (v2): ${readOnlyScopes(kind, 'v2')}`);
  }
  lines.push('', 'SMART capabilities used:');
  for (const c of r.capabilities) lines.push(`  ${c.capability}${c.required ? ' (required)' : ''}: ${c.why}`);
  lines.push('', 'RFC 7591 client metadata:', JSON.stringify(r.clientMetadata, null, 2));
  return lines;
}
