/**
 * Where the plan section appears, in the verdict part of the screen (issue 14 item 1): the planning chunk is
 * fetched once the verdict is on screen (in the browser's next idle moment, or a timeout where there is no
 * requestIdleCallback), so it is usually there before the clinician scrolls to it. Until then a short status
 * says it is loading, never an empty area; a failed download (network) says so and offers a retry. Nothing is
 * written either way: writing needs the plan section and the clinician's click in it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ClinicianServices, Planning } from '../services.ts';
import { L } from '../strings.ts';
import type { PlanSectionProps } from './PlanSection.tsx';

export type PlanningState = { phase: 'waiting' | 'loading' | 'failed' } | { phase: 'ready'; planning: Planning };

/** Schedules `run` after the current paint; returns the cancel. */
function afterPaint(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    // The timeout bounds the wait on a busy page: the planner should not wait for a quiet moment forever.
    const id = requestIdleCallback(run, { timeout: 300 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
}

/**
 * The planning chunk's download: not before `start` (the verdict is on screen), then once; `retry` after a
 * failure starts it again at once. Held by the screen, so a re-read of the chart neither downloads it again nor
 * drops a download under way.
 */
export function usePlanning(
  services: Pick<ClinicianServices, 'loadPlanning'>,
  start: boolean,
): { state: PlanningState; retry: () => void } {
  const [state, setState] = useState<PlanningState>({ phase: 'waiting' });
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const load = useCallback(() => {
    setState({ phase: 'loading' });
    let loading: Promise<Planning>;
    try {
      loading = services.loadPlanning();
    } catch (e) {
      loading = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    loading.then(
      (planning) => mounted.current && setState({ phase: 'ready', planning }),
      () => mounted.current && setState({ phase: 'failed' }),
    );
  }, [services]);
  const waiting = state.phase === 'waiting';
  useEffect(() => (start && waiting ? afterPaint(load) : undefined), [start, waiting, load]);
  return { state, retry: load };
}

export interface PlanAreaProps extends Omit<PlanSectionProps, 'planServices'> {
  planning: PlanningState;
  onRetryLoad: () => void;
}

/** The plan section once downloaded; before that its loading status, or the failure and a retry. */
export function PlanArea({ planning, onRetryLoad, ...props }: PlanAreaProps) {
  if (planning.phase === 'ready') {
    const { PlanSection, services } = planning.planning;
    return <PlanSection {...props} planServices={services} />;
  }
  if (planning.phase === 'failed') {
    return (
      <div class="outcome outcome--failed screen-only" role="alert" data-planning="failed">
        <p>{L.failed}</p>
        <button type="button" class="button" onClick={onRetryLoad}>
          {L.retry}
        </button>
      </div>
    );
  }
  return (
    <p class="progress screen-only" role="status" data-planning="loading">
      {L.loading}
    </p>
  );
}
