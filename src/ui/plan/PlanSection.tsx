/**
 * The plan part of the clinician's screen, below the verdict, conflicts, candidacy and timeline: planner ->
 * overrides -> order review -> signing -> patient handout. The entry of the planning chunk (issue 14 item 1):
 * downloaded once the verdict is on screen (PlanArea.tsx), so a launch does not wait for the planner, the order
 * builder or the write path. The draft and the answer about an existing order come from above (useDraft).
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { Assessment } from '../../core/assess/types.ts';
import { withNames } from '../../core/order/build-order.ts';
import type { FhirHttp, LaunchContext } from '../../edge/types.ts';
import { OrderReview } from '../components/OrderReview.tsx';
import { Overrides } from '../components/Overrides.tsx';
import { PatientHandout } from '../components/PatientHandout.tsx';
import { Planner } from '../components/Planner.tsx';
import { SignPanel } from '../components/SignPanel.tsx';
import type { DraftState } from '../model/use-draft.ts';
import { overridesComplete, usePlan } from '../model/use-plan.ts';
import { usePrescriberName } from '../model/use-prescriber.ts';
import { orderLinkWorks, useWrite } from '../model/use-write.ts';
import type { ClinicianServices, PlanServices } from '../services.ts';
import { P } from '../strings-plan.ts';
import './plan.css';

export interface PlanSectionProps {
  /** The verdict's services (clock, storage). */
  services: Pick<ClinicianServices, 'now' | 'storage'>;
  /** Planner, order builder, writer. */
  planServices: PlanServices;
  context: LaunchContext;
  http: FhirHttp;
  assessment: Assessment;
  /** The draft and the existing-order answer, held by the verdict part. */
  draft: DraftState;
  patientName: string | undefined;
  /** Reads the chart again (the incomplete read's retry, and after a concurrent order). */
  onRetryRead: () => void;
  /** Told the plan's start day (ISO) whenever it changes: the timeline above marks it. */
  onPlanStart: (day: string | undefined) => void;
}

export function PlanSection(props: PlanSectionProps) {
  const { services, planServices, context, http, assessment, patientName, onPlanStart } = props;
  const plan = usePlan(services, planServices, context, assessment, props.draft);
  const planStart = plan.plan?.ok ? plan.plan.value.input.startDate : undefined;
  useEffect(() => onPlanStart(planStart), [onPlanStart, planStart]);
  const write = useWrite(planServices, services.storage, http, context, plan.storageKey);
  const overridesMissing = plan.needed.length > 0 && !overridesComplete(plan.needed, plan.overrides);
  // Names instead of references, on the very draft that is reviewed and sent (issue 11 item 3).
  // The Practitioner's own record first; the id_token's name where that read is not permitted.
  const prescriber = usePrescriberName(http, context.fhirUser, context.grantedScopes) ?? context.userName;
  const order = useMemo(
    () => plan.order && withNames(plan.order, { patient: patientName, prescriber }),
    [plan.order, patientName, prescriber],
  );
  return (
    <>
      <div class="screen-only">
        <Planner model={plan} presets={planServices.presets} opioidFreeFrom={assessment.opioidFreeFrom} />
        <Overrides needed={plan.needed} overrides={plan.overrides} onChange={plan.setOverride} />
      </div>
      <OrderReview
        order={order}
        blockedReason={overridesMissing ? P.overrideMissing : plan.orderError}
        summaryLines={planServices.orderSummaryLines}
      />
      <SignPanel
        order={order}
        gate={plan.gate}
        orderError={plan.orderError}
        acknowledgement={plan.acknowledgement}
        onAcknowledgement={plan.setAcknowledgement}
        onRetryRead={props.onRetryRead}
        existingChoice={plan.existingChoice}
        linkWorks={orderLinkWorks(context)}
        orderAsText={planServices.orderAsText}
        write={write.state}
        onSign={(d) => void write.sign(d, plan.writeExtras)}
      />
      <PatientHandout model={plan} patientName={patientName} />
    </>
  );
}
