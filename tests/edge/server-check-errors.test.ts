import { describe, expect, it } from 'vitest';
import { describeNetworkError } from '../../src/edge/server-check.ts';

/** Errors shaped as Node's fetch (undici) rejects: a TypeError whose cause carries the system error code. */
const fetchFailed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });

describe('describeNetworkError', () => {
  it.each([
    [fetchFailed({ code: 'ENOTFOUND' }), 'host not found (DNS lookup failed)'],
    [fetchFailed({ code: 'EAI_AGAIN' }), 'host not found (DNS lookup failed)'],
    [fetchFailed({ code: 'ECONNREFUSED' }), 'connection refused (nothing listens on that port)'],
    [fetchFailed({ code: 'ECONNRESET' }), 'connection closed by the server'],
    [fetchFailed({ code: 'CERT_HAS_EXPIRED' }), 'TLS error (CERT_HAS_EXPIRED)'],
    [fetchFailed({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), 'TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    [fetchFailed({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }), 'TLS error (ERR_TLS_CERT_ALTNAME_INVALID)'],
    [
      fetchFailed({ cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } }),
      'TLS error (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
    ],
    [fetchFailed(new Error('bad port')), 'port blocked by fetch (a reserved port such as 9 or 25)'],
    [
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
      'timed out (no answer within the timeout)',
    ],
    [fetchFailed(new Error('other')), 'network error: fetch failed: other'],
  ])('%s', (error, line) => {
    expect(describeNetworkError(error)).toBe(line);
  });
});
