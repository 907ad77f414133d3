/**
 * What each failure page of the launch page (launch/index.html, before any sign-in) says. Kept apart from the
 * app page's texts so each page downloads only its own.
 */
import type { LaunchPageFailureKind } from '../../edge/smart/launch-plan.ts';
import type { FailureText } from './failure-text.ts';

export const LAUNCH_FAILURE_TEXTS: Record<LaunchPageFailureKind, FailureText> = {
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
