/**
 * Checks and the canonical form of the URLs the allow-list deals in (issuers, prefixes, open servers, redirect
 * URIs). Pure string and URL work, shared by the allow-list parser, the launch matcher, `npm run clients` and the
 * SMART launcher patterns.
 */
import { stripTrailingSlashes } from '../fhir/systems.ts';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

/**
 * What is wrong with a URL, as a code: the allow-list reports it in a `config/bad-url` problem (worded by the
 * surfaces, src/ui/strings-url.ts).
 */
export type UrlFault =
  | 'not-string' // missing, not a string, or blank
  | 'invalid' // not a URL at all
  | 'not-https' // http other than loopback, or another scheme
  | 'fragment'
  | 'credentials'
  | 'whitespace' // spaces or control characters
  | 'backslash'
  | 'query'
  | 'encoded' // an encoded "/", "\\" or "%"
  | 'dot-segment'; // "." or ".." path segments, plain or as %2e

/** A URL fit for an issuer or redirect: https, or http on loopback only; no fragment, no credentials. */
export function serverUrlFault(value: unknown): UrlFault | undefined {
  if (typeof value !== 'string' || value.trim() === '') return 'not-string';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) return 'not-https';
  if (url.hash) return 'fragment';
  if (url.username || url.password) return 'credentials';
  return undefined;
}

/**
 * Why an issuer URL (an `iss`, an allow-list `iss` or `issPrefix`, an open server) is unfit for matching, or
 * undefined. On top of {@link serverUrlFault}: no query, no fragment, no backslash, no whitespace or control
 * character, and no dot segment, plain or percent-encoded.
 *
 * Why: a prefix match on the raw text was escaped by `https://ehr/tenants/../evil` and `%2e%2e` (issue 10 item 6).
 * The WHATWG URL parser, which the browser and fhirclient use, resolves "." and ".." segments and their `%2e`
 * spellings (URL Standard, "single-dot / double-dot URL path segment"), turns `\` into `/` and silently drops tabs
 * and newlines, so `.\t.` is "..". A server may also decode `%2f`, `%5c` or `%25` before routing. None of these
 * appear in a real FHIR base URL, so they are refused outright rather than normalised.
 */
export function issuerUrlFault(value: unknown): UrlFault | undefined {
  const basic = serverUrlFault(value);
  if (basic) return basic;
  const raw = value as string;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(raw)) return 'whitespace';
  if (raw.includes('\\')) return 'backslash';
  const afterAuthority = raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  if (afterAuthority.includes('?')) return 'query';
  if (afterAuthority.includes('#')) return 'fragment';
  if (/%(2f|5c|25)/i.test(afterAuthority)) return 'encoded';
  const dotSegment = afterAuthority.split('/').some((segment) => {
    const plain = segment.replace(/%2e/gi, '.');
    return plain === '.' || plain === '..';
  });
  return dotSegment ? 'dot-segment' : undefined;
}

/**
 * The form issuers are compared in: origin (scheme and host lower-cased, default port dropped, as the URL parser
 * gives it) plus the path, without trailing slashes; undefined for a URL {@link issuerUrlFault} refuses.
 */
export function canonicalIssuer(value: string): string | undefined {
  if (issuerUrlFault(value) !== undefined) return undefined;
  const url = new URL(value.trim());
  return stripTrailingSlashes(`${url.origin}${url.pathname}`);
}

/** A prefix in canonical form (origin plus path, keeping its final "/"); undefined when refused. */
export function canonicalPrefix(value: string): string | undefined {
  if (issuerUrlFault(value) !== undefined || !value.trim().endsWith('/')) return undefined;
  const url = new URL(value.trim());
  return `${url.origin}${url.pathname}`;
}
