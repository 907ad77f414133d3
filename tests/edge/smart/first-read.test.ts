/** The first FHIR read after launch: 401 and network failure stop the launch; anything else is replayed once. */
import { describe, expect, it } from 'vitest';
import type { FhirHttp } from '../../../src/edge/types.ts';
import { firstRead, replayOnce } from '../../../src/edge/smart/first-read.ts';

const BASE = 'https://ehr.example.org/fhir';

function countingHttp(respond: (path: string) => Response | Promise<Response>) {
  const paths: string[] = [];
  const http: FhirHttp = {
    baseUrl: BASE,
    fetch: async (path) => {
      paths.push(path);
      return respond(path);
    },
  };
  return { http, paths };
}

const patientJson = () => new Response(JSON.stringify({ resourceType: 'Patient', id: 'p1' }), { status: 200 });

describe('firstRead', () => {
  it('reads the patient once and replays that answer to the app’s own first read of it', async () => {
    const { http, paths } = countingHttp(() => patientJson());
    const outcome = await firstRead(http, 'p1');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const replayed = await outcome.http.fetch(`${BASE}/Patient/p1`);
    expect(await replayed.json()).toMatchObject({ id: 'p1' });
    expect(paths).toEqual(['Patient/p1']);
    await outcome.http.fetch('Patient/p1');
    await outcome.http.fetch('Condition?patient=p1');
    expect(paths).toEqual(['Patient/p1', 'Patient/p1', 'Condition?patient=p1']);
  });

  it('stops on 401 with the expired or invalid token page', async () => {
    const expired = countingHttp(() => new Response('', { status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="token expired"' } }));
    expect(await firstRead(expired.http, 'p1')).toMatchObject({ ok: false, failure: { kind: 'token-expired' } });
    const invalid = countingHttp(() => new Response('', { status: 401 }));
    expect(await firstRead(invalid.http, 'p1')).toMatchObject({ ok: false, failure: { kind: 'token-invalid' } });
  });

  it('stops with the network page when no response came', async () => {
    const { http } = countingHttp(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await firstRead(http, 'p1')).toEqual({ ok: false, failure: { kind: 'network-down' } });
  });

  it('lets 403, 404 and 500 through to the clinician screen, which reports them as gaps', async () => {
    for (const status of [403, 404, 500]) {
      const { http } = countingHttp(() => new Response('{}', { status }));
      const outcome = await firstRead(http, 'p1');
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect((await outcome.http.fetch('Patient/p1')).status).toBe(status);
    }
  });

  it('escapes the patient id in the path', async () => {
    const { http, paths } = countingHttp(() => patientJson());
    await firstRead(http, 'a/b?c');
    expect(paths).toEqual(['Patient/a%2Fb%3Fc']);
  });
});

describe('replayOnce', () => {
  it('does not replay a write to the same path', async () => {
    const { http, paths } = countingHttp(() => new Response('{}', { status: 201 }));
    const primed = replayOnce(http, 'Patient/p1', patientJson());
    await primed.fetch('Patient/p1', { method: 'PUT', body: '{}' });
    expect(paths).toEqual(['Patient/p1']);
  });
});
