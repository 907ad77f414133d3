/**
 * What each launch failure page says: what happened, in plain words, and what to do about it. One table, so the
 * wording can be reviewed in one place (client-js keeps its texts in strings.ts for the same reason).
 */
import type { LaunchFailureKind } from '../../edge/smart/launch-failure.ts';
import type { LaunchPageFailureKind } from '../../edge/smart/launch-plan.ts';

/** Failures found by the app page (after the authorization server sent the browser back). */
export type AppPageFailureKind = LaunchFailureKind | 'no-patient';

export type FailureKind = LaunchPageFailureKind | AppPageFailureKind;

export interface FailureText {
  title: string;
  what: string;
  todo: string;
}

const RELAUNCH = 'Close this window and open the app again from the patient’s chart in the EHR (or from the test launcher).';

export const FAILURE_TEXTS: Record<FailureKind, FailureText> = {
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
    todo: 'Ask your EHR administrator to allow the scopes listed on the app’s registration page, or to check the scope version (v1 or v2) set for this EHR in smart-clients.json.',
  },
  'invalid-request': {
    title: 'The EHR rejected the sign-in request',
    what: 'The authorization request was refused as invalid, often because the app’s redirect address is not registered with the EHR.',
    todo: 'Ask your EHR administrator to check the redirect URI registered for this app against the one in smart-clients.json.',
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
  'config-unreadable': {
    title: 'The app’s configuration could not be read',
    what: 'The file smart-clients.json beside the app could not be loaded or is not valid JSON.',
    todo: 'An administrator must put a valid smart-clients.json beside the app (check it with: npm run clients -- list).',
  },
  'standalone-disabled': {
    title: 'Open this app from the EHR',
    what: 'This is the app’s launch address. It was opened without an EHR launch, and the standalone tester mode is switched off.',
    todo: 'Open the app from a patient’s chart in the EHR.',
  },
  'standalone-not-offered': {
    title: 'This server is not offered for standalone launch',
    what: 'The server is on the allow-list for EHR launches only.',
    todo: 'Launch from that EHR, or ask an administrator to set "standalone": true for it in smart-clients.json.',
  },
  'open-server-not-allowed': {
    title: 'This open server is not on the list',
    what: 'The FHIR server given for an open (no sign-in) launch is not one of the open servers in smart-clients.json.',
    todo: 'Pick a listed server, or ask an administrator to add it under "standalone.openServers" in smart-clients.json.',
  },
  'auth-server-unreachable': {
    title: 'The EHR’s sign-in service could not be reached',
    what: 'The app could not read the EHR’s SMART configuration (.well-known/smart-configuration).',
    todo: 'Check your connection and try again. If it persists, the EHR’s address in smart-clients.json may be wrong.',
  },
  'pkce-unsupported': {
    title: 'The EHR’s sign-in is not secure enough',
    what: 'The EHR does not announce PKCE with S256, which this app requires to protect the sign-in.',
    todo: 'Ask your EHR administrator to enable PKCE (S256) for this app.',
  },
  'launch-failed': {
    title: 'The app could not be launched',
    what: 'Something unexpected went wrong before sign-in.',
    todo: 'Try the launch again. If it happens again, tell your EHR administrator.',
  },
};
