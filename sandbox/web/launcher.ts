/** The launcher page at `/`: the synthetic patients, their launch links, and a form for launch options. */
import type { SandboxContext } from '../context.ts';
import { AUTH_ERRORS, FAULT_KINDS, SERVER_PROFILES, type ServerProfile } from '../auth/options.ts';
import { clinicalDate } from '../../src/core/fhir/dates.ts';
import { READ_TYPES } from '../../src/core/smart/scopes.ts';
import { esc, page } from './html.ts';

/** What each server profile is, for the options form (details in sandbox/README.md). */
const PROFILE_LABELS: Record<ServerProfile, string> = {
  full: 'Full (this sandbox: offset paging, _include, every create)',
  'epic-like': 'Epic-like (no _include, 50 per page, cursor paging, no MedicationStatement, order create refused)',
  'oracle-like': 'Oracle-Health-like (order create only as a reported medication, no DetectedIssue)',
  'hapi-like': 'HAPI-like (open-server paging links with _getpages, total on every page)',
};

export function launcherPage(ctx: SandboxContext): string {
  const rows = ctx.patients
    .map(
      (p) => `<tr>
<th scope="row">${esc(p.name)}<br><code>${esc(p.id)}</code></th>
<td>${esc(p.story)}</td>
<td class="verdict">${esc(p.verdict)}</td>
<td><a href="/ehr?patient=${encodeURIComponent(p.id)}">EHR launch (800x600 frame)<span class="visually-hidden"> for ${esc(p.name)}</span></a><br>
<a href="/launch?patient=${encodeURIComponent(p.id)}">EHR launch (full page)<span class="visually-hidden"> for ${esc(p.name)}</span></a></td>
</tr>`,
    )
    .join('\n');
  const patientOptions = ctx.patients
    .map((p) => `<option value="${esc(p.id)}">${esc(p.name)} (${esc(p.id)})</option>`)
    .join('');
  // Every type the app reads, one group each: a fault can be put on any read, not only the first ones built.
  const faultOptions = READ_TYPES.map(
    (t) =>
      `<optgroup label="${t}">${FAULT_KINDS.map((k) => `<option value="${t}:${k}">${t}: ${k}</option>`).join('')}</optgroup>`,
  ).join('');
  return page(
    'LDN sandbox EHR',
    `<main>
<h1>LDN sandbox EHR</h1>
<p>A local EHR with a SMART on FHIR authorization server over a real FHIR R4 engine. FHIR base (the <code>iss</code>): <code>${esc(ctx.fhirBase)}</code>.
Open base without authorization: <code>${esc(ctx.openFhirBase)}</code>.</p>
<h2>Patients</h2>
<table>
<caption class="visually-hidden">Synthetic patients with the verdict the app should show</caption>
<thead><tr><th scope="col">Patient</th><th scope="col">Story</th><th scope="col">Expected verdict</th><th scope="col">Launch</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p><a href="/cds/order-entry">Order entry with CDS Hooks</a>: order an opioid or naltrexone and see the alerts an EHR would show.</p>
<h2>Standalone launch</h2>
<p><a href="/app/launch/">Open the app's standalone tester page</a>: pick this sandbox (SMART sign-in and patient picker) or its open endpoint.</p>
<h2>Launch with options</h2>
<form method="get" action="/ehr">
<label for="opt-patient">Patient</label>
<select id="opt-patient" name="patient">${patientOptions}</select>
<label for="opt-banner">Patient banner (need_patient_banner)</label>
<select id="opt-banner" name="banner"><option value="">Default (frame: no, full page: yes)</option><option value="1">Yes</option><option value="0">No</option></select>
<label for="opt-profile">Server profile <span class="hint">(how the FHIR server behaves)</span></label>
<select id="opt-profile" name="profile">${SERVER_PROFILES.map((p) => `<option value="${p}">${esc(PROFILE_LABELS[p])}</option>`).join('')}</select>
<label for="opt-auth-error">Simulated authorization error</label>
<select id="opt-auth-error" name="auth_error"><option value="">None</option>${AUTH_ERRORS.map((e) => `<option value="${e}">${e}</option>`).join('')}</select>
<label for="opt-fault">FHIR fault <span class="hint">(one resource type)</span></label>
<select id="opt-fault" name="fhir_fault"><option value="">None</option>${faultOptions}</select>
<label for="opt-faults">More FHIR faults <span class="hint" id="opt-faults-hint">comma list of Type:kind, kinds ${FAULT_KINDS.join(', ')}</span></label>
<input type="text" id="opt-faults" name="fhir_fault" aria-describedby="opt-faults-hint">
<label for="opt-scope">Grant at most these scopes <span class="hint" id="opt-scope-hint">space separated, e.g. patient/Condition.rs patient/Patient.rs; empty = all asked</span></label>
<input type="text" id="opt-scope" name="scope" aria-describedby="opt-scope-hint">
<div>
<button type="submit" formaction="/ehr">EHR launch (800x600 frame)</button>
<button type="submit" formaction="/launch" class="secondary">EHR launch (full page)</button>
</div>
</form>
</main>`,
  );
}

/** The EHR-like page: a fake chart header and the app in an 800x600 frame. */
export function ehrPage(ctx: SandboxContext, patientId: string, frameSrc: string): string {
  const p = ctx.patients.find((x) => x.id === patientId);
  return page(
    `Sandbox EHR chart: ${p?.name ?? patientId}`,
    `<header class="ehr-header">
<h1>Sandbox EHR chart: ${esc(p?.name ?? patientId)}</h1>
<span>Born ${esc(p?.birthDate ? clinicalDate(p.birthDate) : 'unknown')}</span>
<span>Sex ${esc(p?.gender ?? 'unknown')}</span>
<span>MRN <code>${esc(patientId)}</code></span>
<a href="/">Back to the launcher</a>
</header>
<main class="ehr-body">
<iframe class="ehr-frame" src="${esc(frameSrc)}" title="LDN app for ${esc(p?.name ?? patientId)}" width="800" height="600"></iframe>
</main>`,
  );
}
