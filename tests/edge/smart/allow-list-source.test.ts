/** Loading smart-clients.json at run time: no cache, unreadable and invalid files never give a list. */
import { describe, expect, it } from 'vitest';
import { loadAllowList } from '../../../src/edge/smart/allow-list-source.ts';
import { describeProblem } from '../../../src/ui/strings-problems.ts';

const URL_ = 'https://app.example/smart-clients.json';
function serving(response: () => Response) {
  const inits: RequestInit[] = [];
  const impl = (async (_url: string, init: RequestInit = {}) => {
    inits.push(init);
    return response();
  }) as typeof fetch;
  return { impl, inits };
}

describe('loadAllowList', () => {
  it('loads a valid file without using the HTTP cache', async () => {
    const body = { clients: [{ name: 'A', iss: 'https://a.example/fhir', clientId: 'c', scopeVersion: 'v2' }] };
    const { impl, inits } = serving(() => new Response(JSON.stringify(body)));
    const result = await loadAllowList(URL_, impl);
    expect(result.ok && result.value.clients.map((c) => c.clientId)).toEqual(['c']);
    expect(inits[0]?.cache).toBe('no-store');
  });

  it('names the file and every bad field of an invalid file', async () => {
    const body = { clients: [{ name: '', iss: 'http://ehr.example.org/fhir', scopeVersion: 'v3' }] };
    const result = await loadAllowList(URL_, serving(() => new Response(JSON.stringify(body))).impl);
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'invalid') throw new Error('expected an invalid file');
    expect(result.error.errors.map(describeProblem)).toEqual(
      expect.arrayContaining([
        'smart-clients.json: clients[0].name must be a non-empty string',
        'smart-clients.json: clients[0].clientId must be a non-empty string',
        'smart-clients.json: clients[0].scopeVersion must be "v1" or "v2"',
        expect.stringMatching(/^smart-clients\.json: clients\[0\]\.iss .*https/),
      ]),
    );
  });

  it('reports a missing file, a non-JSON file and no response as unreadable', async () => {
    const says = async (response: () => Response) => {
      const r = await loadAllowList(URL_, serving(response).impl);
      if (r.ok || r.error.kind !== 'unreadable') throw new Error('expected an unreadable file');
      return describeProblem(r.error);
    };
    expect(await says(() => new Response('nope', { status: 404 }))).toBe(
      'smart-clients.json could not be loaded (HTTP 404)',
    );
    expect(await says(() => new Response('{ clients: ['))).toBe('smart-clients.json is not valid JSON');
    const offline = (): Response => {
      throw new TypeError('Failed to fetch');
    };
    expect(await says(offline)).toBe('smart-clients.json could not be loaded (no response)');
  });
});
