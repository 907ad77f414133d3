/** The browser FhirHttp over a fhirclient session: URLs, token placement, status passthrough, refresh, no logs. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBrowserFhirHttp, type FhirClientSession } from '../../../src/adapters/browser-fhir-http.ts';
import { resolveFhirUrl } from '../../../src/edge/fhir/url.ts';

const BASE = 'https://ehr.example.org/fhir';

function fakeSession(overrides: Partial<FhirClientSession['state']> = {}) {
  const refreshIfNeeded = vi.fn(async () => undefined);
  const session: FhirClientSession = {
    state: { serverUrl: `${BASE}/`, tokenResponse: {}, ...overrides },
    getAuthorizationHeader: () => 'Bearer tok-123',
    refreshIfNeeded,
  };
  return { session, refreshIfNeeded };
}

function recordingFetch(response: () => Response) {
  const calls: { url: string; headers: Headers; init: RequestInit }[] = [];
  const impl = (async (url: string, init: RequestInit = {}) => {
    calls.push({ url, headers: new Headers(init.headers), init });
    return response();
  }) as typeof fetch;
  return { impl, calls };
}

afterEach(() => vi.restoreAllMocks());

describe('createBrowserFhirHttp', () => {
  it('resolves paths against the base without a trailing slash and sends the bearer token and FHIR accept', async () => {
    const { session } = fakeSession();
    const { impl, calls } = recordingFetch(() => new Response('{}', { status: 200 }));
    const http = createBrowserFhirHttp(session, impl);
    expect(http.baseUrl).toBe(BASE);
    await http.fetch('Condition?patient=p1');
    expect(calls[0]?.url).toBe(`${BASE}/Condition?patient=p1`);
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer tok-123');
    expect(calls[0]?.headers.get('accept')).toBe('application/fhir+json');
  });

  it('keeps a caller’s Accept and method and body', async () => {
    const { session } = fakeSession();
    const { impl, calls } = recordingFetch(() => new Response(null, { status: 201 }));
    await createBrowserFhirHttp(session, impl).fetch('MedicationRequest', {
      method: 'POST',
      body: '{}',
      headers: { accept: 'application/json' },
    });
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.body).toBe('{}');
    expect(calls[0]?.headers.get('accept')).toBe('application/json');
  });

  it('sends the token to absolute URLs on the FHIR server’s origin only', async () => {
    const { session } = fakeSession();
    const { impl, calls } = recordingFetch(() => new Response('{}'));
    const http = createBrowserFhirHttp(session, impl);
    await http.fetch(`${BASE}/Condition?page=2`);
    await http.fetch('https://elsewhere.example.net/fhir/Medication/1');
    expect(calls[0]?.headers.get('authorization')).toBe('Bearer tok-123');
    expect(calls[1]?.headers.has('authorization')).toBe(false);
  });

  it('resolves 4xx and 5xx responses unread (the port’s contract)', async () => {
    const { session } = fakeSession();
    for (const status of [401, 403, 404, 500]) {
      const { impl } = recordingFetch(
        () => new Response(JSON.stringify({ resourceType: 'OperationOutcome' }), { status }),
      );
      const response = await createBrowserFhirHttp(session, impl).fetch('Patient/p1');
      expect(response.status).toBe(status);
      expect(response.bodyUsed).toBe(false);
      expect(await response.json()).toEqual({ resourceType: 'OperationOutcome' });
    }
  });

  it('rejects only when no response came', async () => {
    const { session } = fakeSession();
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(createBrowserFhirHttp(session, failing).fetch('Patient/p1')).rejects.toThrow(TypeError);
  });

  it('asks fhirclient to refresh only when the session has a refresh token, and survives a failed refresh', async () => {
    const withoutRefresh = fakeSession();
    await createBrowserFhirHttp(withoutRefresh.session, recordingFetch(() => new Response('{}')).impl).fetch(
      'Patient/p1',
    );
    expect(withoutRefresh.refreshIfNeeded).not.toHaveBeenCalled();

    const withRefresh = fakeSession({ tokenResponse: { refresh_token: 'r' } });
    withRefresh.refreshIfNeeded.mockRejectedValueOnce(new Error('refresh refused'));
    const response = await createBrowserFhirHttp(
      withRefresh.session,
      recordingFetch(() => new Response('{}')).impl,
    ).fetch('Patient/p1');
    expect(withRefresh.refreshIfNeeded).toHaveBeenCalledTimes(1);
    expect(response.status).toBe(200);
  });

  it('logs nothing (no token or header in the console)', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    const { session } = fakeSession();
    await createBrowserFhirHttp(session, recordingFetch(() => new Response('{}', { status: 401 })).impl).fetch(
      'Patient/p1',
    );
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('resolveFhirUrl', () => {
  it('joins relative paths and keeps absolute URLs', () => {
    expect(resolveFhirUrl(BASE, '/Patient/1')).toBe(`${BASE}/Patient/1`);
    expect(resolveFhirUrl(BASE, 'Patient/1')).toBe(`${BASE}/Patient/1`);
    expect(resolveFhirUrl(BASE, 'HTTPS://x.example/fhir/Patient/1')).toBe('HTTPS://x.example/fhir/Patient/1');
  });
});
