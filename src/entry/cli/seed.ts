/**
 * `npm run seed -- --fhir URL [--patients N] [--now YYYY-MM-DD] [--large] [--app-url URL] [--timeout ms]`:
 * loads the synthetic patients into an open FHIR server, idempotently (src/edge/seed.ts).
 * Exit codes: 0 everything created or found, 1 a resource failed or the server is unusable, 2 usage error.
 */
import { parseArgs } from 'node:util';
import { largeChartPatient, syntheticPatients } from '../../../fixtures/patients.ts';
import { CliError, type CliIo, cliMain, runIfEntry, usageError } from './run.ts';
import { createNodeFhirHttp } from '../../adapters/node-fhir-http.ts';
import { fetchJson } from '../../edge/server-check.ts';
import { failureText } from '../../core/server/strings.ts';
import { openLaunchUrl, seedPatients, type SeedPatientResult } from '../../edge/seed.ts';
import { stripTrailingSlashes } from '../../core/fhir/systems.ts';
import { seedProblemWords } from './strings.ts';

const USAGE =
  'usage: npm run seed -- --fhir <open FHIR base URL> [--patients N] [--now YYYY-MM-DD] [--large] [--app-url URL] [--timeout ms]';

function httpUrl(value: string, flag: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value;
  } catch {
    /* reported below */
  }
  throw new CliError(`${flag} "${value}" is not an http(s) URL`, 2);
}

function summarise(r: SeedPatientResult, fhir: string, appUrl: string | undefined): string[] {
  const count = (o: string) => r.resources.filter((x) => x.outcome === o).length;
  const lines = [
    `${r.key}: ${r.patientId ? `Patient/${r.patientId}` : 'Patient not created'} (${count('created')} created, ${count('existing')} already there${
      count('failed') + count('skipped') ? `, ${count('failed')} failed, ${count('skipped')} skipped` : ''
    })`,
  ];
  if (r.patientId && appUrl) lines.push(`  launch: ${openLaunchUrl(appUrl, fhir, r.patientId)}`);
  for (const x of r.resources)
    if (x.problem) lines.push(`  ${x.outcome} ${x.fixtureRef}: ${seedProblemWords(x.problem)}`);
  return lines;
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      fhir: { type: 'string' },
      patients: { type: 'string' },
      now: { type: 'string' },
      large: { type: 'boolean' },
      'app-url': { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  void positionals;
  if (values.fhir === undefined) throw usageError('--fhir is required', USAGE);
  const fhir = stripTrailingSlashes(httpUrl(values.fhir, '--fhir'));
  const appUrl = values['app-url'] === undefined ? undefined : httpUrl(values['app-url'], '--app-url');
  let now = new Date();
  if (values.now !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.now) || Number.isNaN(Date.parse(`${values.now}T12:00:00Z`))) {
      throw usageError(`--now must be a date YYYY-MM-DD, not "${values.now}"`, USAGE);
    }
    now = new Date(`${values.now}T12:00:00Z`);
  }
  const all = syntheticPatients(now);
  let count = all.length;
  if (values.patients !== undefined) {
    count = Number(values.patients);
    if (!Number.isInteger(count) || count < 1 || count > all.length)
      throw usageError(`--patients must be a whole number from 1 to ${all.length}`, USAGE);
  }
  const timeoutMs = values.timeout === undefined ? 60_000 : Number(values.timeout);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
    throw usageError('--timeout must be a positive number of milliseconds', USAGE);
  const patients = [...all.slice(0, count), ...(values.large ? [largeChartPatient(now)] : [])];

  const http = createNodeFhirHttp(fhir, { timeoutMs });
  // One line for an unusable server, instead of one failure per resource.
  const metadata = await fetchJson(http, 'metadata');
  if (metadata.kind === 'error')
    throw new CliError(`${fhir}: not a reachable FHIR server: metadata: ${failureText(metadata.failure)}`);

  let failed = 0;
  const results = await seedPatients(http, patients, {
    onPatient: (r) => {
      failed += r.resources.filter((x) => x.outcome === 'failed' || x.outcome === 'skipped').length;
      io.stdout(`${summarise(r, fhir, appUrl).join('\n')}\n`);
    },
  });
  const total = (o: string) => results.reduce((n, r) => n + r.resources.filter((x) => x.outcome === o).length, 0);
  io.stdout(
    `Seeded ${results.length} patient(s) into ${fhir}: ${total('created')} created, ${total('existing')} already there, ${failed} failed or skipped\n`,
  );
  return failed ? 1 : 0;
}

/** The command, for the process entry below and for tests in process. */
export const main = cliMain('seed', USAGE, run);

runIfEntry(import.meta.url, main);
