/**
 * Entry of the launch page (launch/index.html): the EHR opens it with `iss` and `launch`; a tester opens it bare
 * (standalone picker) or with `iss` alone / `fhirServiceUrl` + `patientId`. It reads the allow-list beside the
 * app, then either starts fhirclient's authorization (array form, issMatch per allowed server) or shows a page.
 */
import { h, render, type ComponentChild } from 'preact';
import FHIR from 'fhirclient/lib/entry/browser';
import { ALLOW_LIST_FILE, loadAllowList } from '../edge/smart/allow-list-source.ts';
import { readLaunchRequest } from '../edge/smart/authorize-options.ts';
import {
  failureFromAuthorizeError,
  planLaunch,
  withoutOverrides,
  type LaunchPageFailureKind,
  type LaunchPlan,
} from '../edge/smart/launch-plan.ts';
import type { AllowList } from '../core/smart/allow-list.ts';
import { forgetRetry, isFallbackRetry, rememberForRetry } from '../edge/smart/scope-retry.ts';
import { rememberReadMode } from '../edge/smart/read-mode.ts';
import type { StandaloneTarget } from '../edge/types.ts';
import { LoadingPage } from '../ui/pages/LoadingPage.tsx';
import '../ui/pages/pages.css';

const root = document.getElementById('root') ?? document.body;
const show = (page: ComponentChild) => render(page, root);
// Problem pages load on demand: a launch that goes well never downloads them.
const pages = () => import('../ui/pages/launch-pages.ts');
const showFailure = async (kind: LaunchPageFailureKind, extra: { description?: string; server?: string } = {}) =>
  show((await pages()).failurePage(kind, extra));
const showUnknownIssuer = async (iss: string) => show((await pages()).unknownIssuerPage(iss));

/**
 * A SMART pick reloads this page with `?iss=` so it takes the same checked path as any launch. An open-server
 * pick is planned (and checked against the allow-list) here and authorized directly, so the patient id never
 * appears in a URL or the browser history.
 */
function launchStandalone(list: AllowList, target: StandaloneTarget): void {
  if (target.kind === 'smart') return location.assign(`?${new URLSearchParams({ iss: target.iss }).toString()}`);
  const request = {
    kind: 'standalone-open' as const,
    fhirServiceUrl: target.fhirServiceUrl,
    patientId: target.patientId,
  };
  void act(planLaunch({ request, list, appRootUrl: appRootUrl(), stateKey: crypto.randomUUID() }), list);
}

const appRootUrl = () => new URL('../', location.href).href;

async function authorize(plan: Extract<LaunchPlan, { action: 'authorize' }>): Promise<void> {
  show(h(LoadingPage, { message: 'Connecting to the EHR…' }));
  // An entry with write "fallback": remembered under this authorization's state for one read-only retry.
  const stateKey = plan.options[0]?.stateKey;
  if (plan.retryable && stateKey) rememberForRetry(sessionStorage, { stateKey, ...plan.retryable });
  else forgetRetry(sessionStorage);
  // An entry with reads "batch": the app page reads this server's chart in one FHIR batch.
  rememberReadMode(sessionStorage, plan.serverUrl, plan.batchReads === true);
  // With `iss` or `fhirServiceUrl` in the URL: the array form (fhirclient picks the entry whose issMatch accepts
  // it; its typings declare only the single-object form). An open pick from the picker has no URL parameter, and
  // its plan holds exactly one option, for the server already checked: the single form.
  const fromUrl = /[?&](iss|fhirServiceUrl)=/.test(location.search);
  const options = fromUrl ? plan.options : plan.options[0];
  try {
    await FHIR.oauth2.authorize(options as unknown as Parameters<typeof FHIR.oauth2.authorize>[0]);
  } catch (e) {
    const kind = failureFromAuthorizeError(e);
    await (kind === 'unknown-issuer'
      ? showUnknownIssuer(plan.serverUrl)
      : showFailure(kind, { server: plan.serverUrl }));
  }
}

async function act(plan: LaunchPlan, list: AllowList): Promise<void> {
  switch (plan.action) {
    case 'authorize':
      return authorize(plan);
    case 'picker': {
      // A bare URL: a pick must not be overridden by a leftover fhirServiceUrl (fhirclient reads URL parameters).
      if (location.search) history.replaceState(null, '', location.pathname);
      // Loaded on demand: an EHR launch (the common path) never downloads the tester's picker.
      const { StandalonePage } = await import('../ui/pages/StandalonePage.tsx');
      return void show(
        h(StandalonePage, { allowList: list, onLaunch: (target: StandaloneTarget) => launchStandalone(list, target) }),
      );
    }
    case 'unknown-issuer':
      return showUnknownIssuer(plan.iss);
    case 'failure':
      return showFailure(plan.kind, plan.params?.server ? { server: String(plan.params.server) } : {});
  }
}

async function main(): Promise<void> {
  show(h(LoadingPage, { message: 'Starting the app…' }));
  const cleaned = withoutOverrides(location.href);
  if (cleaned) history.replaceState(null, '', cleaned);
  const loaded = await loadAllowList(new URL(`../${ALLOW_LIST_FILE}`, location.href).href);
  if (!loaded.ok) {
    const problem = loaded.error;
    if (problem.kind === 'invalid') show((await pages()).configErrorPage(ALLOW_LIST_FILE, problem.errors));
    else show((await pages()).configUnreadablePage(problem));
    return;
  }
  const search = new URLSearchParams(location.search);
  const plan = planLaunch({
    request: readLaunchRequest(search),
    list: loaded.value,
    appRootUrl: appRootUrl(),
    stateKey: crypto.randomUUID(),
    attempt: isFallbackRetry(search) ? 'fallback' : 'first',
  });
  return act(plan, loaded.value);
}

void main();
