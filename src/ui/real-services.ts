/**
 * The production services of the verdict part of the clinician's screen: the real chart reader and assessment,
 * the browser's clock, crypto.randomUUID and sessionStorage. The planner, order builder, review, signing and
 * handout arrive by `loadPlanning` (src/ui/plan/planning.ts), a separate chunk downloaded once the verdict is on
 * screen (issue 14 item 1): a launch waits only for what the verdict needs.
 */
import { assess } from '../core/assess/assess.ts';
import { warmUp } from '../core/assess/warm-up.ts';
import { readChart } from '../edge/chart-reader.ts';
import { takePrefetchedRead } from '../edge/chart-prefetch.ts';
import { sessionStore } from './model/draft-store.ts';
import type { ClinicianServices, Planning } from './services.ts';

type PlanningModule = typeof import('./plan/planning.ts');

/** The planning chunk's file, relative to this chunk: written in by the build (scripts/chunk-name-plugin.ts). */
const PLANNING_CHUNK = '__LDN_PLANNING_CHUNK__';
let planningAttempts = 0;

/**
 * The planning chunk. A retry after a failed download asks for the same file with a query: browsers keep a failed
 * import() failed for its URL (whatwg/html issue 6768), so the plain import() would fail again without trying.
 * The retried module is the only instance (the failed one never ran); what it imports is shared as usual.
 */
function loadPlanning(): Promise<Planning> {
  planningAttempts += 1;
  const first = planningAttempts === 1 || !import.meta.env.PROD;
  const loading: Promise<PlanningModule> = first
    ? import('./plan/planning.ts')
    : import(/* @vite-ignore */ new URL(`${PLANNING_CHUNK}?retry=${planningAttempts}`, import.meta.url).href);
  return loading.then((m) => m.realPlanning());
}

export function realServices(): ClinicianServices {
  return {
    // The app entry may have started the first read already (issue 14 item 1); the screen takes that one over.
    readChart: (http, patientId, opts) => takePrefetchedRead(http, patientId, opts) ?? readChart(http, patientId, opts),
    assess,
    warmUp,
    randomUUID: () => crypto.randomUUID(),
    now: () => new Date(),
    storage: sessionStore(),
    loadPlanning,
  };
}
