/**
 * `npm run check-server` (its main in process; once as a real process): against the sandbox EHR (SMART base and open base), and failing cleanly
 * (one line, no stack trace) on a closed port, a blocked port, an HTML page, a silent server and bad arguments.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import type { ServerReport } from '../../src/core/server/types.ts';
import { main } from '../../src/entry/cli/check-server.ts';
import { asProcess, inProcess } from './support.ts';

const checkServer = (args: string[]) => inProcess(main, args);

/** A port with nothing listening: bind to port 0, note the port, close. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as { port: number };
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

const oneCleanLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
};

let sandbox: SandboxHandle;
let silent: Server;
let silentPort = 0;
const sockets = new Set<import('node:net').Socket>();
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appDir: null, quiet: true });
  // Accepts connections and never answers: the timeout path.
  silent = createServer((socket) => sockets.add(socket));
  await new Promise<void>((ok) => silent.listen(0, '127.0.0.1', ok));
  silentPort = (silent.address() as { port: number }).port;
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((ok) => silent.close(() => ok()));
}, 30_000);

describe('npm run check-server', { timeout: 60_000 }, () => {
  it('the sandbox SMART base: every item listed, verdict full, exit 0', async () => {
    const r = await checkServer([sandbox.fhirBase]);
    // Printed for the record (the closing note shows this output).
    console.log(r.stdout);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Server: ${sandbox.fhirBase}`);
    for (const line of [
      'ok       FHIR version R4 (4.0.x): fhirVersion 4.0.1',
      'ok       SMART EHR launch (launch-ehr)',
      'ok       PKCE S256: S256 declared, plain not offered',
      'ok       SMART scope versions: declares v1 and v2',
      'ok       _include MedicationRequest:medication',
      'ok       create MedicationRequest',
      'ok       create DetectedIssue',
      'ok       conditional create (If-None-Exist)',
    ]) {
      expect(r.stdout).toContain(line);
    }
    expect(r.stdout).toMatch(/^Verdict: full \(/m);
  });

  it('the sandbox open base as JSON: open read ok, no SMART, verdict full', async () => {
    const r = await checkServer([sandbox.openFhirBase, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ServerReport;
    expect(report).toMatchObject({ verdict: 'full', smart: false, openRead: true, baseUrl: sandbox.openFhirBase });
    expect(report.items.find((i) => i.id === 'smart-discovery')?.status).toBe('missing');
  });

  it('a closed port: one line, exit 1 (as a real process)', async () => {
    const port = await closedPort();
    const r = await asProcess('check-server', [`http://127.0.0.1:${port}/fhir`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `check-server: http://127.0.0.1:${port}/fhir: not usable: metadata: connection refused (nothing listens on that port)\n`,
    );
    expect(r.stdout).toBe('');
  });

  it('port 9 (blocked by fetch): one line, exit 1', async () => {
    const r = await checkServer(['http://127.0.0.1:9/']);
    expect(r.code).toBe(1);
    oneCleanLine(r.stderr);
    expect(r.stderr).toContain('port blocked by fetch');
  });

  it('a web page instead of a FHIR base: one line about HTML, exit 1', async () => {
    const r = await checkServer([sandbox.origin]);
    expect(r.code).toBe(1);
    oneCleanLine(r.stderr);
    expect(r.stderr).toMatch(/HTML/);
  });

  it('a server that never answers: timed out after --timeout, exit 1', async () => {
    const r = await checkServer([`http://127.0.0.1:${silentPort}/fhir`, '--timeout', '300']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `check-server: http://127.0.0.1:${silentPort}/fhir: not usable: metadata: timed out (no answer within the timeout)\n`,
    );
  });

  it('usage errors exit 2 without a stack trace', async () => {
    const runs = await Promise.all(
      [
        [],
        ['not a url'],
        ['ftp://example.org/'],
        [sandbox.fhirBase, '--timeout', 'soon'],
        [sandbox.fhirBase, '--verbose'],
      ].map((args) => checkServer(args)),
    );
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

/** Whether the openssl command is there to make a self-signed certificate (no key is kept in the repository). */
function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const openssl = hasOpenssl();
if (!openssl) console.warn('[check-server test] openssl not found: the TLS error test is SKIPPED');

describe.skipIf(!openssl)('npm run check-server on a TLS failure', { timeout: 60_000 }, () => {
  it('a self-signed certificate: one line naming the TLS error, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ldn-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          join(dir, 'k.pem'),
          '-out',
          join(dir, 'c.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
        ],
        { stdio: 'ignore' },
      );
      const server = createHttpsServer(
        { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) },
        (_req, res) => res.end('{}'),
      );
      await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
      const { port } = server.address() as { port: number };
      try {
        const r = await checkServer([`https://localhost:${port}/fhir`]);
        expect(r.code).toBe(1);
        expect(r.stderr).toBe(
          `check-server: https://localhost:${port}/fhir: not usable: metadata: TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)\n`,
        );
      } finally {
        server.closeAllConnections();
        await new Promise<void>((ok) => server.close(() => ok()));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
