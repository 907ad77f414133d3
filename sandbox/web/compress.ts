/**
 * Compressed delivery for the sandbox (issue 12 item 5): brotli or gzip chosen from the request's
 * Accept-Encoding (RFC 9110 section 12.5.3, q-values, "q=0" refuses), with `Vary: Accept-Encoding` so caches keep
 * the variants apart. Static files are compressed once at the highest setting and kept in a bounded cache keyed by
 * path, size and modification time (a rebuild invalidates them); dynamic answers (FHIR JSON) are compressed on the
 * fly at a fast setting. Small bodies and already-compressed types are sent as they are.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { send } from '../http.ts';

export type Encoding = 'br' | 'gzip';

/** Below this, compression saves less than the headers it adds. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^(text\/|application\/(json|fhir\+json|javascript|manifest\+json)|image\/svg\+xml)/;

/** The encoding to use for this Accept-Encoding header: brotli if accepted, else gzip, else none. */
export function negotiateEncoding(acceptEncoding: string | string[] | undefined): Encoding | undefined {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const weight = (name: Encoding) => q.get(name) ?? (q.has('*') ? (q.get('*') ?? 0) : 0);
  const br = weight('br');
  const gzip = weight('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return undefined;
}

/** Whether a body of this type and size is worth compressing. */
export function compressible(contentType: string | undefined, bytes: number): boolean {
  return bytes >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(contentType ?? '');
}

/** Compresses at the given effort: 'max' for cached static files, 'fast' for per-request bodies. */
export function compress(body: Buffer, encoding: Encoding, effort: 'max' | 'fast'): Buffer {
  if (encoding === 'br') {
    const quality = effort === 'max' ? constants.BROTLI_MAX_QUALITY : 4;
    return brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
  }
  return gzipSync(body, { level: effort === 'max' ? 9 : 6 });
}

/** A bounded cache of compressed static files (oldest out first), by total bytes. */
export class CompressedCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}
  /** The compressed body for `key` (path, size, mtime and encoding), compressing on a miss. */
  get(key: string, make: () => Buffer): Buffer {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const made = make();
    this.entries.set(key, made);
    this.bytes += made.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes || k === key) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
    return made;
  }
  get size(): number {
    return this.entries.size;
  }
}

/**
 * Sends `body`, compressed when the client accepts it and it is worth it; adds Vary either way for compressible
 * types. `cached` gives a cache key for static content (compressed once at maximum effort).
 */
export function sendNegotiated(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
  cached?: { cache: CompressedCache; key: string },
): void {
  const raw = typeof body === 'string' ? Buffer.from(body) : body;
  const type = headers['content-type'];
  if (!compressible(type, raw.length) || status === 204 || status === 304) return send(res, status, raw, headers);
  const encoding = negotiateEncoding(req.headers['accept-encoding']);
  const vary = { vary: 'accept-encoding' };
  if (!encoding) return send(res, status, raw, { ...headers, ...vary });
  const out = cached
    ? cached.cache.get(`${encoding}:${cached.key}`, () => compress(raw, encoding, 'max'))
    : compress(raw, encoding, 'fast');
  send(res, status, out, { ...headers, ...vary, 'content-encoding': encoding });
}
