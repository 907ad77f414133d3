/**
 * URL faults (src/core/smart/issuer-url.ts) in words: the sentences the allow-list's problems, the registration
 * page, the standalone picker and `npm run clients` show. Apart from strings-problems.ts so the picker needs only
 * these, and the launch page, which only checks URLs, none.
 */
import { issuerUrlFault, serverUrlFault, type UrlFault } from '../core/smart/issuer-url.ts';

/**
 * The fault in words, e.g. `"http://x" must use https (http is accepted only for localhost)`, for the callers
 * that still take a sentence (`npm run clients`, the registration base URL, the standalone picker).
 */
export function urlFaultWords(fault: UrlFault, value: unknown): string {
  const v = `"${String(value)}"`;
  switch (fault) {
    case 'not-string':
      return 'must be a non-empty URL string';
    case 'invalid':
      return `${v} is not a valid URL`;
    case 'not-https':
      return `${v} must use https (http is accepted only for localhost)`;
    case 'fragment':
      return `${v} must not contain a #fragment`;
    case 'credentials':
      return `${v} must not contain credentials`;
    case 'whitespace':
      return `${v} must not contain spaces or control characters`;
    case 'backslash':
      return `${v} must not contain a backslash`;
    case 'query':
      return `${v} must not contain a ?query`;
    case 'encoded':
      return `${v} must not contain an encoded "/", "\\" or "%"`;
    case 'dot-segment':
      return `${v} must not contain "." or ".." path segments (plain or as %2e)`;
  }
}

/** {@link serverUrlFault} in words, or undefined when the URL is fit. */
export function checkServerUrl(value: unknown): string | undefined {
  const fault = serverUrlFault(value);
  return fault && urlFaultWords(fault, value);
}

/** {@link issuerUrlFault} in words, or undefined when the URL is fit. */
export function checkIssuerUrl(value: unknown): string | undefined {
  const fault = issuerUrlFault(value);
  return fault && urlFaultWords(fault, value);
}
