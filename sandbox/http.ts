/** Small node:http helpers for the sandbox: bodies, JSON/HTML answers with security headers, redirects. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBoundedBody } from '../src/edge/http-body.ts';

/** CSP of the sandbox's own pages (launcher, EHR frame page, sign-in): no inline script or style anywhere. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

export const BASE_SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export { BodyTooLarge };

/** Reads the whole request body as text (at most `limit` bytes; BodyTooLarge past it, see src/edge/http-body.ts). */
export function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  return readBoundedBody(req, limit);
}

export function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  if (res.headersSent) return;
  res.writeHead(status, { ...BASE_SECURITY_HEADERS, ...headers, 'content-length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), { 'content-type': 'application/json; charset=utf-8', ...headers });
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, html, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_CSP,
    'cache-control': 'no-store',
  });
}

export function redirect(res: ServerResponse, location: string, status = 302): void {
  send(res, status, '', { location, 'cache-control': 'no-store' });
}
