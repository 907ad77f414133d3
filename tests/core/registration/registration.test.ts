import { describe, expect, it } from 'vitest';
import {
  appBaseFromPageUrl,
  buildRegistration,
  formatRegistrationText,
  normaliseAppBaseUrl,
  SMART_CAPABILITIES_USED,
} from '../../../src/core/registration/index.ts';
import { readFileSync } from 'node:fs';
import { requestedScopes } from '../../../src/core/smart/scopes.ts';
import { rfc7591Problems } from './rfc7591.ts';
import { describeProblem } from '../../../src/ui/strings-problems.ts';

const build = (baseUrl: string, extra: { scopeVersion?: 'v1' | 'v2'; logoUri?: string } = {}) =>
  buildRegistration({ baseUrl, version: '1.2.3', ...extra });

function value(baseUrl: string, extra: { scopeVersion?: 'v1' | 'v2'; logoUri?: string } = {}) {
  const r = build(baseUrl, extra);
  if (!r.ok) throw new Error(describeProblem(r.error));
  return r.value;
}

describe('buildRegistration', () => {
  it('derives launch URL and fragment-free redirect URIs from the base URL', () => {
    const r = value('https://apps.example.org/ldn');
    expect(r.baseUrl).toBe('https://apps.example.org/ldn/');
    expect(r.launchUrl).toBe('https://apps.example.org/ldn/launch/');
    expect(r.redirectUris).toEqual(['https://apps.example.org/ldn/', 'https://apps.example.org/ldn/index.html']);
  });

  it('accepts a pasted index.html address and an origin root', () => {
    expect(value('https://apps.example.org/ldn/index.html').baseUrl).toBe('https://apps.example.org/ldn/');
    expect(value('https://apps.example.org').launchUrl).toBe('https://apps.example.org/launch/');
  });

  it('its client metadata is valid RFC 7591 metadata for a public client', () => {
    for (const v of ['v1', 'v2'] as const) {
      const m = value('https://apps.example.org/ldn/', { scopeVersion: v }).clientMetadata;
      expect(rfc7591Problems(m)).toEqual([]);
      expect(m).toMatchObject({
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        software_id: 'ldn-smart-app',
        software_version: '1.2.3',
      });
      expect(m.client_uri).toBe('https://apps.example.org/ldn/');
      expect(m.logo_uri).toBe('https://apps.example.org/ldn/logo.svg');
    }
  });

  it('the metadata scope holds every scope of both launches, once each, in the chosen version', () => {
    const m = value('https://apps.example.org/', { scopeVersion: 'v1' }).clientMetadata;
    const scopes = m.scope.split(' ');
    expect(new Set(scopes).size).toBe(scopes.length);
    for (const s of [...requestedScopes('ehr', 'v1').split(' '), ...requestedScopes('standalone', 'v1').split(' ')])
      expect(scopes).toContain(s);
    expect(scopes.some((s) => s.endsWith('.rs'))).toBe(false);
  });

  it('asks to read allergies and planned procedures in both scope versions (issue 9), and the docs list them', () => {
    const r = value('https://apps.example.org/');
    const docs = readFileSync(new URL('../../../docs/registration.md', import.meta.url), 'utf8');
    for (const type of ['AllergyIntolerance', 'ServiceRequest', 'Procedure', 'Appointment']) {
      for (const kind of ['ehr', 'standalone'] as const) {
        expect(r.scopeStrings[kind].v1.split(' ')).toContain(`patient/${type}.read`);
        expect(r.scopeStrings[kind].v2.split(' ')).toContain(`patient/${type}.rs`);
      }
      expect(r.scopes.ehr.find((n) => n.v2 === `patient/${type}.rs`)?.why).toMatch(/\w{10}/);
      expect(docs).toContain(`patient/${type}.rs`);
    }
    expect(docs).toContain(r.scopeStrings.ehr.v2);
  });

  it('lists every scope in v1 and v2 form with a reason, and the SMART capabilities', () => {
    const r = value('https://apps.example.org/');
    expect(r.scopes.ehr.every((s) => s.v1 && s.v2 && s.why.length > 10)).toBe(true);
    expect(r.scopeStrings.standalone.v2).toBe(requestedScopes('standalone', 'v2'));
    expect(r.capabilities.map((c) => c.capability)).toEqual([
      'launch-ehr',
      'launch-standalone',
      'client-public',
      'context-ehr-patient',
      'context-standalone-patient',
      'context-banner',
      'context-style',
      'permission-patient',
      'permission-v1',
      'permission-v2',
      'sso-openid-connect',
    ]);
    expect(SMART_CAPABILITIES_USED.filter((c) => c.required).map((c) => c.capability)).toEqual([
      'launch-ehr',
      'client-public',
      'context-ehr-patient',
      'permission-patient',
    ]);
  });

  it('http is accepted on localhost only', () => {
    expect(value('http://localhost:8787/app/').redirectUris[0]).toBe('http://localhost:8787/app/');
    expect(value('http://127.0.0.1:8787/app').launchUrl).toBe('http://127.0.0.1:8787/app/launch/');
  });

  it.each([
    ['http://apps.example.org/ldn', /must use https/],
    ['https://apps.example.org/ldn#/home', /fragment/],
    ['https://apps.example.org/ldn?x=1', /query/],
    ['https://user:pw@apps.example.org/', /credentials/],
    ['apps.example.org/ldn', /not a valid URL/],
    ['', /non-empty/],
    ['ftp://apps.example.org/', /must use https/],
    ['javascript:alert(1)', /must use https/],
  ])('refuses the base URL %s', (url, message) => {
    const r = build(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(describeProblem(r.error)).toMatch(new RegExp(`^base URL .*${message.source}`));
  });

  it('refuses a version that is not semantic and a bad logo URL', () => {
    const latest = buildRegistration({ baseUrl: 'https://a.example.org/', version: 'latest' });
    expect(!latest.ok && describeProblem(latest.error)).toBe('version "latest" is not a semantic version');
    const logo = build('https://a.example.org/', { logoUri: 'http://cdn.example.org/logo.png' });
    expect(!logo.ok && describeProblem(logo.error)).toBe(
      'logo URL "http://cdn.example.org/" must use https (http is accepted only for localhost)',
    );
    expect(
      value('https://a.example.org/', { logoUri: 'https://cdn.example.org/logo.png' }).clientMetadata.logo_uri,
    ).toBe('https://cdn.example.org/logo.png');
  });

  it('the text form names the launch URL, both redirect URIs and the JSON', () => {
    const text = formatRegistrationText(value('https://apps.example.org/ldn/')).join('\n');
    expect(text).toContain('Launch URL: https://apps.example.org/ldn/launch/');
    expect(text).toContain('  https://apps.example.org/ldn/index.html');
    expect(text).toContain('"token_endpoint_auth_method": "none"');
  });
});

describe('base URL helpers', () => {
  it('derives the app root from the registration page address', () => {
    expect(appBaseFromPageUrl('https://apps.example.org/ldn/registration/')).toEqual({
      ok: true,
      value: 'https://apps.example.org/ldn/',
    });
    expect(appBaseFromPageUrl('https://apps.example.org/ldn/registration/index.html?x#y')).toEqual({
      ok: true,
      value: 'https://apps.example.org/ldn/',
    });
    expect(appBaseFromPageUrl('http://localhost:8787/app/registration/')).toEqual({
      ok: true,
      value: 'http://localhost:8787/app/',
    });
  });
  it('normalises to a trailing slash', () => {
    expect(normaliseAppBaseUrl(' https://a.example.org/x ')).toEqual({ ok: true, value: 'https://a.example.org/x/' });
  });
});

describe('the RFC 7591 checker itself catches violations', () => {
  it.each([
    [
      { redirect_uris: ['https://a.example.org/#x'], grant_types: ['authorization_code'], response_types: ['code'] },
      /fragment/,
    ],
    [{ redirect_uris: 'https://a.example.org/' }, /redirect_uris must be an array/],
    [{ grant_types: ['authorization_code'], response_types: ['code'] }, /redirect_uris is required/],
    [
      { redirect_uris: ['https://a.example.org/'], grant_types: ['authorization_code'], response_types: ['token'] },
      /needs response type code/,
    ],
    [{ redirect_uris: ['https://a.example.org/'], token_endpoint_auth_method: 'secret' }, /not a registered method/],
    [{ redirect_uris: ['https://a.example.org/'], scope: 'a  b' }, /scope must be/],
    [{ redirect_uris: ['https://a.example.org/'], scope: 'a "b"' }, /scope must be/],
    [{ redirect_uris: ['https://a.example.org/'], logo_uri: 'logo.svg' }, /logo_uri must be a URL/],
    [{ redirect_uris: ['https://a.example.org/'], jwks: {}, jwks_uri: 'https://a.example.org/jwks' }, /both/],
    [{ redirect_uris: ['https://a.example.org/'], software_version: 1 }, /software_version must be a string/],
  ])('%o', (metadata, message) => {
    expect(rfc7591Problems(metadata).join('\n')).toMatch(message);
  });
});
