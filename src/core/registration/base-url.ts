/**
 * The deployed app's root URL, as an admin types it or as the registration page derives it from its own location.
 * Every registration value (launch URL, redirect URIs, client metadata) is built from it, so it is checked once here.
 */
import { checkServerUrl } from '../smart/allow-list.ts';
import { err, ok, type Result } from '../result.ts';

/**
 * Checks and normalises a base URL: https (http only on localhost), no credentials, no #fragment (OAuth redirect
 * URIs must not carry one, RFC 6749 section 3.1.2), no query; always ends with "/" because the app's pages are
 * siblings under it (`<base>launch/`, `<base>index.html`).
 */
export function normaliseAppBaseUrl(value: string): Result<string, string> {
  const problem = checkServerUrl(value);
  if (problem) return err(`base URL ${problem}`);
  const url = new URL(value.trim());
  if (url.search) return err(`base URL "${value}" must not contain a ?query`);
  // An admin may paste the page address itself: ".../index.html" means its folder.
  const path = url.pathname.replace(/\/index\.html$/, '/');
  const withSlash = path.endsWith('/') ? path : `${path}/`;
  return ok(`${url.origin}${withSlash}`);
}

/**
 * The app root for a page at `pageUrl` (the registration page is served at `<base>registration/`, possibly as
 * `<base>registration/index.html`): the folder above the page's folder.
 */
export function appBaseFromPageUrl(pageUrl: string): Result<string, string> {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return err(`"${pageUrl}" is not a valid URL`);
  }
  const folder = url.pathname.replace(/[^/]*$/, '');
  const parent = folder.replace(/[^/]+\/$/, '');
  return normaliseAppBaseUrl(`${url.origin}${parent}`);
}
