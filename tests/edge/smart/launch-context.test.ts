/** Dimensions: launch type (ehr, standalone, open) x token response fields present or absent. */
import { describe, expect, it } from 'vitest';
import {
  buildLaunchContext,
  fhirUserFromIdToken,
  userNameFromIdToken,
  type SmartSession,
} from '../../../src/edge/smart/launch-context.ts';
import { requestedScopes } from '../../../src/core/smart/scopes.ts';

const b64url = (obj: object) => Buffer.from(JSON.stringify(obj)).toString('base64url');
const idToken = (claims: object) => `${b64url({ alg: 'RS256' })}.${b64url(claims)}.signature`;

function session(
  state: Partial<SmartSession['state']> & { tokenResponse?: SmartSession['state']['tokenResponse'] },
): SmartSession {
  return {
    state: { serverUrl: 'https://ehr.example.org/fhir/', authorizeUri: 'https://ehr.example.org/auth', ...state },
  };
}

describe('buildLaunchContext', () => {
  it('takes an EHR launch’s patient, encounter, banner flag, style and granted scopes from the token response', () => {
    const result = buildLaunchContext(
      session({
        scope: `${requestedScopes('ehr', 'v2')}`,
        tokenResponse: {
          access_token: 'secret',
          patient: 'ldn-fibromyalgia',
          encounter: 'enc-1',
          need_patient_banner: false,
          smart_style_url: 'https://ehr.example.org/style.json',
          scope: 'launch openid fhirUser patient/Patient.rs patient/Condition.rs',
          id_token: idToken({ fhirUser: 'Practitioner/dr-1' }),
        },
      }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        launchType: 'ehr',
        serverUrl: 'https://ehr.example.org/fhir',
        patientId: 'ldn-fibromyalgia',
        encounterId: 'enc-1',
        fhirUser: 'Practitioner/dr-1',
        needPatientBanner: false,
        smartStyleUrl: 'https://ehr.example.org/style.json',
        grantedScopes: ['launch', 'openid', 'fhirUser', 'patient/Patient.rs', 'patient/Condition.rs'],
      },
    });
  });

  it('never puts the token in the context', () => {
    const result = buildLaunchContext(
      session({ scope: 'launch', tokenResponse: { access_token: 'secret-token', patient: 'p' } }),
    );
    expect(JSON.stringify(result)).not.toContain('secret-token');
  });

  it('marks a launch/patient launch standalone and shows the banner when the server does not say', () => {
    const result = buildLaunchContext(
      session({
        scope: requestedScopes('standalone', 'v1'),
        tokenResponse: { access_token: 't', patient: 'p', scope: 'launch/patient' },
      }),
    );
    expect(result.ok && result.value.launchType).toBe('standalone');
    expect(result.ok && result.value.needPatientBanner).toBe(true);
    expect(result.ok && result.value.encounterId).toBeUndefined();
  });

  it('takes the requested scopes as granted when the token response omits scope (RFC 6749 §5.1)', () => {
    const result = buildLaunchContext(
      session({ scope: 'launch openid patient/Condition.rs', tokenResponse: { access_token: 't', patient: 'p' } }),
    );
    expect(result.ok && result.value.grantedScopes).toEqual(['launch', 'openid', 'patient/Condition.rs']);
  });

  it('builds an open-server context with the app’s standalone v2 scopes and no user', () => {
    const result = buildLaunchContext({
      state: { serverUrl: 'http://localhost:8787/open/fhir', tokenResponse: { patient: 'p2' } },
    });
    expect(result).toEqual({
      ok: true,
      value: {
        launchType: 'open',
        serverUrl: 'http://localhost:8787/open/fhir',
        patientId: 'p2',
        needPatientBanner: true,
        grantedScopes: requestedScopes('standalone', 'v2').split(' '),
      },
    });
  });

  it('refuses a launch without a patient', () => {
    expect(buildLaunchContext(session({ scope: 'launch', tokenResponse: { access_token: 't' } }))).toEqual({
      ok: false,
      error: 'no-patient',
    });
  });
});

describe('fhirUserFromIdToken', () => {
  it('keeps Type/id of an absolute fhirUser URL (Epic style)', () => {
    expect(fhirUserFromIdToken(idToken({ fhirUser: 'https://ehr.example.org/fhir/Practitioner/abc-123' }))).toBe(
      'Practitioner/abc-123',
    );
  });

  it('decodes base64url payloads that window.atob alone would reject', () => {
    // "~~~" encodes to base64 with "+" / "/" characters, i.e. "-" / "_" in base64url.
    const token = idToken({ note: '~~~???>>>', fhirUser: 'Practitioner/p-1' });
    expect(token.split('.')[1]).toMatch(/[-_]/);
    expect(fhirUserFromIdToken(token)).toBe('Practitioner/p-1');
  });

  it('gives nothing for a missing, malformed or claim-less token', () => {
    expect(fhirUserFromIdToken(undefined)).toBeUndefined();
    expect(fhirUserFromIdToken('garbage')).toBeUndefined();
    expect(fhirUserFromIdToken('a.###.c')).toBeUndefined();
    expect(fhirUserFromIdToken(idToken({ sub: 'x' }))).toBeUndefined();
  });
});

describe('userNameFromIdToken', () => {
  const token = (claims: object): string => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;
  it('reads the OpenID Connect name claim, trimmed and without control characters', () => {
    expect(userNameFromIdToken(token({ name: '  Dr. Ada\u0007 Okafor ' }))).toBe('Dr. Ada Okafor');
  });
  it('gives nothing for a missing, non-string or empty name, or a token that is not a JWT', () => {
    expect(userNameFromIdToken(token({ fhirUser: 'Practitioner/1' }))).toBeUndefined();
    expect(userNameFromIdToken(token({ name: 42 }))).toBeUndefined();
    expect(userNameFromIdToken(token({ name: ' ' }))).toBeUndefined();
    expect(userNameFromIdToken('not a token')).toBeUndefined();
    expect(userNameFromIdToken(undefined)).toBeUndefined();
  });
  it('bounds a long name', () => {
    expect(userNameFromIdToken(token({ name: 'x'.repeat(5000) }))!.length).toBe(200);
  });
});
