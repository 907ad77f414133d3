/**
 * Atomic file replacement: the new content goes to a temporary file in the same directory (same file system, so
 * rename is atomic on POSIX), is flushed to disk with fsync, then renamed over the target. A crash at any point
 * leaves either the old file or the new one, never a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Replaces `path` with `content` atomically. Throws the file system's error (the caller words it). */
export function writeFileAtomic(path: string, content: string): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  // Persist the rename itself (the directory entry); not possible on every platform, so best effort.
  try {
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    /* directories cannot be opened for fsync on some platforms */
  }
}
