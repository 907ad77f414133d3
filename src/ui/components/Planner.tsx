/**
 * The titration planner form: preset (with its sources), schedule, timing, form and start date; each problem the
 * planner reports is shown next to its field. Then the steps table, the quantity and the sig per step.
 */
import { useEffect } from 'preact/hooks';
import type { TitrationPreset } from '../../core/titration/presets.ts';
import { readClinicalDate } from '../../core/fhir/date-entry.ts';
import { defaultStartDate } from '../../core/titration/start-date.ts';
import { beyondUseDays } from '../../core/titration/supply.ts';
import type { DispenseQuantity, TitrationPlan } from '../../core/titration/types.ts';
import { USUAL_MAX_MG } from '../../core/titration/types.ts';
import { formatCount, formatDate } from '../format.ts';
import { problemsByField } from '../model/plan-fields.ts';
import type { PlanModel } from '../model/use-plan.ts';
import { P } from '../strings-plan.ts';
import { F } from '../strings-order.ts';
import { Checkbox, Problems, Radios, Row, TextArea, TextField, TableHead } from './fields.tsx';
import { DateField } from './DateField.tsx';
import { SourceList } from './SourceList.tsx';

/** The schedule's four numbers, in reading order: element id, plan field (also its label's key), keyboard. */
const DOSE_FIELDS = [
  ['plan-start', 'startMg', 'decimal'],
  ['plan-step', 'stepMg', 'decimal'],
  ['plan-interval', 'intervalDays', 'numeric'],
  ['plan-target', 'targetMg', 'decimal'],
] as const;

/** `opioidFreeFrom`: the assessment's first allowed day (ISO), when the chart has an opioid-free window. */
export function Planner({
  model,
  presets,
  opioidFreeFrom,
}: {
  model: PlanModel;
  presets: readonly TitrationPreset[];
  opioidFreeFrom?: string | undefined;
}) {
  const f = model.fields;
  const limit = beyondUseDays(
    f.formKind === 'capsule'
      ? { kind: 'capsule', strengthsMg: [] }
      : { kind: 'liquid', mgPerMl: 1, ...(f.storage === 'refrigerated' ? { storage: 'refrigerated' as const } : {}) },
  );
  // Keep the draft in step with the chart's opioid-free date; the first time it appears, move a start date that
  // falls inside the window to its first allowed day (issue 10 item 5). Later choices of the clinician stay.
  useEffect(() => {
    if (f.opioidFreeFrom === opioidFreeFrom) return;
    const first = f.opioidFreeFrom === undefined;
    model.setField('opioidFreeFrom', opioidFreeFrom);
    if (first && opioidFreeFrom) model.setField('startDate', defaultStartDate(f.startDate, opioidFreeFrom));
  }, [opioidFreeFrom, f.opioidFreeFrom, f.startDate, model]);
  const insideWindow = !!opioidFreeFrom && /^\d{4}-\d{2}-\d{2}$/.test(f.startDate) && f.startDate < opioidFreeFrom;
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
        {DOSE_FIELDS.map(([id, key, inputMode]) => (
          <TextField
            key={id}
            id={id}
            label={P[key]}
            inputMode={inputMode}
            value={f[key]}
            problems={problems[key]}
            onInput={(v) => model.setField(key, v)}
          />
        ))}
      </Row>
      {(target > USUAL_MAX_MG || f.targetReason !== '' || problems.targetReason) && (
        <TextArea
          id="plan-target-reason"
          label={P.targetReason}
          value={f.targetReason}
          problems={problems.targetReason}
          onInput={(v) => model.setField('targetReason', v)}
        />
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
          <TextField
            id="plan-strengths"
            label={P.strengthsMg}
            value={f.strengthsMg}
            problems={problems.strengthsMg}
            onInput={(v) => model.setField('strengthsMg', v)}
          />
        ) : (
          <TextField
            id="plan-concentration"
            label={P.mgPerMl}
            inputMode="decimal"
            value={f.mgPerMl}
            problems={problems.mgPerMl}
            onInput={(v) => model.setField('mgPerMl', v)}
          />
        )}
        <DateField
          id="plan-start-date"
          label={P.startDate}
          value={f.startDate}
          // Confirms the day read, whichever way it was typed ("2026-12-07" or "7 Dec 2026").
          hint={readClinicalDate(f.startDate) ? F.startsOn(formatDate(f.startDate)) : undefined}
          problems={problems.startDate}
          onInput={(v) => model.setField('startDate', v)}
        />
      </Row>
      {opioidFreeFrom && (insideWindow || f.startBeforeOpioidFree) && (
        <div class="window-notice" role="note">
          <p>{F.windowNotice(formatDate(opioidFreeFrom))}</p>
          <Checkbox
            id="plan-start-early"
            label={F.windowGoAhead(formatDate(opioidFreeFrom))}
            checked={!!f.startBeforeOpioidFree}
            onChange={(v) => model.setField('startBeforeOpioidFree', v)}
          />
        </div>
      )}
      <Row>
        <TextField
          id="plan-maintenance"
          label={F.maintenanceDays}
          inputMode="numeric"
          value={f.maintenanceDays ?? '30'}
          hint={F.maintenanceHint(limit)}
          problems={problems.maintenanceDays}
          onInput={(v) => model.setField('maintenanceDays', v)}
        />
        {f.formKind === 'liquid' ? (
          <Radios
            name="plan-storage"
            legend={F.storage}
            value={f.storage ?? 'room-temperature'}
            options={[
              { value: 'room-temperature', label: F.roomTemperature },
              { value: 'refrigerated', label: F.refrigerated },
            ]}
            onChange={(v) => model.setField('storage', v)}
          />
        ) : (
          <div class="field">
            <TextField
              id="plan-filler"
              label={F.filler}
              value={f.filler ?? ''}
              problems={problems.filler}
              onInput={(v) => model.setField('filler', v)}
            />
            <Checkbox
              id="plan-several"
              label={F.severalCapsules}
              hint={F.severalCapsulesHint}
              checked={!!f.severalCapsules}
              onChange={(v) => model.setField('severalCapsules', v)}
            />
          </div>
        )}
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
    ? P.dispenseCapsules(
        formatCount(q.totalCapsules),
        q.perStrength.map((s) => P.dispenseCapsulePart(formatCount(s.count), s.strengthMg)).join(', '),
      )
    : P.dispenseLiquid(formatCount(q.ml), q.mgPerMl);
}

export function PlanSteps({ plan }: { plan: TitrationPlan }) {
  return (
    <div class="plan">
      <h3>{P.stepsHeading}</h3>
      <div class="table-wrap" role="region" aria-label={P.stepsHeading} tabIndex={0}>
        <table class="steps">
          <TableHead cols={P.stepCols} />
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
      <h3>{F.fillsHeading}</h3>
      <p>{F.fillsIntro(plan.fills.length, plan.beyondUseDays)}</p>
      <div class="table-wrap" role="region" aria-label={F.fillsHeading} tabIndex={0}>
        <table class="fills">
          <TableHead cols={F.fillCols} />
          <tbody>
            {plan.fills.map((fill) => (
              <tr key={fill.number}>
                <td>{fill.number}</td>
                <td>{formatDate(fill.startDate)}</td>
                <td>{formatDate(fill.endDate)}</td>
                <td>{fill.days}</td>
                <td>{dispenseText(fill.quantity)}</td>
                <td>{formatDate(fill.beyondUseDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="hint">{F.beyondUseNote}</p>
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
