/**
 * `npm run clients -- add|list|remove [--file PATH]`: edits the issuer allow-list (default public/smart-clients.json;
 * deployers point --file at the deployed copy). Refuses to touch a file that is already invalid.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../adapters/node-atomic-file.ts';
import { withFileLock } from '../../adapters/node-file-lock.ts';
import { CliError, type CliIo, cliMain, repoRoot, resolveCliPath, runIfEntry, usageError } from './run.ts';
import { cspForAllowList } from '../../core/registration/csp.ts';
import { checkServerUrl } from '../../ui/strings-url.ts';
import {
  addClient,
  emptyAllowListJson,
  formatAllowList,
  readAllowListText,
  removeClient,
} from '../../core/registration/clients-file.ts';
import { problemLines } from './strings.ts';

const USAGE = [
  'usage: npm run clients -- add --name N (--iss URL | --iss-prefix URL | --smart-launcher URL) --client-id ID --scope-version v1|v2',
  '         [--redirect-uri URL] [--standalone] [--write on|off|fallback] [--write-detected-issue on|off|fallback] [--reads parallel|batch] [--file PATH]',
  '       npm run clients -- list [--file PATH]',
  '       npm run clients -- csp [--file PATH] [--connect ORIGIN]... [--frame-ancestor ORIGIN]...',
  '       npm run clients -- remove (--iss URL | --iss-prefix URL | --smart-launcher URL) [--file PATH]',
].join('\n');

function load(path: string, display: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${display}: ${(e as { code?: string }).code ?? String(e)}`);
  }
  const parsed = readAllowListText(text, display);
  if (!parsed.ok) throw new CliError(`${display} is invalid; fix it by hand first:\n${problemLines(parsed.error)}`);
  return parsed.value;
}

function save(path: string, display: string, json: Record<string, unknown>): void {
  try {
    writeFileAtomic(path, `${JSON.stringify(json, null, 2)}\n`);
  } catch (e) {
    throw new CliError(`cannot write ${display}: ${(e as { code?: string }).code ?? String(e)}`);
  }
}

/**
 * Read, edit and write under the file's lock, so parallel edits each see the previous one (issue 10 item 6:
 * twenty parallel adds used to leave eleven).
 */
async function edit(path: string, display: string, change: () => void): Promise<void> {
  try {
    await withFileLock(path, change);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'ELOCKED')
      throw new CliError(
        `${display} is being edited by another \`clients\` command (lock file ${display}.lock); try again, or remove the lock file if no edit is running`,
      );
    throw new CliError(`cannot lock ${display}: ${code ?? String(e)}`);
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      file: { type: 'string' },
      name: { type: 'string' },
      iss: { type: 'string' },
      'iss-prefix': { type: 'string' },
      'smart-launcher': { type: 'string' },
      write: { type: 'string' },
      'write-detected-issue': { type: 'string' },
      reads: { type: 'string' },
      'client-id': { type: 'string' },
      'scope-version': { type: 'string' },
      'redirect-uri': { type: 'string' },
      standalone: { type: 'boolean' },
      connect: { type: 'string', multiple: true },
      'frame-ancestor': { type: 'string', multiple: true },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (rest.length) throw usageError(`unexpected argument "${rest[0]}"`, USAGE);
  const path = values.file !== undefined ? resolveCliPath(io, values.file) : `${repoRoot}/public/smart-clients.json`;
  const display = values.file ?? 'public/smart-clients.json';

  if (command === 'list') {
    const { list } = load(path, display);
    io.stdout(`${formatAllowList(list, display).join('\n')}\n`);
    return 0;
  }
  if (command === 'csp') {
    const { list } = load(path, display);
    for (const origin of [...(values.connect ?? []), ...(values['frame-ancestor'] ?? [])]) {
      const problem = checkServerUrl(origin);
      if (problem || new URL(origin).origin !== origin.replace(/\/$/, ''))
        throw new CliError(
          `"${origin}" must be an origin like https://auth.example.org${problem ? ` (${problem})` : ''}`,
          2,
        );
    }
    const policy = cspForAllowList(list, {
      extraConnect: values.connect ?? [],
      frameAncestors: values['frame-ancestor'] ?? [],
    });
    io.stdout(`Content-Security-Policy: ${policy}\n`);
    return 0;
  }
  if (command === 'add') {
    for (const flag of ['name', 'client-id', 'scope-version'] as const) {
      if (values[flag] === undefined) throw usageError(`add needs --${flag}`, USAGE);
    }
    await edit(path, display, () => {
      const json = existsSync(path) ? load(path, display).json : emptyAllowListJson();
      const next = addClient(
        json,
        {
          name: values.name ?? '',
          clientId: values['client-id'] ?? '',
          scopeVersion: values['scope-version'] ?? '',
          ...(values.iss !== undefined ? { iss: values.iss } : {}),
          ...(values['iss-prefix'] !== undefined ? { issPrefix: values['iss-prefix'] } : {}),
          ...(values['smart-launcher'] !== undefined ? { smartLauncher: values['smart-launcher'] } : {}),
          ...(values.write !== undefined ? { write: values.write } : {}),
          ...(values['write-detected-issue'] !== undefined
            ? { writeDetectedIssue: values['write-detected-issue'] }
            : {}),
          ...(values.reads !== undefined ? { reads: values.reads } : {}),
          ...(values['redirect-uri'] !== undefined ? { redirectUri: values['redirect-uri'] } : {}),
          ...(values.standalone ? { standalone: true } : {}),
        },
        display,
      );
      if (!next.ok) throw new CliError(`not added:\n${problemLines(next.error)}`);
      save(path, display, next.value);
    });
    io.stdout(`added ${values.name ?? ''} to ${display}\n`);
    return 0;
  }
  if (command === 'remove') {
    const given = [values.iss, values['iss-prefix'], values['smart-launcher']].filter((v) => v !== undefined);
    const target = given[0];
    if (target === undefined || given.length !== 1) {
      throw usageError('remove needs exactly one of --iss, --iss-prefix or --smart-launcher', USAGE);
    }
    await edit(path, display, () => {
      const { json } = load(path, display);
      const next = removeClient(json, target, display);
      if (!next.ok) throw new CliError(problemLines(next.error));
      save(path, display, next.value);
    });
    io.stdout(`removed ${target} from ${display}\n`);
    return 0;
  }
  throw usageError(command === undefined ? 'give a command' : `unknown command "${command}"`, USAGE);
}

/** The command, for the process entry below and for tests in process. */
export const main = cliMain('clients', USAGE, run);

runIfEntry(import.meta.url, main);
