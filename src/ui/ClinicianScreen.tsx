/**
 * The clinician's screen, top to bottom: (banner) -> verdict -> conflicts -> candidacy -> timeline -> planner ->
 * overrides -> order review. State lives in the model hooks (src/ui/model); components only render.
 * Takes its services as a prop so tests can replace the I/O parts; ClinicianApp passes the real ones.
 */
import { useMemo } from 'preact/hooks';
import type { Assessment } from '../core/assess/types.ts';
import type { FhirHttp, LaunchContext } from '../edge/types.ts';
import { ChartRead } from './components/ChartRead.tsx';
import { CandidacyList } from './components/CandidacyList.tsx';
import { ConflictList } from './components/ConflictList.tsx';
import { OrderReview } from './components/OrderReview.tsx';
import { PatientHandout } from './components/PatientHandout.tsx';
import { withNames } from '../core/order/build-order.ts';
import { usePrescriberName } from './model/use-prescriber.ts';
import { Overrides } from './components/Overrides.tsx';
import { SignPanel } from './components/SignPanel.tsx';
import { ExistingOrderPanel } from './components/ExistingOrderPanel.tsx';
import type { ExistingLdnOrder } from '../core/order/existing-ldn.ts';
import { PatientBanner } from './components/PatientBanner.tsx';
import { Planner } from './components/Planner.tsx';
import { TimelineChart } from './components/TimelineChart.tsx';
import { VerdictPanel } from './components/VerdictPanel.tsx';
import { formatCount } from './format.ts';
import type { ChartSummary } from './model/chart-summary.ts';
import { buildTimeline } from './model/timeline.ts';
import { useAssessment } from './model/use-assessment.ts';
import { overridesComplete, usePlan } from './model/use-plan.ts';
import { usePatient } from './model/use-patient.ts';
import { orderLinkWorks, useWrite } from './model/use-write.ts';
import type { ClinicianServices } from './services.ts';
import { P, S } from './strings.ts';
import './clinician.css';

export interface ClinicianScreenProps {
  context: LaunchContext;
  http: FhirHttp;
  services: ClinicianServices;
}

export function ClinicianScreen({ context, http, services }: ClinicianScreenProps) {
  const { state, retry } = useAssessment(services, http, context.patientId);
  const patient = usePatient(state);
  const progress = state.phase === 'reading' ? state.progress : undefined;
  return (
    // data-screen / data-verdict: the screen's state for browser tests and for the EHR's own automation.
    <main
      class="ldn"
      data-screen={state.phase}
      data-verdict={state.phase === 'ready' ? state.assessment.verdict : undefined}
    >
      <h1 class="ldn__title">{S.appTitle}</h1>
      {context.needPatientBanner && <PatientBanner state={patient} />}
      <p class="progress" role="status" aria-live="polite">
        {state.phase === 'reading' &&
          (progress && progress.loaded > 0
            ? S.readProgress(
                formatCount(progress.loaded),
                progress.total !== undefined ? formatCount(progress.total) : undefined,
              )
            : S.readingChart)}
      </p>
      {state.phase === 'failed' && (
        <section class="verdict verdict--incomplete" role="alert">
          <h2>
            <span aria-hidden="true">?</span> {S.readFailed}
          </h2>
          <p>{state.message}</p>
          <button type="button" class="button" onClick={retry}>
            {S.retry}
          </button>
        </section>
      )}
      {state.phase === 'ready' && (
        <Results
          assessment={state.assessment}
          chart={state.chart}
          existing={state.existing}
          onRetry={retry}
          context={context}
          http={http}
          services={services}
          patientName={patient.phase === 'ready' ? patient.patient.name : undefined}
        />
      )}
    </main>
  );
}

function Results({
  assessment,
  chart,
  existing,
  onRetry,
  context,
  http,
  services,
  patientName,
}: ClinicianScreenProps & {
  assessment: Assessment;
  chart: ChartSummary;
  existing: ExistingLdnOrder[];
  onRetry: () => void;
  patientName: string | undefined;
}) {
  const plan = usePlan(services, context, assessment, existing);
  const planStart = plan.plan?.ok ? plan.plan.value.input.startDate : undefined;
  const timeline = useMemo(
    () => buildTimeline(assessment, services.now(), { uses: chart.uses ?? [], planStart }),
    [assessment, services, chart, planStart],
  );
  const write = useWrite(services, http, context, plan.storageKey);
  const overridesMissing = plan.needed.length > 0 && !overridesComplete(plan.needed, plan.overrides);
  // Names instead of references, on the very draft that is reviewed and sent (issue 11 item 3).
  // The Practitioner's own record first; the id_token's name where that read is not permitted.
  const prescriber = usePrescriberName(http, context.fhirUser) ?? context.userName;
  const order = useMemo(
    () => plan.order && withNames(plan.order, { patient: patientName, prescriber }),
    [plan.order, patientName, prescriber],
  );
  return (
    <>
      <ExistingOrderPanel existing={plan.existing} choice={plan.existingChoice} onChoose={plan.setExistingChoice} />
      <VerdictPanel assessment={assessment} onRetry={onRetry} />
      <ChartRead summary={chart} />
      <div class="screen-only">
        <ConflictList conflicts={assessment.conflicts} complete={assessment.complete} />
        <CandidacyList candidacy={assessment.candidacy} />
        <TimelineChart timeline={timeline} />
        <Planner model={plan} presets={services.presets} opioidFreeFrom={assessment.opioidFreeFrom} />
        <Overrides needed={plan.needed} overrides={plan.overrides} onChange={plan.setOverride} />
      </div>
      <OrderReview
        order={order}
        blockedReason={overridesMissing ? P.overrideMissing : plan.orderError}
        summaryLines={services.orderSummaryLines}
      />
      <SignPanel
        order={order}
        gate={plan.gate}
        orderError={plan.orderError}
        acknowledgement={plan.acknowledgement}
        onAcknowledgement={plan.setAcknowledgement}
        onRetryRead={onRetry}
        existingChoice={plan.existingChoice}
        linkWorks={orderLinkWorks(context)}
        orderAsText={services.orderAsText}
        write={write.state}
        onSign={(d) => void write.sign(d, plan.writeExtras)}
      />
      <PatientHandout model={plan} patientName={patientName} />
    </>
  );
}
