/**
 * One cold sample in Chromium for bench/assess-cold.bench.ts `--in chromium`, bundled by it: the same spans as
 * assess-cold-sample.ts (build the synthetic chart, optionally idle, import the core bundle, time the first
 * assess() and a few warm calls), in a page of a freshly started browser, which is where the app runs assess()
 * once per launch. The query string gives the URLs of the core bundle and of an empty module (imported first,
 * untimed), the sizes, the settle time and `warmup=1` (the core's warmUp() first, timed apart). The figures are left in `window.coldSample` for the bench to collect.
 * Not a test: asserts nothing.
 */
import { BENCH_NOW, buildBenchChart } from './assess-chart.ts';

interface Core {
  assess(chart: unknown, now: string): { verdict: string; conflicts: unknown[]; candidacy: unknown[] };
  warmUp?(now: string): void;
}

async function sample(): Promise<Record<string, number | string>> {
  const q = new URLSearchParams(location.search);
  const chart = buildBenchChart(Number(q.get('meds')), Number(q.get('conditions')));
  const settleMs = Number(q.get('settle') ?? 0);
  if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));
  // An empty module first, untimed: the page's first dynamic import also pays for the module loader and the
  // connection (about 11 ms here, for any module), which is not the core's own parse and evaluation.
  await import(q.get('empty') as string);
  const t0 = performance.now();
  const core = (await import(q.get('core') as string)) as Core;
  const t1 = performance.now();
  // The app's warm-up (it runs in the chart read's wait), in its own span, when asked for and the core has one.
  let warmUpMs: number | undefined;
  if (q.get('warmup') === '1' && core.warmUp) {
    core.warmUp(BENCH_NOW);
    warmUpMs = performance.now() - t1;
  }
  const t1w = performance.now();
  const first = core.assess(chart, BENCH_NOW);
  const t2 = performance.now();
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const w0 = performance.now();
    core.assess(chart, BENCH_NOW);
    warm.push(performance.now() - w0);
  }
  warm.sort((a, b) => a - b);
  return {
    loadMs: t1 - t0,
    firstMs: t2 - t1w,
    ...(warmUpMs !== undefined ? { warmUpMs } : {}),
    warmMs: warm[2] as number,
    verdict: first.verdict,
    conflicts: first.conflicts.length,
    candidacy: first.candidacy.length,
  };
}

(window as unknown as { coldSample: Promise<Record<string, number | string>> }).coldSample = sample();
