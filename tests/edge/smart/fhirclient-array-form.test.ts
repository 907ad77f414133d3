/**
 * The allow-list's options run through fhirclient 2.6.3's real `authorize` (lib/smart.js) with a fake browser
 * environment and an MSW SMART server: the array form picks the allowed entry, refuses an unknown iss, insists
 * on PKCE S256, and sends open servers straight to the app without OAuth.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAuthorizeOptions, smartAuthorizeOptions } from '../../../src/edge/smart/authorize-options.ts';
import { failureFromAuthorizeError } from '../../../src/edge/smart/launch-plan.ts';
import { allowList } from './allow-list-fixtures.ts';

const ISS = 'http://localhost:59998/fhir';
const NO_PKCE_ISS = 'http://localhost:59998/nopkce/fhir';
const APP_ROOT = 'http://localhost:59997/app/';
const STATE = '0b7e2f64-9d0e-4a53-8c57-6e1f5b3a2c10';

const server = setupServer(
  http.get(`${ISS}/.well-known/smart-configuration`, () =>
    HttpResponse.json({
      authorization_endpoint: 'http://localhost:59998/auth/authorize',
      token_endpoint: 'http://localhost:59998/auth/token',
      code_challenge_methods_supported: ['S256'],
    }),
  ),
  http.get(`${NO_PKCE_ISS}/.well-known/smart-configuration`, () =>
    HttpResponse.json({
      authorization_endpoint: 'http://localhost:59998/auth/authorize',
      token_endpoint: 'http://localhost:59998/auth/token',
    }),
  ),
);
// fhirclient's browser build (FHIRCLIENT_PURE, as vite.config.ts defines it) takes fetch from `window`.
let authorize: (env: never, params: never) => Promise<unknown>;
let security: unknown;
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  (globalThis as { window?: unknown }).window = globalThis;
  ({ authorize } = (await import('fhirclient/lib/smart')) as unknown as { authorize: typeof authorize });
  security = await import('fhirclient/lib/security/browser');
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  delete (globalThis as { window?: unknown }).window;
});

const list = allowList({
  clients: [
    { name: 'Sandbox', iss: ISS, clientId: 'ldn-test', scopeVersion: 'v2' },
    { name: 'No PKCE', iss: NO_PKCE_ISS, clientId: 'ldn-nopkce', scopeVersion: 'v1' },
  ],
  standalone: { enabled: true, openServers: [{ name: 'Open', fhirServiceUrl: 'http://localhost:59998/open/fhir' }] },
});

/** The part of fhirclient's browser adapter that authorize() uses, with an in-memory sessionStorage. */
function fakeBrowser(pageUrl: string) {
  const store = new Map<string, unknown>();
  const env = {
    redirectedTo: undefined as string | undefined,
    getUrl: () => new URL(pageUrl),
    relative: (path: string) => new URL(path, pageUrl).href,
    redirect(to: string) {
      env.redirectedTo = to;
    },
    getStorage: () => ({
      get: async (key: string) => store.get(key) ?? null,
      set: async (key: string, value: unknown) => void store.set(key, value),
      unset: async (key: string) => store.delete(key),
    }),
    security,
    store,
  };
  return env;
}

const launchUrl = (query: string) => `http://localhost:59997/app/launch/?${query}`;

describe('fhirclient authorize with the allow-list array', () => {
  it('redirects an allowed EHR launch to the authorize endpoint with the entry’s client id, PKCE S256 and our state', async () => {
    const env = fakeBrowser(launchUrl(`iss=${encodeURIComponent(ISS)}&launch=L123`));
    await authorize(
      env as never,
      smartAuthorizeOptions({ list, kind: 'ehr', appRootUrl: APP_ROOT, stateKey: STATE }) as never,
    );
    const to = new URL(env.redirectedTo ?? 'http://missing/');
    expect(to.origin + to.pathname).toBe('http://localhost:59998/auth/authorize');
    expect(to.searchParams.get('client_id')).toBe('ldn-test');
    expect(to.searchParams.get('state')).toBe(STATE);
    expect(to.searchParams.get('launch')).toBe('L123');
    expect(to.searchParams.get('aud')).toBe(ISS);
    expect(to.searchParams.get('redirect_uri')).toBe(APP_ROOT);
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(to.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['launch', 'openid', 'fhirUser', 'patient/Condition.rs', 'patient/MedicationRequest.c']),
    );
  });

  it('throws fhirclient’s "No configuration found" for an unknown iss and never redirects', async () => {
    const env = fakeBrowser(launchUrl(`iss=${encodeURIComponent('http://localhost:59996/fhir')}&launch=L1`));
    const attempt = authorize(
      env as never,
      smartAuthorizeOptions({ list, kind: 'ehr', appRootUrl: APP_ROOT, stateKey: STATE }) as never,
    );
    await expect(attempt).rejects.toThrow(/No configuration found matching/);
    expect(env.redirectedTo).toBeUndefined();
  });

  it('refuses a server that does not announce S256 (pkceMode required)', async () => {
    const env = fakeBrowser(launchUrl(`iss=${encodeURIComponent(NO_PKCE_ISS)}&launch=L1`));
    const error = await authorize(
      env as never,
      smartAuthorizeOptions({ list, kind: 'ehr', appRootUrl: APP_ROOT, stateKey: STATE }) as never,
    ).catch((e: unknown) => e);
    expect(failureFromAuthorizeError(error)).toBe('pkce-unsupported');
    expect(env.redirectedTo).toBeUndefined();
  });

  it('classifies an unreachable SMART configuration', async () => {
    server.use(
      http.get(`${ISS}/.well-known/smart-configuration`, () => HttpResponse.error()),
      http.get(`${ISS}/metadata`, () => HttpResponse.error()),
    );
    const env = fakeBrowser(launchUrl(`iss=${encodeURIComponent(ISS)}&launch=L1`));
    const error = await authorize(
      env as never,
      smartAuthorizeOptions({ list, kind: 'ehr', appRootUrl: APP_ROOT, stateKey: STATE }) as never,
    ).catch((e: unknown) => e);
    // fhirclient falls back to the CapabilityStatement; when that fails too it throws.
    expect(failureFromAuthorizeError(error)).toBe('auth-server-unreachable');
    expect(env.redirectedTo).toBeUndefined();
  });

  it('sends an open server straight to the app with the patient id and no OAuth', async () => {
    const env = fakeBrowser(
      launchUrl(`fhirServiceUrl=${encodeURIComponent('http://localhost:59998/open/fhir')}&patientId=p-1`),
    );
    await authorize(
      env as never,
      openAuthorizeOptions('http://localhost:59998/open/fhir', 'p-1', APP_ROOT, STATE) as never,
    );
    expect(env.redirectedTo).toBe(`${APP_ROOT}?state=${STATE}`);
    const state = env.store.get(STATE) as { serverUrl: string; tokenResponse: { patient: string } };
    expect(state.serverUrl).toBe('http://localhost:59998/open/fhir');
    expect(state.tokenResponse.patient).toBe('p-1');
  });
});
