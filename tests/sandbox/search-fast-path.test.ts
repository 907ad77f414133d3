/**
 * The repository's direct matchers for `status` and `identifier` (sandbox/fhir/repository.ts) must give what the
 * FHIR search rules give: a comma list is OR, `system|value` needs both, `value` alone any system, `|value` no
 * system; combined with the patient filter and with other filters (checked by medplum's generic matcher).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, MedicationRequest } from 'fhir/r4';
import { createFhirEngine, type FhirEngine } from '../../sandbox/fhir/engine.ts';
import { concept, medicationRequest, patient } from '../../fixtures/factories.ts';

let engine: FhirEngine;
const ids = async (url: string) => {
  const res = await engine.handle({ method: 'GET', url });
  expect(res.status).toBe(200);
  return ((res.body as Bundle<MedicationRequest>).entry ?? []).map((e) => e.resource!.id).sort();
};

function order(
  id: string,
  patientId: string,
  status: MedicationRequest['status'],
  identifier?: { system?: string; value: string },
): MedicationRequest {
  const mr = medicationRequest({
    id,
    patientId,
    status,
    medication: { concept: concept([], 'aspirin 81 mg') },
    authoredOn: id.endsWith('old') ? '2019-01-01' : '2026-01-01',
  });
  return identifier ? { ...mr, identifier: [identifier] } : mr;
}

beforeAll(async () => {
  engine = createFhirEngine({ baseUrl: 'http://sandbox.test/fhir' });
  await engine.load([
    patient({ id: 'p1', given: 'Ann', family: 'One' }),
    patient({ id: 'p2', given: 'Bob', family: 'Two' }),
    order('a', 'p1', 'active', { system: 'urn:x', value: '1' }),
    order('b', 'p1', 'stopped', { system: 'urn:y', value: '1' }),
    order('c', 'p1', 'completed', { value: '1' }),
    order('d-old', 'p1', 'active'),
    order('e', 'p2', 'active', { system: 'urn:x', value: '1' }),
  ]);
}, 60_000);

describe('status filter', () => {
  it('matches any of a comma list, per patient', async () => {
    expect(await ids('MedicationRequest?patient=p1&status=active,stopped')).toEqual(['a', 'b', 'd-old']);
    expect(await ids('MedicationRequest?status=active')).toEqual(['a', 'd-old', 'e']);
    expect(await ids('MedicationRequest?patient=p1&status=on-hold')).toEqual([]);
  });

  it('leaves :not to the generic matcher', async () => {
    expect(await ids('MedicationRequest?patient=p1&status:not=active')).toEqual(['b', 'c']);
  });

  it('combines with a filter the generic matcher checks', async () => {
    expect(await ids('MedicationRequest?patient=p1&status=active&authoredon=ge2020-01-01')).toEqual(['a']);
  });
});

describe('identifier filter', () => {
  it('system|value needs both', async () => {
    expect(await ids('MedicationRequest?identifier=urn:x|1')).toEqual(['a', 'e']);
    expect(await ids('MedicationRequest?patient=p1&identifier=urn:x|1')).toEqual(['a']);
  });

  it('value alone matches any system; |value only identifiers without a system', async () => {
    expect(await ids('MedicationRequest?patient=p1&identifier=1')).toEqual(['a', 'b', 'c']);
    expect(await ids('MedicationRequest?patient=p1&identifier=|1')).toEqual(['c']);
  });

  it('finds nothing for an unknown identifier', async () => {
    expect(await ids('MedicationRequest?identifier=urn:x|2')).toEqual([]);
  });
});
