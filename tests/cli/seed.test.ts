/**
 * `npm run seed` (its main in process; once as a real process) against the sandbox EHR's open endpoint: the first run creates the patients, the second creates
 * nothing (resource counts unchanged), launch links are printed; a protected server's refusals are reported per
 * resource with exit 1; an unreachable server is one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPatients } from '../../fixtures/patients.ts';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { main } from '../../src/entry/cli/seed.ts';
import { asProcess, inProcess } from './support.ts';

const seed = (args: string[]) => inProcess(main, args);

async function counts(base: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  // Only the types being seeded: each count is a scan of that type in the sandbox.
  const types = [...new Set(seeded.flatMap((p) => [p.patient, ...p.resources].map((r) => r.resourceType)))];
  for (const type of types) {
    const res = await fetch(`${base}/${type}?_summary=count`, { headers: { accept: 'application/fhir+json' } });
    out[type] = ((await res.json()) as { total: number }).total;
  }
  return out;
}

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appDir: null, quiet: true });
  await sandbox.ready;
}, 180_000);
afterAll(async () => {
  await sandbox?.close();
});

// One patient keeps the run short: the sandbox answers each conditional create with an identifier search over
// every resource of the type (its large chart included), seconds each.
const N = 1;
const seeded = syntheticPatients(new Date('2026-06-01T12:00:00Z')).slice(0, N);
const resourcesPerRun = seeded.reduce((n, p) => n + 1 + p.resources.length, 0);

describe('npm run seed', { timeout: 240_000 }, () => {
  it('seeds the open endpoint, and a second run creates nothing', async () => {
    const before = await counts(sandbox.openFhirBase);
    const app = `${sandbox.origin}/app/`;
    const first = await seed([
      '--fhir',
      sandbox.openFhirBase,
      '--patients',
      String(N),
      '--now',
      '2026-06-01',
      '--app-url',
      app,
    ]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(
      `Seeded ${N} patient(s) into ${sandbox.openFhirBase}: ${resourcesPerRun} created, 0 already there, 0 failed or skipped`,
    );
    const ids = [...first.stdout.matchAll(/^(ldn-[a-z0-9-]+): Patient\/(\S+) /gm)].map((m) => [m[1], m[2]]);
    expect(ids.map(([key]) => key)).toEqual(seeded.map((p) => p.key));
    for (const [, id] of ids) {
      expect(first.stdout).toContain(
        `  launch: ${app}launch/?fhirServiceUrl=${encodeURIComponent(sandbox.openFhirBase)}&patientId=${id}`,
      );
    }
    const afterFirst = await counts(sandbox.openFhirBase);
    expect(afterFirst.Patient).toBe((before.Patient ?? 0) + N);

    const second = await seed(['--fhir', sandbox.openFhirBase, '--patients', String(N), '--now', '2026-06-01']);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toContain(`0 created, ${resourcesPerRun} already there, 0 failed or skipped`);
    expect(await counts(sandbox.openFhirBase)).toEqual(afterFirst);
    // The same server ids both times.
    expect([...second.stdout.matchAll(/^(ldn-[a-z0-9-]+): Patient\/(\S+) /gm)].map((m) => [m[1], m[2]])).toEqual(ids);
  });

  it('the protected base refuses without a token: each resource reported, exit 1 (as a real process)', async () => {
    const r = await asProcess('seed', ['--fhir', sandbox.fhirBase, '--patients', '1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/failed Patient\/ldn-fibromyalgia: .*401/);
    expect(r.stdout).toMatch(/skipped Condition\/\S+: not sent: it refers to Patient\/ldn-fibromyalgia, which failed/);
  });

  it('an unreachable server: one line, exit 1', async () => {
    const r = await seed(['--fhir', 'http://127.0.0.1:9/fhir']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'seed: http://127.0.0.1:9/fhir: not a reachable FHIR server: metadata: port blocked by fetch (a reserved port such as 9 or 25)\n',
    );
  });

  it('usage errors exit 2', async () => {
    const runs = await Promise.all(
      [
        [],
        ['--fhir', 'nope'],
        ['--fhir', sandbox.openFhirBase, '--patients', '0'],
        ['--fhir', sandbox.openFhirBase, '--now', '2026-13-45'],
      ].map((a) => seed(a)),
    );
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
