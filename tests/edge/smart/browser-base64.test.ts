/** The js-base64 stand-in gives the same strings as js-base64 itself (fhirclient's dependency) for PKCE and JWTs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { decode, encodeURL, fromUint8Array } from '../../../src/adapters/browser-base64.ts';

// The real js-base64, loaded by Node itself: vite.config.ts aliases the bare 'js-base64' import to the stand-in.
const jsBase64 = createRequire(import.meta.url)('js-base64') as typeof import('js-base64');

describe('browser-base64', () => {
  it('compares against the real js-base64, not the alias', () => {
    expect(jsBase64.VERSION).toMatch(/^\d+\.\d+/);
  });

  it('fromUint8Array matches js-base64, plain and url-safe', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, urlsafe) => {
        expect(fromUint8Array(bytes, urlsafe)).toBe(jsBase64.fromUint8Array(bytes, urlsafe));
      }),
    );
  });

  it('encodeURL and decode match js-base64 on any text, and round-trip', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        expect(encodeURL(text)).toBe(jsBase64.encodeURL(text));
        expect(decode(encodeURL(text))).toBe(text);
        expect(decode(jsBase64.encode(text))).toBe(text);
      }),
    );
  });

  it('gives a 43-character PKCE challenge for a SHA-256 digest (RFC 7636 §4.2)', () => {
    expect(fromUint8Array(new Uint8Array(32).fill(255), true)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
