/**
 * Opioid rules. Dimensions: product class (full agonist, antitussive, combination, partial / mixed, opioid +
 * naltrexone) x evidence (RxNorm code, name) x timing (current, ended inside / outside the window, undated).
 */
import { describe, expect, it } from 'vitest';
import {
  concept,
  medicationDispense,
  medicationRequest,
  medicationStatement,
  rxnorm,
  SYSTEM,
} from '../../../fixtures/factories.ts';
import { only, orderOf, orderText, P, rules, run } from './helpers.ts';

describe('current opioid agonists are contraindicated', () => {
  it.each([
    ['oxycodone by RxNorm SCD', orderOf({ concept: concept([rxnorm('1049621')]) })],
    ['tramadol by RxNorm SCD', orderOf({ concept: concept([rxnorm('835603')]) })],
    [
      'hydrocodone/APAP by OID-form RxNorm',
      orderOf({ concept: concept([{ system: SYSTEM.rxnormOid, code: '857002' }]) }),
    ],
    ['tall-man "oxyCODONE 5 mg tablet"', orderText('oxyCODONE 5 mg tablet')],
    ['combination "Acetaminophen / HYDROcodone 325-5"', orderText('Acetaminophen / HYDROcodone 325-5')],
    ['abbreviation "APAP/codeine #3"', orderText('APAP/codeine #3')],
    ['antitussive "Codeine/guaifenesin cough syrup"', orderText('Codeine/guaifenesin cough syrup 10-100 mg/5 mL')],
    ['cough/cold "promethazine VC with codeine"', orderText('promethazine VC with codeine syrup')],
    ['tapentadol "Nucynta ER 50 mg"', orderText('Nucynta ER 50 mg')],
    ['methadone "Methadose 10 mg"', orderText('Methadose 10 mg dispersible')],
    ['fentanyl patch "Duragesic 25 mcg/hr"', orderText('Duragesic 25 mcg/hr patch')],
    ['morphine "MS Contin 15 mg SR"', orderText('MS Contin 15 mg SR')],
  ])('%s', (_name, order) => {
    const a = run(order);
    const c = only(a, 'opioid-agonist');
    expect(c.severity).toBe('contraindicated');
    expect(c.sources[0]?.kind).toBe('label');
    expect(a.verdict).toBe('not-recommended');
  });

  it('names the matched term and where it was found', () => {
    const c = only(run(orderText('Acetaminophen / HYDROcodone')), 'opioid-agonist');
    expect(c.matched).toMatchObject({ by: 'name', term: 'hydrocodone', where: 'medicationCodeableConcept.text' });
    const byCode = only(
      run(orderOf({ concept: concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]) })),
      'opioid-agonist',
    );
    expect(byCode.matched).toMatchObject({ by: 'code', code: '1049621', where: 'medicationCodeableConcept.coding[0]' });
  });
});

describe('partial and mixed agonists are contraindicated', () => {
  it.each([
    ['buprenorphine/naloxone (Suboxone SBD)', orderOf({ concept: concept([rxnorm('1010606')]) })],
    ['"bup/nx 8-2 mg film"', orderText('bup/nx 8-2 mg film')],
    ['butorphanol nasal spray', orderText('butorphanol tartrate 10 mg/mL nasal spray')],
    ['pentazocine/naloxone', orderText('pentazocine 50 mg / naloxone 0.5 mg tablet')],
    ['nalbuphine injection', orderText('Nalbuphine 10 mg/mL injection')],
    ['Belbuca buccal film', orderText('Belbuca 150 mcg buccal film')],
  ])('%s', (_name, order) => {
    const a = run(order);
    expect(only(a, 'opioid-partial-or-mixed').severity).toBe('contraindicated');
    expect(rules(a)).not.toContain('rescue-antagonist'); // naloxone inside an opioid product is not a rescue kit
  });
});

describe('opioid + naltrexone products contain an opioid', () => {
  it.each([
    ['Embeda by SBD code', orderOf({ concept: concept([rxnorm('863857')]) })],
    ['Embeda by generic SCD code', orderOf({ concept: concept([rxnorm('863845')]) })],
    ['Embeda by brand name', orderText('Embeda 20 mg-0.8 mg ER capsule')],
    ['Troxyca by brand name', orderText('Troxyca ER 10 mg-1.2 mg capsule')],
    ['morphine/naltrexone by ingredients', orderText('morphine sulfate / naltrexone HCl ER capsule')],
  ])('%s', (_name, order) => {
    const a = run(order);
    expect(only(a, 'opioid-naltrexone-product').severity).toBe('contraindicated');
    expect(rules(a)).not.toContain('naltrexone-duplicate');
  });
});

