/**
 * The second pass's reads (issue 9 item 1) and parallel offset paging (issue 14 item 1), over MSW in front of the
 * sandbox engine: allergies in every status, planned ServiceRequests, Procedures and Appointments with the
 * searches real servers support, each one's failure a gap; and the round trips a long chart takes when the
 * server pages by offset with a total (parallel) or by an opaque cursor (sequential).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import type { Resource } from 'fhir/r4';
import { createFhirEngine } from '../../sandbox/fhir/engine.ts';
import { createNodeFhirHttp } from '../../src/adapters/node-fhir-http.ts';
import { readChart, type ReadStats } from '../../src/edge/chart-reader.ts';
import { assess } from '../../src/core/assess/assess.ts';
import { FHIR_BASE } from '../support/msw/base.ts';
import { engineHandlers } from '../support/msw/engine-handler.ts';
import { searchFault } from '../support/msw/faults.ts';
import { opaquePaging } from '../support/msw/integrity.ts';
import { recordRequests } from '../support/msw/request-log.ts';
import {
  allergyIntolerance,
  appointment,
  concept,
  condition,
  patient,
  procedure,
  serviceRequest,
  snomed,
} from '../../fixtures/factories.ts';

const NOW = '2026-12-01T09:00:00Z';
const P = 'pat-planned';
const LONG = 'pat-long';
const engine = createFhirEngine({ baseUrl: FHIR_BASE });
const server = setupServer(...engineHandlers(engine, FHIR_BASE));
const fhir = createNodeFhirHttp(FHIR_BASE);
const surgery = concept([snomed('609588000', 'Total knee replacement')]);
const longConditions: Resource[] = Array.from({ length: 10 }, (_, i) =>
  condition({ id: `${LONG}-c${i}`, patientId: LONG, code: concept([], `Condition ${i}`) }),
);

beforeAll(async () => {
  await engine.load([
    patient({ id: P, given: 'Plan', family: 'Ahead' }),
    condition({ id: `${P}-fm`, patientId: P, code: concept([snomed('203082005', 'Fibromyalgia')]) }),
    allergyIntolerance({ id: `${P}-a1`, patientId: P, code: concept([], 'Naltrexone') }),
    allergyIntolerance({
      id: `${P}-a2`,
      patientId: P,
      code: concept([], 'Penicillin'),
      clinicalStatus: 'inactive',
      verificationStatus: 'refuted',
    }),
    serviceRequest({ id: `${P}-sr1`, patientId: P, code: surgery, occurrence: '2026-12-05' }),
    serviceRequest({ id: `${P}-sr2`, patientId: P, code: surgery, status: 'completed', occurrence: '2026-01-05' }),
    procedure({ id: `${P}-pr1`, patientId: P, code: surgery, performed: '2026-12-06' }),
    procedure({ id: `${P}-pr2`, patientId: P, code: surgery, status: 'completed', performed: '2025-06-01' }),
    appointment({
      id: `${P}-ap1`,
      patientId: P,
      start: '2026-12-05T09:00:00Z',
      end: '2026-12-05T11:00:00Z',
      reason: surgery,
    }),
    appointment({
      id: `${P}-ap2`,
      patientId: P,
      start: '2026-10-05T09:00:00Z',
      end: '2026-10-05T11:00:00Z',
      reason: surgery,
    }),
    appointment({
      id: `${P}-ap3`,
      patientId: P,
      status: 'cancelled',
      start: '2026-12-07T09:00:00Z',
      end: '2026-12-07T10:00:00Z',
    }),
    patient({ id: LONG, given: 'Long', family: 'Chart' }),
    ...longConditions,
  ]);
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('allergies and planned procedures', () => {
  it('reads every allergy status, and only planned requests, procedures and upcoming appointments', async () => {
    const log = recordRequests(server);
    const chart = await readChart(fhir, P, { now: new Date(NOW) });
    log.stop();
    expect(chart.gaps).toEqual([]);
    expect(chart.allergies.map((r) => r.id).sort()).toEqual([`${P}-a1`, `${P}-a2`]);
    expect(chart.serviceRequests.map((r) => r.id)).toEqual([`${P}-sr1`]);
    expect(chart.procedures.map((r) => r.id)).toEqual([`${P}-pr1`]);
    expect(chart.appointments.map((r) => r.id)).toEqual([`${P}-ap1`]);
    const query = (type: string) =>
      new URL(log.requests.find((r) => r.path.includes(`/${type}?`))!.path, FHIR_BASE).searchParams;
    expect(query('AllergyIntolerance').has('status')).toBe(false);
    expect(query('ServiceRequest').get('status')).toBe('draft,active');
    expect(query('Procedure').get('status')).toBe('preparation,in-progress');
    expect(query('Appointment').get('status')).toBe('proposed,pending,booked');
    expect(query('Appointment').get('date')).toBe('ge2026-11-30');
    expect(log.roundTrips()).toBe(1);
  });

  it.each([
    ['AllergyIntolerance', '403', 'refused'],
    ['ServiceRequest', '500', 'failed'],
    ['Procedure', 'timeout', 'timeout'],
    ['Appointment', '404', 'not-found'],
  ] as const)('a %s search that answers %s is a %s gap, and the verdict is incomplete', async (type, fault, reason) => {
    server.use(searchFault(engine, FHIR_BASE, type, fault));
    const chart = await readChart(fhir, P, { now: new Date(NOW), timeoutMs: 300 });
    expect(chart.gaps.map((g) => [g.resourceType, g.reason])).toEqual([[type, reason]]);
    expect(chart.searched).toContain(type);
    expect(assess(chart, NOW).verdict).toBe('incomplete');
  });
});

describe('paging round trips (issue 14 item 1)', () => {
  it('reads the remaining offset pages together when the server gives a total: 2 round trips instead of 5', async () => {
    const log = recordRequests(server);
    let stats: ReadStats | undefined;
    const chart = await readChart(fhir, LONG, { pageSize: 2, now: new Date(NOW), onStats: (s) => (stats = s) });
    log.stop();
    expect(chart.gaps).toEqual([]);
    expect(chart.conditions.map((c) => c.id)).toEqual(longConditions.map((c) => c.id));
    expect(log.count((r) => r.path.includes('/Condition?'))).toBe(5);
    expect(log.roundTrips()).toBe(2);
    expect(stats).toMatchObject({ roundTrips: 2, pages: expect.objectContaining({ Condition: 5 }) });
  });

  it('keeps sequential paging for opaque links, even with a total: one round trip per page', async () => {
    server.use(opaquePaging(FHIR_BASE, 'Condition', longConditions, 4));
    const log = recordRequests(server);
    const chart = await readChart(fhir, LONG, { pageSize: 4, now: new Date(NOW) });
    log.stop();
    expect(chart.gaps).toEqual([]);
    expect(chart.conditions).toHaveLength(10);
    expect(log.count((r) => r.path.includes('/Condition?'))).toBe(3);
    expect(log.roundTrips()).toBe(3);
  });

  it('stops at the page limit with a truncated gap, parallel or not', async () => {
    const chart = await readChart(fhir, LONG, { pageSize: 2, maxPages: 3, now: new Date(NOW) });
    expect(chart.conditions).toHaveLength(6);
    expect(chart.gaps).toEqual([expect.objectContaining({ resourceType: 'Condition', reason: 'truncated' })]);
  });
});
