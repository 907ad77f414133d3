/**
 * Wording of the standalone tester surface (issue 14 item 2): the server picker (StandalonePicker.tsx) and the
 * note on what a server supports (ServerNote.tsx). The server report's own words (item labels, reasons, the
 * verdict reason, notes) come from src/core/server/strings.ts, which `npm run check-server` shares; this module
 * holds only what the two components add around them. Kept apart from strings.ts so the clinician screen does not
 * download the tester's words, and the tester page not the clinician's.
 */
import type { LauncherStandaloneType } from '../core/smart/launcher.ts';
import type { ServerVerdict } from '../core/server/types.ts';

/** The kinds of server choice that show a kind word next to their name (a typed server has its own label). */
export type ServerChoiceKind = 'smart' | 'launcher' | 'open';

/** How each kind of listed server is described in its option. */
const SERVER_KIND: Record<ServerChoiceKind, string> = {
  smart: 'SMART sign-in',
  launcher: 'SMART launcher',
  open: 'open, no sign-in',
};

/** Every text of the standalone tester surface. */
export const T = {
  title: 'Launch against a test server',
  disabled: 'The standalone tester flow is not enabled for this deployment. Launch the app from the EHR.',
  intro: "For testers: pick a server from this deployment's list. Not for patient care.",

  serverLegend: 'Server',
  /** One listed server, e.g. "Sandbox SMART (SMART sign-in): https://…". */
  serverOption: (name: string, kind: ServerChoiceKind, url: string) => `${name} (${SERVER_KIND[kind]}): ${url}`,
  typedOption: 'Another open FHIR server (type its URL)',

  launchTypeLegend: 'Launch type',
  /** The SMART launcher's standalone launch types (src/core/smart/launcher.ts builds the base for each). */
  launchType: {
    'patient-standalone': 'Patient standalone (the launcher asks which patient)',
    'provider-standalone': 'Provider standalone (sign in as a practitioner, then pick a patient)',
  } satisfies Record<LauncherStandaloneType, string>,

  typedLabel: 'Open FHIR server base URL',
  useTyped: 'Use this server',

  checking: 'Checking what the server supports…',
  supportsHeading: 'What this server supports',
  signIn: (where: string) => `Sign in at ${where}`,

  searchLabel: 'Patient search',
  patientHeading: 'Patient',
  patientName: 'Patient name',
  search: 'Search',
  resultsLabel: 'Search results',
  searching: 'Searching…',
  searchFailed: (problem: string) => `Search failed: ${problem}`,
  noPatients: 'No patients found.',
  /** The count line; `more` when the server has further pages (the search asks for 20). */
  patientsFound: (n: number, more: boolean) =>
    `${n} patient${n === 1 ? '' : 's'} found${more ? ' (more exist: refine the name)' : ''}.`,
  openPatient: (name: string) => `Open ${name}`,
  /** The birth date is shown as the server sent it: this is a tester's list, not a clinical screen. */
  patientDetails: (birthDate: string | undefined, id: string) => `born ${birthDate ?? 'unknown'}, id ${id}`,

  /** The verdict line of the server note. */
  verdict: {
    full: 'Everything works here: reading the chart and writing the order.',
    'read-only':
      'Read-only here: the server refuses writing the order; the assessment works, and the app offers the printable order and its FHIR JSON.',
    'reported-only order': 'The order can only be recorded as a reported medication here.',
    'not usable': 'The app cannot be used with this server.',
  } satisfies Record<ServerVerdict, string>,
  /**
   * The verdict line for a "read-only" verdict whose creates are merely not declared (none refused): not declared
   * is not refused (issue 12 item 3).
   */
  undeclaredWrite:
    'Writing is not declared here (it may still work): the assessment works, and the app will try to write the order and fall back to the printable order and its FHIR JSON if the server refuses.',
  /** A create the CapabilityStatement does not list. */
  itemNotDeclared: (label: string) => `${label}: not declared (may still work; the app will try and fall back)`,
  /** A create the server refused. */
  itemRefused: (label: string, reason: string) => `${label}: refused, ${reason}`,
  /** Any other item that is not ok, with its status word and reason. */
  item: (label: string, status: string, reason: string) => `${label}: ${status}, ${reason}`,
};
