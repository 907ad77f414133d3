/** `npm run registration` (its main in process, once as a process): text and RFC 7591 JSON for a base URL; bad base URLs refused. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/entry/cli/registration.ts';
import { rfc7591Problems } from '../core/registration/rfc7591.ts';
import { asProcess, inProcess, ROOT } from './support.ts';

const version = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const registration = (args: string[]) => inProcess(main, args);

describe('npm run registration', () => {
  it('--json prints RFC 7591 client metadata with the package version (as a real process)', async () => {
    const r = await asProcess('registration', ['--base-url', 'https://apps.example.org/ldn', '--json']);
    expect(r.code).toBe(0);
    const metadata: unknown = JSON.parse(r.stdout);
    expect(rfc7591Problems(metadata)).toEqual([]);
    expect(metadata).toMatchObject({
      redirect_uris: ['https://apps.example.org/ldn/', 'https://apps.example.org/ldn/index.html'],
      software_version: version,
    });
  }, 60_000);

  it('v1 scopes on request (Oracle Health)', async () => {
    const r = await registration(['--base-url', 'https://apps.example.org/', '--json', '--scope-version', 'v1']);
    expect((JSON.parse(r.stdout) as { scope: string }).scope).toContain('patient/MedicationRequest.write');
  });

  it('the text form has the launch URL, redirect URIs, scopes and capabilities', async () => {
    const r = await registration(['--base-url', 'http://localhost:8787/app/']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Launch URL: http://localhost:8787/app/launch/');
    expect(r.stdout).toContain('  http://localhost:8787/app/index.html');
    expect(r.stdout).toContain('patient/Condition.read | patient/Condition.rs: read charted conditions');
    expect(r.stdout).toContain('launch-ehr (required)');
  });

  it('refuses bad base URLs with one line (exit 1) and bad usage with exit 2', async () => {
    const [http, fragment, missing, version3] = await Promise.all([
      registration(['--base-url', 'http://apps.example.org/']),
      registration(['--base-url', 'https://apps.example.org/#/']),
      registration([]),
      registration(['--base-url', 'https://apps.example.org/', '--scope-version', 'v3']),
    ]);
    expect(http).toMatchObject({
      code: 1,
      stderr:
        'registration: base URL "http://apps.example.org/" must use https (http is accepted only for localhost)\n',
    });
    expect(fragment.code).toBe(1);
    expect(fragment.stderr).toMatch(/fragment/);
    expect(missing.code).toBe(2);
    expect(version3.code).toBe(2);
  });
});
