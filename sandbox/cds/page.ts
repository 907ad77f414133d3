/**
 * The order-entry page of the sandbox EHR (`/cds/order-entry`): pick a patient and a medicine, see the CDS cards
 * as an EHR renders them, sign. Server-rendered shell; the behaviour is in static/order-entry.js (no inline script
 * or style: the sandbox's CSP applies).
 */
import type { SandboxContext } from '../context.ts';
import { esc } from '../web/html.ts';
import { ORDERABLE } from './client.ts';

export function orderEntryPage(ctx: SandboxContext): string {
  const patients = [...ctx.patients].sort(
    (a, b) => Number(b.id.startsWith('ldn-cds-')) - Number(a.id.startsWith('ldn-cds-')),
  );
  const patientOptions = patients
    .map((p) => `<option value="${esc(p.id)}">${esc(p.name)} (${esc(p.id)})</option>`)
    .join('');
  const medOptions = Object.entries(ORDERABLE)
    .map(([k, m]) => `<option value="${esc(k)}">${esc(m.label)}</option>`)
    .join('');
  const stories = patients
    .filter((p) => p.id.startsWith('ldn-cds-'))
    .map((p) => `<li><strong>${esc(p.name)}</strong>: ${esc(p.story)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sandbox EHR: order entry with CDS Hooks</title>
<link rel="stylesheet" href="/static/sandbox.css">
<link rel="stylesheet" href="/cds/static/order-entry.css">
<script type="module" src="/cds/static/order-entry.js"></script>
</head>
<body>
<main>
<h1>Order entry (CDS Hooks)</h1>
<p>The sandbox EHR calls its CDS Hooks service (<code>${esc(ctx.origin)}/cds-services</code>) as an EHR does: <code>patient-view</code> when a patient is picked, <code>order-select</code> when a medicine is picked, <code>order-sign</code> on signing. Every call carries a JWT signed with the sandbox's own key (<a href="/cds/jwks.json">its JWKS</a>). <a href="/">Back to the launcher</a></p>
<ul class="cds-stories">${stories}</ul>
<form id="order-form" class="cds-form" novalidate>
<label for="cds-patient">Patient</label>
<select id="cds-patient" name="patient"><option value="">Choose a patient</option>${patientOptions}</select>
<label for="cds-medication">Medicine to order</label>
<select id="cds-medication" name="medication"><option value="">Choose a medicine</option>${medOptions}</select>
<div class="cds-check"><input type="checkbox" id="cds-prefetch" name="prefetch" checked><label for="cds-prefetch">Send prefetch (unchecked: the service reads the chart from the FHIR server itself)</label></div>
<div><button type="submit" id="cds-sign">Sign order</button></div>
</form>
<p id="cds-status" class="cds-status" role="status" aria-live="polite"></p>
<section aria-labelledby="chart-alerts-h"><h2 id="chart-alerts-h">Chart alerts</h2><div id="chart-cards" class="cds-cards"></div></section>
<section aria-labelledby="order-alerts-h"><h2 id="order-alerts-h">Order alerts</h2><div id="order-cards" class="cds-cards"></div></section>
</main>
</body>
</html>`;
}
