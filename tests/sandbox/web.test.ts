/**
 * The sandbox's pages and the app hosting: launcher, EHR frame page, /launch, security headers and CSP, the app
 * served from appDir, and the generated smart-clients.json.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { syntheticPatients } from '../../fixtures/patients.ts';
import { findIssuer, parseAllowList } from '../../src/core/smart/allow-list.ts';
import { CompressedCache, negotiateEncoding } from '../../sandbox/web/compress.ts';
import { FAULT_KINDS, parseLaunchOptions } from '../../sandbox/auth/options.ts';
import { READ_TYPES } from '../../src/core/smart/scopes.ts';
import { clinicalDate } from '../../src/core/fhir/dates.ts';

let s: SandboxHandle;
let appDir: string;
const BIG_JS = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: "row ${i}" }`).join(',\n')}];\n`;

/** A raw GET (no automatic decompression), for what really crosses the wire. */
function rawGet(
  url: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  appDir = await mkdtemp(join(tmpdir(), 'ldn-sandbox-app-'));
  await mkdir(join(appDir, 'launch'));
  await mkdir(join(appDir, 'assets'));
  await writeFile(
    join(appDir, 'index.html'),
    '<!doctype html><title>app</title><script type="module" src="./assets/app.js"></script>',
  );
  await writeFile(join(appDir, 'launch', 'index.html'), '<!doctype html><title>launch</title>');
  await writeFile(join(appDir, 'assets', 'app.js'), 'export {};');
  await writeFile(join(appDir, 'assets', 'big-1a2b3c.js'), BIG_JS);
  s = await startSandbox({ port: 0, appDir, quiet: true });
}, 60_000);
afterAll(async () => {
  await s?.close();
  await rm(appDir, { recursive: true, force: true });
});