describe('recent opioid use inside the washout window is major', () => {
  it('tramadol stopped 5 days ago: 10-day window from the end of validityPeriod', () => {
    const a = run(
      orderOf(
        { concept: concept([rxnorm('835603')]) },
        { status: 'stopped', authoredOn: '2026-02-01', validity: { start: '2026-02-01', end: '2026-03-10' } },
      ),
    );
    const c = only(a, 'recent-opioid-use');
    expect(c.severity).toBe('major');
    expect(c.washout).toMatchObject({ lastUse: '2026-03-10', days: 10, endsOn: '2026-03-20' });
    expect(c.washout?.lastUseBasis).toContain('validityPeriod');
    expect(c.washout?.rationale).toMatch(/7-10/);
    expect(a.verdict).toBe('not-recommended');
  });

  it('methadone completed 12 days ago is still inside its 14-day window', () => {
    const c = only(
      run(orderText('methadone 10 mg tablet', { status: 'completed', authoredOn: '2026-03-03' })),
      'recent-opioid-use',
    );
    expect(c.washout).toMatchObject({ lastUse: '2026-03-03', days: 14, endsOn: '2026-03-17' });
    expect(c.washout?.rationale).toMatch(/14 days after methadone or buprenorphine/);
  });

  it('buprenorphine gets 14 days, a short-acting opioid 10, from the same last use', () => {
    const bup = only(
      run(orderText('buprenorphine 2 mg SL tablet', { status: 'completed', authoredOn: '2026-03-02' })),
      'recent-opioid-use',
    );
    expect(bup.washout?.days).toBe(14);
    expect(run(orderText('oxycodone 5 mg', { status: 'completed', authoredOn: '2026-03-02' })).conflicts).toEqual([]);
  });

  it('boundary: day 9 after last use is inside, day 10 is outside (window complete on endsOn)', () => {
    expect(rules(run(orderText('oxycodone 5 mg', { status: 'completed', authoredOn: '2026-03-06' })))).toEqual([
      'recent-opioid-use',
    ]);
    expect(rules(run(orderText('oxycodone 5 mg', { status: 'completed', authoredOn: '2026-03-05' })))).toEqual([]);
  });

  it('last use = authoredOn + expectedSupplyDuration when no validity period is charted', () => {
    const c = only(
      run(orderText('hydrocodone/APAP 5-325', { status: 'completed', authoredOn: '2026-02-20', daysSupply: 20 })),
      'recent-opioid-use',
    );
    expect(c.washout).toMatchObject({ lastUse: '2026-03-12', lastUseBasis: 'authoredOn 20 Feb 2026 + 20 days supply' });
  });

  it('a later dispense against the order (authorizingPrescription) extends the last use', () => {
    const order = orderText('oxycodone 5 mg', {
      id: 'mr-ox',
      status: 'completed',
      authoredOn: '2026-01-01',
      daysSupply: 5,
    });
    const dispense = medicationDispense({
      patientId: P,
      medication: { concept: concept([], 'oxycodone 5 mg') },
      whenHandedOver: '2026-03-01',
      daysSupply: 7,
      status: 'cancelled',
    });
    const handed = {
      ...medicationDispense({
        patientId: P,
        medication: { concept: concept([], 'oxycodone 5 mg') },
        whenHandedOver: '2026-03-01',
        daysSupply: 7,
      }),
      authorizingPrescription: [{ reference: 'MedicationRequest/mr-ox' }],
    };
    const a = run(order, dispense, handed);
    const fromOrder = a.conflicts.find((c) => c.entry.reference === 'MedicationRequest/mr-ox');
    expect(fromOrder?.washout?.lastUseBasis).toBe('last dispense handed over 1 Mar 2026 + 7 days supply');
  });

  it('a dispense whose supply still lasts counts as current (contraindicated)', () => {
    const d = medicationDispense({
      patientId: P,
      medication: { concept: concept([rxnorm('1049621')]) },
      whenHandedOver: '2026-03-01',
      daysSupply: 30,
    });
    expect(rules(run(d))).toEqual(['opioid-agonist']);
  });

  it('an ended opioid with no date at all is reported (fail safe) without a computed window', () => {
    const s = {
      ...medicationStatement({
        patientId: P,
        medication: { concept: concept([], 'codeine 30 mg') },
        status: 'completed',
      }),
      dateAsserted: undefined,
    };
    const c = only(run(s), 'recent-opioid-use');
    expect(c.washout).toBeUndefined();
    expect(c.why).toMatch(/cannot be computed/);
  });

  it('entered-in-error and not-taken records never count', () => {
    expect(
      run(orderText('oxycodone 5 mg', { status: 'entered-in-error', authoredOn: '2026-03-14' })).conflicts,
    ).toEqual([]);
    expect(
      run(
        medicationStatement({
          patientId: P,
          medication: { concept: concept([], 'tramadol') },
          status: 'not-taken',
          effective: '2026-03-14',
        }),
      ).conflicts,
    ).toEqual([]);
  });

  it('cancelled orders never count (withdrawn before any administration, ldn-clinical.md 2b)', () => {
    expect(rules(run(orderText('oxycodone', { status: 'cancelled', authoredOn: '2026-03-14' })))).toEqual([]);
    expect(rules(run(orderText('oxycodone', { status: 'cancelled', authoredOn: '2025-03-10' })))).toEqual([]);
  });
});

describe('look-alikes are not opioids', () => {
  it.each([
    'apomorphine 2 mg injection',
    'ipratropium inhaler',
    'tiotropium 18 mcg',
    'trospium 20 mg',
    'glycopyrronium 1 mg',
    'dextromethorphan 30 mg syrup',
    'Robitussin DM',
    'methylnaltrexone 150 mg',
  ])('%s gives no opioid finding', (text) => {
    const found = rules(run(orderText(text)));
    expect(found.filter((r) => r.startsWith('opioid') || r === 'recent-opioid-use')).toEqual([]);
  });

  it('medicationRequest with a non-opioid RxNorm code and an opioid-free text stays clean', () => {
    expect(
      run(
        medicationRequest({
          patientId: P,
          medication: { concept: concept([rxnorm('314076', 'lisinopril 10 MG Oral Tablet')]) },
        }),
      ).conflicts,
    ).toEqual([]);
  });
});
