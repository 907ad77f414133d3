/**
 * The clinician's screen, top to bottom: (banner) -> verdict -> conflicts -> candidacy -> timeline -> planner ->
 * overrides -> order review. State lives in the model hooks (src/ui/model); components only render.
 * Takes its services as a prop so tests can replace the I/O parts; ClinicianApp passes the real ones.
 * The verdict does not wait for the plan part (planner to handout, src/ui/plan/PlanSection.tsx): that code is
 * downloaded once the verdict is on screen (issue 14 item 1), and shown where the plan goes.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Assessment } from '../core/assess/types.ts';
import type { ExistingLdnOrder } from '../core/order/existing-ldn.ts';
import type { FhirHttp, LaunchContext } from '../edge/types.ts';
import { CandidacyList } from './components/CandidacyList.tsx';
import { ChartRead } from './components/ChartRead.tsx';
import { ConflictList } from './components/ConflictList.tsx';
import { ExistingOrderPanel } from './components/ExistingOrderPanel.tsx';
import { PatientBanner } from './components/PatientBanner.tsx';
import { TimelineChart } from './components/TimelineChart.tsx';
import { VerdictPanel } from './components/VerdictPanel.tsx';
import { formatCount } from './format.ts';
import type { ChartSummary } from './model/chart-summary.ts';
import { buildTimeline } from './model/timeline.ts';
import { useAssessment } from './model/use-assessment.ts';
import { useDraft } from './model/use-draft.ts';
import { usePatient } from './model/use-patient.ts';
import { PlanArea, usePlanning, type PlanningState } from './plan/PlanArea.tsx';
import type { ClinicianServices } from './services.ts';
import { S } from './strings.ts';
import './clinician.css';

export interface ClinicianScreenProps {
  context: LaunchContext;
  http: FhirHttp;
  services: ClinicianServices;
}

export function ClinicianScreen({ context, http, services }: ClinicianScreenProps) {
  const { state, retry } = useAssessment(services, http, context.patientId);
  const planning = usePlanning(services, state.phase === 'ready');
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
          planning={planning.state}
          onRetryLoad={planning.retry}
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
  planning,
  onRetryLoad,
}: ClinicianScreenProps & {
  assessment: Assessment;
  chart: ChartSummary;
  existing: ExistingLdnOrder[];
  onRetry: () => void;
  patientName: string | undefined;
  planning: PlanningState;
  onRetryLoad: () => void;
}) {
  const draft = useDraft(services, context, existing);
  // The plan's start day, told by the plan section once it is there: the timeline marks it.
  const [planStart, setPlanStart] = useState<string | undefined>(undefined);
  const timeline = useMemo(
    () => buildTimeline(assessment, services.now(), { uses: chart.uses ?? [], planStart }),
    [assessment, services, chart, planStart],
  );
  return (
    <>
      <ExistingOrderPanel existing={draft.existing} choice={draft.choice} onChoose={draft.setExistingChoice} />
      <VerdictPanel assessment={assessment} onRetry={onRetry} />
      <ChartRead summary={chart} />
      <div class="screen-only">
        <ConflictList conflicts={assessment.conflicts} complete={assessment.complete} />
        <CandidacyList candidacy={assessment.candidacy} />
        <TimelineChart timeline={timeline} />
      </div>
      <PlanArea
        planning={planning}
        onRetryLoad={onRetryLoad}
        services={services}
        context={context}
        http={http}
        assessment={assessment}
        draft={draft}
        patientName={patientName}
        onRetryRead={onRetry}
        onPlanStart={setPlanStart}
      />
    </>
  );
}
