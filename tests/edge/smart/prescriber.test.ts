/**
 * The prescriber's name (src/edge/smart/prescriber.ts): read from fhirUser only when the scopes allow it, with a
 * deadline, and only when the answer is the Practitioner asked for.
 */
import type { Practitioner } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { canReadPrescriber, practitionerName, readPrescriberName } from '../../../src/edge/smart/prescriber.ts';
import type { FhirHttp } from '../../../src/edge/types.ts';

const ada: Practitioner = {
  resourceType: 'Practitioner',
  id: 'ada',
  name: [
    { use: 'usual', given: ['Addie'], family: 'Example' },
    { use: 'official', prefix: ['Dr'], given: ['Ada', 'M'], family: 'Example' },
  ],
};
const USER_SCOPES = ['launch', 'openid', 'fhirUser', 'patient/*.read', 'user/Practitioner.read'];
const PATIENT_SCOPES = ['launch', 'openid', 'fhirUser', 'patient/Patient.rs', 'patient/MedicationRequest.cs'];

/** A FhirHttp answering `answer` (or hanging until aborted), recording the paths asked for. */
function fakeHttp(answer: (() => Response) | 'hang'): FhirHttp & { asked: string[] } {
  const asked: string[] = [];
  return {
    baseUrl: 'https://ehr.example/fhir',
    asked,
    fetch(path: string, init?: RequestInit) {
      asked.push(path);
      if (answer !== 'hang') return Promise.resolve(answer());
      return new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    },
  };
}
const json =
  (body: unknown, status = 200) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/fhir+json' } });

describe('readPrescriberName', () => {
  it('reads the official name when the scopes allow reading Practitioners', async () => {
    const http = fakeHttp(json(ada));
    expect(await readPrescriberName(http, 'Practitioner/ada', USER_SCOPES)).toBe('Dr Ada M Example');
    expect(http.asked).toEqual(['Practitioner/ada']);
  });

  it('sends nothing under patient-level scopes, or for a fhirUser that is not a Practitioner', async () => {
    const http = fakeHttp(json(ada));
    expect(await readPrescriberName(http, 'Practitioner/ada', PATIENT_SCOPES)).toBeUndefined();
    expect(await readPrescriberName(http, 'Patient/p1', USER_SCOPES)).toBeUndefined();
    expect(await readPrescriberName(http, undefined, USER_SCOPES)).toBeUndefined();
    expect(http.asked).toEqual([]);
    expect(canReadPrescriber('Practitioner/ada', ['user/Practitioner.rs'])).toBe(true);
    expect(canReadPrescriber('Practitioner/ada', ['user/*.read'])).toBe(true);
  });

  it('keeps no name for a refusal, another resource, or a body that is not JSON', async () => {
    for (const answer of [
      json({ resourceType: 'OperationOutcome', issue: [] }, 403),
      json({ ...ada, id: 'someone-else' }),
      json({ resourceType: 'Patient', id: 'ada' }),
      () => new Response('<html>sign in</html>', { status: 200 }),
    ])
      expect(await readPrescriberName(fakeHttp(answer), 'Practitioner/ada', USER_SCOPES)).toBeUndefined();
  });

  it('gives up at its deadline, and at once when the caller aborts', async () => {
    expect(await readPrescriberName(fakeHttp('hang'), 'Practitioner/ada', USER_SCOPES, { timeoutMs: 20 })).toBe(
      undefined,
    );
    const stop = new AbortController();
    const read = readPrescriberName(fakeHttp('hang'), 'Practitioner/ada', USER_SCOPES, { signal: stop.signal });
    stop.abort();
    expect(await read).toBeUndefined();
  });

  it('writes a name from its text, else prefix, given and family names', () => {
    expect(practitionerName({ resourceType: 'Practitioner', name: [{ text: 'Dr. Ada Example' }] })).toBe(
      'Dr. Ada Example',
    );
    expect(practitionerName({ resourceType: 'Practitioner', name: [{ given: ['Ada'], family: 'Example' }] })).toBe(
      'Ada Example',
    );
    expect(practitionerName({ resourceType: 'Practitioner' })).toBe('');
  });
});
