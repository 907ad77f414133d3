/**
 * `npm run assess -- FILE [--now YYYY-MM-DD] [--text]`: assess a FHIR Bundle for low-dose naltrexone.
 * Prints the Assessment as JSON, each cited source once in a top-level `sources` table (assess-json.ts), or a
 * short summary with --text. Exit 0 when an assessment was produced (even an
 * incomplete one); exit 2 with one line on stderr for unusable input (missing file, not JSON, not a Bundle).
 */
import { parseArgs } from 'node:util';
import { assess } from '../../core/assess/index.ts';
import { jsonReport } from './assess-json.ts';
import { textReport } from './assess-text.ts';
import { describeInputProblem, describeProblem } from './strings.ts';
import { bundleToChart } from '../../core/fhir/bundle-to-chart.ts';
import { DEFAULT_MAX_INPUT_BYTES, readJsonFileBounded } from '../../adapters/node-read-input.ts';
import { CliError, cliMain, resolveCliPath, runIfEntry, type CliIo } from './run.ts';

const USAGE = 'usage: npm run assess -- FILE [--now YYYY-MM-DD] [--text] [--max-size-mb N]';

/** Every refusal of the input is a usage problem: exit 2, one line, without the usage text. */
class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
  }
}

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
  if (positionals.length !== 1) throw new UsageError(USAGE);
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

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parse(argv);
  const path = resolveCliPath(io, args.file);
  // Bounded: size cap, nesting cap, BOM accepted (src/adapters/node-read-input.ts; issue 10 item 6).
  const read = readJsonFileBounded(path, { maxBytes: args.maxBytes });
  if (!read.ok) throw new UsageError(describeInputProblem(args.file, read.problem));
  const json = read.value;
  const chart = bundleToChart(json);
  if (!chart.ok) throw new UsageError(`${args.file}: ${describeProblem(chart.error)}`);
  const assessment = assess(chart.value, args.now);
  io.stdout(`${args.text ? textReport(assessment) : jsonReport(assessment)}\n`);
  return 0;
}

/** The command, for the process entry below and for tests in process. */
export const main = cliMain('assess', USAGE, run);

runIfEntry(import.meta.url, main);
