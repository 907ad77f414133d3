/**
 * The production services of the verdict part of the clinician's screen: the real chart reader and assessment,
 * the browser's clock, crypto.randomUUID and sessionStorage. The planner, order builder, review, signing and
 * handout arrive by `loadPlanning` (src/ui/plan/planning.ts), a separate chunk downloaded once the verdict is on
 * screen (issue 14 item 1): a launch waits only for what the verdict needs.
 */
import { assess } from '../core/assess/assess.ts';
import { readChart } from '../edge/chart-reader.ts';
import { takePrefetchedRead } from '../edge/chart-prefetch.ts';
import { sessionStore } from './model/draft-store.ts';
import type { ClinicianServices } from './services.ts';

export function realServices(): ClinicianServices {
  return {
    // The app entry may have started the first read already (issue 14 item 1); the screen takes that one over.
    readChart: (http, patientId, opts) => takePrefetchedRead(http, patientId, opts) ?? readChart(http, patientId, opts),
    assess,
    randomUUID: () => crypto.randomUUID(),
    now: () => new Date(),
    storage: sessionStore(),
    // A rejected import (network) is retried by calling this again: the browser does not cache a failed import.
    loadPlanning: () => import('./plan/planning.ts').then((m) => m.realPlanning()),
  };
}
