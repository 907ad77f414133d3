/**
 * The titration planner form: preset (with its sources), schedule, timing, form and start date; each problem the
 * planner reports is shown next to its field. Then the steps table, the quantity and the sig per step.
 */
import type { TitrationPreset } from '../../core/titration/presets.ts';
import type { DispenseQuantity, TitrationPlan } from '../../core/titration/types.ts';
import { USUAL_MAX_MG } from '../../core/titration/types.ts';
import { formatDate } from '../format.ts';
import { problemsByField } from '../model/plan-fields.ts';
import type { PlanModel } from '../model/use-plan.ts';
import { P } from '../strings.ts';
import { Problems, Radios, Row, TextArea, TextField } from './fields.tsx';
import { SourceList } from './SourceList.tsx';

export function Planner({ model, presets }: { model: PlanModel; presets: readonly TitrationPreset[] }) {
  const f = model.fields;
  const problems = model.plan && !model.plan.ok ? problemsByField(model.plan.error, f.formKind, P.moreProblems) : {};
  const preset = presets.find((p) => p.id === f.presetId);
  const target = Number(f.targetMg.replace(',', '.'));
  return (
    <section class="planner" aria-labelledby="planner-h">
      <h2 id="planner-h">{P.plannerHeading}</h2>
      <div class="field">
        <label for="plan-preset">{P.preset}</label>
        <select
          id="plan-preset"
          value={f.presetId}
          aria-describedby={preset ? 'plan-preset-about' : undefined}
          onChange={(e) => model.pickPreset((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{P.presetNone}</option>
          {presets.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <Problems id="plan-preset" messages={problems.preset} />
        {preset && (
          <div id="plan-preset-about" class="preset-about">
            <p>{preset.description}</p>
            <p class="preset-about__sources">{P.presetSources}:</p>
            <SourceList sources={preset.sources} />
          </div>
        )}
      </div>
      <Row>
        <TextField id="plan-start" label={P.startMg} inputMode="decimal" value={f.startMg} problems={problems.startMg} onInput={(v) => model.setField('startMg', v)} />
        <TextField id="plan-step" label={P.stepMg} inputMode="decimal" value={f.stepMg} problems={problems.stepMg} onInput={(v) => model.setField('stepMg', v)} />
        <TextField id="plan-interval" label={P.intervalDays} inputMode="numeric" value={f.intervalDays} problems={problems.intervalDays} onInput={(v) => model.setField('intervalDays', v)} />
        <TextField id="plan-target" label={P.targetMg} inputMode="decimal" value={f.targetMg} problems={problems.targetMg} onInput={(v) => model.setField('targetMg', v)} />
      </Row>
      {(target > USUAL_MAX_MG || f.targetReason !== '' || problems.targetReason) && (
        <TextArea id="plan-target-reason" label={P.targetReason} value={f.targetReason} problems={problems.targetReason} onInput={(v) => model.setField('targetReason', v)} />
      )}
      <Row>
        <Radios
          name="plan-timing"
          legend={P.timing}
          value={f.timing}
          options={[
            { value: 'bedtime', label: P.bedtime },
            { value: 'morning', label: P.morning },
          ]}
          onChange={(v) => model.setField('timing', v)}
        />
        <Radios
          name="plan-form"
          legend={P.form}
          value={f.formKind}
          options={[
            { value: 'liquid', label: P.liquid },
            { value: 'capsule', label: P.capsule },
          ]}
          onChange={(v) => model.setField('formKind', v)}
        />
      </Row>
      <Row>
        {f.formKind === 'capsule' ? (
          <TextField id="plan-strengths" label={P.strengthsMg} value={f.strengthsMg} problems={problems.strengthsMg} onInput={(v) => model.setField('strengthsMg', v)} />
        ) : (
          <TextField id="plan-concentration" label={P.mgPerMl} inputMode="decimal" value={f.mgPerMl} problems={problems.mgPerMl} onInput={(v) => model.setField('mgPerMl', v)} />
        )}
        <TextField id="plan-start-date" label={P.startDate} type="date" value={f.startDate} problems={problems.startDate} onInput={(v) => model.setField('startDate', v)} />
      </Row>
      {!model.plan && <p class="hint">{P.notStarted}</p>}
      {model.plan && !model.plan.ok && (
        <p class="plan-problems" role="status">
          {P.planProblems(model.plan.error.length)}
        </p>
      )}
      {model.plan?.ok && <PlanSteps plan={model.plan.value} />}
    </section>
  );
}

export function dispenseText(q: DispenseQuantity): string {
  return q.kind === 'capsule'
    ? P.dispenseCapsules(q.totalCapsules, q.perStrength.map((s) => P.dispenseCapsulePart(s.count, s.strengthMg)).join(', '))
    : P.dispenseLiquid(q.ml, q.mgPerMl);
}

export function PlanSteps({ plan }: { plan: TitrationPlan }) {
  return (
    <div class="plan">
      <h3>{P.stepsHeading}</h3>
      <div class="table-wrap" role="region" aria-label={P.stepsHeading} tabIndex={0}>
        <table class="steps">
          <thead>
            <tr>
              {P.stepCols.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.steps.map((s) => (
              <tr key={s.sequence}>
                <td>
                  {s.sequence}
                  {s.phase === 'maintenance' && ` (${P.maintenance})`}
                </td>
                <td>{formatDate(s.startDate)}</td>
                <td>{formatDate(s.endDate)}</td>
                <td>{s.days}</td>
                <td>{P.mg(s.doseMg)}</td>
                <td>{s.howToTake}</td>
                <td>{s.sig}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{P.dispenseHeading}</h3>
      <p>
        {plan.formDescription}: {dispenseText(plan.dispense)}. {P.totalDays(plan.totalDays, formatDate(plan.endDate))}
      </p>
      {plan.warnings.length > 0 && (
        <div class="warnings">
          <p>{P.warnings}:</p>
          <ul>
            {plan.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
