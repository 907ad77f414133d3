/**
 * The Content-Security-Policy a deployer sets on the static build, derived from the allow-list: the app's own
 * origin for scripts and styles (no inline code anywhere), and connect-src limited to the FHIR servers it may talk
 * to. SMART discovery (`<iss>/.well-known/smart-configuration`) and FHIR calls go to each iss origin; the token
 * request goes to the server's token endpoint, which may live on another host: `extraConnect` adds those.
 */
import type { AllowList } from '../smart/allow-list.ts';

export interface CspOptions {
  /** More origins for connect-src, e.g. token endpoints on another host (https://authorization.example.com). */
  extraConnect?: readonly string[];
  /** Origins allowed to show the app in a frame (EHRs that embed apps); default 'self' only. */
  frameAncestors?: readonly string[];
}

/** Origins of every server in the list: exact issuers, issuer prefixes, SMART launchers, open servers. */
export function allowListOrigins(list: AllowList): string[] {
  const urls = [
    ...list.clients.map((c) => c.iss ?? c.issPrefix ?? c.smartLauncher ?? ''),
    ...(list.standalone.enabled ? list.standalone.openServers.map((o) => o.fhirServiceUrl) : []),
  ];
  const origins = new Set<string>();
  for (const u of urls) {
    try {
      origins.add(new URL(u).origin);
    } catch {
      /* the parser has already refused invalid URLs */
    }
  }
  return [...origins].sort();
}

/** The header value, one directive per policy need. */
export function cspForAllowList(list: AllowList, options: CspOptions = {}): string {
  // A typed open server can be any https host: the picker must be able to reach it (allow-list.ts notes this
  // widens connect-src; keep allowTypedOpenServer off in production).
  const typed = list.standalone.enabled && list.standalone.allowTypedOpenServer ? ['https:'] : [];
  const connect = ["'self'", ...allowListOrigins(list), ...(options.extraConnect ?? []), ...typed];
  const frames = ["'self'", ...(options.frameAncestors ?? [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${[...new Set(connect)].join(' ')}`,
    `frame-ancestors ${[...new Set(frames)].join(' ')}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
