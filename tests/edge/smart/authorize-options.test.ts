/**
 * Dimensions: entry kind (exact iss, issPrefix) x iss given (equal, trailing slash, under prefix, look-alike host,
 * other scheme, credentials, unknown) x launch kind (ehr, standalone) x scope version (v1, v2).
 */
import { describe, expect, it } from 'vitest';
import {
  entryAcceptsIss,
  matchIssuer,
  openAuthorizeOptions,
  openServerAllowed,
  readLaunchRequest,
  smartAuthorizeOptions,
} from '../../../src/edge/smart/authorize-options.ts';
import { requestedScopes } from '../../../src/core/smart/scopes.ts';
import { allowList, EXACT, OPEN, PREFIX, SANDBOX } from './allow-list-fixtures.ts';

const list = allowList({ clients: [PREFIX, EXACT, SANDBOX], standalone: { enabled: true, openServers: [OPEN] } });
const APP_ROOT = 'https://app.example.org/ldn/';
const STATE = '6f1c1e0a-5a4b-4c1d-9e2f-0123456789ab';

/** What fhirclient 2.6.3 does with the array form (lib/smart.js): the first entry whose issMatch accepts. */
function fhirclientPick(iss: string) {
  return smartAuthorizeOptions({ list, kind: 'ehr', appRootUrl: APP_ROOT, stateKey: STATE }).find((o) =>
    o.issMatch(iss),
  );
}

describe('issMatch built from the allow-list', () => {
  it('accepts the exact iss, with or without a trailing slash', () => {
    expect(fhirclientPick('https://ehr.example.org/fhir/r4')?.clientId).toBe('exact-client');
    expect(fhirclientPick('https://ehr.example.org/fhir/r4/')?.clientId).toBe('exact-client');
  });

  it('refuses a longer path under an exact iss, and a path that only starts with it', () => {
    expect(fhirclientPick('https://ehr.example.org/fhir/r4/other')).toBeUndefined();
    // The browser test launched this look-alike of the sandbox's iss (`<origin>/fhir-evil`) until issue 14 item 5.
    expect(fhirclientPick('https://ehr.example.org/fhir/r4-evil')).toBeUndefined();
    expect(fhirclientPick('http://localhost:8787/fhir-evil')).toBeUndefined();
  });

  it('accepts any tenant under a prefix and uses that entry’s client id', () => {
    expect(fhirclientPick('https://fhir.vendor.example/tenants/a1b2/api/FHIR/R4')?.clientId).toBe('tenant-client');
  });

  it('refuses a look-alike host that merely starts with the same characters', () => {
    expect(fhirclientPick('https://fhir.vendor.example.evil.test/tenants/a1/fhir')).toBeUndefined();
    expect(fhirclientPick('https://ehr.example.org.evil.test/fhir/r4')).toBeUndefined();
    expect(fhirclientPick('https://fhir.vendor.example/tenantsX/a1')).toBeUndefined();
  });

  it('refuses an unknown server', () => {
    expect(fhirclientPick('https://unknown.example.net/fhir')).toBeUndefined();
  });

  it('refuses the same host over http, with credentials or with a fragment', () => {
    expect(fhirclientPick('http://ehr.example.org/fhir/r4')).toBeUndefined();
    expect(fhirclientPick('https://user:pw@ehr.example.org/fhir/r4')).toBeUndefined();
    expect(fhirclientPick('https://fhir.vendor.example/tenants/a1#x')).toBeUndefined();
    expect(fhirclientPick('not a url')).toBeUndefined();
  });

  it('prefers an exact entry over a prefix that also matches', () => {
    const overlapping = allowList({
      clients: [
        { name: 'Prefix', issPrefix: 'https://ehr.example.org/', clientId: 'prefix-client', scopeVersion: 'v1' },
        { ...EXACT },
      ],
    });
    const options = smartAuthorizeOptions({ list: overlapping, kind: 'ehr', appRootUrl: APP_ROOT, stateKey: STATE });
    expect(options.find((o) => o.issMatch('https://ehr.example.org/fhir/r4'))?.clientId).toBe('exact-client');
    expect(options.find((o) => o.issMatch('https://ehr.example.org/other'))?.clientId).toBe('prefix-client');
    expect(matchIssuer(overlapping, 'https://ehr.example.org/fhir/r4')?.clientId).toBe('exact-client');
  });

  it('entryAcceptsIss never matches an entry that has neither iss nor prefix', () => {
    expect(entryAcceptsIss({ name: 'x', clientId: 'c', scopeVersion: 'v2' }, 'https://ehr.example.org/fhir/r4')).toBe(
      false,
    );
  });
});

