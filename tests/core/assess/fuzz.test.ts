/**
 * Property tests: random and malformed resources never make assess throw, and its result always has the contract's
 * shape. Counts of generated cases are printed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/core/assess/index.ts';
import type { Chart } from '../../../src/core/chart.ts';
import { bundleToChart } from '../../../src/core/fhir/bundle-to-chart.ts';
import { SYSTEM } from '../../../fixtures/factories.ts';

const VERDICTS = ['candidate', 'candidate-with-cautions', 'not-recommended', 'no-indication', 'incomplete'];
const words = fc.constantFrom(
  'oxycodone',
  'HYDROcodone',
  'naltrexone',
  'methylnaltrexone',
  'Suboxone',
  'fibromyalgia',
  "Crohn's",
  'K50.90',
  'F11.20',
  '[Brand]',
  'kratom',
  'Sublocade',
  'Tylenol #3',
  'T3',
  'patch',
  'high risk pregnancy',
  'overdose',
  '/',
  '',
  ' ',
  '\u0000',
  '𝔘',
);
const text = fc.oneof(
  fc.string(),
  fc.array(words, { maxLength: 6 }).map((w) => w.join(' ')),
);
const anyJson = fc.anything({ maxDepth: 3 });
const coding = fc.record(
  {
    system: fc.oneof(
      fc.constantFrom(...Object.values(SYSTEM), 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets'),
      fc.string(),
      anyJson,
    ),
    code: fc.oneof(
      fc.constantFrom(
        '1049621',
        '7243',
        '1483744',
        'K50.90',
        'M79.7',
        '95417003',
        'F11.2',
        'T40.1X1A',
        'T402X5D',
        'F11.23',
        '1996184',
        'Q9992',
        'J2315',
        '637216',
        '47200007',
        '82423001',
        'O09.90',
      ),
      fc.string(),
      anyJson,
    ),
    display: fc.oneof(text, anyJson),
  },
  { requiredKeys: [] },
);
const codeable = fc.oneof(
  fc.record(
    { coding: fc.oneof(fc.array(coding, { maxLength: 3 }), anyJson), text: fc.oneof(text, anyJson) },
    { requiredKeys: [] },
  ),
  anyJson,
);
const date = fc.oneof(
  fc.constantFrom('2026-03-10', '2026', '2026-02', '2026-03-14T23:59:59Z', 'yesterday', '2026-13-45'),
  fc.string(),
  anyJson,
);
const period = fc.oneof(fc.record({ start: date, end: date }, { requiredKeys: [] }), anyJson);
const status = fc.oneof(
  fc.constantFrom('active', 'completed', 'stopped', 'entered-in-error', 'unknown', 'not-taken', 'on-hold'),
  fc.string(),
  anyJson,
);

const medResource = fc.record(
  {
    id: fc.oneof(fc.string(), anyJson),
    status,
    medicationCodeableConcept: codeable,
    medicationReference: fc.oneof(
      fc.record(
        { reference: fc.oneof(fc.constantFrom('#m', 'Medication/m1', 'Medication/none'), fc.string()), display: text },
        { requiredKeys: [] },
      ),
      anyJson,
    ),
    contained: fc.oneof(
      fc.array(
        fc.record(
          {
            resourceType: fc.constant('Medication'),
            id: fc.constantFrom('m', 'x'),
            code: codeable,
            ingredient: fc.oneof(fc.array(fc.record({ itemCodeableConcept: codeable }, { requiredKeys: [] })), anyJson),
          },
          { requiredKeys: [] },
        ),
      ),
      anyJson,
    ),
    authoredOn: date,
    effectiveDateTime: date,
    effectivePeriod: period,
    whenHandedOver: date,
    dateAsserted: date,
    daysSupply: fc.oneof(
      fc.record({
        value: fc.oneof(fc.integer(), fc.double()),
        unit: fc.constantFrom('d', 'days', 'wk', 'mo', 'h', 'zz'),
      }),
      anyJson,
    ),
    dispenseRequest: fc.oneof(
      fc.record({ validityPeriod: period, expectedSupplyDuration: anyJson }, { requiredKeys: [] }),
      anyJson,
    ),
    authorizingPrescription: fc.oneof(fc.array(fc.record({ reference: fc.string() })), anyJson),
  },
  { requiredKeys: [] },
);
const condResource = fc.record(
  {
    id: fc.oneof(fc.string(), anyJson),
    code: codeable,
    clinicalStatus: codeable,
    verificationStatus: codeable,
    abatementDateTime: date,
    abatementPeriod: period,
    abatementBoolean: fc.oneof(fc.boolean(), anyJson),
    abatementString: anyJson,
  },
  { requiredKeys: [] },
);
const allergyResource = fc.record(
  {
    id: fc.oneof(fc.string(), anyJson),
    code: codeable,
    clinicalStatus: codeable,
    verificationStatus: codeable,
    reaction: fc.oneof(fc.array(fc.record({ substance: codeable }, { requiredKeys: [] })), anyJson),
    recordedDate: date,
  },
  { requiredKeys: [] },
);
const plannedResource = fc.record(
  {
    id: fc.oneof(fc.string(), anyJson),
    status: fc.oneof(
      fc.constantFrom('active', 'draft', 'preparation', 'booked', 'pending', 'proposed', 'completed'),
      anyJson,
    ),
    intent: fc.oneof(fc.constantFrom('order', 'plan', 'proposal'), anyJson),
    code: codeable,
    category: fc.oneof(fc.array(codeable), codeable),
    occurrenceDateTime: fc.oneof(fc.constantFrom('2026-03-18', '2026-04-10', '2026-03-15T08:00:00Z'), date),
    occurrencePeriod: period,
    performedDateTime: date,
    performedPeriod: period,
    start: date,
    serviceType: fc.oneof(fc.array(codeable), anyJson),
    reasonCode: fc.oneof(fc.array(codeable), anyJson),
    description: fc.oneof(text, fc.constantFrom('Laparoscopic cholecystectomy', 'Total hip arthroplasty'), anyJson),
  },
  { requiredKeys: [] },
);
const list = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 5, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: arb }, anyJson), { maxLength: 6 }) },
    { weight: 1, arbitrary: anyJson },
  );

const chartArb = fc.record({
  conditions: list(condResource),
  medicationRequests: list(medResource),
  medicationStatements: list(medResource),
  medicationDispenses: list(medResource),
  medicationAdministrations: list(medResource),
  medications: list(
    fc.record({ id: fc.constantFrom('m1', 'm2'), code: codeable, ingredient: anyJson }, { requiredKeys: [] }),
  ),
  allergies: list(allergyResource),
  serviceRequests: list(plannedResource),
  procedures: list(plannedResource),
  appointments: list(plannedResource),
  searched: fc.oneof(
    fc.constant(undefined),
    fc.subarray(['Condition', 'MedicationRequest', 'AllergyIntolerance', 'ServiceRequest', 'Procedure', 'Appointment']),
    anyJson,
  ),
  gaps: fc.oneof(
    fc.constant([]),
    fc.array(
      fc.record({ resourceType: fc.constant('Condition'), reason: fc.constant('failed'), detail: fc.string() }),
      { maxLength: 2 },
    ),
  ),
});

describe('fuzz', () => {
  it('assess never throws on random or malformed charts and always returns the contract shape', () => {
    let runs = 0;
    fc.assert(
      fc.property(
        chartArb,
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (chart, now) => {
          runs++;
          const a = assess(chart as unknown as Chart, now);
          expect(VERDICTS).toContain(a.verdict);
          expect(a.complete).toBe(a.gaps.length === 0);
          if (!a.complete) expect(a.verdict).toBe('incomplete');
          expect(typeof a.summary).toBe('string');
          for (const c of a.conflicts) {
            expect(c.sources.length).toBeGreaterThan(0);
            expect(typeof c.kind).toBe('string');
            expect(c.needsOverride).toBe(c.severity === 'contraindicated' || c.severity === 'major');
          }
          if (a.opioidFreeFrom !== undefined) expect(a.opioidFreeFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        },
      ),
      { numRuns: 1000 },
    );
    console.log(`[fuzz] assess: ${runs} random charts, no exception`);
    expect(runs).toBe(1000);
  }, 120_000);

  it('bundleToChart never throws on arbitrary JSON and on bundles of random entries', () => {
    let runs = 0;
    const bundle = fc.record(
      {
        resourceType: fc.constant('Bundle'),
        type: fc.constantFrom('searchset', 'collection', 'transaction'),
        entry: fc.oneof(
          fc.array(
            fc.record(
              {
                resource: fc.oneof(
                  medResource.map((m) => ({ ...m, resourceType: 'MedicationRequest' })),
                  condResource.map((c) => ({ ...c, resourceType: 'Condition' })),
                  allergyResource.map((a) => ({ ...a, resourceType: 'AllergyIntolerance' })),
                  fc
                    .tuple(plannedResource, fc.constantFrom('ServiceRequest', 'Procedure', 'Appointment'))
                    .map(([r, resourceType]) => ({ ...r, resourceType })),
                  anyJson,
                ),
                fullUrl: fc.string(),
              },
              { requiredKeys: [] },
            ),
          ),
          anyJson,
        ),
        link: anyJson,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(anyJson, bundle), (input) => {
        runs++;
        const r = bundleToChart(input);
        if (r.ok) assess(r.value, '2026-03-15');
      }),
      { numRuns: 1000 },
    );
    console.log(`[fuzz] bundleToChart + assess: ${runs} random inputs, no exception`);
    expect(runs).toBe(1000);
  }, 120_000);
});
