import { describe, expect, it } from 'vitest';
import { patient } from '../../../fixtures/factories.ts';
import { hasMoreResults, patientChoices } from '../../../src/core/server/patient-choices.ts';

describe('patientChoices', () => {
  it('lists patients with name and birth date, skipping included and non-Patient entries', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: patient({ id: 'p1', given: 'Maria', family: 'Lindqvist', birthDate: '1978-04-12' }) },
        { resource: { resourceType: 'OperationOutcome', issue: [] } },
        {
          resource: {
            resourceType: 'Patient',
            id: 'p2',
            name: [
              { use: 'old', family: 'Old' },
              { use: 'official', text: 'Jo Smith' },
            ],
          },
        },
        { resource: { resourceType: 'Patient', id: 'p3' } },
        { resource: { resourceType: 'Patient', name: [{ family: 'No id' }] } },
      ],
    };
    expect(patientChoices(bundle)).toEqual([
      { id: 'p1', name: 'Maria Lindqvist', birthDate: '1978-04-12' },
      { id: 'p2', name: 'Jo Smith' },
      { id: 'p3', name: '(no name)' },
    ]);
  });

  it('anything that is not a Bundle gives no choices', () => {
    expect(patientChoices({ resourceType: 'OperationOutcome' })).toEqual([]);
    expect(patientChoices('<html>')).toEqual([]);
  });

  it('knows when there are more results', () => {
    expect(hasMoreResults({ link: [{ relation: 'next', url: 'x' }] })).toBe(true);
    expect(hasMoreResults({ link: [{ relation: 'self', url: 'x' }] })).toBe(false);
  });
});
