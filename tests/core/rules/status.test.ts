/**
 * Status and time (issue 3 item 2). Dimensions: resource type x status x date (inside / outside the window, none),
 * and Condition clinical / verification status x abatement.
 */
import { describe, expect, it } from 'vitest';
import {
  concept,
  condition,
  icd10,
  medicationAdministration,
  medicationDispense,
  medicationStatement,
  snomed,
} from '../../../fixtures/factories.ts';
import { orderText, P, rules, run } from './helpers.ts';

const OXY = concept([], 'oxycodone 5 mg tablet');

describe('MedicationRequest status', () => {
  it.each(['active', 'on-hold', 'draft', 'unknown'] as const)('%s counts as current', (status) => {
    expect(rules(run(orderText('oxycodone 5 mg', { status, authoredOn: '2020-01-01' })))).toEqual(['opioid-agonist']);
  });
  it('cancelled never counts (ldn-clinical.md 2b): withdrawn before any administration', () => {
    expect(rules(run(orderText('oxycodone 5 mg', { status: 'cancelled', authoredOn: '2026-03-14' })))).toEqual([]);
  });
  it.each(['stopped', 'completed'] as const)('%s counts only inside the window', (status) => {
    expect(rules(run(orderText('oxycodone 5 mg', { status, authoredOn: '2026-03-10' })))).toEqual([
      'recent-opioid-use',
    ]);
    expect(rules(run(orderText('oxycodone 5 mg', { status, authoredOn: '2026-01-10' })))).toEqual([]);
  });
  it('entered-in-error never counts, even yesterday', () => {
    expect(rules(run(orderText('oxycodone 5 mg', { status: 'entered-in-error', authoredOn: '2026-03-14' })))).toEqual(
      [],
    );
  });
  it('the current finding says which status made it current', () => {
    expect(run(orderText('oxycodone', { status: 'on-hold' })).conflicts[0]?.why).toContain('status on-hold');
  });
});

describe('MedicationStatement status', () => {
  const stmt = (
    status: Parameters<typeof medicationStatement>[0]['status'],
    effective?: Parameters<typeof medicationStatement>[0]['effective'],
  ) => medicationStatement({ patientId: P, medication: { concept: OXY }, status, ...(effective ? { effective } : {}) });
  it.each(['active', 'intended', 'on-hold'] as const)('%s counts as current', (status) => {
    expect(rules(run(stmt(status, { start: '2024-01-01' })))).toEqual(['opioid-agonist']);
  });
  it('unknown is treated as current, and says so', () => {
    const a = run(stmt('unknown'));
    expect(rules(a)).toEqual(['opioid-agonist']);
    expect(a.conflicts[0]?.why).toContain('treated as current');
  });
  it.each(['completed', 'stopped'] as const)('%s: inside the window by effectivePeriod.end, not after', (status) => {
    const inside = run(stmt(status, { start: '2026-01-01', end: '2026-03-08' }));
    expect(rules(inside)).toEqual(['recent-opioid-use']);
    expect(inside.conflicts[0]?.washout?.lastUseBasis).toBe('end of effectivePeriod (8 Mar 2026)');
    expect(rules(run(stmt(status, { start: '2026-01-01', end: '2026-02-08' })))).toEqual([]);
  });
  it('completed with effectiveDateTime only uses that date', () => {
    expect(run(stmt('completed', '2026-03-12')).conflicts[0]?.washout?.lastUseBasis).toBe(
      'effectiveDateTime (12 Mar 2026)',
    );
  });
  it.each(['not-taken', 'entered-in-error'] as const)('%s never counts', (status) => {
    expect(rules(run(stmt(status, '2026-03-14')))).toEqual([]);
  });
});

describe('MedicationDispense and MedicationAdministration', () => {
  it('a dispense is current while its days supply lasts, then inside the window, then nothing', () => {
    const d = (when: string) =>
      medicationDispense({ patientId: P, medication: { concept: OXY }, whenHandedOver: when, daysSupply: 10 });
    expect(rules(run(d('2026-03-10')))).toEqual(['opioid-agonist']);
    expect(rules(run(d('2026-02-28')))).toEqual(['recent-opioid-use']);
    expect(run(d('2026-02-28')).conflicts[0]?.washout?.lastUseBasis).toBe('handed over 28 Feb 2026 + 10 days supply');
    expect(rules(run(d('2026-01-01')))).toEqual([]);
  });
  it.each(['cancelled', 'declined', 'entered-in-error'] as const)('a %s dispense never counts', (status) => {
    expect(
      rules(
        run(
          medicationDispense({
            patientId: P,
            medication: { concept: OXY },
            status,
            whenHandedOver: '2026-03-14',
            daysSupply: 30,
          }),
        ),
      ),
    ).toEqual([]);
  });
  it('an in-progress administration is current; a completed one counts inside the window', () => {
    expect(
      rules(
        run(
          medicationAdministration({
            patientId: P,
            medication: { concept: OXY },
            status: 'in-progress',
            effective: '2026-03-15T08:00:00Z',
          }),
        ),
      ),
    ).toEqual(['opioid-agonist']);
    const done = run(
      medicationAdministration({
        patientId: P,
        medication: { concept: concept([], 'morphine 4 mg IV') },
        status: 'completed',
        effective: '2026-03-13T22:00:00Z',
      }),
    );
    expect(rules(done)).toEqual(['recent-opioid-use']);
    expect(done.conflicts[0]?.washout?.lastUse).toBe('2026-03-13');
    expect(
      rules(
        run(
          medicationAdministration({
            patientId: P,
            medication: { concept: OXY },
            status: 'not-done',
            effective: '2026-03-14',
          }),
        ),
      ),
    ).toEqual([]);
  });
});

describe('Condition status', () => {
  const fibro = (extra: Partial<Parameters<typeof condition>[0]>) =>
    condition({ patientId: P, code: concept([icd10('M79.7')]), ...extra });
  it.each([
    ['active', { clinicalStatus: 'active' as const }, 1],
    ['recurrence', { clinicalStatus: 'recurrence' as const }, 1],
    ['remission (still counts: design)', { clinicalStatus: 'remission' as const }, 1],
    ['unconfirmed', { verificationStatus: 'unconfirmed' as const }, 1],
    ['resolved', { clinicalStatus: 'resolved' as const }, 0],
    ['inactive', { clinicalStatus: 'inactive' as const }, 0],
    ['refuted', { verificationStatus: 'refuted' as const }, 0],
    ['entered-in-error', { verificationStatus: 'entered-in-error' as const }, 0],
    ['abated in the past', { abatement: '2025-12-01' }, 0],
    ['abatement in the future', { abatement: '2026-12-01' }, 1],
  ])('%s', (_n, extra, expected) => {
    expect(run(fibro(extra)).candidacy).toHaveLength(expected);
  });
  it('a resolved pregnancy gives no caution', () => {
    expect(
      run(condition({ patientId: P, code: concept([snomed('72892002')]), clinicalStatus: 'resolved' })).conflicts,
    ).toEqual([]);
  });
  it('a Condition without clinicalStatus counts (fail safe)', () => {
    const c = { ...condition({ patientId: P, code: concept([snomed('72892002')]) }), clinicalStatus: undefined };
    expect(rules(run(c))).toEqual(['pregnancy']);
  });
});
