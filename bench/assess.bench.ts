/**
 * Benchmark (not a test): assess over a chart of 10,000 medication records and 5,000 conditions built from the
 * factories. Prints median / p95 time and heap growth. Goal (issue 3): <= 50 ms and <= 50 MB.
 *   npm run bench
 */
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

const gc0 = (globalThis as { gc?: () => void }).gc;
gc0?.();
const baseHeap = process.memoryUsage().heapUsed;
const chart = buildChart(10_000, 5_000);
gc0?.();
const chartHeap = process.memoryUsage().heapUsed - baseHeap;
const runs = 40;
for (let i = 0; i < 5; i++) assess(chart, NOW); // warm-up (JIT, memo tables)
const times: number[] = [];
const cpus: number[] = [];
const heaps: number[] = [];
const gc = (globalThis as { gc?: () => void }).gc;
for (let i = 0; i < runs; i++) {
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = assess(chart, NOW);
  times.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpus.push((c.user + c.system) / 1000);
  heaps.push((process.memoryUsage().heapUsed - before) / 1024 / 1024);
  if (i === 0) console.log(`verdict ${result.verdict}, ${result.conflicts.length} conflicts, ${result.candidacy.length} candidacy entries, ${result.gaps.length} gaps`);
}
const sorted = [...times].sort((a, b) => a - b);
const q = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
console.log(`assess over ${10_000} medication records + ${5_000} conditions, ${runs} runs:`);
console.log(`  wall: median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, min ${sorted[0]!.toFixed(1)} ms`);
const cpuSorted = [...cpus].sort((a, b) => a - b);
console.log(`  cpu (user+system, less sensitive to a busy machine): median ${cpuSorted[Math.floor(cpus.length / 2)]!.toFixed(1)} ms, min ${cpuSorted[0]!.toFixed(1)} ms`);
console.log(`  load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')} on ${(await import('node:os')).cpus().length} CPUs`);
console.log(`  heap growth per run: median ${[...heaps].sort((a, b) => a - b)[Math.floor(heaps.length / 2)]!.toFixed(1)} MB, max ${Math.max(...heaps).toFixed(1)} MB${gc ? '' : ' (run with node --expose-gc for cleaner figures)'}`);
console.log(`  heap: chart itself ${(chartHeap / 1024 / 1024).toFixed(1)} MB; total after the runs ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB (chart, memo tables, code tables included)`);
