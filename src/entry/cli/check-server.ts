/**
 * `npm run check-server -- URL [--json] [--timeout ms]`: what the app can do on a FHIR server.
 * Exit codes: 0 usable (full, read-only or reported-only order), 1 not usable, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { createNodeFhirHttp } from '../../adapters/node-fhir-http.ts';
import { CliError, type CliIo, cliMain, runIfEntry, usageError } from './run.ts';
import { formatServerReport } from '../../core/server/format.ts';
import { checkServer } from '../../edge/server-check.ts';

const USAGE = 'usage: npm run check-server -- <FHIR base URL> [--json] [--timeout ms]';

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { json: { type: 'boolean' }, timeout: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw usageError('give exactly one FHIR base URL', USAGE);
  const url = positionals[0] ?? '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`"${url}" is not a URL (expected e.g. https://fhir.example.org/r4)`, 2);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new CliError(`"${url}" must be an http(s) URL`, 2);
  const timeoutMs = values.timeout === undefined ? 15_000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw usageError(`--timeout must be a positive number of milliseconds`, USAGE);

  const report = await checkServer(createNodeFhirHttp(url, { timeoutMs }));
  const usable = report.verdict !== 'not usable';
  if (values.json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return usable ? 0 : 1;
  }
  const metadata = report.items.find((i) => i.id === 'metadata');
  const nothingAnswered = metadata?.status === 'fails' && !report.smart && !report.openRead;
  if (nothingAnswered) {
    // Unreachable, not FHIR, HTML: one clear line rather than a table of failures.
    throw new CliError(`${report.baseUrl}: not usable: ${metadata.reason}`);
  }
  io.stdout(`${formatServerReport(report).join('\n')}\n`);
  return usable ? 0 : 1;
}

/** The command, for the process entry below and for tests in process. */
export const main = cliMain('check-server', USAGE, run);

runIfEntry(import.meta.url, main);