describe('authorize options per allowed server', () => {
  it('requires PKCE, completes in the launching window and carries the given state key', () => {
    const options = smartAuthorizeOptions({ list, kind: 'ehr', appRootUrl: APP_ROOT, stateKey: STATE });
    expect(options).toHaveLength(3);
    for (const o of options) {
      expect(o.pkceMode).toBe('required');
      expect(o.completeInTarget).toBe(true);
      expect(o.stateKey).toBe(STATE);
      expect(o.fhirServiceUrl).toBeUndefined();
    }
  });

  it('asks EHR-launch scopes in the entry’s scope version', () => {
    expect(fhirclientPick('https://ehr.example.org/fhir/r4')?.scope).toBe(requestedScopes('ehr', 'v2'));
    expect(fhirclientPick('https://fhir.vendor.example/tenants/t/fhir')?.scope).toBe(requestedScopes('ehr', 'v1'));
    expect(fhirclientPick('https://fhir.vendor.example/tenants/t/fhir')?.scope).toContain('patient/Condition.read');
  });

  it('asks launch/patient scopes for a standalone launch', () => {
    const options = smartAuthorizeOptions({ list, kind: 'standalone', appRootUrl: APP_ROOT, stateKey: STATE });
    const sandbox = options.find((o) => o.issMatch('http://localhost:8787/fhir'));
    expect(sandbox?.scope).toBe(requestedScopes('standalone', 'v2'));
    expect(sandbox?.scope).toContain('launch/patient');
  });

  it('redirects to the entry’s redirect URI, else to the app root', () => {
    expect(fhirclientPick('http://localhost:8787/fhir')?.redirectUri).toBe('http://localhost:8787/app/');
    expect(fhirclientPick('https://ehr.example.org/fhir/r4')?.redirectUri).toBe(APP_ROOT);
  });
});

describe('open servers', () => {
  it('are allowed only when listed (or typing is allowed) and standalone is enabled', () => {
    expect(openServerAllowed(list, 'http://localhost:8787/open/fhir/')).toBe(true);
    expect(openServerAllowed(list, 'https://hapi.example.org/fhir')).toBe(false);
    const typed = allowList({
      clients: [],
      standalone: { enabled: true, openServers: [], allowTypedOpenServer: true },
    });
    expect(openServerAllowed(typed, 'https://hapi.example.org/fhir')).toBe(true);
    expect(openServerAllowed(typed, 'http://hapi.example.org/fhir')).toBe(false);
    const off = allowList({ clients: [], standalone: { enabled: false, openServers: [OPEN] } });
    expect(openServerAllowed(off, OPEN.fhirServiceUrl)).toBe(false);
  });

  it('build a no-OAuth option with fhirServiceUrl and the patient id, matching only that server', () => {
    const [option] = openAuthorizeOptions('http://localhost:8787/open/fhir/', 'ldn-fibromyalgia', APP_ROOT, STATE);
    expect(option).toMatchObject({
      fhirServiceUrl: 'http://localhost:8787/open/fhir',
      patientId: 'ldn-fibromyalgia',
      redirectUri: APP_ROOT,
    });
    expect(option?.clientId).toBeUndefined();
    expect(option?.issMatch('http://localhost:8787/open/fhir')).toBe(true);
    expect(option?.issMatch('http://localhost:8787/fhir')).toBe(false);
  });
});

describe('readLaunchRequest', () => {
  const read = (q: string) => readLaunchRequest(new URLSearchParams(q));
  it('tells EHR launch, standalone SMART, open and picker apart', () => {
    expect(read('iss=https%3A%2F%2Fehr%2Ffhir&launch=abc')).toEqual({
      kind: 'ehr',
      iss: 'https://ehr/fhir',
      launch: 'abc',
    });
    expect(read('iss=https%3A%2F%2Fehr%2Ffhir')).toEqual({ kind: 'standalone-smart', iss: 'https://ehr/fhir' });
    expect(read('fhirServiceUrl=https%3A%2F%2Fo%2Ffhir&patientId=p1')).toEqual({
      kind: 'standalone-open',
      fhirServiceUrl: 'https://o/fhir',
      patientId: 'p1',
    });
    expect(read('fhirServiceUrl=https%3A%2F%2Fo%2Ffhir')).toEqual({
      kind: 'open-without-patient',
      fhirServiceUrl: 'https://o/fhir',
    });
    expect(read('')).toEqual({ kind: 'picker' });
  });
});
