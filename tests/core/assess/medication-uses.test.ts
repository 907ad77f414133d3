/**
 * The timeline's opioid and antagonist records (src/core/assess/medication-uses.ts), classified by the core's
 * ingredient roles: a combination with an opioid is an opioid use (Embeda), records that never counted are left out.
 */
import { describe, expect, it } from 'vitest';
import { emptyChart, type Chart } from '../../../src/core/chart.ts';
import { medicationUses } from '../../../src/core/assess/medication-uses.ts';
import { dayOf } from '../../../src/core/fhir/dates.ts';
import { concept, medicationDispense, medicationRequest, rxnorm } from '../../../fixtures/factories.ts';

const P = 'uses-patient';
const TODAY = dayOf('2026-03-15')!;
const chartOf = (parts: Partial<Chart>): Chart => ({ ...emptyChart(), ...parts });

describe('medicationUses', () => {
  it('takes Embeda (morphine with naltrexone) as an opioid use and naltrexone alone as an antagonist', () => {
    const embeda = medicationRequest({ patientId: P, medication: { concept: concept([rxnorm('863857')]) } });
    const ltx = medicationRequest({ patientId: P, medication: { concept: concept([], 'naltrexone 50 mg tablet') } });
    const uses = medicationUses(chartOf({ medicationRequests: [embeda, ltx] }), TODAY);
    expect(uses.map((u) => [u.reference, u.kind, u.current])).toEqual([
      [`MedicationRequest/${embeda.id}`, 'opioid', true],
      [`MedicationRequest/${ltx.id}`, 'antagonist', true],
    ]);
    expect(uses[0]!.ingredients).toEqual(['morphine']);
  });

  it('leaves out records that never counted and records naming neither', () => {
    const cancelled = medicationRequest({
      patientId: P,
      status: 'cancelled',
      medication: { concept: concept([], 'oxycodone 5 mg tablet') },
    });
    const lisinopril = medicationRequest({ patientId: P, medication: { concept: concept([rxnorm('314076')]) } });
    expect(medicationUses(chartOf({ medicationRequests: [cancelled, lisinopril] }), TODAY)).toEqual([]);
  });

  it("gives a dispense's first day and the last day of its supply", () => {
    const d = medicationDispense({
      patientId: P,
      medication: { concept: concept([], 'oxycodone 5 mg tablet') },
      whenHandedOver: '2026-01-01',
      daysSupply: 10,
    });
    const [use] = medicationUses(chartOf({ medicationDispenses: [d] }), TODAY);
    expect(use).toMatchObject({ kind: 'opioid', firstDay: dayOf('2026-01-01'), current: false });
    // Handed over 1 Jan with 10 days' supply: the last use the rules count from is 1 Jan + 10 days.
    expect(use!.lastDay).toBe(dayOf('2026-01-11'));
  });
});
