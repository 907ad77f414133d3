/**
 * Atomic file replacement: the new content goes to a temporary file in the same directory (same file system, so
 * rename is atomic on POSIX), is flushed to disk with fsync, then renamed over the target. A crash at any point
 * leaves either the old file or the new one, never a half-written file.
 *
 * A symbolic link is written through: deployers often link the served smart-clients.json to a file kept elsewhere,
 * and renaming over the link would silently replace it by a plain file (issue 10 item 6), so the rename targets
 * the file the link points to. The new file keeps the old file's permission bits.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** Links followed at most (as the kernel's ELOOP limit). */
const MAX_LINKS = 40;

/**
 * The path a write to `path` should replace: `path` itself, or the final target of its chain of symbolic links
 * (also when that target does not exist yet, so a dangling link is filled rather than replaced).
 */
export function resolveWriteTarget(path: string): string {
  let current = resolve(path);
  for (let i = 0; i < MAX_LINKS; i++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw e;
    }
    if (!isLink) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP' });
}

/** Replaces `path` (or the file it links to) with `content` atomically. Throws the file system's error. */
export function writeFileAtomic(path: string, content: string): void {
  const target = resolveWriteTarget(path);
  const dir = dirname(target);
  let mode = 0o644;
  try {
    mode = statSync(target).mode & 0o777;
  } catch {
    /* a new file */
  }
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', mode);
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
    renameSync(temp, target);
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
