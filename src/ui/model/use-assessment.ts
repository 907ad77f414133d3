/**
 * Reads the chart and assesses it: the screen's first state machine (reading -> ready | failed), with the
 * progress count for large charts and a retry that re-reads everything.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Patient } from 'fhir/r4';
import type { Assessment } from '../../core/assess/types.ts';
import { findExistingLdnOrders, type ExistingLdnOrder } from '../../core/order/existing-ldn.ts';
import type { FhirHttp, ReadProgress } from '../../edge/types.ts';
import type { ClinicianServices } from '../services.ts';
import { summariseChart, type ChartSummary } from './chart-summary.ts';

export type AssessmentState =
  | { phase: 'reading'; progress?: ReadProgress }
  /** `patient`: the launch patient as read, only when its id was the launch patient's (the banner's source). */
  /** `existing`: active or on-hold LDN orders already in the chart (src/core/order/existing-ldn.ts). */
  | { phase: 'ready'; assessment: Assessment; chart: ChartSummary; existing: ExistingLdnOrder[]; patient?: Patient }
  /** The reader itself broke (a bug, not a gap): nothing can be said about the chart. */
  | { phase: 'failed'; message: string };

export function useAssessment(
  services: ClinicianServices,
  http: FhirHttp,
  patientId: string,
): { state: AssessmentState; retry: () => void } {
  const [state, setState] = useState<AssessmentState>({ phase: 'reading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ phase: 'reading' });
    let settled = false;
    const chartRead = services
      .readChart(http, patientId, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (!controller.signal.aborted) setState({ phase: 'reading', progress: { ...progress } });
        },
      })
      .finally(() => {
        settled = true;
      });
    // While the answer is on the wire, and only then: the warm-up takes the idle time the wait gives, never the
    // time after the answer (a chart already read is assessed at once).
    const warm = setTimeout(() => {
      if (!settled && !controller.signal.aborted) services.warmUp?.(services.now());
    }, 0);
    chartRead
      .then((chart) => {
        if (controller.signal.aborted) return;
        const now = services.now();
        const ready: AssessmentState = {
          phase: 'ready',
          assessment: services.assess(chart, now),
          chart: summariseChart(chart),
          existing: findExistingLdnOrders(chart, now),
        };
        setState(chart.patient ? { ...ready, patient: chart.patient } : ready);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setState({ phase: 'failed', message: e instanceof Error ? e.message : String(e) });
      });
    return () => {
      clearTimeout(warm);
      controller.abort();
    };
  }, [services, http, patientId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
