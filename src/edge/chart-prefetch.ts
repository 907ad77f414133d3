/**
 * A chart read started by the app entry as soon as the token is there, before the clinician screen's code has
 * downloaded (issue 14 item 1: the searches used to wait 50-110 ms for that chunk to parse). The screen's first
 * read takes it over, with its progress so far; any later read (a retry) reads afresh. One read at a time, held
 * in this module only, never in storage.
 */
import type { Chart } from '../core/chart.ts';
import type { FhirHttp, ReadProgress } from './types.ts';
import { readChart, type ReadChartOptions } from './chart-reader.ts';

interface Prefetched {
  http: FhirHttp;
  patientId: string;
  chart: Promise<Chart>;
  controller: AbortController;
  latest?: ReadProgress;
  onProgress?: (p: ReadProgress) => void;
}

let prefetched: Prefetched | undefined;

/** Starts reading the chart now; the screen's first `takePrefetchedRead` for the same port and patient gets it. */
export function startChartRead(http: FhirHttp, patientId: string, read: typeof readChart = readChart): void {
  const controller = new AbortController();
  const entry: Prefetched = { http, patientId, controller, chart: Promise.resolve(undefined as never) };
  entry.chart = read(http, patientId, {
    signal: controller.signal,
    onProgress: (p) => {
      entry.latest = p;
      entry.onProgress?.(p);
    },
  });
  // A read nobody takes (the launch failed meanwhile) must not surface as an unhandled rejection.
  entry.chart.catch(() => undefined);
  prefetched = entry;
}

/**
 * The prefetched read for this port and patient, once; undefined when there is none (then read as usual).
 * The caller's progress callback gets the latest progress at once, then every update; its signal cancels the read.
 */
export function takePrefetchedRead(
  http: FhirHttp,
  patientId: string,
  opts: Pick<ReadChartOptions, 'onProgress' | 'signal'> = {},
): Promise<Chart> | undefined {
  const entry = prefetched;
  if (!entry || entry.http !== http || entry.patientId !== patientId) return undefined;
  prefetched = undefined;
  if (opts.signal?.aborted) entry.controller.abort();
  opts.signal?.addEventListener('abort', () => entry.controller.abort(), { once: true });
  if (opts.onProgress) {
    entry.onProgress = opts.onProgress;
    if (entry.latest) opts.onProgress(entry.latest);
  }
  return entry.chart;
}
