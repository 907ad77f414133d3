/**
 * Same output check for assess() speed work (issue 14 item 1): runs the core of two checkouts on the same charts
 * and compares their Assessments as JSON, byte for byte. Charts: every synthetic patient and the large chart at
 * four dates, each assessed at each of those dates; random mixtures of all their resources; the bench charts
 * (bench/assess-chart.ts) of 100 to 10,000 records. Each root's core (src/core/assess/index.ts) is bundled with
 * esbuild, as bench/assess-cold.bench.ts does, so an old commit (a `git worktree add /tmp/base <commit>`) works
 * too; the charts always come from this checkout. Prints the number of charts that differ (and the first few
 * differences), exits 1 when any does. Not a test: the suites check behaviour, this checks sameness.
 *
 *   npx tsx bench/assess-compare.ts --root /tmp/base [--root .]
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Resource } from 'fhir/r4';
import { bundleToChart } from '../src/core/fhir/bundle-to-chart.ts';
import { largeChartPatient, syntheticPatients, type SyntheticPatient } from '../fixtures/patients.ts';
import { BENCH_NOW, buildBenchChart } from './assess-chart.ts';

interface Core {
  assess(chart: unknown, now: string): unknown;
}

const { values: flags } = parseArgs({ options: { root: { type: 'string', multiple: true } }, strict: true });
const here = resolve(import.meta.dirname, '..');
const roots = (flags.root ?? []).map((r) => resolve(r));
if (roots.length === 1) roots.push(here);
if (roots.length !== 2) throw new Error('usage: npx tsx bench/assess-compare.ts --root A [--root B]');
const out = mkdtempSync(join(tmpdir(), 'assess-compare-'));

async function loadCore(root: string, i: number): Promise<Core> {
  const file = join(out, `core-${i}.mjs`);
  await build({
    entryPoints: [join(root, 'src', 'core', 'assess', 'index.ts')],
    outfile: file,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'es2022',
    logLevel: 'error',
  });
  return (await import(pathToFileURL(file).href)) as Core;
}

const [a, b] = [await loadCore(roots[0]!, 0), await loadCore(roots[1]!, 1)];

const searchset = (patient: SyntheticPatient, resources: readonly Resource[]): unknown => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [patient.patient, ...resources].map((resource) => ({ resource })),
});

/** [name, chart, now]: deterministic, so two runs compare the same charts. */
function charts(): [string, unknown, string][] {
  const list: [string, unknown, string][] = [];
  const nows = ['2026-03-15T10:00:00Z', '2026-03-20T10:00:00Z', '2026-04-30T00:00:00Z', '2025-12-01T00:00:00Z'];
  let seed = 12345;
  const random = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (const now of nows) {
    const patients = [...syntheticPatients(new Date(now)), largeChartPatient(new Date(now))];
    for (const p of patients) {
      const read = bundleToChart(searchset(p, p.resources));
      if (read.ok) for (const at of nows) list.push([`${p.key} built ${now}, assessed ${at}`, read.value, at]);
    }
    const all = patients.flatMap((p) => p.resources);
    for (let k = 0; k < 60; k++) {
      const read = bundleToChart(
        searchset(
          patients[0]!,
          all.filter(() => random() < 0.08),
        ),
      );
      if (read.ok) list.push([`mixture ${k} at ${now}`, read.value, now]);
    }
  }
  for (const n of [100, 1000, 3000, 10_000]) list.push([`bench chart ${n}`, buildBenchChart(n, n / 2), BENCH_NOW]);
  return list;
}

let differ = 0;
const hash = createHash('sha256');
const all = charts();
for (const [name, chart, now] of all) {
  const x = JSON.stringify(a.assess(chart, now));
  const y = JSON.stringify(b.assess(chart, now));
  hash.update(x);
  if (x === y) continue;
  differ++;
  if (differ > 4) continue;
  let i = 0;
  while (x[i] === y[i]) i++;
  console.log(
    `${name} differs at ${i}:\n  ${roots[0]}: ...${x.slice(i - 80, i + 120)}\n  ${roots[1]}: ...${y.slice(i - 80, i + 120)}`,
  );
}
console.log(`${all.length} charts, ${differ} differ (output hash ${hash.digest('hex').slice(0, 16)})`);
rmSync(out, { recursive: true, force: true });
if (differ) process.exitCode = 1;
