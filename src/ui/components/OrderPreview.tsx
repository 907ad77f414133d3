/**
 * Review equals send (issue 11 item 3): every element of the resources that will be POSTed, read from those very
 * resources (orderView), never from the plan: the compound and its ingredients, each dosage with its text, the
 * fills, every note, each overridden alert, people by name, dates as "7 Dec 2026". The raw FHIR JSON sits behind
 * a technical-details toggle. On paper it carries the prescriber's signature line.
 */
import { useMemo } from 'preact/hooks';
import { orderView } from '../../core/order/summary.ts';
import type { OrderDraft } from '../../core/order/types.ts';
import { R } from '../strings-order.ts';

export function OrderPreview({ order }: { order: OrderDraft }) {
  const view = useMemo(() => orderView(order), [order]);
  const resources = [...order.detectedIssues, order.medicationRequest];
  const prescriber = view.facts.find((f) => f.label === 'Prescriber')?.value ?? R.prescriberUnknown;
  return (
    <div class="preview" data-order-preview>
      <p class="screen-only">{R.intro}</p>
      <h3 class="preview__title">{view.title}</h3>
      <dl class="facts preview__facts">
        {view.facts.map((f) => [<dt key={`${f.label}-t`}>{f.label}</dt>, <dd key={`${f.label}-d`}>{f.value}</dd>])}
      </dl>
      {view.ingredients.length > 0 && (
        <>
          <h4>{R.ingredients}</h4>
          <ul class="preview__list">
            {view.ingredients.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </>
      )}
      <h4>{R.dosages}</h4>
      <ul class="preview__list preview__dosages">
        {view.dosages.map((d, i) => (
          <li key={i}>
            <strong>{d.label}:</strong> {d.text}
          </li>
        ))}
      </ul>
      <h4>{R.dispense}</h4>
      <ul class="preview__list preview__dispense">
        {view.dispense.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <h4>{R.notes}</h4>
      <ul class="preview__list preview__notes">
        {view.notes.map((n, i) => (
          <li key={i} class="preview__note">
            {n}
          </li>
        ))}
      </ul>
      {view.alerts.length > 0 && (
        <>
          <h4>{R.alerts}</h4>
          <ul class="preview__list preview__alerts">
            {view.alerts.map((a, i) => (
              <li key={i}>{a}</li>
            ))}
          </ul>
        </>
      )}
      <p class="preview__id">
        {R.identifier}: <code>{view.identifier}</code>
      </p>
      <p class="print-only signature">
        {R.signatureLine(prescriber)}: <span class="signature__line" /> {R.dateLine}: <span class="signature__date" />
      </p>
      <details class="json screen-only">
        <summary>{R.json}</summary>
        {resources.map((r, i) => (
          <div key={i}>
            <h4 class="json__title">{R.jsonItem(r.resourceType, i + 1, resources.length)}</h4>
            <pre tabIndex={0} aria-label={r.resourceType}>
              {JSON.stringify(r, null, 2)}
            </pre>
          </div>
        ))}
      </details>
    </div>
  );
}
