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
  planProblems: (n: number) =>
    `The plan cannot be made yet: ${n === 1 ? 'one problem is' : `${n} problems are`} shown next to the fields above.`,
  moreProblems: (n: number) => `…and ${n} more like this.`,
  stepsHeading: 'Steps',
  stepCols: ['Step', 'From', 'To', 'Days', 'Daily dose', 'How to take', 'Instructions'] as const,
  maintenance: 'maintenance',
  mg: (n: number) => `${n} mg`,
  dispenseHeading: 'Quantity to dispense',
  dispenseCapsules: (total: string, parts: string) => `${total} ${total === '1' ? 'capsule' : 'capsules'} (${parts})`,
  dispenseCapsulePart: (count: string, strength: number) => `${count} × ${strength} mg`,
  dispenseLiquid: (ml: string, mgPerMl: number) => `${ml} mL of ${mgPerMl} mg/mL`,
  totalDays: (days: number, end: string) => `Covers ${days} days, until ${end}.`,
  warnings: 'Please note',
  overridesHeading: 'Conflicts to override before signing',
  overrideIntro:
    'Each contraindicated or major conflict needs an explicit override with your reason. The reason is recorded in the chart.',
  overrideCheck: (title: string) => `Override: ${title}`,
  overrideReason: 'Reason for overriding',
  overrideMissing: 'Tick the override and give a reason for every conflict above before signing.',
  reviewHeading: 'Review the order',
  reviewIntro:
    'This is exactly what will be sent when you sign. Nothing is written until you press “Sign and send order”.',
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

// ---------------------------------------------------------------------------------------------------------------
// Signing, existing LDN orders and the write's outcome (issue 10 items 2-4, issue 11 item 4). Owned by the signing
// panel (SignPanel.tsx, ExistingOrderPanel.tsx); kept apart from the sections above.
// ---------------------------------------------------------------------------------------------------------------

/** Signing and its outcome. */
export const W = {
  stepWords: {
    'creating-detected-issues': (n: number) => `recording ${n} alert${n === 1 ? '' : 's'} with the order`,
    'folding-detected-issues': () => 'adding the overrides to the order note',
    'creating-order': () => 'creating the order',
    'checking-existing': () => 'checking whether the order already exists',
    'checking-concurrent': () => 'checking for an order written elsewhere since the chart was read',
    'stopping-prior': () => 'stopping the order it replaces',
    retrying: () => 'trying again',
    'falling-back': () => 'trying the simpler form of order this EHR accepts',
  },
  // The gate
  incompleteHeading: 'The chart was not read in full',
  incompleteIntro:
    'Conflicts may be missing from the result above: the parts listed there under “What could not be read” were not checked.',
  retryRead: 'Try reading the chart again',
  ackCheck: 'I am signing although the chart was not read in full',
  ackReason: 'Your reason for signing now',
  ackRecorded: (asIssue: boolean) =>
    asIssue
      ? 'Your acknowledgement and reason are recorded in the order’s note and as an alert record in the chart.'
      : 'Your acknowledgement and reason are recorded in the order’s note (this EHR does not let the app save alert records).',
  ackMissing: 'Tick the acknowledgement and give your reason to sign on an incomplete read.',
  existingUndecided: 'Say above what to do with the low-dose naltrexone order already in the chart before signing.',
  planIncomplete: 'The order can be signed once the plan is complete.',
  noPermissionHeading: 'This session cannot send orders',
  noPermission:
    'The EHR did not give this app permission to create medication orders, so it cannot sign and send. Print the order or download it and enter it in the EHR.',
  noNewOrderContinue: 'No new order: the order already in the chart continues as it is. Nothing will be written.',
  noNewOrderCancel: 'Cancelled: nothing will be written.',
  // The outcome
  createdHeading: 'Order written to the chart',
  alreadyExisted: 'It was already in the chart from your earlier attempt, so nothing new was created.',
  orderNumber: 'Order number',
  openOrder: 'Open the order',
  findInEhr: 'Find it in the EHR’s medication list.',
  reportedOnly: 'This EHR accepts it only as a reported medication: the whole plan is in its instructions text.',
  recordedHeading: 'Recorded with the order',
  recordedOverride: (title: string, asIssue: boolean) =>
    `Your override of “${title}”, with your reason (${asIssue ? 'saved as an alert record in the chart' : 'written in the order’s note'}).`,
  recordedAck: (asIssue: boolean) =>
    `Your acknowledgement that the chart was not read in full, with your reason (${asIssue ? 'saved as an alert record in the chart and in the order’s note' : 'written in the order’s note'}).`,
  concurrentHeading: 'Not sent: another low-dose naltrexone order is already in the chart',
  concurrentWritten: (name: string, date: string) => `${name}${date ? `, written ${date}` : ''}.`,
  reloadChart: 'Read the chart again',
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
