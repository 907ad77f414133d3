/**
 * Benchmark (not a test): assess over a chart of 10,000 medication records and 5,000 conditions built from the
 * factories. Prints median / p95 time and heap growth. Goal (issue 3): <= 50 ms and <= 50 MB.
 *   npm run bench
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cpus, loadavg } from 'node:os';
import { assess } from '../src/core/assess/index.ts';
import { BENCH_NOW as NOW, buildBenchChart as buildChart } from './assess-chart.ts';

// A real GC between measurements (npm run bench passes no node flags): only outside the timed runs.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;
gc();
const baseHeap = process.memoryUsage().heapUsed;
const chart = buildChart(10_000, 5_000);
gc();
const chartHeap = process.memoryUsage().heapUsed - baseHeap;
const runs = 40;
for (let i = 0; i < 5; i++) assess(chart, NOW); // warm-up (JIT, memo tables)
gc();
const heapBefore = process.memoryUsage().heapUsed;
const one = assess(chart, NOW);
const allocatedOneRun = process.memoryUsage().heapUsed - heapBefore; // a lower bound if a minor GC ran during the run
gc();
const retained = process.memoryUsage().heapUsed - heapBefore; // the Assessment kept alive by `one`
console.log(
  `verdict ${one.verdict}, ${one.conflicts.length} conflicts, ${one.candidacy.length} candidacy entries, ${one.gaps.length} gaps`,
);

const times: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  assess(chart, NOW);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuTimes.push((c.user + c.system) / 1000);
}
const sorted = [...times].sort((a, b) => a - b);
const q = (list: number[], p: number): number => list[Math.min(list.length - 1, Math.floor(p * list.length))]!;
const cpuSorted = [...cpuTimes].sort((a, b) => a - b);
gc();
console.log(`assess over 10,000 medication records + 5,000 conditions, ${runs} runs (goal: <= 50 ms, <= 50 MB):`);
console.log(
  `  wall: median ${q(sorted, 0.5).toFixed(1)} ms, p95 ${q(sorted, 0.95).toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms`,
);
console.log(
  `  cpu (user+system; less sensitive to a busy machine): median ${q(cpuSorted, 0.5).toFixed(1)} ms, p95 ${q(cpuSorted, 0.95).toFixed(1)} ms`,
);
console.log(
  `  memory: heap grew ${(allocatedOneRun / MB).toFixed(1)} MB during one run (lower bound if a minor GC ran), the result retains ${(retained / MB).toFixed(1)} MB; the chart itself ${(chartHeap / MB).toFixed(1)} MB; whole heap after all runs ${(process.memoryUsage().heapUsed / MB).toFixed(1)} MB`,
);
console.log(
  `  load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} CPUs`,
);
