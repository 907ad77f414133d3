/**
 * Wording of the plan part (issue 14 item 1): the planner, the overrides, the order review and signing. Kept apart
 * from strings.ts so it downloads with the planning chunk, after the verdict, not before it.
 */

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
  /** Under every date field: the one clinical format is also how dates are typed. */
  dateHint: 'Day, month and year, for example 7 Dec 2026.',
  dateUnreadable: (text: string) => `"${text}" is not a date: write it as day, month and year, for example 7 Dec 2026.`,
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
  reviewNotReady: 'The order appears here once the plan is complete.',
  reviewNeedsOverrides: 'The order appears here once every conflict above has its override and reason.',
  sign: 'Sign and send order',
  sending: 'Sending…',
  sendingStep: (step: string) => `Sending: ${step}…`,
  notPermitted: 'This server does not let the app write the order.',
  failed: 'The order could not be written.',
  fallbackIntro: 'You can print the order or download it as FHIR JSON and enter it in the EHR yourself.',
  print: 'Print the order',
  download: 'Download the FHIR JSON',
  retrySign: 'Try sending again',
  printHeading: 'Naltrexone (low-dose) order',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Signing and the write's outcome (issue 10 items 2-4, issue 11 item 4). Owned by the signing panel
// (SignPanel.tsx); the existing-order wording (X) stays with the verdict in strings.ts.
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
