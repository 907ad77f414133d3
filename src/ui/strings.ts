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
  'wrong-patient': 'the server returned another patient\'s record',
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
  gapCount: (n: number) => `${n} affected`,
  conflictsHeading: 'Conflicts',
  conflictsNoneComplete: 'No conflicts were found in the chart.',
  conflictsNoneIncomplete:
    'None found in the parts that could be read. The parts that could not be read may hold conflicts.',
  chartEntry: 'Chart entry',
  status: 'Status',
  matched: 'Matched',
  matchedByCode: (system: string, code: string, term: string) => `code ${code} (${system}) for ${term}`,
  matchedByName: (term: string) => `the name “${term}”`,
  why: 'Why',
  sources: 'Sources',
  unverified: 'unverified',
  washout: 'Washout',
  washoutEnds: (date: string) => `Opioid-free window ends on ${date}`,
  washoutBasis: (lastUse: string, basis: string, days: number) =>
    `Last use ${lastUse} (${basis}); ${days}-day window.`,
  candidacyHeading: 'Candidacy',
  candidacyNone: 'No charted condition is a published use of low-dose naltrexone.',
  evidenceLevel: 'Evidence',
  timelineHeading: 'Opioid and antagonist use, recent months',
  timelineNone: 'No dated opioid or antagonist use in the chart.',
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
  chartReadSummary: (n: number) => `What was read: ${n} condition and medication record${n === 1 ? '' : 's'}`,
  chartReadMore: (n: number) => `…and ${n} more.`,
  bannerLabel: 'Patient',
  bannerGender: 'Gender',
  bannerBorn: 'Born',
  bannerFailed: 'Patient details could not be loaded.',
  bannerLoading: 'Loading patient details…',
} as const;

/** The planner, the overrides and the order review. */
export const P = {
  plannerHeading: 'Titration plan',
  preset: 'Preset',
  presetNone: 'None: enter the schedule yourself',
  presetSources: 'Sources for this preset',
  startMg: 'Start dose (mg per day)',
  stepMg: 'Step (mg added each interval)',
  intervalDays: 'Interval (days at each dose)',
  targetMg: 'Target dose (mg per day)',
  targetReason: 'Reason for a target above 4.5 mg',
  timing: 'When to take it',
  bedtime: 'At bedtime',
  morning: 'In the morning',
  form: 'Form',
  capsule: 'Capsules',
  liquid: 'Oral liquid',
  strengthsMg: 'Capsule strengths (mg, comma-separated)',
  mgPerMl: 'Liquid concentration (mg per mL)',
  startDate: 'Start date',
  notStarted: 'Pick a preset or enter a start dose to see the plan.',
  planProblems: (n: number) => `The plan cannot be made yet: ${n === 1 ? 'one problem is' : `${n} problems are`} shown next to the fields above.`,
  moreProblems: (n: number) => `…and ${n} more like this.`,
  stepsHeading: 'Steps',
  stepCols: ['Step', 'From', 'To', 'Days', 'Daily dose', 'How to take', 'Instructions'] as const,
  maintenance: 'maintenance',
  mg: (n: number) => `${n} mg`,
  dispenseHeading: 'Quantity to dispense',
  dispenseCapsules: (total: number, parts: string) => `${total} capsules (${parts})`,
  dispenseCapsulePart: (count: number, strength: number) => `${count} × ${strength} mg`,
  dispenseLiquid: (ml: number, mgPerMl: number) => `${ml} mL of ${mgPerMl} mg/mL`,
  totalDays: (days: number, end: string) => `Covers ${days} days, until ${end}.`,
  warnings: 'Please note',
  overridesHeading: 'Conflicts to override before signing',
  overrideIntro: 'Each contraindicated or major conflict needs an explicit override with your reason. The reason is recorded in the chart.',
  overrideCheck: (title: string) => `Override: ${title}`,
  overrideReason: 'Reason for overriding',
  overrideMissing: 'Tick the override and give a reason for every conflict above before signing.',
  reviewHeading: 'Review the order',
  reviewIntro: 'This is exactly what will be sent when you sign. Nothing is written until you press “Sign and send order”.',
  reviewJson: 'The exact FHIR JSON that will be sent',
  reviewJsonItem: (type: string, n: number, of: number) => (of > 1 ? `${type} ${n} of ${of}` : type),
  reviewNotReady: 'The order appears here once the plan is complete.',
  reviewNeedsOverrides: 'The order appears here once every conflict above has its override and reason.',
  sign: 'Sign and send order',
  sending: 'Sending…',
  sendingStep: (step: string) => `Sending: ${step}…`,
  stepWords: {
    'creating-detected-issues': (n: number) => `recording ${n} overridden conflict${n === 1 ? '' : 's'}`,
    'folding-detected-issues': () => 'adding the overrides to the order note',
    'creating-order': () => 'creating the order',
    'checking-existing': () => 'checking whether the order already exists',
    retrying: () => 'trying again',
    'falling-back': () => 'trying the reported-only shape this server accepts',
  },
  alreadyExisted: 'The order was already in the chart from an earlier attempt; nothing new was created.',
  created: 'Order written to the chart.',
  createdId: 'Resource id',
  createdLink: 'Open the order on the server',
  shapeFull: 'Shape written: full order, one dosage per step.',
  shapeReported: 'Shape written: reported medication with one dosage carrying the whole plan in text.',
  notPermitted: 'This server does not let the app write the order.',
  failed: 'The order could not be written.',
  fallbackIntro: 'You can print the order or download it as FHIR JSON and enter it in the EHR yourself.',
  print: 'Print the order',
  download: 'Download the FHIR JSON',
  retrySign: 'Try sending again',
  printHeading: 'Naltrexone (low-dose) order',
} as const;
