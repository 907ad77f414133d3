/**
 * The one bounded request-body reader of the project's Node servers: the CDS Hooks service (src/edge/cds) and the
 * sandbox (sandbox/http.ts). A body is never kept past its limit (bounded input), and the client still gets an
 * answer: the rest of an oversized body is drained, not buffered, so the caller can write its 413, with
 * `connection: close` so the upload ends with that answer.
 */
import type { IncomingMessage } from 'node:http';

/** A request body over its limit (by its Content-Length, or as it arrived): answer 413. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

/** The whole request body as UTF-8 text, at most `limit` bytes; rejects with BodyTooLarge past it. */
export function readBoundedBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume(); // drained, never kept: the 413 can still be written
    return Promise.reject(new BodyTooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size <= limit) {
        chunks.push(c);
        return;
      }
      req.off('data', onData);
      chunks.length = 0;
      req.resume();
      reject(new BodyTooLarge(limit));
    };
    req.on('data', onData);
    req.on('end', () => {
      if (size <= limit) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
