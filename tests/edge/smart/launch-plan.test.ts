/** Dimensions: launch request (ehr, standalone smart, open with/without patient, bare) x allow-list state. */
import { describe, expect, it } from 'vitest';
import { readLaunchRequest } from '../../../src/edge/smart/authorize-options.ts';
import {
  failureFromAuthorizeError,
  launchPageFailure,
  planLaunch,
  withoutOverrides,
} from '../../../src/edge/smart/launch-plan.ts';
import { allowList, EXACT, OPEN, SANDBOX } from './allow-list-fixtures.ts';

const list = allowList({ clients: [EXACT, SANDBOX], standalone: { enabled: true, openServers: [OPEN] } });
const closed = allowList({ clients: [EXACT, SANDBOX], standalone: { enabled: false } });
const plan = (query: string, l = list) =>
  planLaunch({
    request: readLaunchRequest(new URLSearchParams(query)),
    list: l,
    appRootUrl: 'https://app.example/',
    stateKey: 'k',
  });
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('planLaunch', () => {
  it('authorizes an EHR launch from an allowed iss with every allowed entry as an option', () => {
    const p = plan(q({ iss: EXACT.iss, launch: 'abc' }));
    expect(p.action).toBe('authorize');
    if (p.action === 'authorize') {
      expect(p.options).toHaveLength(2);
      expect(p.options.filter((o) => o.issMatch(EXACT.iss)).map((o) => o.clientId)).toEqual(['exact-client']);
      expect(p.options[0]?.scope).toContain('launch');
      expect(p.options[0]?.scope).not.toContain('launch/patient');
    }
  });

  it('shows the unknown-issuer page for an iss not on the list, EHR or standalone', () => {
    expect(plan(q({ iss: 'https://evil.example/fhir', launch: 'abc' }))).toEqual({
      action: 'unknown-issuer',
      iss: 'https://evil.example/fhir',
    });
    expect(plan(q({ iss: 'https://evil.example/fhir' }))).toEqual({
      action: 'unknown-issuer',
      iss: 'https://evil.example/fhir',
    });
  });

  it('authorizes a standalone launch only for entries marked standalone, and only when standalone is enabled', () => {
    const sandbox = plan(q({ iss: SANDBOX.iss }));
    expect(sandbox.action).toBe('authorize');
    if (sandbox.action === 'authorize') expect(sandbox.options[0]?.scope).toContain('launch/patient');
    expect(plan(q({ iss: EXACT.iss }))).toMatchObject({ action: 'failure', kind: 'standalone-not-offered' });
    expect(plan(q({ iss: SANDBOX.iss }), closed)).toMatchObject({ action: 'failure', kind: 'standalone-not-offered' });
  });

  it('authorizes a listed open server without OAuth, refuses an unlisted one', () => {
    const open = plan(q({ fhirServiceUrl: OPEN.fhirServiceUrl, patientId: 'p1' }));
    expect(open).toMatchObject({ action: 'authorize', serverUrl: OPEN.fhirServiceUrl });
    if (open.action === 'authorize')
      expect(open.options[0]).toMatchObject({ fhirServiceUrl: OPEN.fhirServiceUrl, patientId: 'p1' });
    expect(plan(q({ fhirServiceUrl: 'https://other.example/fhir', patientId: 'p1' }))).toEqual({
      action: 'failure',
      code: 'launch/open-server-not-allowed',
      severity: 'error',
      kind: 'open-server-not-allowed',
      params: { server: 'https://other.example/fhir' },
    });
  });

  it('shows the picker when opened bare (or without a patient for an open server), unless standalone is off', () => {
    expect(plan('')).toEqual({ action: 'picker' });
    expect(plan(q({ fhirServiceUrl: OPEN.fhirServiceUrl }))).toEqual({ action: 'picker' });
    expect(plan('', closed)).toEqual({ action: 'failure', ...launchPageFailure('standalone-disabled') });
  });
});

describe('failureFromAuthorizeError (fhirclient 2.6.3 messages)', () => {
  it('maps each message to its page', () => {
    expect(
      failureFromAuthorizeError(new Error('No configuration found matching the current "iss" parameter "x"')),
    ).toBe('unknown-issuer');
    expect(
      failureFromAuthorizeError(
        new Error(
          "Required PKCE code challenge method (`S256`) was not found in the server's codeChallengeMethods declaration.",
        ),
      ),
    ).toBe('pkce-unsupported');
    expect(
      failureFromAuthorizeError(
        new Error('Failed to fetch the conformance statement from "x/metadata". TypeError: fetch failed'),
      ),
    ).toBe('auth-server-unreachable');
    expect(failureFromAuthorizeError(new TypeError('Failed to fetch'))).toBe('auth-server-unreachable');
    expect(failureFromAuthorizeError(new Error('something else'))).toBe('launch-failed');
    // Only fhirclient's own message openings count: a message merely naming "metadata" is another failure.
    expect(failureFromAuthorizeError(new Error('metadata is not a CapabilityStatement'))).toBe('launch-failed');
  });
});

describe('withoutOverrides', () => {
  it('removes a clientId URL parameter (fhirclient would let it override the allow-list’s client id)', () => {
    expect(withoutOverrides('https://app.example/launch/?iss=x&launch=y&clientId=evil')).toBe(
      'https://app.example/launch/?iss=x&launch=y',
    );
    expect(withoutOverrides('https://app.example/launch/?iss=x&launch=y')).toBeUndefined();
  });
});
