/**
 * An advisory lock around a read-modify-write of one file, for `npm run clients`.
 *
 * Why: every `clients add` reads the allow-list, adds an entry and writes the file back; twenty run in parallel
 * (a provisioning script) left eleven entries, because each wrote over the others' edits (issue 10 item 6). The
 * lock is a sibling file `<file>.lock` created with O_CREAT|O_EXCL (`wx`), which the file system grants to exactly
 * one process; the others retry with a short random pause until a deadline. The lock file holds the owner's pid,
 * so a lock left by a process that died is recognised and taken over; an old lock (past `staleMs`) is too.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { resolveWriteTarget } from './node-atomic-file.ts';

export interface LockOptions {
  /** Give up after this long (default 10 s) with an error whose code is ELOCKED. */
  timeoutMs?: number;
  /** A lock older than this is considered abandoned (default 30 s; an edit takes milliseconds). */
  staleMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether an existing lock file was left behind (owner gone, or too old). Unreadable means "not yet written". */
function isStale(lockPath: string, staleMs: number): boolean {
  try {
    const [pid] = readFileSync(lockPath, 'utf8').split(' ');
    const age = Date.now() - statSync(lockPath).mtimeMs;
    if (age > staleMs) return true;
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 && !alive(n);
  } catch {
    return false;
  }
}

/**
 * Runs `fn` while holding the lock for `path` (a link is locked at the file it points to, so two names for one
 * file share one lock). The lock is released however `fn` ends.
 */
export async function withFileLock<T>(path: string, fn: () => T | Promise<T>, options: LockOptions = {}): Promise<T> {
  const lockPath = `${resolveWriteTarget(path)}.lock`;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const staleMs = options.staleMs ?? 30_000;
  const token = `${process.pid} ${randomUUID()}`;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      try {
        writeSync(fd, token);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (isStale(lockPath, staleMs)) {
      rmSync(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw Object.assign(new Error(`${lockPath} is held by another edit`), { code: 'ELOCKED' });
    }
    await sleep(5 + Math.random() * 25);
  }
  try {
    return await fn();
  } finally {
    // Remove only our own lock (never one a later owner took over after ours was judged stale).
    try {
      if (readFileSync(lockPath, 'utf8') === token) rmSync(lockPath, { force: true });
    } catch {
      /* already gone */
    }
  }
}
