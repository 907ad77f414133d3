/**
 * `npm run cds-feedback -- [--file cds-feedback.jsonl] [--since YYYY-MM-DD] [--json]`: the pharmacist's review of
 * the CDS feedback store: per card topic how many cards were issued, accepted and overridden, the override reasons,
 * and each override with its comment. Reads the append-only JSONL file; never writes it.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CliError, cliMain, resolveCliPath, runIfEntry, type CliIo } from './run.ts';
import { summariseFeedback, formatFeedbackSummary } from '../../edge/cds/feedback-review.ts';

const USAGE = 'usage: npm run cds-feedback -- [--file cds-feedback.jsonl] [--since YYYY-MM-DD] [--json]';

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      file: { type: 'string', default: 'cds-feedback.jsonl' },
      since: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.since && !/^\d{4}-\d{2}-\d{2}$/.test(values.since))
    throw new CliError(`--since must be YYYY-MM-DD\n${USAGE}`, 2);
  let text: string;
  try {
    text = await readFile(resolveCliPath(io, values.file), 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${values.file}: ${(e as { code?: string }).code ?? String(e)}`);
  }
  const summary = summariseFeedback(text, values.since);
  io.stdout(values.json ? `${JSON.stringify(summary, null, 2)}\n` : formatFeedbackSummary(summary));
  return 0;
}

/** The command, for the process entry below and for tests in process. */
export const main = cliMain('cds-feedback', USAGE, run);

runIfEntry(import.meta.url, main);
