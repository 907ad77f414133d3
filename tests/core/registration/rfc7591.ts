/**
 * A checker for OAuth 2.0 Dynamic Client Registration metadata, written from RFC 7591 section 2 ("Client
 * Metadata") and the RFC 6749 rules it refers to. Returns one message per violation; empty means valid.
 * Used by the tests only: it is the independent judge of what src/core/registration builds.
 */

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function absoluteUri(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    return new URL(v).protocol.length > 1;
  } catch {
    return false;
  }
}

/** RFC 6749 section 3.3: scope = scope-token *( SP scope-token ); scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/;

/** The grant type -> response type correspondence table of RFC 7591 section 2.1. */
const RESPONSE_FOR_GRANT: Record<string, string | undefined> = { authorization_code: 'code', implicit: 'token' };

const STRING_FIELDS = ['token_endpoint_auth_method', 'client_name', 'scope', 'software_id', 'software_version'];
const URI_FIELDS = ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'jwks_uri'];
const ARRAY_FIELDS = ['redirect_uris', 'grant_types', 'response_types', 'contacts'];

export function rfc7591Problems(metadata: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(metadata)) return ['client metadata must be a JSON object'];
  for (const f of STRING_FIELDS)
    if (f in metadata && typeof metadata[f] !== 'string') problems.push(`${f} must be a string`);
  for (const f of URI_FIELDS) if (f in metadata && !absoluteUri(metadata[f])) problems.push(`${f} must be a URL`);
  for (const f of ARRAY_FIELDS) {
    if (
      f in metadata &&
      (!Array.isArray(metadata[f]) || !(metadata[f] as unknown[]).every((x) => typeof x === 'string'))
    ) {
      problems.push(`${f} must be an array of strings`);
    }
  }
  // redirect_uris: required for redirect-based flows (authorization_code); each an absolute URI without a
  // fragment (RFC 6749 section 3.1.2).
  const grants = Array.isArray(metadata.grant_types) ? (metadata.grant_types as string[]) : ['authorization_code'];
  const responses = Array.isArray(metadata.response_types) ? (metadata.response_types as string[]) : ['code'];
  const redirects = Array.isArray(metadata.redirect_uris) ? (metadata.redirect_uris as unknown[]) : [];
  if ((grants.includes('authorization_code') || grants.includes('implicit')) && redirects.length === 0) {
    problems.push('redirect_uris is required for redirect-based grant types');
  }
  for (const uri of redirects) {
    if (!absoluteUri(uri)) problems.push(`redirect_uris entry ${String(uri)} must be an absolute URI`);
    else if (new URL(uri as string).hash !== '' || (uri as string).includes('#'))
      problems.push(`redirect_uris entry ${String(uri)} must not have a fragment`);
  }
  // token_endpoint_auth_method: "none" (public client), "client_secret_post", "client_secret_basic", or a
  // registered extension (RFC 7591 section 2; extensions registered with IANA: private_key_jwt, client_secret_jwt).
  const known = [
    'none',
    'client_secret_post',
    'client_secret_basic',
    'private_key_jwt',
    'client_secret_jwt',
    'tls_client_auth',
    'self_signed_tls_client_auth',
  ];
  if (typeof metadata.token_endpoint_auth_method === 'string' && !known.includes(metadata.token_endpoint_auth_method)) {
    problems.push(`token_endpoint_auth_method "${metadata.token_endpoint_auth_method}" is not a registered method`);
  }
  // Section 2.1: grant_types and response_types must be consistent.
  for (const g of grants) {
    const r = RESPONSE_FOR_GRANT[g];
    if (r && !responses.includes(r)) problems.push(`grant type ${g} needs response type ${r}`);
  }
  for (const [g, r] of Object.entries(RESPONSE_FOR_GRANT))
    if (r && responses.includes(r) && !grants.includes(g)) problems.push(`response type ${r} needs grant type ${g}`);
  if (typeof metadata.scope === 'string' && !SCOPE.test(metadata.scope))
    problems.push('scope must be space-separated scope tokens');
  if ('jwks' in metadata && 'jwks_uri' in metadata) problems.push('jwks and jwks_uri must not both be present');
  return problems;
}
