/** How the edge classifies a request that got no response, and the line strings.ts gives each kind. */
import { describe, expect, it } from 'vitest';
import { failureText } from '../../src/core/server/strings.ts';
import { networkFailure } from '../../src/edge/server-check.ts';

/** Errors shaped as Node's fetch (undici) rejects: a TypeError whose cause carries the system error code. */
const fetchFailed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });

describe('networkFailure', () => {
  it.each([
    [fetchFailed({ code: 'ENOTFOUND' }), { what: 'dns' }, 'host not found (DNS lookup failed)'],
    [fetchFailed({ code: 'EAI_AGAIN' }), { what: 'dns' }, 'host not found (DNS lookup failed)'],
    [fetchFailed({ code: 'ECONNREFUSED' }), { what: 'refused' }, 'connection refused (nothing listens on that port)'],
    [fetchFailed({ code: 'ECONNRESET' }), { what: 'closed' }, 'connection closed by the server'],
    [fetchFailed({ code: 'UND_ERR_SOCKET' }), { what: 'closed' }, 'connection closed by the server'],
    [fetchFailed({ code: 'EHOSTUNREACH' }), { what: 'unreachable' }, 'host unreachable'],
    [fetchFailed({ code: 'UND_ERR_CONNECT_TIMEOUT' }), { what: 'connect-timeout' }, 'timed out connecting'],
    [
      fetchFailed({ code: 'CERT_HAS_EXPIRED' }),
      { what: 'tls', code: 'CERT_HAS_EXPIRED' },
      'TLS error (CERT_HAS_EXPIRED)',
    ],
    [
      fetchFailed({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
      { what: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      'TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)',
    ],
    [
      fetchFailed({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' }),
      { what: 'tls', code: 'ERR_TLS_CERT_ALTNAME_INVALID' },
      'TLS error (ERR_TLS_CERT_ALTNAME_INVALID)',
    ],
    [
      fetchFailed({ cause: { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } }),
      { what: 'tls', code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' },
      'TLS error (UNABLE_TO_VERIFY_LEAF_SIGNATURE)',
    ],
    [
      fetchFailed(new Error('bad port')),
      { what: 'bad-port' },
      'port blocked by fetch (a reserved port such as 9 or 25)',
    ],
    [
      Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }),
      { what: 'timeout' },
      'timed out (no answer within the timeout)',
    ],
    [Object.assign(new Error('aborted'), { name: 'AbortError' }), { what: 'aborted' }, 'aborted'],
    [
      fetchFailed(new Error('other')),
      { what: 'network', detail: 'fetch failed: other' },
      'network error: fetch failed: other',
    ],
    [
      fetchFailed({ code: 'EPIPE', message: 'write EPIPE' }),
      { what: 'network', code: 'EPIPE', detail: 'fetch failed: write EPIPE' },
      'network error (EPIPE): fetch failed: write EPIPE',
    ],
  ])('%s', (error, failure, line) => {
    expect(networkFailure(error)).toEqual(failure);
    expect(failureText(networkFailure(error))).toBe(line);
  });
});
