/**
 * The Node FhirHttp sends the bearer token only to the FHIR server's own origin (issue 10 item 6), like the
 * browser adapter: relative paths and absolute URLs on the same origin get it; a paging link or reference to
 * another origin (other host, other port, other scheme) does not, even when the caller set the header itself.
 */
import { describe, expect, it } from 'vitest';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';

function recording() {
  const seen: Array<{ url: string; authorization: string | null }> = [];
  const fetchImpl = ((url: string, init?: RequestInit) => {
    seen.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    return Promise.resolve(new Response('{}', { status: 200 }));
  }) as typeof fetch;
  return { seen, fetchImpl };
}

describe('createNodeFhirHttp: token only to its own origin', () => {
  it.each([
    ['Patient/p1', 'https://ehr.example.org/fhir/Patient/p1', 'Bearer t0k'],
    ['https://ehr.example.org/fhir?_getpages=x', 'https://ehr.example.org/fhir?_getpages=x', 'Bearer t0k'],
    ['https://EHR.example.org:443/other', 'https://EHR.example.org:443/other', 'Bearer t0k'],
    ['https://evil.example.net/fhir?page=2', 'https://evil.example.net/fhir?page=2', null],
    ['https://ehr.example.org.evil.test/fhir', 'https://ehr.example.org.evil.test/fhir', null],
    ['https://ehr.example.org:8443/fhir', 'https://ehr.example.org:8443/fhir', null],
    ['http://ehr.example.org/fhir', 'http://ehr.example.org/fhir', null],
  ])('%s', async (path, url, authorization) => {
    const { seen, fetchImpl } = recording();
    await createNodeFhirHttp('https://ehr.example.org/fhir/', { token: 't0k', fetchImpl }).fetch(path);
    expect(seen).toEqual([{ url, authorization }]);
  });

  it('drops a caller-set Authorization header for another origin', async () => {
    const { seen, fetchImpl } = recording();
    const http = createNodeFhirHttp('https://ehr.example.org/fhir', { fetchImpl });
    await http.fetch('https://evil.example.net/x', { headers: { authorization: 'Bearer mine' } });
    await http.fetch('Patient/p1', { headers: { authorization: 'Bearer mine' } });
    expect(seen.map((s) => s.authorization)).toEqual([null, 'Bearer mine']);
  });
});
