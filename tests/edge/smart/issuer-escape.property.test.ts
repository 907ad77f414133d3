/**
 * An issuer prefix cannot be escaped (issue 10 item 6): whatever `iss` an allow-list entry accepts, the URL the
 * browser (and fhirclient) actually requests from it, resolved by the WHATWG URL parser, stays under the prefix.
 * Property tests over paths built from the dangerous pieces (dot segments and their %2e spellings, encoded
 * slashes, backslashes, tabs, queries, fragments, userinfo), plus the named examples and the allow-list refusals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryMatchesIss, parseAllowList, type AllowListEntry } from '../../../src/core/smart/allow-list.ts';
import { checkIssuerUrl } from '../../../src/ui/strings-url.ts';
import { addClient, emptyAllowListJson } from '../../../src/core/registration/clients-file.ts';

const PREFIX = 'https://fhir.vendor.example/tenants/';
const entry: AllowListEntry = { name: 'Vendor', issPrefix: PREFIX, clientId: 'c', scopeVersion: 'v2' };
const exact: AllowListEntry = {
  name: 'Exact',
  iss: 'https://ehr.example.org/fhir/r4',
  clientId: 'e',
  scopeVersion: 'v2',
};

const piece = fc.constantFrom(
  'a1',
  'R4',
  'api',
  'FHIR',
  '.',
  '..',
  '%2e',
  '%2E',
  '%2e%2e',
  '.%2E',
  '%2e.',
  '/',
  '//',
  '%2f',
  '%5c',
  '\\',
  '\t',
  '\n',
  ' ',
  '?x=1',
  '#f',
  '@',
  ':',
  '%25',
  'evil',
);
const tail = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

/** What the browser fetches for discovery, which is where the token's audience and the SMART endpoints come from. */
const resolved = (iss: string) => new URL(`${iss.replace(/\/+$/, '')}/.well-known/smart-configuration`).href;

describe('issuer prefix: no escape', () => {
  it('every iss the prefix entry accepts resolves under the prefix (fast-check)', () => {
    fc.assert(
      fc.property(tail, (t) => {
        const iss = `${PREFIX}${t}`;
        if (entryMatchesIss(entry, iss)) expect(resolved(iss).startsWith(PREFIX)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('every iss the exact entry accepts resolves to that base (fast-check)', () => {
    fc.assert(
      fc.property(tail, (t) => {
        const iss = `${exact.iss}${t}`;
        if (entryMatchesIss(exact, iss)) expect(resolved(iss)).toBe(`${exact.iss}/.well-known/smart-configuration`);
      }),
      { numRuns: 2000 },
    );
  });

  it('an accepted iss never carries a query, fragment, whitespace or backslash (fast-check)', () => {
    fc.assert(
      fc.property(tail, (t) => {
        const iss = `${PREFIX}${t}`;
        if (entryMatchesIss(entry, iss)) expect(iss).not.toMatch(/[?#\\\s]/);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    `${PREFIX}../admin/fhir`,
    `${PREFIX}a1/../../admin`,
    `${PREFIX}%2e%2e/admin`,
    `${PREFIX}%2E%2e/admin`,
    `${PREFIX}.%2e/admin`,
    `${PREFIX}a1/%2e%2e%2f%2e%2e/admin`,
    `${PREFIX}a1\\..\\..\\admin`,
    `${PREFIX}.\t./admin`,
    `${PREFIX}a1?x=../../admin`,
    'https://fhir.vendor.example@evil.test/tenants/a1',
    'https://user@fhir.vendor.example/tenants/a1',
    'https://fhir.vendor.example.evil.test/tenants/a1',
  ])('refuses %s', (iss) => {
    expect(entryMatchesIss(entry, iss)).toBe(false);
  });

  it('still accepts ordinary tenants, a trailing slash and an upper-case host', () => {
    expect(entryMatchesIss(entry, `${PREFIX}a1b2/api/FHIR/R4`)).toBe(true);
    expect(entryMatchesIss(entry, `${PREFIX}a1b2/api/FHIR/R4/`)).toBe(true);
    expect(entryMatchesIss(entry, 'https://FHIR.Vendor.Example/tenants/a1')).toBe(true);
    expect(entryMatchesIss(exact, 'https://ehr.example.org:443/fhir/r4')).toBe(true);
  });
});

describe('allow-list entries refuse dot segments, queries and fragments', () => {
  it.each([
    ['https://ehr.example.org/fhir/../r4', 'path segments'],
    ['https://ehr.example.org/fhir/%2e%2e/r4', 'path segments'],
    ['https://ehr.example.org/fhir?tenant=1', '?query'],
    ['https://ehr.example.org/fhir#x', '#fragment'],
    ['https://ehr.example.org/a%2fb', 'encoded'],
  ])('%s', (url, words) => {
    expect(checkIssuerUrl(url)).toContain(words);
    const parsed = parseAllowList({ clients: [{ name: 'x', iss: url, clientId: 'c', scopeVersion: 'v2' }] }, 'f.json');
    expect(parsed.ok).toBe(false);
    const prefixed = parseAllowList(
      { clients: [{ name: 'x', issPrefix: `${url}/`, clientId: 'c', scopeVersion: 'v2' }] },
      'f.json',
    );
    expect(prefixed.ok).toBe(false);
    expect(
      addClient(emptyAllowListJson(), { name: 'x', iss: url, clientId: 'c', scopeVersion: 'v2' }, 'f.json').ok,
    ).toBe(false);
  });

  it('stores entries in canonical form (lower-case host, no default port), so matching compares like with like', () => {
    const parsed = parseAllowList(
      {
        clients: [{ name: 'x', issPrefix: 'https://EHR.Example.org:443/Tenants/', clientId: 'c', scopeVersion: 'v2' }],
      },
      'f.json',
    );
    expect(parsed.ok && parsed.value.clients[0]?.issPrefix).toBe('https://ehr.example.org/Tenants/');
  });
});