describe('launcher page', () => {
  it('lists every synthetic patient with its story, expected verdict and both EHR launch links', async () => {
    const res = await fetch(`${s.origin}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const p of [...syntheticPatients(), { key: 'ldn-large-chart' }]) {
      expect(html).toContain(`/ehr?patient=${p.key}"`);
      expect(html).toContain(`/launch?patient=${p.key}"`);
    }
    expect(html).toContain('not-recommended');
    expect(html).toContain('href="/app/launch/"');
    expect(html).toContain('<label for="opt-auth-error">');
  });

  it('has no inline script or style and sends a strict CSP with nosniff and no-referrer', async () => {
    const res = await fetch(`${s.origin}/`);
    const html = await res.text();
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('offers every fault kind on every type the app reads, each as the launch options take it', async () => {
    const html = await (await fetch(`${s.origin}/`)).text();
    const select = /<select id="opt-fault"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
    const offered = [...select.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1]!);
    expect(offered).toHaveLength(READ_TYPES.length * FAULT_KINDS.length);
    for (const type of ['AllergyIntolerance', 'ServiceRequest', 'Procedure', 'Appointment', 'Condition'])
      expect(select).toContain(`<optgroup label="${type}">`);
    for (const value of offered) expect(parseLaunchOptions(new URLSearchParams({ fhir_fault: value })).ok).toBe(true);
  });

  it('escapes what it shows (no raw markup from patient data)', async () => {
    const html = await (await fetch(`${s.origin}/`)).text();
    expect(html).not.toContain('<img');
  });
});

describe('/ehr and /launch', () => {
  it('renders a chart header and the app in an 800x600 frame with a title, launching without a banner', async () => {
    const html = await (await fetch(`${s.origin}/ehr?patient=ldn-pregnancy&fhir_fault=Condition:slow`)).text();
    expect(html).toContain('Amara Nwosu');
    // The header's date in the one clinical format, as in the app ("7 Dec 1990"), not as stored.
    const born = syntheticPatients().find((p) => p.key === 'ldn-pregnancy')!.patient.birthDate!;
    expect(html).toContain(`Born ${clinicalDate(born)}`);
    expect(html).not.toContain(`Born ${born}`);
    const frame = /<iframe[^>]*>/.exec(html)?.[0] ?? '';
    expect(frame).toContain('width="800"');
    expect(frame).toContain('height="600"');
    expect(frame).toMatch(/title="[^"]+"/);
    const src = new URL((/src="([^"]+)"/.exec(frame)?.[1] ?? '').replace(/&amp;/g, '&'), s.origin);
    expect(src.pathname).toBe('/launch');
    expect(src.searchParams.get('patient')).toBe('ldn-pregnancy');
    expect(src.searchParams.get('banner')).toBe('0');
    expect(src.searchParams.get('fhir_fault')).toBe('Condition:slow');
  });

  it('redirects /launch to the app launch page with iss and an opaque launch code', async () => {
    const res = await fetch(`${s.origin}/launch?patient=ldn-fibromyalgia`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location') ?? '', s.origin);
    expect(to.pathname).toBe('/app/launch/');
    expect(to.searchParams.get('iss')).toBe(s.fhirBase);
    expect(to.searchParams.get('launch')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(to.search).not.toContain('ldn-fibromyalgia');
  });

  it('accepts the launcher form as submitted with every option left empty', async () => {
    const res = await fetch(
      `${s.origin}/launch?patient=ldn-fibromyalgia&banner=&auth_error=&fhir_fault=&fhir_fault=&scope=`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(302);
    const ehr = await fetch(
      `${s.origin}/ehr?patient=ldn-fibromyalgia&banner=&auth_error=&fhir_fault=MedicationRequest:500&fhir_fault=Condition:slow&scope=`,
    );
    expect(await ehr.text()).toContain('fhir_fault=MedicationRequest%3A500%2CCondition%3Aslow');
  });

  it('answers 404 for an unknown patient', async () => {
    expect((await fetch(`${s.origin}/launch?patient=nobody`, { redirect: 'manual' })).status).toBe(404);
  });

  it('sends pages reached through 127.0.0.1 to the canonical localhost origin', async () => {
    const port = new URL(s.origin).port;
    const res = await fetch(`http://127.0.0.1:${port}/launch?patient=ldn-fibromyalgia`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${s.origin}/launch?patient=ldn-fibromyalgia`);
  });
});

describe('/app/', () => {
  const APP_CSP =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'";

  it('serves the built app with the strict CSP, nosniff and no-referrer', async () => {
    for (const path of ['/app/', '/app/launch/', '/app/assets/app.js']) {
      const res = await fetch(`${s.origin}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect((await fetch(`${s.origin}/app/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${s.origin}/app/launch`, { redirect: 'manual' })).headers.get('location')).toBe(
      '/app/launch/',
    );
  });

  it('refuses paths that escape the app directory', async () => {
    for (const path of ['/app/..%2f..%2fetc%2fpasswd', '/app/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await fetch(`${s.origin}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('generates smart-clients.json for its own origin, accepted by the app allow-list parser', async () => {
    const res = await fetch(`${s.origin}/app/smart-clients.json`);
    const parsed = parseAllowList(await res.json(), 'smart-clients.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const entry = findIssuer(parsed.value, s.fhirBase);
    expect(entry?.clientId).toBe('ldn-sandbox-app');
    expect(entry?.scopeVersion).toBe('v2');
    expect(entry?.standalone).toBe(true);
    expect(parsed.value.standalone.openServers.map((o) => o.fhirServiceUrl)).toEqual([s.openFhirBase]);
  });
});

describe('compressed delivery and caching (issue 12 item 5)', () => {
  it('serves a hashed asset as brotli, gzip or plain by Accept-Encoding, with Vary, long immutable caching and the same bytes', async () => {
    const url = `${s.origin}/app/assets/big-1a2b3c.js`;
    const br = await rawGet(url, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_JS);
    expect(br.body.length).toBeLessThan(BIG_JS.length / 3);
    const gz = await rawGet(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(BIG_JS);
    const plain = await rawGet(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_JS);
    expect(plain.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('HTML revalidates (no-cache), smart-clients.json is never cached, tiny files go uncompressed', async () => {
    expect((await rawGet(`${s.origin}/app/`, 'br')).headers['cache-control']).toBe('no-cache');
    expect((await rawGet(`${s.origin}/app/smart-clients.json`, 'br')).headers['cache-control']).toBe(
      'no-cache, no-store',
    );
    expect((await rawGet(`${s.origin}/app/assets/app.js`, 'br')).headers['content-encoding']).toBeUndefined();
  });

  it('compresses FHIR JSON answers too', async () => {
    const res = await rawGet(`${s.openFhirBase}/metadata`, 'gzip');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect((JSON.parse(gunzipSync(res.body).toString()) as { resourceType: string }).resourceType).toBe(
      'CapabilityStatement',
    );
  });

  it('negotiates by q-value: q=0 refuses, brotli preferred at equal weight, * counts', () => {
    expect(negotiateEncoding('gzip, br')).toBe('br');
    expect(negotiateEncoding('br;q=0, gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeUndefined();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('*;q=0')).toBeUndefined();
    expect(negotiateEncoding(undefined)).toBeUndefined();
  });

  it('the compressed-file cache stays within its byte budget', () => {
    const cache = new CompressedCache(100);
    for (let i = 0; i < 10; i++) cache.get(`k${i}`, () => Buffer.alloc(40));
    expect(cache.size).toBe(2);
  });
});

describe('request bodies', () => {
  it('answers a FHIR POST over 5 MB with 413 and an OperationOutcome (the upload is not kept)', async () => {
    const res = await fetch(`${s.origin}/open/fhir`, {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json' },
      body: JSON.stringify({ resourceType: 'Bundle', type: 'batch', padding: 'x'.repeat(5 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { resourceType: string; issue: { code: string }[] };
    expect(body.resourceType).toBe('OperationOutcome');
    expect(body.issue[0]?.code).toBe('too-costly');
  });
});
