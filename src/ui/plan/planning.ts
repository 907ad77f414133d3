/**
 * The entry of the planning chunk (issue 14 item 1), loaded by realServices().loadPlanning once the verdict is on
 * screen: the plan section and the production services it calls (planner, presets, order builder, the
 * fallbacks' text and shapes, and the order writer).
 * The order writer is downloaded when the clinician signs, not with the planner: writing only ever follows that
 * click, and its code (~5 KB gzip) then stays out of what the planner needs (issue 6 item 3).
 */
import { buildOrder } from '../../core/order/build-order.ts';
import { orderAsText, orderSummaryLines, reportedOnlyOrder } from '../../core/order/fallbacks.ts';
import { planTitration } from '../../core/titration/planner.ts';
import { TITRATION_PRESETS } from '../../core/titration/presets.ts';
import type { Planning, PlanServices } from '../services.ts';
import { PlanSection } from './PlanSection.tsx';

const writeOrder: PlanServices['writeOrder'] = async (http, draft, opts) => {
  let writer: typeof import('../../edge/order-writer.ts');
  try {
    writer = await import('../../edge/order-writer.ts');
  } catch {
    // Nothing was sent: the draft stays and signing again retries (useWrite shows this message).
    throw new Error(
      'The order could not be sent: the code that sends it did not download (network?). Nothing was written; sign again to retry.',
    );
  }
  return writer.writeOrder(http, draft, opts);
};

/** The production plan services. */
export function realPlanServices(): PlanServices {
  return {
    planTitration,
    presets: TITRATION_PRESETS,
    buildOrder,
    reportedOnlyOrder,
    orderSummaryLines,
    orderAsText,
    writeOrder,
  };
}

/** The plan section with the production services. */
export function realPlanning(): Planning {
  return { PlanSection, services: realPlanServices() };
}
