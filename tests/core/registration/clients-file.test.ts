import { describe, expect, it } from 'vitest';
import {
  addClient,
  emptyAllowListJson,
  formatAllowList,
  readAllowListText,
  removeClient,
} from '../../../src/core/registration/clients-file.ts';
import { parseAllowList } from '../../../src/core/smart/allow-list.ts';
import { problemLines } from '../../../src/entry/cli/strings.ts';

const FILE = 'smart-clients.json';
const epic = {
  name: 'Epic non-production',
  iss: 'https://fhir.epic.example/api/FHIR/R4/',
  clientId: 'abc-123',
  scopeVersion: 'v2',
};

function start() {
  const r = readAllowListText(JSON.stringify({ $comment: 'kept', ...emptyAllowListJson() }), FILE);
  if (!r.ok) throw new Error('fixture invalid');
  return r.value.json;
}

describe('allow-list edits', () => {
  it('adds an entry that the launch parser accepts, normalising the iss and keeping $comment', () => {
    const r = addClient(start(), epic, FILE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.$comment).toBe('kept');
    const parsed = parseAllowList(r.value, FILE);
    expect(parsed.ok && parsed.value.clients).toEqual([
      {
        name: 'Epic non-production',
        iss: 'https://fhir.epic.example/api/FHIR/R4',
        clientId: 'abc-123',
        scopeVersion: 'v2',
      },
    ]);
  });

  it('refuses a duplicate iss, even written with a trailing slash', () => {
    const once = addClient(start(), epic, FILE);
    if (!once.ok) throw new Error('first add failed');
    const twice = addClient(once.value, { ...epic, name: 'again', iss: 'https://fhir.epic.example/api/FHIR/R4' }, FILE);
    expect(!twice.ok && problemLines(twice.error)).toBe(
      `${FILE} already has an entry for https://fhir.epic.example/api/FHIR/R4 ("Epic non-production"); remove it first`,
    );
  });

  it.each([
    [{ ...epic, iss: 'http://ehr.example.org/fhir' }, /--iss .* must use https/],
    [{ ...epic, iss: 'not a url' }, /--iss "not a url" is not a valid URL/],
    [{ ...epic, iss: 'https://ehr.example.org/fhir#x' }, /fragment/],
    [{ ...epic, redirectUri: 'https://app.example.org/#/' }, /--redirect-uri .*fragment/],
    [{ ...epic, scopeVersion: 'v3' }, /--scope-version must be v1 or v2/],
    [{ ...epic, clientId: ' ' }, /--client-id must not be empty/],
    [{ ...epic, name: '' }, /--name must not be empty/],
    [{ name: 'x', clientId: 'y', scopeVersion: 'v1' }, /exactly one of --iss, --iss-prefix or --smart-launcher/],
    [{ ...epic, issPrefix: 'https://ehr.example.org/' }, /exactly one of --iss, --iss-prefix or --smart-launcher/],
    [{ name: 'x', clientId: 'y', scopeVersion: 'v1', issPrefix: 'https://tenant.example.org' }, /must end with "\/"/],
    [
      { name: 'x', clientId: 'y', scopeVersion: 'v1', issPrefix: 'https://tenant.example.org/', standalone: true },
      /--standalone needs an exact --iss/,
    ],
  ])('refuses %o', (entry, message) => {
    const r = addClient(start(), entry, FILE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(problemLines(r.error)).toMatch(message);
  });

  it('accepts http on localhost and an iss prefix for multi-tenant servers', () => {
    const local = addClient(start(), { ...epic, iss: 'http://localhost:8787/fhir', standalone: true }, FILE);
    expect(local.ok).toBe(true);
    const prefix = addClient(
      start(),
      { name: 'tenants', issPrefix: 'https://fhir.example.org/tenants/', clientId: 'c', scopeVersion: 'v1' },
      FILE,
    );
    expect(prefix.ok).toBe(true);
  });

  it('removes by iss (trailing slash ignored) and refuses an unknown iss', () => {
    const added = addClient(start(), epic, FILE);
    if (!added.ok) throw new Error('add failed');
    const removed = removeClient(added.value, 'https://fhir.epic.example/api/FHIR/R4/', FILE);
    expect(removed.ok && removed.value.clients).toEqual([]);
    const none = removeClient(start(), 'https://nowhere.example.org/fhir', FILE);
    expect(!none.ok && problemLines(none.error)).toBe(`${FILE} has no entry for https://nowhere.example.org/fhir`);
  });

  it('refuses to read an invalid file, naming each problem', () => {
    expect(readAllowListText('{"clients": [', FILE).ok).toBe(false);
    const r = readAllowListText(
      JSON.stringify({ clients: [{ name: 'x', iss: 'http://ehr.example.org', clientId: '', scopeVersion: 'v9' }] }),
      FILE,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const lines = problemLines(r.error).split('\n');
      expect(lines).toContain(`${FILE}: clients[0].clientId must be a non-empty string`);
      expect(lines).toContain(`${FILE}: clients[0].scopeVersion must be "v1" or "v2"`);
    }
  });

  it('lists entries and the standalone settings', () => {
    const added = addClient(start(), { ...epic, redirectUri: 'https://app.example.org/' }, FILE);
    if (!added.ok) throw new Error('add failed');
    const parsed = parseAllowList(added.value, FILE);
    if (!parsed.ok) throw new Error('invalid');
    expect(formatAllowList(parsed.value, FILE)).toEqual([
      `${FILE}: 1 issuer(s)`,
      '  Epic non-production: iss https://fhir.epic.example/api/FHIR/R4, client id abc-123, scopes v2, redirect https://app.example.org/',
      'Standalone tester flow: off',
    ]);
  });
});

describe('SMART launcher entries and write settings (issue 12 items 1 and 2)', () => {
  const launcher = {
    name: 'SMART launcher',
    smartLauncher: 'https://launch.smarthealthit.org/',
    clientId: 'ldn',
    scopeVersion: 'v2',
    standalone: true,
  };

  it('adds a standalone launcher entry the parser accepts, lists it, refuses a second one and removes it', () => {
    const added = addClient(start(), { ...launcher, write: 'fallback', writeDetectedIssue: 'off' }, FILE);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const parsed = parseAllowList(added.value, FILE);
    expect(parsed.ok && parsed.value.clients[0]).toEqual({
      name: 'SMART launcher',
      smartLauncher: 'https://launch.smarthealthit.org',
      clientId: 'ldn',
      scopeVersion: 'v2',
      standalone: true,
      write: 'fallback',
      writeDetectedIssue: 'off',
    });
    if (parsed.ok) {
      expect(formatAllowList(parsed.value, FILE)[1]).toBe(
        '  SMART launcher: SMART launcher https://launch.smarthealthit.org (its R4 bases, any launch options), client id ldn, scopes v2, standalone, order write fallback, DetectedIssue write off',
      );
    }
    const again = addClient(added.value, { ...launcher, smartLauncher: 'https://launch.smarthealthit.org' }, FILE);
    expect(!again.ok && problemLines(again.error)).toContain(
      'already has an entry for the launcher https://launch.smarthealthit.org',
    );
    const removed = removeClient(added.value, 'https://launch.smarthealthit.org', FILE);
    expect(removed.ok && removed.value.clients).toEqual([]);
  });

  it('adds the reads setting (issue 14 item 1), lists it, and refuses anything but parallel or batch', () => {
    const rest = { name: 'Hospital EHR', clientId: 'ldn', scopeVersion: 'v2' };
    const added = addClient(start(), { ...rest, iss: 'https://ehr.example.org/fhir', reads: 'batch' }, FILE);
    expect(added.ok).toBe(true);
    const parsed = added.ok ? parseAllowList(added.value, FILE) : undefined;
    expect(parsed?.ok && parsed.value.clients[0]?.reads).toBe('batch');
    if (parsed?.ok) expect(formatAllowList(parsed.value, FILE)[1]).toContain('chart read in one batch');
    const bad = addClient(start(), { ...rest, iss: 'https://ehr.example.org/fhir', reads: 'fast' }, FILE);
    expect(!bad.ok && problemLines(bad.error)).toContain('--reads must be parallel or batch, not "fast"');
  });

  it('refuses a bad write setting and a launcher URL with dot segments', () => {
    const bad = addClient(start(), { ...launcher, write: 'sometimes' }, FILE);
    expect(!bad.ok && problemLines(bad.error)).toContain('--write must be on, off or fallback, not "sometimes"');
    const dots = addClient(start(), { ...launcher, smartLauncher: 'https://launch.smarthealthit.org/a/../' }, FILE);
    expect(dots.ok).toBe(false);
  });
});
