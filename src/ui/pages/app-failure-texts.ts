/**
 * What each failure page of the app page (index.html, after the authorization server sent the browser back)
 * says. One table, so the wording can be reviewed in one place (client-js keeps its texts in strings.ts too).
 */
import type { LaunchFailureKind } from '../../edge/smart/launch-failure.ts';
import { RELAUNCH, type FailureText } from './failure-text.ts';

/** Failures found by the app page. */
export type AppPageFailureKind = LaunchFailureKind | 'no-patient';

export const APP_FAILURE_TEXTS: Record<AppPageFailureKind, FailureText> = {
  'opened-directly': {
    title: 'Open this app from the EHR',
    what: 'This page was opened directly, so the app has no sign-in session and no patient.',
    todo: 'Open it from the patient’s chart in the EHR, or from the launcher (launch/) when testing.',
  },
  'access-denied': {
    title: 'Access was not allowed',
    what: 'The sign-in was declined: the app did not receive permission to read this chart.',
    todo: 'If this was a mistake, launch the app again and allow access. Otherwise nothing was read or changed.',
  },
  'invalid-client': {
    title: 'The EHR does not recognise this app',
    what: 'The EHR refused the app’s client id: it is not registered there, or the registration was changed.',
    todo: 'Ask your EHR administrator to check the app’s registration and the client id in smart-clients.json.',
  },
  'invalid-scope': {
    title: 'The EHR refused the permissions the app asks for',
    what: 'The EHR would not grant the data access (scopes) the app requests.',
    todo: 'Ask your EHR administrator to allow the scopes listed on the app’s registration page, or to check the scope version (v1 or v2) set for this EHR in smart-clients.json. For an EHR that grants no write access, the administrator can set "write": "off" (or "fallback") for it, and the app then offers the printable order instead.',
  },
  'invalid-request': {
    title: 'The EHR refused the sign-in request as invalid',
    what: 'The EHR’s sign-in service answered that the request was invalid. Its own reason, shown below, says which part it could not accept: for example a redirect address it does not know, or launch options it cannot read.',
    todo: 'If the reason names the redirect address, ask your EHR administrator to register the redirect URI set for this EHR in smart-clients.json. With the SMART launcher, “Invalid launch options” means the launcher’s plain address was used for a standalone launch: start it from the app’s tester page (launch/), which builds the launcher address for the launch type you pick.',
    serverSays: 'What the EHR said',
  },
  'auth-server-error': {
    title: 'The EHR’s sign-in service had a problem',
    what: 'The EHR’s authorization server reported an internal error or is temporarily unavailable.',
    todo: `Wait a moment, then try again. ${RELAUNCH}`,
  },
  'token-exchange-failed': {
    title: 'Sign-in could not be completed',
    what: 'The EHR did not give the app an access token after sign-in (the authorization code was refused).',
    todo: `${RELAUNCH} If it happens again, tell your EHR administrator.`,
  },
  'token-invalid': {
    title: 'The EHR rejected the app’s session',
    what: 'The EHR’s FHIR server did not accept the app’s access token. Nothing was read.',
    todo: RELAUNCH,
  },
  'token-expired': {
    title: 'Your session has expired',
    what: 'The app’s access to this chart has expired. Nothing more can be read or saved in this session.',
    todo: RELAUNCH,
  },
  'network-down': {
    title: 'No connection to the EHR',
    what: 'The app could not reach the EHR’s server: the network or the server is down.',
    todo: 'Check your connection, then reload this page or launch the app again.',
  },
  unknown: {
    title: 'The app could not start',
    what: 'Something unexpected went wrong while connecting to the EHR.',
    todo: `${RELAUNCH} If it happens again, tell your EHR administrator.`,
  },
  'no-patient': {
    title: 'No patient was selected',
    what: 'The EHR launched the app without a patient. The app works on one patient’s chart.',
    todo: 'Open the app from a patient’s chart, or pick a patient when the test server asks for one.',
  },
};
