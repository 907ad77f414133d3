/** The shared command plumbing (src/entry/cli/run.ts): how a thrown problem becomes one line and an exit code. */
import { describe, expect, it } from 'vitest';
import { CliError, cliMain, isProcessEntry, resolveCliPath, usageError } from '../../src/entry/cli/run.ts';
import { inProcess, memoryIo } from './support.ts';

const USAGE = 'usage: npm run demo -- FILE';

describe('cliMain', () => {
  it('returns the body’s exit code and leaves stderr empty', async () => {
    const main = cliMain('demo', USAGE, async (argv, io) => {
      io.stdout(`${argv.join(' ')}\n`);
      return 3;
    });
    expect(await inProcess(main, ['a', 'b'])).toEqual({ code: 3, stdout: 'a b\n', stderr: '' });
  });

  it('prints a CliError as one line with its exit code, a usage error with the usage (exit 2)', async () => {
    const refused = cliMain('demo', USAGE, () => Promise.reject(new CliError('not usable')));
    expect(await inProcess(refused, [])).toEqual({ code: 1, stdout: '', stderr: 'demo: not usable\n' });
    const usage = cliMain('demo', USAGE, () => Promise.reject(usageError('give a file', USAGE)));
    expect(await inProcess(usage, [])).toEqual({ code: 2, stdout: '', stderr: `demo: give a file\n${USAGE}\n` });
  });

  it('prints a parseArgs error with the usage (exit 2) and a bug as one line without a stack trace (exit 1)', async () => {
    const parse = cliMain('demo', USAGE, () =>
      Promise.reject(Object.assign(new TypeError("Unknown option '--x'"), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' })),
    );
    expect(await inProcess(parse, [])).toEqual({
      code: 2,
      stdout: '',
      stderr: `demo: Unknown option '--x'\n${USAGE}\n`,
    });
    const bug = cliMain('demo', USAGE, () => Promise.reject(new Error('boom')));
    expect(await inProcess(bug, [])).toEqual({ code: 1, stdout: '', stderr: 'demo: unexpected error: boom\n' });
  });
});

describe('resolveCliPath and isProcessEntry', () => {
  it('resolves against INIT_CWD (where npm run was started), else the working directory', () => {
    expect(resolveCliPath(memoryIo({ cwd: '/work', env: { INIT_CWD: '/home/me' } }).io, 'a.json')).toBe(
      '/home/me/a.json',
    );
    expect(resolveCliPath(memoryIo({ cwd: '/work' }).io, 'a.json')).toBe('/work/a.json');
  });

  it('says an imported command module is not the process entry (so importing it runs nothing)', () => {
    expect(isProcessEntry(new URL('../../src/entry/cli/plan.ts', import.meta.url).href)).toBe(false);
  });
});
