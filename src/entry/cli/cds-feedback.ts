/**
 * `npm run cds-feedback -- [--file cds-feedback.jsonl] [--since YYYY-MM-DD] [--json]`: the pharmacist's review of
 * the CDS feedback store: per card topic how many cards were issued, accepted and overridden, the override reasons,
 * and each override with its comment. Reads the append-only JSONL file; never writes it.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CliError, resolveCliPath, runCli } from '../../adapters/node-cli.ts';
import { summariseFeedback, formatFeedbackSummary } from '../../edge/cds/feedback-review.ts';

const USAGE = 'usage: npm run cds-feedback -- [--file cds-feedback.jsonl] [--since YYYY-MM-DD] [--json]';

async function main(argv: string[]): Promise<number> {
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
    text = await readFile(resolveCliPath(values.file), 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${values.file}: ${(e as { code?: string }).code ?? String(e)}`);
  }
  const summary = summariseFeedback(text, values.since);
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : formatFeedbackSummary(summary));
  return 0;
}

runCli('cds-feedback', main, USAGE);
