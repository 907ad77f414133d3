/**
 * `npm run registration -- --base-url URL [--json] [--scope-version v1|v2] [--logo-uri URL]`: what to enter when
 * registering the app deployed at URL (the same content as the registration page).
 */
import { parseArgs } from 'node:util';
import { CliError, cliMain, packageVersion, runIfEntry, usageError, type CliIo } from './run.ts';
import { formatRegistrationText } from '../../core/registration/format.ts';
import { buildRegistration } from '../../core/registration/registration.ts';
import { describeProblem } from './strings.ts';

const USAGE =
  'usage: npm run registration -- --base-url <deployed app URL> [--json] [--scope-version v1|v2] [--logo-uri URL]';

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      'base-url': { type: 'string' },
      json: { type: 'boolean' },
      'scope-version': { type: 'string' },
      'logo-uri': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values['base-url'] === undefined) throw usageError('--base-url is required', USAGE);
  const scopeVersion = values['scope-version'] ?? 'v2';
  if (scopeVersion !== 'v1' && scopeVersion !== 'v2')
    throw usageError(`--scope-version must be v1 or v2, not "${scopeVersion}"`, USAGE);
  const built = buildRegistration({
    baseUrl: values['base-url'],
    version: packageVersion(),
    scopeVersion,
    ...(values['logo-uri'] !== undefined ? { logoUri: values['logo-uri'] } : {}),
  });
  if (!built.ok) throw new CliError(describeProblem(built.error));
  io.stdout(
    values.json
      ? `${JSON.stringify(built.value.clientMetadata, null, 2)}\n`
      : `${formatRegistrationText(built.value).join('\n')}\n`,
  );
  return 0;
}

/** The command, for the process entry below and for tests in process. */
export const main = cliMain('registration', USAGE, run);

runIfEntry(import.meta.url, main);
