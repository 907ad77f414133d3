/**
 * Paging over the large chart through the protected base, the way the app reads a chart: every medication record
 * is reached by following next links. Prints the counts and the time (a figure, not an assertion).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from 'fhir/r4';
import { startSandbox, type SandboxHandle } from '../../sandbox/server.ts';
import { ehrLaunchToken, fhirGet } from './support.ts';

let s: SandboxHandle;
let token: string;
const ID = 'ldn-large-chart';

beforeAll(async () => {
  s = await startSandbox({ port: 0, appDir: null, quiet: true });
  token = (await ehrLaunchToken(s, ID)).access_token;
}, 60_000);
afterAll(() => s?.close());

async function readAll(
  path: string,
): Promise<{ ids: Set<string>; pages: number; total: number | undefined; included: number }> {
  const ids = new Set<string>();
  let url: string | undefined = path;
  let pages = 0;
  let total: number | undefined;
  let included = 0;
  while (url) {
    const res = await fhirGet(s, token, url);
    expect(res.status).toBe(200);
    const b = (await res.json()) as Bundle;
    total ??= b.total;
    for (const e of b.entry ?? []) {
      if (e.search?.mode === 'include') included += 1;
      else ids.add(`${e.resource?.resourceType}/${e.resource?.id}`);
    }
    pages += 1;
    url = b.link?.find((l) => l.relation === 'next')?.url;
  }
  return { ids, pages, total, included };
}

describe('paging the 5,000-record chart', () => {
  it('reads all 5,000 medication records and 2,000 conditions by following next links', async () => {
    const started = performance.now();
    const types = ['MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'MedicationAdministration'];
    let meds = 0;
    let pages = 0;
    for (const type of types) {
      const r = await readAll(`${type}?patient=${ID}&_count=200&_include=${type}:medication`);
      expect(r.ids.size).toBe(r.total);
      meds += r.ids.size;
      pages += r.pages;
    }
    const conditions = await readAll(`Condition?patient=${ID}&_count=200`);
    pages += conditions.pages;
    const ms = Math.round(performance.now() - started);
    console.log(
      `large chart: ${meds} medication records + ${conditions.ids.size} conditions in ${pages} pages of 200 over HTTP, ${ms} ms`,
    );
    expect(meds).toBe(5000);
    expect(conditions.ids.size).toBe(2000);
  });

  it('reads the 3,000 orders with the default page size too (50 per page)', async () => {
    const started = performance.now();
    const r = await readAll(`MedicationRequest?patient=${ID}`);
    console.log(
      `large chart: ${r.ids.size} MedicationRequests in ${r.pages} default pages, ${Math.round(performance.now() - started)} ms`,
    );
    expect(r.ids.size).toBe(3000);
    expect(r.pages).toBe(60);
  });
});
