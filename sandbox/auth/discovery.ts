/**
 * SMART discovery: `.well-known/smart-configuration` (SMART App Launch 2.2, "Conformance") and the matching OpenID
 * configuration for the id_token. S256 is the only PKCE method offered.
 */
import type { SandboxContext } from '../context.ts';

export const SUPPORTED_SCOPES = [
  'openid',
  'fhirUser',
  'launch',
  'launch/patient',
  'offline_access',
  'online_access',
  'patient/*.rs',
  'patient/*.cruds',
  'patient/*.read',
  'patient/*.write',
  'user/*.rs',
  'user/*.read',
];

export function smartConfiguration(ctx: SandboxContext): Record<string, unknown> {
  return {
    issuer: ctx.fhirBase,
    jwks_uri: `${ctx.origin}/auth/jwks`,
    authorization_endpoint: `${ctx.origin}/auth/authorize`,
    token_endpoint: `${ctx.origin}/auth/token`,
    token_endpoint_auth_methods_supported: ['none'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: SUPPORTED_SCOPES,
    capabilities: [
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'context-banner',
      'context-style',
      'context-ehr-patient',
      'context-ehr-encounter',
      'context-standalone-patient',
      'sso-openid-connect',
      'permission-patient',
      'permission-user',
      'permission-v1',
      'permission-v2',
      'permission-offline',
      'permission-online',
    ],
  };
}

export function openIdConfiguration(ctx: SandboxContext): Record<string, unknown> {
  return {
    issuer: ctx.fhirBase,
    jwks_uri: `${ctx.origin}/auth/jwks`,
    authorization_endpoint: `${ctx.origin}/auth/authorize`,
    token_endpoint: `${ctx.origin}/auth/token`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: ['openid', 'fhirUser'],
    claims_supported: ['iss', 'sub', 'aud', 'exp', 'iat', 'fhirUser'],
  };
}

/** The smart_style_url document (SMART App Launch 2.2, "Styling"). */
export const SMART_STYLE = {
  color_background: '#f7f9fc',
  color_error: '#b00020',
  color_highlight: '#23395b',
  color_modal_backdrop: '',
  color_success: '#1e6b30',
  color_text: '#1a1a1a',
  dim_border_radius: '3px',
  dim_font_size: '15px',
  dim_spacing_size: '16px',
  font_family_body: 'system-ui, sans-serif',
  font_family_heading: 'system-ui, sans-serif',
};
