/**
 * One finding per drug course (issue 9 item 4), patches and extended-release windows, cancelled orders and what
 * links to them (ldn-clinical.md 2b), opioidFreeFrom and notChecked (issue 9 item 5, issue 10 item 5).
 */
import { describe, expect, it } from 'vitest';
import {
  concept,
  medicationAdministration,
  medicationDispense,
  medicationRequest,
  medicationStatement,
  rxnorm,
  ref,
} from '../../../fixtures/factories.ts';
import { daysBefore } from '../../../fixtures/dates.ts';
import { assess } from '../../../src/core/assess/index.ts';
import { chartOf, NOW, NOW_DATE, only, orderText, P, rules, run } from './helpers.ts';

const OXY = concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]);

describe('one finding per drug course', () => {
  it('11 repeated oxycodone orders give one finding listing all 11, the latest deciding the window', () => {
    const orders = Array.from({ length: 11 }, (_, i) =>
      medicationRequest({
        id: `oxy-${i}`,
        patientId: P,
        medication: { concept: OXY },
        status: 'completed',
        authoredOn: daysBefore(NOW_DATE, 60 - i * 5),
        daysSupply: 5,
      }),
    );
    const a = run(...orders);
    const c = only(a, 'recent-opioid-use');
    expect(c.entries?.map((e) => e.reference).sort()).toEqual(orders.map((o) => `MedicationRequest/${o.id}`).sort());
    expect(c.entry.reference).toBe('MedicationRequest/oxy-10');
    expect(c.washout?.lastUse).toBe(daysBefore(NOW_DATE, 5));
    expect(c.needsOverride).toBe(true);
    expect(a.conflicts).toHaveLength(1);
  });
  it('an order, its dispense and a statement of one product are one course; the most severe record decides', () => {
    const order = medicationRequest({ id: 'o1', patientId: P, medication: { concept: OXY }, status: 'active' });
    const disp = medicationDispense({
      patientId: P,
      medication: { concept: OXY },
      whenHandedOver: daysBefore(NOW_DATE, 40),
      daysSupply: 30,
    });
    const stmt = medicationStatement({
      patientId: P,
      medication: { concept: concept([], 'oxycodone 5 mg') },
      status: 'completed',
      effective: daysBefore(NOW_DATE, 3),
    });
    const c = only(run(order, disp, stmt), 'opioid-agonist');
    expect(c.entries).toHaveLength(3);
  });
  it('different products are different courses (oxycodone vs oxycodone/acetaminophen)', () => {
    expect(rules(run(orderText('oxycodone 5 mg'), orderText('Percocet 5/325')))).toEqual([
      'opioid-agonist',
      'opioid-agonist',
    ]);
  });
});

describe('patches and extended-release opioids', () => {
  const patch = (days: number, end?: number) =>
    medicationAdministration({
      patientId: P,
      medication: { concept: concept([], 'fentanyl 25 mcg/hr transdermal patch') },
      status: 'completed',
      effective:
        end === undefined
          ? `${daysBefore(NOW_DATE, days)}T08:00:00Z`
          : { start: daysBefore(NOW_DATE, days), end: daysBefore(NOW_DATE, end) },
    });
  it('an application charted alone lasts 72 h; then 14 days (patch window)', () => {
    const c = only(run(patch(16)), 'recent-opioid-use');
    expect(c.washout?.days).toBe(14);
    expect(c.washout?.lastUse).toBe(daysBefore(NOW_DATE, 13));
    expect(c.washout?.lastUseBasis).toContain('72 h');
    expect(rules(run(patch(17)))).toEqual([]);
  });
  it('a documented removal starts the clock', () => {
    expect(rules(run(patch(30, 13)))).toEqual(['recent-opioid-use']);
    expect(rules(run(patch(30, 14)))).toEqual([]);
  });
  it('a dispense of 10 patches without days supply lasts 30 days', () => {
    const d = medicationDispense({
      patientId: P,
      medication: { concept: concept([], 'Duragesic 50 mcg/hr patch') },
      whenHandedOver: daysBefore(NOW_DATE, 29),
      quantity: 10,
    });
    expect(rules(run(d))).toEqual(['opioid-agonist']);
  });
  it('an ER oral opioid stopped 9 days ago is inside 10 days, methadone 13 days ago inside 14', () => {
    expect(
      rules(run(orderText('OxyContin 20 mg ER', { status: 'stopped', authoredOn: daysBefore(NOW_DATE, 9) }))),
    ).toEqual(['recent-opioid-use']);
    expect(
      rules(run(orderText('methadone 10 mg', { status: 'stopped', authoredOn: daysBefore(NOW_DATE, 13) }))),
    ).toEqual(['recent-opioid-use']);
    expect(
      rules(run(orderText('methadone 10 mg', { status: 'stopped', authoredOn: daysBefore(NOW_DATE, 14) }))),
    ).toEqual([]);
  });
});

describe('cancelled orders', () => {
  it('never count unless a dispense or an administration links to them', () => {
    const cancelled = medicationRequest({
      id: 'c1',
      patientId: P,
      medication: { concept: OXY },
      status: 'cancelled',
      authoredOn: daysBefore(NOW_DATE, 2),
    });
    expect(rules(run(cancelled))).toEqual([]);
    const disp = {
      ...medicationDispense({ patientId: P, medication: { concept: concept([], 'Unnamed') }, status: 'cancelled' }),
      authorizingPrescription: [ref('MedicationRequest', 'c1')],
    };
    expect(rules(run(cancelled, disp))).toEqual([]);
    const given = {
      ...medicationAdministration({
        patientId: P,
        medication: { concept: concept([], 'oxycodone 5 mg') },
        status: 'completed',
        effective: `${daysBefore(NOW_DATE, 1)}T10:00:00Z`,
      }),
      request: ref('MedicationRequest', 'c1'),
    };
    expect(rules(run(cancelled, given))).toEqual(['recent-opioid-use']);
    expect(only(run(cancelled, given), 'recent-opioid-use').entries).toHaveLength(2);
  });
});

describe('opioidFreeFrom and notChecked', () => {
  it('opioidFreeFrom is the latest still-running window end, named in the summary', () => {
    const a = run(
      orderText('oxycodone 5 mg', { status: 'stopped', authoredOn: '2026-03-12' }),
      orderText('methadone 10 mg', { status: 'stopped', authoredOn: '2026-03-10' }),
    );
    expect(a.opioidFreeFrom).toBe('2026-03-24');
    expect(a.summary).toContain('not before 24 Mar 2026');
  });
  it('absent when no window is running', () => {
    expect(run(orderText('oxycodone 5 mg')).opioidFreeFrom).toBeUndefined();
  });
  it('kinds of data not part of the read are listed; unknown origin says nothing', () => {
    const chart = chartOf();
    chart.searched = [
      'Condition',
      'MedicationRequest',
      'MedicationStatement',
      'MedicationDispense',
      'MedicationAdministration',
      'Medication',
    ];
    expect(assess(chart, NOW).notChecked).toEqual(['allergies', 'planned procedures']);
    chart.searched = [...chart.searched, 'AllergyIntolerance', 'Appointment'];
    expect(assess(chart, NOW).notChecked).toEqual([]);
    expect(assess(chartOf(), NOW).notChecked).toBeUndefined();
  });
});
