/**
 * Running a command-line tool in a test: `inProcess` calls the command's exported `main(argv, io)` with in-memory
 * output (milliseconds), `asProcess` starts it for real through tsx, as `npm run` does (0.5 to 3 s on the shared
 * machine). Each command keeps one `asProcess` test, for the exit code and output of the real process; every other
 * case runs in process (issue 14 item 5).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIo, CliMain } from '../../src/entry/cli/run.ts';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

/** What a run of a command gave. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Working directory (default: the repository root). */
  cwd?: string;
  /** Environment variables on top of the test's own (asProcess) or instead of them (inProcess). */
  env?: Record<string, string>;
  /**
   * asProcess only: start `node --import tsx` (one process) instead of the tsx command (a node process that starts
   * a second one), for tests that start many processes and are about what happens between them, not the launcher.
   */
  loaderOnly?: boolean;
}

/** In-memory I/O. */
export function memoryIo(options: RunOptions = {}): { io: CliIo; output: () => Omit<CliRun, 'code'> } {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      env: { ...options.env },
      cwd: options.cwd ?? ROOT,
      // Never asked to stop: only cds-service waits for it, and tests/edge/cds/cli.test.ts runs that as a process.
      stopRequested: () => new Promise<void>(() => undefined),
    },
    output: () => ({ stdout, stderr }),
  };
}

/** Runs a command's `main` in this process. */
export async function inProcess(main: CliMain, argv: string[], options: RunOptions = {}): Promise<CliRun> {
  const { io, output } = memoryIo(options);
  const code = await main(argv, io);
  return { code, ...output() };
}

/** Runs `src/entry/cli/<command>.ts` as a child process through tsx, as `npm run <command>` does. */
export function asProcess(command: string, argv: string[], options: RunOptions = {}): Promise<CliRun> {
  const script = resolve(ROOT, 'src/entry/cli', `${command}.ts`);
  const [file, args] = options.loaderOnly
    ? [
        process.execPath,
        ['--import', pathToFileURL(resolve(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, script, ...argv],
      ]
    : [resolve(ROOT, 'node_modules', '.bin', 'tsx'), [script, ...argv]];
  return new Promise((done) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, ...options.env },
        timeout: 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
