/**
 * The bounded request-body reader (src/edge/http-body.ts) on a real node:http server: bodies up to the limit are
 * read whole; past it, by Content-Length or as a chunked upload arrives, the client still gets the 413 answer.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyTooLarge, readBoundedBody } from '../../src/edge/http-body.ts';

const LIMIT = 1024;
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    readBoundedBody(req, LIMIT).then(
      (text) => res.writeHead(200, { 'content-type': 'text/plain' }).end(`read ${Buffer.byteLength(text)}`),
      (e: unknown) => res.writeHead(e instanceof BodyTooLarge ? 413 : 500, { connection: 'close' }).end(String(e)),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** POSTs `parts` (chunked unless `length` is given) and resolves with the status and body of the answer. */
function post(parts: string[], length?: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = length === undefined ? {} : { 'content-length': String(length) };
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const p of parts) req.write(p);
    req.end();
  });
}

describe('readBoundedBody', () => {
  it('reads a body up to the limit whole, in UTF-8', async () => {
    expect(await post(['é'.repeat(LIMIT / 2)])).toEqual({ status: 200, body: `read ${LIMIT}` });
    expect(await post(['{"a":', '1}'], 7)).toEqual({ status: 200, body: 'read 7' });
  });

  it('answers 413 when the Content-Length is over the limit', async () => {
    const big = 'x'.repeat(LIMIT + 1);
    const res = await post([big], big.length);
    expect(res.status).toBe(413);
    expect(res.body).toContain(`over ${LIMIT} bytes`);
  });

  it('answers 413 to a chunked upload that grows past the limit, without keeping it', async () => {
    const res = await post(Array.from({ length: 64 }, () => 'y'.repeat(512)));
    expect(res.status).toBe(413);
  });
});
