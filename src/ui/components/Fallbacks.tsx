/**
 * When the order cannot be written: a printable order (the browser's print, styled by the print stylesheet) and
 * the FHIR JSON as a download (a transaction Bundle with conditional creates, built from a Blob and an object URL).
 */
import { useEffect, useMemo } from 'preact/hooks';
import type { Bundle, DetectedIssue, MedicationRequest } from 'fhir/r4';
import type { OrderDraft } from '../../core/order/types.ts';
import { P } from '../strings-plan.ts';

/** The draft as a FHIR transaction: importable as is, and idempotent thanks to the client identifiers. */
export function orderBundle(draft: OrderDraft): Bundle<DetectedIssue | MedicationRequest> {
  const entry = (r: DetectedIssue | MedicationRequest) => {
    const id = r.identifier?.[0];
    return {
      ...(id?.value ? { fullUrl: `urn:uuid:${id.value}` } : {}),
      resource: r,
      request: {
        method: 'POST' as const,
        url: r.resourceType,
        ...(id?.system && id.value
          ? { ifNoneExist: `identifier=${encodeURIComponent(`${id.system}|${id.value}`)}` }
          : {}),
      },
    };
  };
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [...draft.detectedIssues.map(entry), entry(draft.medicationRequest)],
  };
}

export function Fallbacks({ draft, orderAsText }: { draft: OrderDraft; orderAsText: (d: OrderDraft) => string }) {
  const json = useMemo(() => JSON.stringify(orderBundle(draft), null, 2), [draft]);
  const url = useMemo(() => URL.createObjectURL(new Blob([json], { type: 'application/fhir+json' })), [json]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <div class="fallbacks">
      <p class="screen-only">{P.fallbackIntro}</p>
      <p class="screen-only">
        <button type="button" class="button" onClick={() => window.print()}>
          {P.print}
        </button>{' '}
        <a class="button" href={url} download={`naltrexone-order-${draft.identifier.value}.json`}>
          {P.download}
        </a>
      </p>
      <section class="print-order" aria-label={P.printHeading}>
        <h3 class="print-only">{P.printHeading}</h3>
        <pre class="print-order__text">{orderAsText(draft)}</pre>
      </section>
    </div>
  );
}
