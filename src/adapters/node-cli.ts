/**
 * Shared plumbing for the admin command-line tools: one top-level catch that prints a single line (never a stack
 * trace), file arguments resolved against the directory npm was started from, and the package version.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** An expected failure: printed as one line on stderr with the given exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Usage problems (unknown flag, missing argument) exit with 2. */
export const usageError = (message: string, usage: string) => new CliError(`${message}\n${usage}`, 2);

/** Resolves a file argument like npm users expect: relative to where they ran `npm run`. */
export function resolveCliPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

/** The repository root (two levels above src/adapters). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** package.json version, for software_version. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/**
 * Runs a command's main function: its resolved number is the exit code; a CliError (or node:util parseArgs's
 * ERR_PARSE_ARGS_* errors) prints one line; anything else is a bug, still printed without a stack trace.
 */
export function runCli(name: string, main: (argv: string[]) => Promise<number>, usage: string): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      const code = (e as { code?: unknown }).code;
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof CliError) {
        process.stderr.write(`${name}: ${message}\n`);
        process.exitCode = e.exitCode;
      } else if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
        process.stderr.write(`${name}: ${message}\n${usage}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`${name}: unexpected error: ${message}\n`);
        process.exitCode = 1;
      }
    },
  );
}
