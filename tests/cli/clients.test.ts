/** `npm run clients` end to end on temporary files: add, list, remove, refusals, and atomic writes. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/adapters/node-atomic-file.ts';
import { parseAllowList } from '../../src/core/smart/allow-list.ts';

const root = resolve(import.meta.dirname, '..', '..');
const tsx = resolve(root, 'node_modules', '.bin', 'tsx');

async function clients(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [resolve(root, 'src/entry/cli/clients.ts'), ...args], {
      cwd,
      env: { ...process.env, INIT_CWD: cwd },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ldn-clients-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const epicArgs = ['--name', 'Epic sandbox', '--iss', 'https://fhir.epic.example/R4', '--client-id', 'abc', '--scope-version', 'v2'];

describe('npm run clients', { timeout: 60_000 }, () => {
  it('add creates the file (relative --file resolved against INIT_CWD), list shows it, remove empties it', async () => {
    const added = await clients(['add', ...epicArgs, '--standalone', '--file', 'smart-clients.json'], dir);
    expect(added).toMatchObject({ code: 0, stdout: 'added Epic sandbox to smart-clients.json\n' });
    const json: unknown = JSON.parse(readFileSync(join(dir, 'smart-clients.json'), 'utf8'));
    const parsed = parseAllowList(json, 'f');
    expect(parsed.ok && parsed.value.clients[0]).toEqual({ name: 'Epic sandbox', iss: 'https://fhir.epic.example/R4', clientId: 'abc', scopeVersion: 'v2', standalone: true });

    const listed = await clients(['list', '--file', 'smart-clients.json'], dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Epic sandbox: iss https://fhir.epic.example/R4, client id abc, scopes v2, standalone');

    const removed = await clients(['remove', '--iss', 'https://fhir.epic.example/R4', '--file', 'smart-clients.json'], dir);
    expect(removed.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'smart-clients.json'), 'utf8')).clients).toEqual([]);
    expect(readdirSync(dir)).toEqual(['smart-clients.json']);
  });

  it('refuses a duplicate and leaves the file as it was', async () => {
    await clients(['add', ...epicArgs, '--file', 'f.json'], dir);
    const before = readFileSync(join(dir, 'f.json'), 'utf8');
    const again = await clients(['add', ...epicArgs, '--file', 'f.json'], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already has an entry for https://fhir.epic.example/R4');
    expect(readFileSync(join(dir, 'f.json'), 'utf8')).toBe(before);
  });

  it('refuses a bad URL with one line and no stack trace', async () => {
    const r = await clients(['add', '--name', 'x', '--iss', 'http://ehr.example.org/fhir', '--client-id', 'c', '--scope-version', 'v1', '--file', 'f.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('clients: not added:\n--iss "http://ehr.example.org/fhir" must use https (http is accepted only for localhost)\n');
  });

  it('refuses to edit a file that is already invalid, printing its errors', async () => {
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ clients: [{ name: 'x', iss: 'https://a.example.org', clientId: '', scopeVersion: 'v1' }] }));
    const before = readFileSync(join(dir, 'bad.json'), 'utf8');
    const r = await clients(['add', ...epicArgs, '--file', 'bad.json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.json is invalid; fix it by hand first');
    expect(r.stderr).toContain('bad.json: clients[0].clientId must be a non-empty string');
    expect(readFileSync(join(dir, 'bad.json'), 'utf8')).toBe(before);
    const list = await clients(['list', '--file', 'bad.json'], dir);
    expect(list.code).toBe(1);
  });

  it('usage errors exit 2: unknown flag, unknown command, missing field', async () => {
    expect((await clients(['list', '--frobnicate'], dir)).code).toBe(2);
    expect((await clients(['rename'], dir)).stderr).toContain('unknown command "rename"');
    expect((await clients(['add', '--name', 'x', '--file', 'f.json'], dir)).stderr).toContain('add needs --client-id');
  });

  it('remove of an unknown iss fails cleanly', async () => {
    await clients(['add', ...epicArgs, '--file', 'f.json'], dir);
    const r = await clients(['remove', '--iss', 'https://other.example.org/fhir', '--file', 'f.json'], dir);
    expect(r).toMatchObject({ code: 1, stderr: 'clients: f.json has no entry for https://other.example.org/fhir\n' });
  });

  it('csp prints the header with connect-src from the file and refuses a non-origin', async () => {
    await clients(['add', ...epicArgs, '--file', 'f.json'], dir);
    const r = await clients(['csp', '--file', 'f.json', '--connect', 'https://auth.example.org'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Content-Security-Policy: default-src 'self'; .*connect-src 'self' https:\/\/fhir\.epic\.example https:\/\/auth\.example\.org;/);
    expect((await clients(['csp', '--file', 'f.json', '--connect', 'https://auth.example.org/token'], dir)).code).toBe(2);
  });

  it('the repository allow-list validates', async () => {
    const r = await clients(['list'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^public\/smart-clients.json: \d+ issuer/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temporary file', () => {
    const path = join(dir, 'a.json');
    writeFileSync(path, 'old');
    writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('when the rename fails the target is untouched and the temporary file is removed', () => {
    const path = join(dir, 'target');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
    expect(() => writeFileAtomic(path, 'new')).toThrow();
    expect(readFileSync(join(path, 'inside'), 'utf8')).toBe('x');
    expect(readdirSync(dir)).toEqual(['target']);
  });
});
