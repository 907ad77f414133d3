/**
 * The chart read the app entry starts right after the token (issue 14 item 1), taken over by the screen: once,
 * for the same port and patient only, with the progress so far, cancelled by the screen's signal.
 */
import { describe, expect, it } from 'vitest';
import { emptyChart, type Chart } from '../../src/core/chart.ts';
import type { readChart } from '../../src/edge/chart-reader.ts';
import { startChartRead, takePrefetchedRead } from '../../src/edge/chart-prefetch.ts';
import type { FhirHttp, ReadProgress } from '../../src/edge/types.ts';

const port = (): FhirHttp => ({ baseUrl: 'https://ehr.example/fhir', fetch: async () => new Response('{}') });

/** A reader that reports one progress step and resolves when told, recording the signal it got. */
function fakeReader() {
  const state: { signal?: AbortSignal; calls: number; resolve: (c: Chart) => void } = { calls: 0, resolve: () => {} };
  const read = ((_http, _id, opts) => {
    state.calls += 1;
    state.signal = opts?.signal;
    opts?.onProgress?.({ loaded: 3, pending: 2 });
    return new Promise<Chart>((resolve) => (state.resolve = resolve));
  }) as typeof readChart;
  return { read, state };
}

describe('startChartRead / takePrefetchedRead', () => {
  it('hands the one read to the first taker, with the progress so far and every later update', async () => {
    const http = port();
    const { read, state } = fakeReader();
    startChartRead(http, 'p1', read);
    const seen: ReadProgress[] = [];
    const taken = takePrefetchedRead(http, 'p1', { onProgress: (p) => seen.push(p) });
    expect(taken).toBeDefined();
    expect(seen).toEqual([{ loaded: 3, pending: 2 }]);
    const chart = emptyChart();
    state.resolve(chart);
    expect(await taken).toBe(chart);
    expect(state.calls).toBe(1);
    expect(takePrefetchedRead(http, 'p1')).toBeUndefined(); // a retry reads afresh
  });

  it('is not handed to another port or patient', () => {
    const http = port();
    startChartRead(http, 'p1', fakeReader().read);
    expect(takePrefetchedRead(port(), 'p1')).toBeUndefined();
    expect(takePrefetchedRead(http, 'p2')).toBeUndefined();
    expect(takePrefetchedRead(http, 'p1')).toBeDefined();
  });

  it("is cancelled by the taker's signal", () => {
    const http = port();
    const { read, state } = fakeReader();
    startChartRead(http, 'p1', read);
    const controller = new AbortController();
    takePrefetchedRead(http, 'p1', { signal: controller.signal });
    expect(state.signal?.aborted).toBe(false);
    controller.abort();
    expect(state.signal?.aborted).toBe(true);
  });
});
