/**
 * The deployed app's root URL, as an admin types it or as the registration page derives it from its own location.
 * Every registration value (launch URL, redirect URIs, client metadata) is built from it, so it is checked once here.
 */
import { problem, type Problem, type RegistrationCode } from '../problem.ts';
import { serverUrlFault } from '../smart/issuer-url.ts';
import { err, ok, type Result } from '../result.ts';

/** Why a registration value is refused: a `registration/*` problem (worded by the page and the CLI). */
export type RegistrationProblem = Problem<RegistrationCode>;

/** A URL refused: which one (the base URL, the logo, the page's own address), the fault and the value. */
export const badUrl = (which: 'base' | 'logo' | 'page', fault: string, value: string): RegistrationProblem =>
  problem('registration/bad-url', 'error', { which, fault, value });

/**
 * Checks and normalises a base URL: https (http only on localhost), no credentials, no #fragment (OAuth redirect
 * URIs must not carry one, RFC 6749 section 3.1.2), no query; always ends with "/" because the app's pages are
 * siblings under it (`<base>launch/`, `<base>index.html`).
 */
export function normaliseAppBaseUrl(value: string): Result<string, RegistrationProblem> {
  const fault = serverUrlFault(value);
  if (fault) return err(badUrl('base', fault, value));
  const url = new URL(value.trim());
  if (url.search) return err(badUrl('base', 'query', value));
  // An admin may paste the page address itself: ".../index.html" means its folder.
  const path = url.pathname.replace(/\/index\.html$/, '/');
  const withSlash = path.endsWith('/') ? path : `${path}/`;
  return ok(`${url.origin}${withSlash}`);
}

/**
 * The app root for a page at `pageUrl` (the registration page is served at `<base>registration/`, possibly as
 * `<base>registration/index.html`): the folder above the page's folder.
 */
export function appBaseFromPageUrl(pageUrl: string): Result<string, RegistrationProblem> {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return err(badUrl('page', 'invalid', pageUrl));
  }
  const folder = url.pathname.replace(/[^/]*$/, '');
  const parent = folder.replace(/[^/]+\/$/, '');
  return normaliseAppBaseUrl(`${url.origin}${parent}`);
}
