/**
 * `npm run bench:cds`: latency of the CDS Hooks service per hook, 20 concurrent requests on loopback, with full
 * prefetch (the CDS synthetic patients), each with its own signed JWT (signed before timing: signing is the EHR's
 * cost). The service runs in this process on node:http, as `npm run cds-service` does. Prints median and p95 per
 * hook and the throughput, then the median of calls made one at a time (the service time without queueing);
 * target: median under 50 ms at 20 concurrent. Figures only, no assertions.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createCdsHandler, memoryStore } from '../src/edge/cds/index.ts';
import { cdsPatient, DRAFTS, hookBody, prefetchOf } from '../tests/edge/cds/requests.ts';

const CONCURRENCY = 20;
const REQUESTS = 400;
const WARMUP = 60;
const SEQUENTIAL = 50;
const ISS = 'https://bench-ehr.example';

async function main(): Promise<void> {
  const { privateKey, publicKey } = await generateKeyPair('ES384');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES384' }] };
  const server = createServer();
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handler = createCdsHandler({
    baseUrl: base,
    clients: [{ iss: ISS, jwks }],
    feedback: memoryStore(),
    appLaunchUrl: 'https://app.example/launch/',
  });
  server.on('request', (req, res) => void handler(req, res));

  const onLdn = cdsPatient('ldn-cds-on-ldn-opioid-order');
  const onOpioid = cdsPatient('ldn-cds-on-opioid-ldn-order');
  const cases = [
    {
      name: 'order-select (oxycodone, patient on LDN: 1 critical card)',
      id: 'ldn-order-select',
      body: hookBody('order-select', onLdn.id, [DRAFTS.oxycodone(onLdn.id)], prefetchOf(onLdn)),
    },
    {
      name: 'order-sign (LDN, patient on tramadol: 1 critical card)',
      id: 'ldn-order-sign',
      body: hookBody('order-sign', onOpioid.id, [DRAFTS.ldn(onOpioid.id)], prefetchOf(onOpioid)),
    },
    {
      name: 'patient-view (patient on LDN: no card)',
      id: 'ldn-patient-view',
      body: hookBody('patient-view', onLdn.id, [], prefetchOf(onLdn)),
    },
  ];

  const sign = (aud: string) => {
    const iat = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: ISS, aud, iat, exp: iat + 300, jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES384', kid: 'bench' })
      .sign(privateKey);
  };

  console.log(
    `CDS Hooks service latency: ${REQUESTS} requests per hook, ${CONCURRENCY} concurrent, loopback, full prefetch`,
  );
  console.log(
    `machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const c of cases) {
    const url = `${base}/cds-services/${c.id}`;
    const payload = JSON.stringify(c.body);
    const tokens = await Promise.all(Array.from({ length: REQUESTS + WARMUP }, () => sign(url)));
    let next = 0;
    const times: number[] = [];
    let cards = -1;
    const once = async (token: string): Promise<number> => {
      const t = performance.now();
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: payload,
      });
      const out = (await res.json()) as { cards?: unknown[] };
      if (res.status !== 200) throw new Error(`${c.id} answered ${res.status}`);
      cards = out.cards?.length ?? -1;
      return performance.now() - t;
    };
    const worker = async (record: boolean, limit: number) => {
      while (next < limit) {
        const ms = await once(tokens[next++]!);
        if (record) times.push(ms);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(false, WARMUP)));
    const started = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(true, WARMUP + REQUESTS)));
    const wall = performance.now() - started;
    // One at a time: the service time of a call without queueing behind the others.
    const alone: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++) alone.push(await once(await sign(url)));
    const q = (xs: number[], p: number) =>
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
    console.log(
      `${c.name.padEnd(58)} median ${q(times, 0.5).toFixed(1)} ms  p95 ${q(times, 0.95).toFixed(1)} ms  max ${q(times, 1).toFixed(1)} ms  ${(REQUESTS / (wall / 1000)).toFixed(0)} req/s` +
        `  | one at a time: median ${q(alone, 0.5).toFixed(1)} ms  (${cards} card(s), ${(payload.length / 1024).toFixed(1)} KB request)`,
    );
  }
  await new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done())));
}

main().catch((e: unknown) => {
  console.error(`bench:cds: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
