/** Card rules: naltrexone (any dose) ordered for a patient with opioid use; patient-view for a patient on LDN. */
import { describe, expect, it } from 'vitest';
import { concept, condition, icd10, medicationRequest, rxnorm } from '../../../fixtures/factories.ts';
import { daysAfter, daysBefore } from '../../../fixtures/dates.ts';
import { compoundedLdn } from '../../../fixtures/patients-cds.ts';
import { cards, chartOf, DRAFT, NOW, orderContext, PATIENT } from './support.ts';

const TRAMADOL = concept([rxnorm('835603', 'tramadol hydrochloride 50 MG Oral Tablet')]);
const OXYCODONE = concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]);

describe('naltrexone draft for a patient with opioid use', () => {
  it('gives a critical card with the planned end of a current course, the opioid-free date and a smart link', () => {
    const tramadol = medicationRequest({
      id: 'tr',
      patientId: PATIENT,
      medication: { concept: TRAMADOL },
      authoredOn: daysBefore(NOW, 10),
      validity: { start: daysBefore(NOW, 10), end: daysAfter(NOW, 4) },
    });
    const out = cards('order-select', orderContext([DRAFT.ldn()]), chartOf([tramadol])).cards;
    expect(out).toHaveLength(1);
    const card = out[0]!;
    expect(card.indicator).toBe('critical');
    expect(card.summary.length).toBeLessThan(140);
    // planned end 5 Dec 2026 + 10 days (short-acting opioid)
    expect(card.summary).toContain('opioid-free from 15 Dec 2026');
    expect(card.detail).toContain('planned to end 5 Dec 2026');
    expect(card.detail).toContain('tramadol hydrochloride 50 MG Oral Tablet');
    expect(card.links).toEqual([
      { label: 'Open the LDN app for this patient', url: 'https://app.example/launch/', type: 'smart' },
    ]);
    expect(card.overrideReasons?.length).toBeGreaterThan(0);
    expect(card.source.url).toMatch(/^https:/);
  });

  it('gives the washout end for an opioid stopped inside the window, for naltrexone 50 mg as for LDN', () => {
    const oxy = medicationRequest({
      id: 'ox',
      patientId: PATIENT,
      medication: { concept: OXYCODONE },
      status: 'stopped',
      authoredOn: daysBefore(NOW, 20),
      validity: { start: daysBefore(NOW, 20), end: daysBefore(NOW, 3) },
    });
    const out = cards('order-sign', orderContext([DRAFT.naltrexone50()]), chartOf([oxy])).cards;
    expect(out).toHaveLength(1);
    expect(out[0]!.summary).toContain('opioid-free from 8 Dec 2026');
    expect(out[0]!.detail).toContain('last use 28 Nov 2026');
  });

  it('flags opioid use disorder on buprenorphine', () => {
    const oud = condition({
      id: 'oud',
      patientId: PATIENT,
      code: concept([icd10('F11.20', 'Opioid dependence, uncomplicated')]),
      onset: daysBefore(NOW, 500),
    });
    const bup = medicationRequest({
      id: 'bup',
      patientId: PATIENT,
      medication: {
        concept: concept([rxnorm('1010606', 'Buprenorphine 8 MG / Naloxone 2 MG Sublingual Film [Suboxone]')]),
      },
      authoredOn: daysBefore(NOW, 5),
    });
    const out = cards('order-select', orderContext([DRAFT.ldn()]), chartOf([oud, bup])).cards;
    expect(out).toHaveLength(1);
    expect(out[0]!.indicator).toBe('critical');
    expect(out[0]!.detail).toMatch(/Opioid use disorder on agonist therapy/);
    expect(out[0]!.detail).toContain('opioid-free 14 days after the last dose'); // buprenorphine: 14 days
  });

  it('says nothing when the chart has no opioid, and does not count the draft itself as a duplicate', () => {
    expect(cards('order-select', orderContext([DRAFT.ldn()]), chartOf([])).cards).toEqual([]);
    // The EHR prefetched its own draft order: it is not "naltrexone already prescribed".
    const drafted = DRAFT.naltrexone50();
    expect(cards('order-sign', orderContext([drafted]), chartOf([drafted])).cards).toEqual([]);
  });

  it('reports a second naltrexone as a separate warning card', () => {
    const ntx = medicationRequest({
      id: 'ntx',
      patientId: PATIENT,
      medication: { concept: concept([rxnorm('1483744', 'naltrexone hydrochloride 50 MG Oral Tablet')]) },
      authoredOn: daysBefore(NOW, 5),
    });
    const out = cards('order-select', orderContext([DRAFT.ldn()]), chartOf([ntx])).cards;
    expect(out.map((c) => c.indicator)).toEqual(['warning']);
    expect(out[0]!.summary).toMatch(/[Nn]altrexone already prescribed/);
  });
});

describe('patient-view', () => {
  const ldn = () =>
    medicationRequest({
      id: 'ldn-1',
      patientId: PATIENT,
      medication: { contained: compoundedLdn('c', 3) },
      status: 'active',
      authoredOn: daysBefore(NOW, 40),
    });
  const tramadol = () =>
    medicationRequest({
      id: 'tr',
      patientId: PATIENT,
      medication: { concept: TRAMADOL },
      authoredOn: daysBefore(NOW, 2),
    });

  it('speaks for a current LDN order with an opioid in the chart, with the hold suggestion', () => {
    const out = cards('patient-view', { patientId: PATIENT }, chartOf([ldn(), tramadol()])).cards;
    expect(out).toHaveLength(1);
    expect(out[0]!.indicator).toBe('critical');
    expect(out[0]!.summary).toMatch(/^On LDN and an opioid \(naltrexone blocks pain relief\): Naltrexone HCl 3 mg/);
    expect(out[0]!.detail).toContain('Naltrexone HCl 3 mg oral capsule');
    expect(out[0]!.suggestions?.[0]?.actions[0]?.type).toBe('update');
  });

  it('is silent for LDN alone and for an opioid alone', () => {
    expect(cards('patient-view', { patientId: PATIENT }, chartOf([ldn()])).cards).toEqual([]);
    expect(cards('patient-view', { patientId: PATIENT }, chartOf([tramadol()])).cards).toEqual([]);
  });
});
