/**
 * `npm run clients` on temporary files (its main in process; the parallel adds as real processes, since the lock
 * is between processes): add, list, remove, refusals, and atomic writes.
 */
import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/adapters/node-atomic-file.ts';
import { withFileLock } from '../../src/adapters/node-file-lock.ts';
import { parseAllowList } from '../../src/core/smart/allow-list.ts';
import { main } from '../../src/entry/cli/clients.ts';
import { asProcess, inProcess } from './support.ts';

/** Relative --file paths resolve against INIT_CWD, as under `npm run`. */
const clients = (args: string[], cwd: string) => inProcess(main, args, { cwd: '/', env: { INIT_CWD: cwd } });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ldn-clients-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const epicArgs = [
  '--name',
  'Epic sandbox',
  '--iss',
  'https://fhir.epic.example/R4',
  '--client-id',
  'abc',
  '--scope-version',
  'v2',
];

describe('npm run clients', () => {
  it('add creates the file (relative --file resolved against INIT_CWD), list shows it, remove empties it', async () => {
    const added = await clients(['add', ...epicArgs, '--standalone', '--file', 'smart-clients.json'], dir);
    expect(added).toMatchObject({ code: 0, stdout: 'added Epic sandbox to smart-clients.json\n' });
    const json: unknown = JSON.parse(readFileSync(join(dir, 'smart-clients.json'), 'utf8'));
    const parsed = parseAllowList(json, 'f');
    expect(parsed.ok && parsed.value.clients[0]).toEqual({
      name: 'Epic sandbox',
      iss: 'https://fhir.epic.example/R4',
      clientId: 'abc',
      scopeVersion: 'v2',
      standalone: true,
    });

    const listed = await clients(['list', '--file', 'smart-clients.json'], dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(
      'Epic sandbox: iss https://fhir.epic.example/R4, client id abc, scopes v2, standalone',
    );

    const removed = await clients(
      ['remove', '--iss', 'https://fhir.epic.example/R4', '--file', 'smart-clients.json'],
      dir,
    );
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
    const r = await clients(
      [
        'add',
        '--name',
        'x',
        '--iss',
        'http://ehr.example.org/fhir',
        '--client-id',
        'c',
        '--scope-version',
        'v1',
        '--file',
        'f.json',
      ],
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'clients: not added:\n--iss "http://ehr.example.org/fhir" must use https (http is accepted only for localhost)\n',
    );
  });

  it('refuses to edit a file that is already invalid, printing its errors', async () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({ clients: [{ name: 'x', iss: 'https://a.example.org', clientId: '', scopeVersion: 'v1' }] }),
    );
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
    expect(r.stdout).toMatch(
      /^Content-Security-Policy: default-src 'self'; .*connect-src 'self' https:\/\/fhir\.epic\.example https:\/\/auth\.example\.org;/,
    );
    expect((await clients(['csp', '--file', 'f.json', '--connect', 'https://auth.example.org/token'], dir)).code).toBe(
      2,
    );
  });

  it('twenty parallel adds (real processes) leave twenty entries and no lock file', async () => {
    const runs = Array.from({ length: 20 }, (_, i) =>
      asProcess(
        'clients',
        [
          'add',
          '--name',
          `EHR ${i}`,
          '--iss',
          `https://ehr${i}.example.org/fhir`,
          '--client-id',
          `c${i}`,
          '--scope-version',
          'v2',
          '--file',
          'f.json',
        ],
        { cwd: dir, env: { INIT_CWD: dir }, loaderOnly: true },
      ),
    );
    const results = await Promise.all(runs);
    expect(results.map((r) => r.code)).toEqual(Array(20).fill(0));
    const names = (JSON.parse(readFileSync(join(dir, 'f.json'), 'utf8')).clients as Array<{ name: string }>)
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(Array.from({ length: 20 }, (_, i) => `EHR ${i}`).sort());
    expect(readdirSync(dir)).toEqual(['f.json']);
  }, 60_000);

  it('writes through a symbolic link: the link stays a link and the file it points to gets the entry', async () => {
    mkdirSync(join(dir, 'real'));
    await clients(['add', ...epicArgs, '--file', 'real/clients.json'], dir);
    symlinkSync('real/clients.json', join(dir, 'served.json'));
    const r = await clients(
      [
        'add',
        '--name',
        'Other',
        '--iss',
        'https://other.example.org/fhir',
        '--client-id',
        'o',
        '--scope-version',
        'v1',
        '--file',
        'served.json',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'served.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'real/clients.json'), 'utf8')).clients).toHaveLength(2);
    expect(readdirSync(join(dir, 'real'))).toEqual(['clients.json']);
  });

  it('add --smart-launcher --standalone --write fallback: one entry for every launcher option set', async () => {
    const r = await clients(
      [
        'add',
        '--name',
        'SMART launcher',
        '--smart-launcher',
        'https://launch.smarthealthit.org',
        '--client-id',
        'ldn',
        '--scope-version',
        'v2',
        '--standalone',
        '--write',
        'fallback',
        '--file',
        'f.json',
      ],
      dir,
    );
    expect(r).toMatchObject({ code: 0, stdout: 'added SMART launcher to f.json\n' });
    const listed = await clients(['list', '--file', 'f.json'], dir);
    expect(listed.stdout).toContain(
      'SMART launcher https://launch.smarthealthit.org (its R4 bases, any launch options), client id ldn, scopes v2, standalone, order write fallback',
    );
    const bad = await clients(
      [
        'add',
        '--name',
        'x',
        '--iss-prefix',
        'https://t.example.org/',
        '--client-id',
        'c',
        '--scope-version',
        'v2',
        '--standalone',
        '--file',
        'f.json',
      ],
      dir,
    );
    expect(bad.stderr).toContain('--standalone needs an exact --iss or --smart-launcher');
    expect(
      (await clients(['remove', '--smart-launcher', 'https://launch.smarthealthit.org/', '--file', 'f.json'], dir))
        .code,
    ).toBe(0);
  });

  it('the repository allow-list validates', async () => {
    const r = await clients(['list'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^public\/smart-clients.json: \d+ issuer/);
  });
});

describe('withFileLock', () => {
  it("serialises edits, gives up with ELOCKED while another holds the lock, and takes over a dead owner's lock", async () => {
    const path = join(dir, 'x.json');
    writeFileSync(path, '0');
    let release: () => void = () => undefined;
    const held = withFileLock(path, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 20));
    await expect(withFileLock(path, () => 'never', { timeoutMs: 100 })).rejects.toMatchObject({ code: 'ELOCKED' });
    release();
    await held;
    expect(readdirSync(dir)).toEqual(['x.json']);
    // A lock left by a process that no longer exists (pid far above pid_max) is taken over.
    writeFileSync(`${path}.lock`, '4194399 left-behind');
    expect(await withFileLock(path, () => 'ran', { timeoutMs: 100 })).toBe('ran');
    expect(readdirSync(dir)).toEqual(['x.json']);
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

  it('follows a chain of links (also a dangling one) and keeps the permission bits', () => {
    writeFileSync(join(dir, 'real.json'), 'old', { mode: 0o640 });
    symlinkSync('real.json', join(dir, 'link1'));
    symlinkSync('link1', join(dir, 'link2'));
    writeFileAtomic(join(dir, 'link2'), 'new');
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toBe('new');
    expect(lstatSync(join(dir, 'link2')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'real.json')).mode & 0o777).toBe(0o640);
    symlinkSync('not-yet.json', join(dir, 'dangling'));
    writeFileAtomic(join(dir, 'dangling'), 'made');
    expect(readFileSync(join(dir, 'not-yet.json'), 'utf8')).toBe('made');
    expect(lstatSync(join(dir, 'dangling')).isSymbolicLink()).toBe(true);
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
