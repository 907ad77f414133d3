/**
 * Bounded reading of a JSON input file for the command-line tools (`assess`).
 *
 * Why: `readFileSync` reads whatever it is given. A 200 MB bundle ended in an out-of-memory crash, `/dev/zero`
 * (a character device with no size) grew without end, and a 10,000-deep nesting made the assessment recurse into
 * "Maximum call stack size exceeded" (issue 10, item 6). This reader refuses each of these with a clear message
 * before anything is parsed: the size is checked from `fstat` for regular files and counted while reading for
 * anything else (pipes, devices), the nesting depth is counted in one linear pass, and a UTF-8 byte order mark
 * (which Windows editors write and RFC 8259 section 8.1 lets parsers ignore) is accepted.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Default size cap: 64 MiB, far above a single patient's `$everything` yet far below what exhausts the heap. */
export const DEFAULT_MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Default nesting cap. FHIR R4 resources nest a dozen levels at most (Bundle > entry > resource > contained >
 * extension > value...); 256 leaves ample room and stays far below the depth that overflows the stack.
 */
export const DEFAULT_MAX_JSON_DEPTH = 256;

/** What went wrong, as data (the caller words the exit). */
export type InputProblem =
  | { kind: 'unreadable'; code?: string }
  | { kind: 'too-large'; limitBytes: number; sizeBytes?: number }
  | { kind: 'not-utf8' }
  | { kind: 'not-json' }
  | { kind: 'too-deep'; limit: number };

export type ReadJsonResult = { ok: true; value: unknown } | { ok: false; problem: InputProblem };

export interface ReadLimits {
  maxBytes?: number;
  maxDepth?: number;
}

const CHUNK = 1024 * 1024;

/**
 * Reads at most `maxBytes` from `path`; answers `too-large` as soon as one byte more exists. Works for regular
 * files (refused from their size before reading), pipes and character devices such as /dev/zero.
 */
export function readBoundedBytes(
  path: string,
  maxBytes: number,
): { ok: true; bytes: Buffer } | { ok: false; problem: InputProblem } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problem: { kind: 'unreadable', ...(code ? { code } : {}) } };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, problem: { kind: 'unreadable', code: 'EISDIR' } };
    if (stat.isFile() && stat.size > maxBytes)
      return { ok: false, problem: { kind: 'too-large', limitBytes: maxBytes, sizeBytes: stat.size } };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // Read up to one byte past the limit, so "exactly at the limit" is accepted and "one more" is refused.
      const want = Math.min(CHUNK, maxBytes + 1 - total);
      const buffer = Buffer.allocUnsafe(want);
      const n = readSync(fd, buffer, 0, want, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return { ok: false, problem: { kind: 'too-large', limitBytes: maxBytes } };
      chunks.push(n === want ? buffer : buffer.subarray(0, n));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problem: { kind: 'unreadable', ...(code ? { code } : {}) } };
  } finally {
    closeSync(fd);
  }
}

/**
 * The deepest nesting of arrays and objects in a JSON text, counted outside strings, stopping early once `limit`
 * is passed. Linear in the text; never recurses.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Reads, decodes (UTF-8, BOM accepted) and parses a JSON file within the limits. */
export function readJsonFileBounded(path: string, limits: ReadLimits = {}): ReadJsonResult {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  const read = readBoundedBytes(path, maxBytes);
  if (!read.ok) return read;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(read.bytes);
  } catch {
    return { ok: false, problem: { kind: 'not-utf8' } };
  }
  if (jsonDepthExceeds(text, maxDepth)) return { ok: false, problem: { kind: 'too-deep', limit: maxDepth } };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: { kind: 'not-json' } };
  }
}
