/**
 * One cold sample for bench/assess-cold.bench.ts (run in a fresh Node process, bundled by it): builds the
 * synthetic chart, then times loading the core bundle (parse, evaluate, whatever the modules build at load), the
 * first assess() call, and a few warm calls after it. Prints one JSON line. Not a test: asserts nothing.
 * With WARM_UP 1 the core's own warmUp() (what the app runs while the chart is on the wire) runs first, untimed
 * apart, when the core has one.
 *   node sample.mjs CORE_BUNDLE_URL MEDS CONDITIONS [SETTLE_MS] [WARM_UP]
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { BENCH_NOW, buildBenchChart } from './assess-chart.ts';

interface Core {
  assess(chart: unknown, now: string): { verdict: string; conflicts: unknown[]; candidacy: unknown[] };
  warmUp?(now: string): void;
}

const [coreUrl, medsArg, conditionsArg, settleArg, warmUpArg] = process.argv.slice(2);
const chart = buildBenchChart(Number(medsArg), Number(conditionsArg));
// Optionally idle before timing, so the collector and compiler work left by building the chart is not timed.
const settleMs = Number(settleArg ?? 0);
if (settleMs > 0) await new Promise((r) => setTimeout(r, settleMs));

// Garbage collection inside the timed first call, from the runtime's own gc entries.
let gcMs = 0;
let gcFrom = Infinity;
let gcTo = -Infinity;
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (e.startTime >= gcFrom && e.startTime <= gcTo) gcMs += e.duration;
});
observer.observe({ entryTypes: ['gc'] });

// CPU time of the whole process (main thread, compiler and GC threads) beside the wall time: on a shared machine
// the wall time also measures the other processes, the CPU time mostly what this one did.
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const core = (await import(coreUrl as string)) as Core;
const t1 = performance.now();
const c1 = cpu();
// The app's warm-up, in its own span (it runs in the chart read's wait, not after the answer).
let warmUpMs: number | undefined;
if (warmUpArg === '1' && core.warmUp) {
  core.warmUp(BENCH_NOW);
  warmUpMs = performance.now() - t1;
}
const t1w = performance.now();
const c1w = cpu();
gcFrom = t1w;
const first = core.assess(chart, BENCH_NOW);
const t2 = performance.now();
const c2 = cpu();
gcTo = t2;
const warm: number[] = [];
for (let i = 0; i < 5; i++) {
  const w0 = performance.now();
  core.assess(chart, BENCH_NOW);
  warm.push(performance.now() - w0);
}
warm.sort((a, b) => a - b);
await new Promise((r) => setTimeout(r, 20)); // let the gc entries arrive
observer.disconnect();
process.stdout.write(
  `${JSON.stringify({
    loadMs: t1 - t0,
    firstMs: t2 - t1w,
    ...(warmUpMs !== undefined ? { warmUpMs } : {}),
    loadCpuMs: c1 - c0,
    firstCpuMs: c2 - c1w,
    gcMs,
    warmMs: warm[2],
    verdict: first.verdict,
    conflicts: first.conflicts.length,
    candidacy: first.candidacy.length,
  })}\n`,
);
