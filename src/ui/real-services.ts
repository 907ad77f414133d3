/**
 * The production services of the clinician's screen: the real chart reader, assessment, planner, order builder
 * and order writer, the browser's clock, crypto.randomUUID and sessionStorage.
 * The order writer is downloaded when the clinician signs, not with the screen: writing only ever follows that
 * click, and its code (~4 KB gzip) then stays out of what a launch downloads (issue 6 item 3).
 */
import { assess } from '../core/assess/assess.ts';
import { buildOrder } from '../core/order/build-order.ts';
import { orderAsText, orderSummaryLines, reportedOnlyOrder } from '../core/order/fallbacks.ts';
import { planTitration } from '../core/titration/planner.ts';
import { TITRATION_PRESETS } from '../core/titration/presets.ts';
import { readChart } from '../edge/chart-reader.ts';
import { takePrefetchedRead } from '../edge/chart-prefetch.ts';
import { sessionStore } from './model/draft-store.ts';
import type { ClinicianServices } from './services.ts';

const writeOrder: ClinicianServices['writeOrder'] = async (http, draft, opts) => {
  let writer: typeof import('../edge/order-writer.ts');
  try {
    writer = await import('../edge/order-writer.ts');
  } catch {
    // Nothing was sent: the draft stays and signing again retries (useWrite shows this message).
    throw new Error(
      'The order could not be sent: the code that sends it did not download (network?). Nothing was written; sign again to retry.',
    );
  }
  return writer.writeOrder(http, draft, opts);
};

export function realServices(): ClinicianServices {
  return {
    // The app entry may have started the first read already (issue 14 item 1); the screen takes that one over.
    readChart: (http, patientId, opts) => takePrefetchedRead(http, patientId, opts) ?? readChart(http, patientId, opts),
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
