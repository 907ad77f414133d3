/** Card rules: an opioid ordered for a patient on naltrexone (any dose) or inside its blockade window. */
import { describe, expect, it } from 'vitest';
import type { MedicationRequest } from 'fhir/r4';
import {
  concept,
  medication,
  medicationAdministration,
  medicationRequest,
  rxnorm,
} from '../../../fixtures/factories.ts';
import { daysBefore } from '../../../fixtures/dates.ts';
import { compoundedLdn } from '../../../fixtures/patients-cds.ts';
import { OVERRIDE_SYSTEM } from '../../../src/core/cds/index.ts';
import type { CdsCard } from '../../../src/core/cds/types.ts';
import { cards, chartOf, DRAFT, NOW, orderContext, PATIENT } from './support.ts';
import { readGap } from '../../../src/core/chart.ts';

const ldnOrder = (over: Partial<Parameters<typeof medicationRequest>[0]> = {}): MedicationRequest =>
  medicationRequest({
    id: 'ldn-1',
    patientId: PATIENT,
    medication: { contained: compoundedLdn('c', 4.5) },
    status: 'active',
    authoredOn: daysBefore(NOW, 40),
    ...over,
  });

function expectWellFormed(card: CdsCard): void {
  expect(card.summary.length).toBeLessThan(140);
  expect(card.uuid).toMatch(/^uuid-/);
  expect(card.source.url).toMatch(/^https:\/\//);
  expect(card.detail.length).toBeGreaterThan(50);
}

describe('opioid draft for a patient on naltrexone', () => {
  it('gives one critical card naming the LDN order, what happens, the hold suggestion and override reasons', () => {
    const { cards: out } = cards('order-select', orderContext([DRAFT.oxycodone()]), chartOf([ldnOrder()]));
    expect(out).toHaveLength(1);
    const card = out[0]!;
    expectWellFormed(card);
    expect(card.indicator).toBe('critical');
    expect(card.summary).toContain('Naltrexone HCl 4.5 mg oral capsule');
    expect(card.detail).toContain('oxycodone hydrochloride 5 MG Oral Tablet');
    expect(card.detail).toMatch(/pain relief/);
    expect(card.detail).toMatch(/LDN must be held/);
    expect(card.detail).toContain('ordered 22 Oct 2026');
    expect(card.source.url).toContain('dailymed.nlm.nih.gov');
    expect(card.selectionBehavior).toBe('at-most-one');
    const s = card.suggestions?.[0];
    expect(s?.label).toBe('Hold LDN from 1 Dec 2026');
    expect(s?.actions[0]?.description).toContain('Naltrexone HCl 4.5 mg oral capsule');
    expect(s?.isRecommended).toBe(false);
    const action = s?.actions[0];
    expect(action?.type).toBe('update');
    expect((action?.resource as MedicationRequest).id).toBe('ldn-1');
    expect((action?.resource as MedicationRequest).status).toBe('on-hold');
    expect(card.overrideReasons?.length).toBeGreaterThanOrEqual(2);
    for (const r of card.overrideReasons ?? [])
      expect(r).toMatchObject({ system: OVERRIDE_SYSTEM, code: expect.any(String), display: expect.any(String) });
  });

  it('flags naltrexone 50 mg too (any dose), and tramadol as an opioid', () => {
    const ntx = medicationRequest({
      id: 'ntx',
      patientId: PATIENT,
      medication: { concept: concept([rxnorm('1483744', 'naltrexone hydrochloride 50 MG Oral Tablet')]) },
      authoredOn: daysBefore(NOW, 5),
    });
    const { cards: out } = cards('order-sign', orderContext([DRAFT.tramadol()]), chartOf([ntx]));
    expect(out.map((c) => c.indicator)).toEqual(['critical']);
    expect(out[0]!.summary).toContain('naltrexone hydrochloride 50 MG');
  });

  it('counts oral naltrexone stopped inside the 5-day blockade window, not after it', () => {
    const stopped = (days: number) =>
      ldnOrder({ status: 'stopped', validity: { start: daysBefore(NOW, 60), end: daysBefore(NOW, days) } });
    const inside = cards('order-select', orderContext([DRAFT.oxycodone()]), chartOf([stopped(3)])).cards;
    expect(inside).toHaveLength(1);
    expect(inside[0]!.detail).toContain('last known dose 28 Nov 2026; blockade possible until 3 Dec 2026');
    expect(inside[0]!.suggestions).toBeUndefined(); // nothing to hold: the order has ended
    expect(cards('order-select', orderContext([DRAFT.oxycodone()]), chartOf([stopped(8)])).cards).toEqual([]);
  });

  it('keeps an extended-release naltrexone injection in play for 28 days', () => {
    const viv = medicationAdministration({
      id: 'viv',
      patientId: PATIENT,
      medication: { concept: concept([], 'Vivitrol 380 mg extended-release injectable suspension') },
      status: 'completed',
      effective: daysBefore(NOW, 20),
    });
    const out = cards('order-select', orderContext([DRAFT.oxycodone()]), chartOf([viv])).cards;
    expect(out).toHaveLength(1);
    expect(out[0]!.detail).toContain('about 28 days');
    const old = { ...viv, effectiveDateTime: daysBefore(NOW, 30) };
    expect(cards('order-select', orderContext([DRAFT.oxycodone()]), chartOf([old])).cards).toEqual([]);
  });

  it('says nothing for a non-opioid draft, an empty draft, or an opioid for a patient without naltrexone', () => {
    expect(cards('order-select', orderContext([DRAFT.ibuprofen()]), chartOf([ldnOrder()])).cards).toEqual([]);
    const empty = { resourceType: 'MedicationRequest', id: 'blank', status: 'draft', category: { text: 'outpatient' } };
    expect(cards('order-select', orderContext([empty as never]), chartOf([ldnOrder()])).cards).toEqual([]);
    expect(cards('order-select', { patientId: PATIENT }, chartOf([ldnOrder()])).cards).toEqual([]);
    expect(cards('order-select', orderContext([DRAFT.oxycodone()]), chartOf([])).cards).toEqual([]);
  });

  it('reads a draft whose medicationReference points at a Medication sent with the drafts', () => {
    const med = medication({
      id: 'm1',
      code: concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]),
    });
    const draft = medicationRequest({
      id: 'd-ref',
      patientId: PATIENT,
      status: 'draft',
      medication: { reference: 'Medication/m1' },
    });
    const out = cards('order-select', orderContext([draft, med]), chartOf([ldnOrder()])).cards;
    expect(out.map((c) => c.indicator)).toEqual(['critical']);
    expect(out[0]!.detail).toContain('oxycodone hydrochloride 5 MG Oral Tablet');
  });

  it('accepts CDS Hooks 1.0 `medications` and checks only the selected drafts in order-select', () => {
    const v1 = cards(
      'order-select',
      { patientId: PATIENT, medications: [DRAFT.oxycodone()] },
      chartOf([ldnOrder()]),
    ).cards;
    expect(v1).toHaveLength(1);
    const ctx = orderContext([DRAFT.oxycodone(), DRAFT.ibuprofen()], { selections: ['MedicationRequest/d-ibu'] });
    expect(cards('order-select', ctx, chartOf([ldnOrder()])).cards).toEqual([]);
    const unknownSelection = orderContext([DRAFT.oxycodone()], { selections: ['MedicationRequest/nope'] });
    expect(cards('order-select', unknownSelection, chartOf([ldnOrder()])).cards).toHaveLength(1);
  });

  it('says the check was incomplete when the chart has a gap, never silence', () => {
    const gap = readGap('MedicationStatement', 'failed', { what: 'search-failed', answer: 'status', status: 503 });
    const out = cards('order-sign', orderContext([DRAFT.oxycodone()]), chartOf([], [gap])).cards;
    expect(out).toHaveLength(1);
    expect(out[0]!.indicator).toBe('warning');
    expect(out[0]!.summary).toMatch(/incomplete/);
    expect(out[0]!.detail).toContain(
      '- MedicationStatement: could not be read (the server reported an error or could not be reached); the server answered 503',
    );
    // A draft that needs no check says nothing, even on a partial chart.
    expect(cards('order-sign', orderContext([DRAFT.ibuprofen()]), chartOf([], [gap])).cards).toEqual([]);
  });

  it('escapes markdown in chart names so an EHR cannot be made to render a link', () => {
    const evil = ldnOrder({
      medication: { concept: concept([], 'naltrexone 4.5 mg [click](javascript:alert(1)) <b>x</b>') },
    });
    const card = cards('order-select', orderContext([DRAFT.oxycodone()]), chartOf([evil])).cards[0]!;
    expect(card.detail).not.toContain('[click](');
    expect(card.detail).toContain('\\[click\\]');
    expect(card.detail).not.toContain('<b>');
  });
});
