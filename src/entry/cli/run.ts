/**
 * Shared plumbing for the command-line tools: the I/O a command uses (`CliIo`: output writers, environment,
 * working directory, the stop request), one catch that turns a thrown problem into a single line and an exit code
 * (never a stack trace), file arguments resolved against the directory npm was started from, and the entry check
 * that runs a command only when its file is the process entry.
 *
 * Why an `io` parameter: each command exports `main(argv, io)`, which the tests call in process (a spawned `tsx`
 * costs 0.5 to 3 s per call on the shared 2-core machine; issue 14 item 5); one test per command still runs it as
 * a real process (tests/cli/support.ts).
 */
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a command reads from and writes to, instead of the `process` global. */
export interface CliIo {
  /** Writes text to standard output (as given: the command adds its own newlines). */
  stdout: (text: string) => void;
  /** Writes text to standard error. */
  stderr: (text: string) => void;
  /** The environment; `INIT_CWD` is where `npm run` was started. */
  env: Readonly<Record<string, string | undefined>>;
  /** The working directory (used when `INIT_CWD` is not set). */
  cwd: string;
  /** Resolves when the command is asked to stop (SIGINT or SIGTERM for a process): ends `cds-service`. */
  stopRequested: () => Promise<void>;
}

/** A command: its resolved number is the exit code. */
export type CliMain = (argv: string[], io: CliIo) => Promise<number>;

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
export function resolveCliPath(io: CliIo, path: string): string {
  return resolve(io.env.INIT_CWD ?? io.cwd, path);
}

/** The repository root (three levels above src/entry/cli). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** package.json version, for software_version. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/**
 * Wraps a command's body: a CliError (or node:util parseArgs's ERR_PARSE_ARGS_* errors) prints one line and
 * exits with its code; anything else is a bug, still printed as one line without a stack trace (exit 1).
 */
export function cliMain(name: string, usage: string, body: CliMain): CliMain {
  return async (argv, io) => {
    try {
      return await body(argv, io);
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      const message = e instanceof Error ? e.message : String(e);
      if (e instanceof CliError) {
        io.stderr(`${name}: ${message}\n`);
        return e.exitCode;
      }
      if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
        io.stderr(`${name}: ${message}\n${usage}\n`);
        return 2;
      }
      io.stderr(`${name}: unexpected error: ${message}\n`);
      return 1;
    }
  };
}

/** The real process's I/O. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    stopRequested: () =>
      new Promise<void>((done) => {
        process.once('SIGINT', () => done());
        process.once('SIGTERM', () => done());
      }),
  };
}

/**
 * Whether the module at `moduleUrl` is the file the process was started with (`tsx src/entry/cli/plan.ts`), so
 * importing a command (tests, benches) never runs it. Both sides are real paths: a linked script still counts.
 */
export function isProcessEntry(moduleUrl: string): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** Runs `main` with the process's arguments and I/O when `moduleUrl` is the process entry; sets the exit code. */
export function runIfEntry(moduleUrl: string, main: CliMain): void {
  if (!isProcessEntry(moduleUrl)) return;
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
