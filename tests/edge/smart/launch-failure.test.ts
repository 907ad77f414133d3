/** Dimensions: where the failure shows (redirect error, ready() error, first FHIR response) x each cause. */
import { describe, expect, it } from 'vitest';
import HttpError from 'fhirclient/lib/HttpError';
import {
  failureFromFirstResponse,
  failureFromReadyError,
  failureFromRedirect,
  launchFailure,
  oauthErrorOf,
} from '../../../src/edge/smart/launch-failure.ts';

const redirect = (query: string) => failureFromRedirect(new URLSearchParams(query));

describe('failureFromRedirect (RFC 6749 §4.1.2.1 error codes)', () => {
  it.each([
    ['access_denied', 'access-denied'],
    ['invalid_client', 'invalid-client'],
    ['unauthorized_client', 'invalid-client'],
    ['invalid_scope', 'invalid-scope'],
    ['invalid_request', 'invalid-request'],
    ['unsupported_response_type', 'invalid-request'],
    ['server_error', 'auth-server-error'],
    ['temporarily_unavailable', 'auth-server-error'],
    ['something_new', 'unknown'],
  ])('error=%s shows the %s page', (code, kind) => {
    expect(redirect(`error=${code}&state=s`)).toEqual({
      code: `launch/${kind}`,
      severity: 'error',
      kind,
      params: { error: code },
    });
  });

  it('keeps the description as text, capped in length', () => {
    const long = 'x'.repeat(1000);
    const failure = redirect(`error=invalid_scope&error_description=${long}`);
    expect(failure?.params?.technical?.length).toBe(301);
    expect(redirect('error=access_denied&error_description=The+user+said+no')?.params?.technical).toBe(
      'The user said no',
    );
  });

  it('finds nothing on a normal return with code and state', () => {
    expect(redirect('code=abc&state=def')).toBeUndefined();
  });
});

/** A token endpoint's error as fhirclient raises it: HttpError with the JSON body's error appended by parse(). */
async function tokenEndpointError(status: number, body: object): Promise<HttpError> {
  const error = new HttpError(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
  return error.parse();
}

describe('failureFromReadyError', () => {
  it('recognises an app opened directly (fhirclient’s two "no state" messages)', () => {
    expect(failureFromReadyError(new Error("No 'state' parameter found. Please (re)launch the app.")).kind).toBe(
      'opened-directly',
    );
    expect(failureFromReadyError(new Error('No state found! Please (re)launch the app.')).kind).toBe('opened-directly');
  });

  it('tells an invalid scope at the token endpoint from another refused exchange', async () => {
    expect(
      failureFromReadyError(await tokenEndpointError(400, { error: 'invalid_scope', error_description: 'no' })),
    ).toEqual(launchFailure('invalid-scope', { error: 'invalid_scope', status: 400 }));
    expect(failureFromReadyError(await tokenEndpointError(401, { error: 'invalid_client' }))).toEqual(
      launchFailure('token-exchange-failed', { error: 'invalid_client', status: 401 }),
    );
    expect(failureFromReadyError(await tokenEndpointError(400, { error: 'invalid_grant' })).kind).toBe(
      'token-exchange-failed',
    );
    expect(failureFromReadyError(await tokenEndpointError(500, { oops: true }))).toEqual(
      launchFailure('token-exchange-failed', { status: 500 }),
    );
    expect(failureFromReadyError(new Error('Failed to obtain access token.')).kind).toBe('token-exchange-failed');
  });

  it('takes the OAuth error from its own line, not from a code named in the description or the URL', async () => {
    const named = await tokenEndpointError(400, { error: 'access_denied', error_description: 'invalid_scope asked' });
    expect(failureFromReadyError(named)).toEqual(
      launchFailure('token-exchange-failed', { error: 'access_denied', status: 400 }),
    );
    const text = new HttpError(
      new Response('invalid_scope', { status: 400, headers: { 'content-type': 'text/plain' } }),
    );
    expect(failureFromReadyError(await text.parse())).toEqual(launchFailure('token-exchange-failed', { status: 400 }));
    expect(oauthErrorOf(new Error('400 Bad Request\ninvalid_scope') as never)).toBeUndefined();
  });

  it('recognises the network being down (fetch rejects with a TypeError)', () => {
    expect(failureFromReadyError(new TypeError('Failed to fetch')).kind).toBe('network-down');
  });

  it('leaves anything else as unknown', () => {
    expect(failureFromReadyError(new Error('boom')).kind).toBe('unknown');
    expect(failureFromReadyError('a string').kind).toBe('unknown');
  });
});

describe('failureFromFirstResponse (RFC 6750 §3.1)', () => {
  it('tells an expired token from an invalid one by the WWW-Authenticate header', () => {
    expect(
      failureFromFirstResponse(401, 'Bearer error="invalid_token", error_description="The access token expired"'),
    ).toEqual(launchFailure('token-expired', { status: 401, technical: 'The access token expired' }));
    expect(failureFromFirstResponse(401, 'Bearer error="invalid_token"')?.kind).toBe('token-invalid');
    expect(failureFromFirstResponse(401, null)?.kind).toBe('token-invalid');
  });

  it('leaves 403, 404 and 5xx to the clinician screen (chart gaps)', () => {
    for (const status of [200, 403, 404, 500, 503]) expect(failureFromFirstResponse(status, null)).toBeUndefined();
  });
});
