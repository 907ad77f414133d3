/**
 * Size of the `assess` command's JSON for a large bundle (issue 14 item 1): prints figures, asserts nothing.
 * Writes a synthetic searchset Bundle of about 50 MB (bench/assess-chart.ts: medication records and Conditions from
 * the factories) to a temporary file, then for each checkout given (`--root`, default this one) reads it as the
 * command does, assesses it and prints the size of the JSON that checkout prints (its jsonReport, or the plain
 * two-space JSON.stringify of checkouts before src/entry/cli/assess-json.ts).
 *   npx tsx bench/assess-json.bench.ts [--root /tmp/base --root .] [--records 60000]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_NOW, buildBenchChart } from './assess-chart.ts';

const { values: flags } = parseArgs({
  options: { root: { type: 'string', multiple: true }, records: { type: 'string', default: '60000' } },
  strict: true,
});
const here = resolve(import.meta.dirname, '..');
const roots = (flags.root?.length ? flags.root : [here]).map((r) => resolve(r));
const meds = Number(flags.records);
const MB = 1024 * 1024;

const chart = buildBenchChart(meds, Math.floor(meds / 2));
const resources = [
  ...chart.medicationRequests,
  ...chart.medicationStatements,
  ...chart.medicationDispenses,
  ...chart.medicationAdministrations,
  ...chart.medications,
  ...chart.conditions,
];
const dir = mkdtempSync(join(tmpdir(), 'assess-json-'));
const file = join(dir, 'bundle.json');
writeFileSync(
  file,
  JSON.stringify(
    { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) },
    null,
    1,
  ),
);
console.log(`bundle: ${resources.length.toLocaleString('en')} resources, ${(statSync(file).size / MB).toFixed(1)} MB`);

for (const root of roots) {
  const { assess } = (await import(
    join(root, 'src/core/assess/index.ts')
  )) as typeof import('../src/core/assess/index.ts');
  const { bundleToChart } = (await import(
    join(root, 'src/core/fhir/bundle-to-chart.ts')
  )) as typeof import('../src/core/fhir/bundle-to-chart.ts');
  const formatter = join(root, 'src/entry/cli/assess-json.ts');
  const report = existsSync(formatter)
    ? ((await import(formatter)) as typeof import('../src/entry/cli/assess-json.ts')).jsonReport
    : (a: unknown) => JSON.stringify(a, null, 2);
  const read = bundleToChart(JSON.parse(readFileSync(file, 'utf8')));
  if (!read.ok) throw new Error(read.error.code);
  const a = assess(read.value, BENCH_NOW);
  const out = `${report(a)}\n`;
  const entries = a.conflicts.reduce((n, c) => n + (c.entries?.length ?? 1), 0);
  console.log(
    `  ${root}: JSON ${(Buffer.byteLength(out) / MB).toFixed(2)} MB (${a.candidacy.length} candidacy entries, ${a.conflicts.length} findings over ${entries} records)`,
  );
}
rmSync(dir, { recursive: true, force: true });
