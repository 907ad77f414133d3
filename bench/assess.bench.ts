/**
 * Benchmark (not a test): assess over a chart of 10,000 medication records and 5,000 conditions built from the
 * factories. Prints median / p95 time and heap growth. Goal (issue 3): <= 50 ms and <= 50 MB.
 *   npm run bench
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cpus, loadavg } from 'node:os';
import { assess } from '../src/core/assess/index.ts';
import { emptyChart, type Chart } from '../src/core/chart.ts';
import {
  concept, condition, icd10, localCode, medication, medicationAdministration, medicationDispense, medicationRequest, medicationStatement, rxnorm, snomed,
} from '../fixtures/factories.ts';

const NOW = '2026-03-15T12:00:00Z';
const P = 'bench-patient';

/** A realistic mix: mostly non-opioids with local codes and text, some opioids by code and by name, many dates. */
function buildChart(meds: number, conditions: number): Chart {
  const chart = emptyChart();
  const names = [
    () => concept([localCode('44120', 'DULOXETINE 30 MG CAPSULE')], 'duloxetine 30 mg capsule'),
    () => concept([rxnorm('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet')]),
    () => concept([], 'Acetaminophen / HYDROcodone 325 mg-5 mg tablet'),
    () => concept([rxnorm('314076', 'lisinopril 10 MG Oral Tablet')]),
    () => concept([localCode('55021', 'GABAPENTIN 300 MG CAPSULE')]),
    () => concept([], `vitamin D3 ${Math.floor(Math.random() * 5000)} unit tablet`),
    () => concept([rxnorm('835603')]),
    () => concept([], 'metFORMIN ER 500 mg tablet'),
  ];
  const statuses = ['active', 'completed', 'stopped', 'on-hold', 'cancelled', 'entered-in-error'] as const;
  for (let i = 0; i < meds; i++) {
    const c = names[i % names.length]!();
    const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    switch (i % 4) {
      case 0:
        chart.medicationRequests.push(medicationRequest({ patientId: P, medication: { concept: c }, status: statuses[i % statuses.length], authoredOn: day, daysSupply: 30 }));
        break;
      case 1:
        chart.medicationStatements.push(medicationStatement({ patientId: P, medication: { concept: c }, status: i % 3 ? 'completed' : 'active', effective: { start: day, end: day } }));
        break;
      case 2:
        chart.medicationDispenses.push(medicationDispense({ patientId: P, medication: { concept: c }, whenHandedOver: day, daysSupply: 30 }));
        break;
      default: {
        const med = medication({ id: `bench-med-${i}`, code: c });
        chart.medications.push(med);
        chart.medicationAdministrations.push(medicationAdministration({ patientId: P, medication: { reference: `Medication/${med.id}` }, effective: day }));
      }
    }
  }
  const codes = [
    () => concept([icd10('M79.7', 'Fibromyalgia'), snomed('203082005', 'Fibromyalgia')]),
    () => concept([icd10('I10', 'Essential (primary) hypertension')]),
    () => concept([snomed('44054006', 'Diabetes mellitus type 2')]),
    () => concept([icd10('K50.90')], "Crohn's disease"),
    () => concept([], `Encounter note ${Math.floor(Math.random() * 1000)}`),
  ];
  for (let i = 0; i < conditions; i++) {
    chart.conditions.push(condition({ patientId: P, code: codes[i % codes.length]!(), clinicalStatus: i % 7 ? 'active' : 'resolved' }));
  }
  return chart;
}

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
console.log(`verdict ${one.verdict}, ${one.conflicts.length} conflicts, ${one.candidacy.length} candidacy entries, ${one.gaps.length} gaps`);

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
console.log(`  wall: median ${q(sorted, 0.5).toFixed(1)} ms, p95 ${q(sorted, 0.95).toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms`);
console.log(`  cpu (user+system; less sensitive to a busy machine): median ${q(cpuSorted, 0.5).toFixed(1)} ms, p95 ${q(cpuSorted, 0.95).toFixed(1)} ms`);
console.log(`  memory: heap grew ${(allocatedOneRun / MB).toFixed(1)} MB during one run (lower bound if a minor GC ran), the result retains ${(retained / MB).toFixed(1)} MB; the chart itself ${(chartHeap / MB).toFixed(1)} MB; whole heap after all runs ${(process.memoryUsage().heapUsed / MB).toFixed(1)} MB`);
console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
