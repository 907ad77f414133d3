/**
 * `npm run assess -- FILE [--now YYYY-MM-DD] [--text]`: assess a FHIR Bundle for low-dose naltrexone.
 * Prints the Assessment as JSON, each cited source once in a top-level `sources` table (assess-json.ts), or a
 * short summary with --text. Exit 0 when an assessment was produced (even an
 * incomplete one); exit 2 with one line on stderr for unusable input (missing file, not JSON, not a Bundle).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { assess } from '../../core/assess/index.ts';
import { jsonReport } from './assess-json.ts';
import { textReport } from './assess-text.ts';
import { bundleToChart } from '../../core/fhir/bundle-to-chart.ts';
import { DEFAULT_MAX_INPUT_BYTES, describeInputProblem, readJsonFileBounded } from '../../adapters/node-read-input.ts';

class UsageError extends Error {}

function parse(argv: string[]): { file: string; now: string; text: boolean; maxBytes: number } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        now: { type: 'string' },
        text: { type: 'boolean', default: false },
        'max-size-mb': { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new UsageError('usage: npm run assess -- FILE [--now YYYY-MM-DD] [--text] [--max-size-mb N]');
  let maxBytes = DEFAULT_MAX_INPUT_BYTES;
  if (values['max-size-mb'] !== undefined) {
    const mb = Number(values['max-size-mb']);
    if (!/^\d+(\.\d+)?$/.test(values['max-size-mb']) || !(mb >= 1) || mb > 1024)
      throw new UsageError(
        `--max-size-mb must be a number of megabytes from 1 to 1024 (got "${values['max-size-mb']}")`,
      );
    maxBytes = Math.floor(mb * 1024 * 1024);
  }
  let now = new Date().toISOString();
  if (values.now !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.now) || Number.isNaN(Date.parse(`${values.now}T00:00:00Z`))) {
      throw new UsageError(`--now must be a date as YYYY-MM-DD (got "${values.now}")`);
    }
    now = `${values.now}T12:00:00Z`;
  }
  return { file: positionals[0] as string, now, text: values.text === true, maxBytes };
}

function main(): number {
  const args = parse(process.argv.slice(2));
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), args.file);
  // Bounded: size cap, nesting cap, BOM accepted (src/adapters/node-read-input.ts; issue 10 item 6).
  const read = readJsonFileBounded(path, { maxBytes: args.maxBytes });
  if (!read.ok) throw new UsageError(describeInputProblem(args.file, read.problem));
  const json = read.value;
  const chart = bundleToChart(json);
  if (!chart.ok) throw new UsageError(`${args.file}: ${chart.error}`);
  const assessment = assess(chart.value, args.now);
  process.stdout.write(`${args.text ? textReport(assessment) : jsonReport(assessment)}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`assess: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`assess: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
