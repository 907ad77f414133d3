/** The CDS client allow-list file: what it accepts, and every malformed case named, never "allow all". */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClients } from '../../../src/edge/cds/clients.ts';
import { describeProblem } from '../../../src/entry/cli/strings.ts';

const KEY = { kty: 'EC', crv: 'P-384', x: 'x', y: 'y', kid: 'k1' };

describe('parseClients', () => {
  it('reads inline JWKS, loopback or https jwks_url and fhirServers; the shipped file is the sandbox example', () => {
    const r = parseClients({
      clients: [
        { iss: 'https://ehr.example', jwks: { keys: [KEY] }, fhirServers: ['https://ehr.example/fhir'] },
        { iss: 'http://localhost:8787', jwks_url: 'http://localhost:8787/cds/jwks.json' },
      ],
    });
    expect(r.ok && r.value.map((c) => c.iss)).toEqual(['https://ehr.example', 'http://localhost:8787']);
    const shipped = parseClients(JSON.parse(readFileSync('cds-clients.json', 'utf8')));
    expect(shipped.ok && shipped.value.map((c) => c.iss)).toEqual(['http://localhost:8787']);
  });

  it.each([
    [{}, 'expected { "clients": [...] }'],
    [{ clients: [{ jwks: { keys: [KEY] } }] }, 'clients[0].iss'],
    [{ clients: [{ iss: 'a' }] }, 'exactly one of jwks and jwks_url'],
    [
      { clients: [{ iss: 'a', jwks: { keys: [KEY] }, jwks_url: 'https://x/jwks' }] },
      'exactly one of jwks and jwks_url',
    ],
    [{ clients: [{ iss: 'a', jwks: { keys: [{ ...KEY, d: 'secret' }] } }] }, 'private key'],
    [{ clients: [{ iss: 'a', jwks_url: 'http://ehr.example/jwks' }] }, 'jwks_url must be an https URL'],
    [{ clients: [{ iss: 'a', jwks: { keys: [KEY] }, fhirServers: ['ftp://x'] }] }, 'fhirServers'],
    [
      {
        clients: [
          { iss: 'a', jwks: { keys: [KEY] } },
          { iss: 'a', jwks: { keys: [KEY] } },
        ],
      },
      'listed twice',
    ],
    [{ clients: [{ iss: 'a', jwks: { keys: [KEY] }, max_lifetime_s: 86_400 }] }, 'max_lifetime_s'],
  ])('refuses %j naming the problem', (json, message) => {
    const r = parseClients(json);
    expect(r.ok).toBe(false);
    expect(!r.ok && describeProblem(r.error)).toContain(message);
  });
});
