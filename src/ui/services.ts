/**
 * What the clinician's screen calls, in two parts (issue 14 item 1):
 * - ClinicianServices, needed before the verdict: the chart reader, the assessment, the clock, ids and storage,
 *   and `loadPlanning`, which fetches the second part;
 * - Planning, downloaded after the verdict is on screen: the plan section (planner, overrides, order review,
 *   signing, handout) and its services (planner, order builder, order writer).
 * The screen takes them as objects so component tests can pass fakes for the I/O parts; ClinicianApp wires the
 * real ones (src/ui/real-services.ts, src/ui/plan/planning.ts).
 */
import type { ComponentType } from 'preact';
import type { Assessment } from '../core/assess/types.ts';
import type { Chart } from '../core/chart.ts';
import type { OrderInput } from '../core/order/input.ts';
import type { OrderDraft } from '../core/order/types.ts';
import type { Result } from '../core/result.ts';
import type { TitrationPreset } from '../core/titration/presets.ts';
import type { PlanProblem, TitrationInput, TitrationPlan } from '../core/titration/types.ts';
import type { FhirHttp, ReadProgress } from '../edge/types.ts';
import type { PlanSectionProps } from './plan/PlanSection.tsx';
import type { WriteOptions, WriteOutcome } from './write-types.ts';

/** The verdict's services: everything the screen needs to read the chart and show the result. */
export interface ClinicianServices {
  readChart(
    http: FhirHttp,
    patientId: string,
    opts: { onProgress?: (p: ReadProgress) => void; signal?: AbortSignal },
  ): Promise<Chart>;
  assess(chart: Chart, now: Date | string): Assessment;
  /**
   * Readies `assess` (compiled code, built tables) while the chart is still on the wire, so the verdict does not
   * wait for that after the answer (src/core/assess/warm-up.ts). Optional: tests leave it out.
   */
  warmUp?(now: Date): void;
  /** crypto.randomUUID in the browser. */
  randomUUID(): string;
  /** The clock: the assessment's `now` and the order's authoredOn. */
  now(): Date;
  /** sessionStorage, or undefined when the frame may not use it. */
  storage: Storage | undefined;
  /**
   * The plan section and its services. Production: a dynamic import(), started once the verdict is on screen;
   * rejects when the code cannot be downloaded (the screen then offers a retry; nothing is written).
   */
  loadPlanning(): Promise<Planning>;
}

/** The plan's services: planner, order builder and writer (the last downloaded only when the clinician signs). */
export interface PlanServices {
  planTitration(input: TitrationInput): Result<TitrationPlan, PlanProblem[]>;
  presets: readonly TitrationPreset[];
  buildOrder(input: OrderInput): OrderDraft;
  reportedOnlyOrder(draft: OrderDraft): OrderDraft;
  orderSummaryLines(draft: OrderDraft): string[];
  orderAsText(draft: OrderDraft): string;
  writeOrder(http: FhirHttp, draft: OrderDraft, opts: WriteOptions): Promise<WriteOutcome>;
}

/** What loadPlanning() yields: the component that renders the plan, and the services it uses. */
export interface Planning {
  PlanSection: ComponentType<PlanSectionProps>;
  services: PlanServices;
}
