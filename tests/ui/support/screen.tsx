/**
 * Test support for the clinician's screen: the real clinical core, planner and order builder, with the I/O parts
 * (chart reader, order writer, patient read) replaced by fakes that record their calls. The plan section arrives
 * as it does in the app, through `loadPlanning` (a promise), which a test can make fail.
 */
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import type { Patient } from 'fhir/r4';
import { assess } from '../../../src/core/assess/assess.ts';
import { emptyChart, type Chart } from '../../../src/core/chart.ts';
import type { OrderDraft } from '../../../src/core/order/types.ts';
import { ACKNOWLEDGEMENT_TITLE } from '../../../src/core/order/detected-issue.ts';
import type { WriteOrderOptions as WriteOptions, WriteOutcome } from '../../../src/edge/order-writer.ts';
import type { FhirHttp, LaunchContext, ReadProgress } from '../../../src/edge/types.ts';
import { ClinicianScreen } from '../../../src/ui/ClinicianScreen.tsx';
import { PlanSection } from '../../../src/ui/plan/PlanSection.tsx';
import { realPlanServices } from '../../../src/ui/plan/planning.ts';
import type { ClinicianServices, PlanServices } from '../../../src/ui/services.ts';
import { concept, condition, icd10, medicationStatement, patient, rxnorm } from '../../../fixtures/factories.ts';

/** The fixed "now" of every screen test. */
export const NOW = new Date('2026-11-25T12:00:00Z');
export const PATIENT_ID = 'p-ui';
export const SERVER = 'https://ehr.example.org/fhir';

export function launchContext(overrides: Partial<LaunchContext> = {}): LaunchContext {
  return {
    launchType: 'ehr',
    serverUrl: SERVER,
    patientId: PATIENT_ID,
    fhirUser: 'Practitioner/dr-1',
    needPatientBanner: false,
    grantedScopes: [
      'launch',
      'openid',
      'fhirUser',
      'patient/Condition.rs',
      'patient/MedicationRequest.crs',
      'patient/DetectedIssue.c',
    ],
    ...overrides,
  };
}

/** A chart built from parts; the rest empty. */
export function chartOf(parts: Partial<Chart>): Chart {
  return { ...emptyChart(), ...parts };
}

export const fibromyalgia = () =>
  condition({ id: 'cond-fm', patientId: PATIENT_ID, code: concept([icd10('M79.7', 'Fibromyalgia')]) });

/** Oxycodone taken until five days before NOW: inside the washout window (a major conflict). */
export const recentOxycodone = () =>
  medicationStatement({
    id: 'ms-oxy',
    patientId: PATIENT_ID,
    status: 'completed',
    medication: { concept: concept([rxnorm('7804', 'oxycodone')]) },
    effective: { start: '2026-10-01', end: '2026-11-20' },
  });

export interface Fakes {
  services: ClinicianServices;
  /** The plan services loadPlanning yields (real planner and builder, the fake writer). */
  planServices: PlanServices;
  loadPlanning: ReturnType<typeof vi.fn>;
  http: FhirHttp & { fetch: ReturnType<typeof vi.fn> };
  readChart: ReturnType<typeof vi.fn>;
  writeOrder: ReturnType<typeof vi.fn>;
  written: OrderDraft[];
  /** The options of each write (concurrency check, the order replaced). */
  writeOptions: WriteOptions[];
  storage: Storage;
}

export interface FakeOptions {
  /** The charts the reader returns, one per read (the last repeats). */
  charts: Chart[];
  /** Progress reported before the chart is returned. */
  progress?: ReadProgress[];
  /** The writer's answer; default: created MedicationRequest/mr-new. */
  outcome?: (draft: OrderDraft) => WriteOutcome;
  /** Keeps the writer pending until the returned function is called. */
  holdWrite?: boolean;
  patientResource?: Patient;
  storage?: Storage;
  /** The first so many downloads of the plan section fail (a network error), the next succeed. */
  planningFailures?: number;
}

/** The writer's success: every DetectedIssue of the draft saved as one (as a server with DetectedIssue create would). */
export const createdOutcome = (draft?: OrderDraft): WriteOutcome => ({
  kind: 'created',
  medicationRequest: { id: 'mr-new', reference: 'MedicationRequest/mr-new', url: `${SERVER}/MedicationRequest/mr-new` },
  detectedIssues: (draft?.detectedIssues ?? []).map((_, i) => `DetectedIssue/di-${i}`),
  shape: 'full',
  foldedDetectedIssues: 0,
  notes: [],
  recorded: (draft?.detectedIssues ?? []).map((di, i) => ({
    title: di.code?.text ?? '',
    acknowledgement: di.code?.text === ACKNOWLEDGEMENT_TITLE,
    as: 'detected-issue' as const,
    reference: `DetectedIssue/di-${i}`,
  })),
  duplicatesExcluded: true,
});

export function fakes(opts: FakeOptions): Fakes & { releaseWrite: () => void } {
  let reads = 0;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const written: OrderDraft[] = [];
  const writeOptions: WriteOptions[] = [];
  const readChart = vi.fn(async (_http: FhirHttp, _id: string, o: { onProgress?: (p: ReadProgress) => void }) => {
    for (const p of opts.progress ?? []) o.onProgress?.(p);
    const chart = opts.charts[Math.min(reads, opts.charts.length - 1)] ?? emptyChart();
    reads += 1;
    return chart;
  });
  const writeOrder = vi.fn(async (_http: FhirHttp, draft: OrderDraft, o: WriteOptions) => {
    written.push(draft);
    writeOptions.push(o);
    if (opts.holdWrite) await held;
    return (opts.outcome ?? createdOutcome)(draft);
  });
  const pat =
    opts.patientResource ??
    patient({ id: PATIENT_ID, given: 'Ada', family: 'Lovelace', gender: 'female', birthDate: '1985-12-10' });
  const http = {
    baseUrl: SERVER,
    fetch: vi.fn(
      async () =>
        new Response(JSON.stringify(pat), { status: 200, headers: { 'content-type': 'application/fhir+json' } }),
    ),
  };
  const storage = opts.storage ?? window.sessionStorage;
  let uuid = 0;
  const planServices: PlanServices = { ...realPlanServices(), writeOrder };
  let failures = opts.planningFailures ?? 0;
  const loadPlanning = vi.fn(async () => {
    if (failures > 0) {
      failures -= 1;
      throw new TypeError('Failed to fetch dynamically imported module');
    }
    return { PlanSection, services: planServices };
  });
  const services: ClinicianServices = {
    readChart,
    assess,
    randomUUID: () => `00000000-0000-4000-8000-${String(++uuid).padStart(12, '0')}`,
    now: () => NOW,
    storage,
    loadPlanning,
  };
  return {
    services,
    planServices,
    loadPlanning,
    http,
    readChart,
    writeOrder,
    written,
    writeOptions,
    storage,
    releaseWrite: () => release(),
  };
}

export function renderScreen(f: Fakes, context: LaunchContext = launchContext()) {
  return render(<ClinicianScreen context={context} http={f.http} services={f.services} />);
}
