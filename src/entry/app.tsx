/**
 * Entry of the app page (index.html), the redirect target of every launch. In order: an OAuth error in the URL
 * gets its page (without calling ready(), which would only throw a generic error); fhirclient's ready()
 * exchanges the code (and strips code and state from the URL with history.replaceState); the launch context is
 * built; the first FHIR read proves the token; then the clinician screen renders. Every failure has a page.
 */
import { render, type ComponentChild } from 'preact';
import FHIR from 'fhirclient/lib/entry/browser';
import { createBrowserFhirHttp } from '../adapters/browser-fhir-http.ts';
import { firstRead } from '../edge/smart/first-read.ts';
import { buildLaunchContext } from '../edge/smart/launch-context.ts';
import { failureFromReadyError, failureFromRedirect, type LaunchFailure } from '../edge/smart/launch-failure.ts';
import { ClinicianApp } from '../ui/ClinicianApp.tsx';
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
  if (redirectFailure) return show(failurePage(redirectFailure.kind, redirectFailure));

  show(<LoadingPage message="Signing in to the EHR…" />);
  let client: Awaited<ReturnType<typeof FHIR.oauth2.ready>>;
  try {
    client = await FHIR.oauth2.ready();
  } catch (e) {
    const failure = failureFromReadyError(e);
    return show(failurePage(failure.kind, failure));
  }

  const context = buildLaunchContext(client);
  if (!context.ok) return show(failurePage('no-patient'));

  show(<LoadingPage message="Opening the patient’s chart…" />);
  const first = await firstRead(createBrowserFhirHttp(client), context.value.patientId);
  if (!first.ok) return show(failurePage(first.failure.kind, first.failure));

  show(
    <div data-app-ready="clinician">
      <ClinicianApp context={context.value} http={first.http} />
    </div>,
  );
}

void main();
