/**
 * The patient handout (issue 11 item 5): a print view made from the plan alone (no server needed): the schedule
 * by date with the dose in mL or capsules, bedtime or morning, what to do about trouble sleeping or vivid dreams
 * (ldn-clinical.md section 3: morning dosing is marked as not from trials), that opioid pain relief will not work
 * and to tell any emergency or surgical team (naltrexone label), to stop before planned surgery (section 2b:
 * at least 72 hours, Whately & Stead 2023), the follow-up date and the clinic's contact line. Plain words, large
 * type; the print stylesheet prints only the handout while it is open.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { readClinicalDate } from '../../core/fhir/date-entry.ts';
import { storageWords } from '../../core/titration/supply.ts';
import type { TitrationPlan, TitrationStep } from '../../core/titration/types.ts';
import { formatDate } from '../format.ts';
import type { PlanModel } from '../model/use-plan.ts';
import { H } from '../strings-order.ts';
import { DateField } from './DateField.tsx';
import { TextField, TableHead } from './fields.tsx';

/** What the patient measures or takes each day: "0.5 mL", "1 capsule (4.5 mg capsule)". */
export function dailyAmount(step: TitrationStep): string {
  const u = step.perDoseUnits;
  if (u.kind === 'liquid') return `${u.ml} mL of the liquid`;
  return u.capsules
    .map((c) => `${c.count} ${c.count === 1 ? 'capsule' : 'capsules'} of ${c.strengthMg} mg`)
    .join(' and ');
}

/** The date the patient reaches the target dose: the suggested follow-up. */
export function suggestedFollowUp(plan: TitrationPlan): string {
  return plan.steps.at(-1)!.startDate;
}

export function Handout({
  plan,
  patientName,
  clinicContact,
  followUpDate,
}: {
  plan: TitrationPlan;
  patientName?: string | undefined;
  clinicContact: string;
  followUpDate: string;
}) {
  const when = plan.input.timing === 'bedtime' ? H.whenBedtime : H.whenMorning;
  return (
    <article class="handout" aria-labelledby="handout-h">
      <h2 id="handout-h" tabIndex={-1}>
        {H.title}
      </h2>
      {patientName && <p class="handout__for">{H.forPatient(patientName)}</p>}
      <p>{H.what(plan.formDescription.replace(/ \(compounded\)$/, ''), when)}</p>
      <h3>{H.scheduleHeading}</h3>
      <table class="handout__schedule">
        <TableHead cols={H.scheduleCols} />
        <tbody>
          {plan.steps.map((s) => (
            <tr key={s.sequence}>
              <td>{formatDate(s.startDate)}</td>
              <td>{s.phase === 'maintenance' ? H.continueAfter : formatDate(s.endDate)}</td>
              <td>
                {dailyAmount(s)}, {when}
              </td>
              <td>{s.doseMg} mg</td>
            </tr>
          ))}
        </tbody>
      </table>
      {plan.input.form.kind === 'liquid' && <p>{H.liquidHow}</p>}
      <section class="handout__box handout__box--warning" aria-labelledby="handout-opioid-h">
        <h3 id="handout-opioid-h">{H.opioidHeading}</h3>
        <p>{H.opioid}</p>
        <p>{H.opioidCard}</p>
      </section>
      <h3>{H.sideEffectsHeading}</h3>
      <p>{H.sideEffects}</p>
      <p class="handout__caveat">{H.morningTip}</p>
      <h3>{H.surgeryHeading}</h3>
      <p>{H.surgery}</p>
      <h3>{H.storageHeading}</h3>
      <p>
        {H.storage(storageWords(plan.input.form))} {H.keepAway}
      </p>
      <h3>{H.followUpHeading}</h3>
      {/* Only a real day is printed: an unreadable entry asks the patient to check with the clinic. */}
      <p>{readClinicalDate(followUpDate) ? H.followUpOn(formatDate(followUpDate)) : H.followUpAsk}</p>
      <h3>{H.contactHeading}</h3>
      <p class="handout__contact">{clinicContact.trim() || H.contactFallback}</p>
    </article>
  );
}

/** The handout's fields (contact line, follow-up date), the open/print/close buttons and the handout itself. */
export function PatientHandout({ model, patientName }: { model: PlanModel; patientName?: string | undefined }) {
  const [open, setOpen] = useState(false);
  const heading = useRef<HTMLDivElement>(null);
  const plan = model.plan?.ok ? model.plan.value : undefined;
  useEffect(() => {
    if (open) heading.current?.querySelector<HTMLElement>('#handout-h')?.focus();
  }, [open]);
  if (!plan) return null;
  const f = model.fields;
  const followUp = f.followUpDate || suggestedFollowUp(plan);
  return (
    <section class="handout-panel" aria-labelledby="handout-panel-h">
      <h2 id="handout-panel-h" class="screen-only">
        {H.open}
      </h2>
      <div class="screen-only">
        <p class="hint">{H.openHint}</p>
        <div class="row">
          <TextField
            id="handout-contact"
            label={H.clinicContact}
            hint={H.clinicContactHint}
            value={f.clinicContact ?? ''}
            onInput={(v) => model.setField('clinicContact', v.slice(0, 200))}
          />
          <DateField
            id="handout-follow-up"
            label={H.followUp}
            value={followUp}
            onInput={(v) => model.setField('followUpDate', v)}
          />
        </div>
        <p>
          {open ? (
            <>
              <button type="button" class="button button--primary" onClick={() => window.print()}>
                {H.print}
              </button>{' '}
              <button type="button" class="button" onClick={() => setOpen(false)}>
                {H.close}
              </button>
            </>
          ) : (
            <button type="button" class="button" onClick={() => setOpen(true)}>
              {H.open}
            </button>
          )}
        </p>
      </div>
      {open && (
        <div ref={heading}>
          <Handout
            plan={plan}
            patientName={patientName}
            clinicContact={f.clinicContact ?? ''}
            followUpDate={followUp}
          />
        </div>
      )}
    </section>
  );
}
