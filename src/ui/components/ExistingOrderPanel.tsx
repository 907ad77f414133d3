/**
 * An LDN order already in the chart (issue 10 item 3), shown at the top of the screen: what it is, whether this
 * app wrote it, its status, start date and the step it is at today, and the clinician's choice: continue it (no
 * new order), replace it with the plan below (the new order names it as the prior prescription), or cancel.
 * Never a silent second concurrent LDN order: until one is chosen, signing is blocked (the core's gate).
 */
import type { ExistingLdnOrder } from '../../core/order/existing-ldn.ts';
import type { ExistingOrderChoice } from '../../core/order/sign-gate.ts';
import { clinicalDate } from '../../core/fhir/dates.ts';
import { X } from '../strings.ts';

export interface ExistingOrderPanelProps {
  existing: ExistingLdnOrder[];
  choice?: ExistingOrderChoice | undefined;
  onChoose: (choice: ExistingOrderChoice) => void;
}

/** "step 2 of 4", "not started yet", or "past its last planned step". */
function stepWords(o: ExistingLdnOrder): string | undefined {
  const s = o.currentStep;
  if (!s || s.of < 2) return undefined;
  if (s.when === 'before-start') return X.stepBefore(s.of);
  if (s.when === 'after-end') return X.stepAfter(s.of);
  return X.step(s.number, s.of);
}

function OrderLine({ order }: { order: ExistingLdnOrder }) {
  const step = stepWords(order);
  const facts = [
    X.status[order.status] ?? order.status,
    order.ownApp ? X.ownApp : X.otherSource,
    order.authoredOn ? X.written(clinicalDate(order.authoredOn)) : '',
  ].filter(Boolean);
  return (
    <li class="card card--major">
      <strong>{order.name}</strong> ({facts.join(', ')})
      <br />
      {[order.startDate ? X.started(clinicalDate(order.startDate)) : '', step ?? ''].filter(Boolean).join('; ')}
      {order.currentStep?.text && (
        <>
          <br />
          {order.currentStep.text}
        </>
      )}
    </li>
  );
}

const CHOICES: { value: ExistingOrderChoice; label: string }[] = [
  { value: 'continue', label: X.continue },
  { value: 'replace', label: X.replace },
  { value: 'cancel', label: X.cancel },
];

export function ExistingOrderPanel({ existing, choice, onChoose }: ExistingOrderPanelProps) {
  if (existing.length === 0) return null;
  return (
    <section class="existing-order" aria-labelledby="existing-h" data-existing-orders={existing.length}>
      <h2 id="existing-h">{existing.length === 1 ? X.heading : X.headingMany(existing.length)}</h2>
      <ul class="cards">
        {existing.map((o) => (
          <OrderLine key={o.reference} order={o} />
        ))}
      </ul>
      <fieldset class="field">
        <legend>{X.question}</legend>
        {CHOICES.map((c) => (
          <label key={c.value} class="checkbox" for={`existing-${c.value}`}>
            <input
              id={`existing-${c.value}`}
              type="radio"
              name="existing-order"
              value={c.value}
              checked={choice === c.value}
              onChange={() => onChoose(c.value)}
            />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>
      {choice === 'replace' && <p>{X.replaceNote}</p>}
      {choice === 'replace' && existing.length > 1 && <p>{X.others}</p>}
    </section>
  );
}
