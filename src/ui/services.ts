/**
 * What the clinician's screen calls: the chart reader, the assessment, the planner, the order builder and the
 * order writer. The screen takes them as one object so component tests can pass fakes for the I/O parts;
 * ClinicianApp wires the real ones.
 */
import type { Assessment } from '../core/assess/types.ts';
import type { Chart } from '../core/chart.ts';
import type { OrderInput } from '../core/order/input.ts';
import type { OrderDraft } from '../core/order/types.ts';
import type { Result } from '../core/result.ts';
import type { TitrationPreset } from '../core/titration/presets.ts';
import type { PlanProblem, TitrationInput, TitrationPlan } from '../core/titration/types.ts';
import type { FhirHttp, ReadProgress } from '../edge/types.ts';
import type { WriteOptions, WriteOutcome } from './write-types.ts';

export interface ClinicianServices {
  readChart(
    http: FhirHttp,
    patientId: string,
    opts: { onProgress?: (p: ReadProgress) => void; signal?: AbortSignal },
  ): Promise<Chart>;
  assess(chart: Chart, now: Date | string): Assessment;
  planTitration(input: TitrationInput): Result<TitrationPlan, PlanProblem[]>;
  presets: readonly TitrationPreset[];
  buildOrder(input: OrderInput): OrderDraft;
  reportedOnlyOrder(draft: OrderDraft): OrderDraft;
  orderSummaryLines(draft: OrderDraft): string[];
  orderAsText(draft: OrderDraft): string;
  writeOrder(http: FhirHttp, draft: OrderDraft, opts: WriteOptions): Promise<WriteOutcome>;
  /** crypto.randomUUID in the browser. */
  randomUUID(): string;
  /** The clock: the assessment's `now` and the order's authoredOn. */
  now(): Date;
  /** sessionStorage, or undefined when the frame may not use it. */
  storage: Storage | undefined;
}
