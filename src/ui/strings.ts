/**
 * Every user-facing string of the clinician's screen, in one place (as client-js keeps its texts in strings.ts),
 * so wording can be reviewed and translated without reading components.
 */
import type { GapReason } from '../core/chart.ts';
import type { Severity, Verdict } from '../core/assess/types.ts';

/** How a verdict is shown: an icon character and a label word, so it never relies on colour alone. */
export interface VerdictWords {
  icon: string;
  label: string;
}

export const VERDICT_WORDS: Record<Verdict, VerdictWords> = {
  candidate: { icon: '✓', label: 'Candidate' },
  'candidate-with-cautions': { icon: '!', label: 'Candidate, with cautions' },
  'not-recommended': { icon: '✕', label: 'Not recommended now' },
  'no-indication': { icon: 'i', label: 'No charted indication' },
  incomplete: { icon: '?', label: 'Incomplete result' },
};

export const SEVERITY_WORDS: Record<Severity, string> = {
  contraindicated: 'Contraindicated',
  major: 'Major',
  caution: 'Caution',
  info: 'For information',
};

/** Plain-language reasons for a part of the chart that could not be read. */
export const GAP_REASON_WORDS: Record<GapReason, string> = {
  failed: 'the server failed to answer',
  unauthorized: 'your session expired: relaunch from the EHR',
  refused: 'access was refused (permission not granted)',
  'not-found': 'not found on the server',
  timeout: 'the server took too long to answer',
  truncated: 'the list was cut short before the end',
  malformed: 'the data could not be understood',
  'unresolved-reference': 'a referenced medication could not be read',
  'unreadable-medication': 'a medication had neither a usable code nor a name',
  'server-warning': 'the server said its answer was incomplete',
  inconsistent: 'the answer contradicted itself',
  'wrong-patient': "the server returned another patient's record",
};

export const S = {
  appTitle: 'Low-dose naltrexone check',
  readingChart: 'Reading the chart…',
  readProgress: (loaded: string, total?: string) =>
    total ? `Read ${loaded} of ${total} records…` : `Read ${loaded} records…`,
  readFailed: 'The chart could not be read.',
  retry: 'Retry reading the chart',
  verdictHeading: 'Result',
  incompleteLead:
    'This result is incomplete: part of the chart could not be read, so conflicts may be missing. Do not rely on it until the chart is read in full.',
  incompleteIfComplete: (label: string) => `From what could be read alone, the result would be: ${label}.`,
  gapsHeading: 'What could not be read',
  sessionExpired: 'Your session expired: relaunch from the EHR.',
  gapCount: (n: string) => `${n} affected`,
  conflictsHeading: 'Conflicts',
  conflictsNoneComplete: 'No conflicts were found in the chart.',
  conflictsNoneIncomplete:
    'None found in the parts that could be read. The parts that could not be read may hold conflicts.',
  chartEntry: 'Chart entry',
  status: 'Status',
  matched: 'Matched',
  matchedByCode: (system: string, code: string, concept: string) =>
    `${system} ${code}${concept ? ` (${concept})` : ''}`,
  matchedByName: (term: string) => `the name “${term}”`,
  records: (n: number) => `${n} records in the chart`,
  technical: 'Technical details',
  techRule: 'Rule',
  techEntry: 'Chart record',
  techCode: 'Code system',
  techWhere: 'Found in',
  reportWrong: 'Report a wrong finding',
  why: 'Why',
  sources: 'Sources',
  unverified: 'unverified',
  washout: 'Washout',
  washoutEnds: (date: string) => `Opioid-free window ends on ${date}`,
  washoutBasis: (lastUse: string, basis: string, days: number) => `Last use ${lastUse} (${basis}); ${days}-day window.`,
  candidacyHeading: 'Candidacy',
  candidacyNone: 'No charted condition is a published use of low-dose naltrexone.',
  moreNotShown: (n: string) => `The first ${n} are listed; the chart holds more.`,
  moreConditions: (n: string) => `and ${n} more charted condition${n === '1' ? '' : 's'} for this use`,
  evidenceLevel: 'Evidence',
  timelineHeading: 'Opioid and antagonist use: the last 90 days and the next 30',
  timelineNone: 'No opioid or antagonist use in the last 90 days.',
  timelinePlanStart: 'Planned start',
  timelineLastOld: (name: string, when: string) => `Last opioid: ${name}, stopped ${when}.`,
  timelineRecords: (n: number) => `${n} records`,
  timelineTableCaption: 'Timeline as a table',
  timelineToday: 'Today',
  timelineWindowEnds: 'Window ends',
  timelineUse: 'In use',
  timelineWashout: 'Washout window',
  timelineCols: ['Medication', 'Kind', 'From', 'To', 'Window ends'] as const,
  kindOpioid: 'opioid',
  kindAntagonist: 'antagonist',
  kindOther: 'other',
  ongoing: 'ongoing',
  unknownDate: 'unknown',
  chartReadSummary: (n: string, one: boolean, at: string) =>
    `What was read (chart read at ${at}): ${n} record${one ? '' : 's'} of conditions, medications, allergies and planned procedures`,
  chartReadMore: (n: string) => `…and ${n} more.`,
  bannerLabel: 'Patient',
  bannerGender: 'Gender',
  bannerBorn: 'Born',
  bannerFailed: 'Patient details could not be loaded.',
  bannerLoading: 'Loading patient details…',
} as const;

/** The LDN order already in the chart, and what to do with it. */
export const X = {
  heading: 'A low-dose naltrexone order is already in the chart',
  headingMany: (n: number) => `${n} low-dose naltrexone orders are already in the chart`,
  ownApp: 'written with this app',
  otherSource: 'written elsewhere',
  status: { active: 'active', 'on-hold': 'on hold' } as Record<string, string>,
  started: (date: string) => `Started ${date}`,
  written: (date: string) => `written ${date}`,
  step: (n: number, of: number) => `step ${n} of ${of}`,
  stepBefore: (of: number) => `not started yet (step 1 of ${of} comes first)`,
  stepAfter: (of: number) => `past its last planned step (${of} of ${of})`,
  question: 'What do you want to do?',
  continue: 'Continue it: write no new order',
  replace: 'Replace it with the plan below',
  cancel: 'Cancel: write nothing now',
  replaceNote:
    'The new order names the one it replaces. The old order must be discontinued in the EHR, unless the EHR lets the app set it to stopped: the app tries once after signing and tells you.',
  others: 'The other orders listed stay as they are: discontinue them in the EHR if they should end.',
} as const;

/** The plan part while it downloads after the verdict (issue 14 item 1). */
export const L = {
  loading: 'Loading the planner…',
  failed:
    'The planner could not be downloaded (is the network down?). Nothing was written; the result above still stands. Try again, or reload the page if it keeps failing.',
  retry: 'Try again',
} as const;
