/**
 * The production services of the clinician's screen: the real chart reader, assessment, planner, order builder
 * and order writer, the browser's clock, crypto.randomUUID and sessionStorage.
 */
import { assess } from '../core/assess/assess.ts';
import { buildOrder } from '../core/order/build-order.ts';
import { orderAsText, orderSummaryLines, reportedOnlyOrder } from '../core/order/fallbacks.ts';
import { planTitration } from '../core/titration/planner.ts';
import { TITRATION_PRESETS } from '../core/titration/presets.ts';
import { readChart } from '../edge/chart-reader.ts';
import { writeOrder } from '../edge/order-writer.ts';
import { sessionStore } from './model/draft-store.ts';
import type { ClinicianServices } from './services.ts';

export function realServices(): ClinicianServices {
  return {
    readChart,
    assess,
    planTitration,
    presets: TITRATION_PRESETS,
    buildOrder,
    reportedOnlyOrder,
    orderSummaryLines,
    orderAsText,
    writeOrder,
    randomUUID: () => crypto.randomUUID(),
    now: () => new Date(),
    storage: sessionStore(),
  };
}
