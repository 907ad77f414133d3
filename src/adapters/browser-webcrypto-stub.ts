/**
 * Stand-in for `isomorphic-webcrypto` inside fhirclient's browser build (vite.config.ts resolve.alias).
 *
 * fhirclient 2.6.3 (lib/security/browser.js) uses `globalThis.crypto` when it exists and only then falls back to
 * this shim. Every browser the app supports has Web Crypto (crypto.subtle needs a secure context: https or
 * localhost, which SMART requires anyway), so the ~3.5 KB gzip shim is never needed. If it ever is, this stub
 * fails loudly instead of signing with weak randomness.
 */
const missing = (): never => {
  throw new Error('This browser has no Web Crypto API (crypto.subtle): the app needs a current browser over https.');
};

const stub = {
  getRandomValues: missing,
  get subtle(): never {
    return missing();
  },
};

export default stub;
