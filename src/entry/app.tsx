/**
 * Entry of the app page (index.html), the redirect target of every launch. In order: an OAuth error in the URL
 * gets its page (without calling ready(), which would only throw a generic error); fhirclient's ready()
 * exchanges the code (and strips code and state from the URL with history.replaceState); the launch context is
 * built; the chart read starts at once (in parallel with the clinician screen's code), and its first FHIR answer
 * proves the token; the clinician screen renders and takes the read over. Every failure has a page.
 */
import { render, type ComponentChild } from 'preact';
import FHIR from 'fhirclient/lib/entry/browser';
import { createBrowserFhirHttp } from '../adapters/browser-fhir-http.ts';
import { startChartRead } from '../edge/chart-prefetch.ts';
import type { FhirHttp } from '../edge/types.ts';
import { guardLaunch } from '../edge/smart/launch-guard.ts';
import { capabilitiesFor } from '../edge/smart/read-mode.ts';
import { buildLaunchContext } from '../edge/smart/launch-context.ts';
import { failureFromReadyError, failureFromRedirect, type LaunchFailure } from '../edge/smart/launch-failure.ts';
import { scopeRetryUrl } from '../edge/smart/scope-retry.ts';
import { APP_FAILURE_TEXTS, type AppPageFailureKind } from '../ui/pages/app-failure-texts.ts';
import { FailurePage } from '../ui/pages/FailurePage.tsx';
import { LoadingPage } from '../ui/pages/LoadingPage.tsx';
import '../ui/pages/pages.css';

const root = document.getElementById('root') ?? document.body;
const show = (page: ComponentChild) => render(page, root);
const failurePage = (kind: AppPageFailureKind, failure?: LaunchFailure) => (
  <FailurePage kind={kind} text={APP_FAILURE_TEXTS[kind]} {...(failure ? { failure } : {})} />
);

async function main(): Promise<void> {
  const redirectFailure = failureFromRedirect(new URLSearchParams(location.search));
  if (redirectFailure) {
    // write "fallback": an invalid_scope refusal retries once with fewer scopes (src/edge/smart/scope-retry.ts).
    const retry = scopeRetryUrl(
      sessionStorage,
      redirectFailure,
      new URLSearchParams(location.search).get('state'),
      location.href,
    );
    return retry ? location.replace(retry) : show(failurePage(redirectFailure.kind, redirectFailure));
  }

  show(<LoadingPage message="Signing in to the EHR…" />);
  // The clinician screen's code downloads while the code is exchanged for a token (not before it), and a
  // failure page never waits for it.
  const clinicianModule = import('../ui/ClinicianApp.tsx');
  clinicianModule.catch(() => undefined); // handled where awaited
  let client: Awaited<ReturnType<typeof FHIR.oauth2.ready>>;
  try {
    client = await FHIR.oauth2.ready();
  } catch (e) {
    const failure = failureFromReadyError(e);
    return show(failurePage(failure.kind, failure));
  }

  const context = buildLaunchContext(client);
  if (!context.ok) return show(failurePage('no-patient'));

  // The chart's first FHIR answer decides the launch: a refused token (401) or no network replaces whatever is
  // shown with the failure page; anything else marks the app ready (data-app-ready) once the screen is there.
  let ClinicianApp: Awaited<typeof clinicianModule>['ClinicianApp'] | undefined;
  let failed = false;
  let working = false;
  const screen = (App: NonNullable<typeof ClinicianApp>, ready: boolean) => (
    <div {...(ready ? { 'data-app-ready': 'clinician' } : { 'data-app-loading': '' })}>
      <App context={context.value} http={http} />
    </div>
  );
  // What the launch page knew of this server (its allow-list entry's `reads`), for the chart reader.
  const capabilities = capabilitiesFor(sessionStorage, client.state.serverUrl);
  const guarded = guardLaunch(createBrowserFhirHttp(client), {
    onFailure: (failure) => {
      failed = true;
      show(failurePage(failure.kind, failure));
    },
    onWorking: () => {
      working = true;
      if (ClinicianApp) show(screen(ClinicianApp, true));
    },
  });
  const http: FhirHttp = { baseUrl: guarded.baseUrl, fetch: (url, init) => guarded.fetch(url, init), capabilities };
  // The chart searches leave now, while the clinician screen's code is still downloading and parsing (issue 14
  // item 1); the screen takes this read over instead of starting its own.
  startChartRead(http, context.value.patientId);
  try {
    ({ ClinicianApp } = await clinicianModule);
  } catch {
    return show(failurePage('network-down'));
  }
  if (!failed) show(screen(ClinicianApp, working));
}

void main();
