/**
 * The three js-base64 functions fhirclient's browser build calls (lib/adapters/BrowserAdapter.js,
 * lib/security/browser.js), on the browser's own btoa/atob: fhirclient is aliased to this module instead of
 * js-base64 (vite.config.ts resolve.alias), which saves ~1.5 KB gzip on the launch page. PKCE's code verifier
 * and challenge go through `fromUint8Array(bytes, true)` (RFC 7636 §4.1-4.2: base64url without padding).
 */

function bytesToBinary(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return binary;
}

function toUrlSafe(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Base64 of bytes; base64url without padding when `urlsafe`. */
export function fromUint8Array(bytes: Uint8Array, urlsafe = false): string {
  const base64 = btoa(bytesToBinary(bytes));
  return urlsafe ? toUrlSafe(base64) : base64;
}

/** Base64url (no padding) of a string's UTF-8 bytes. */
export function encodeURL(text: string): string {
  return fromUint8Array(new TextEncoder().encode(text), true);
}

/** Decodes base64 or base64url (padding optional) to a UTF-8 string. */
export function decode(encoded: string): string {
  const standard = encoded.replace(/[\s=]/g, '').replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(standard);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
