/**
 * Wording of the planner's dispensing choices, the order preview and the patient handout (issue 11 items 1, 3, 5),
 * kept apart from strings.ts so each area's wording can be reviewed on its own.
 */

/** The planner's dispensing choices and fills. */
export const F = {
  maintenanceDays: 'Days at the target dose to dispense',
  maintenanceHint: (limit: number) =>
    `A month is usual. One fill lasts at most ${limit} days; a longer supply is dispensed as repeats.`,
  storage: 'Where the liquid is kept',
  roomTemperature: 'Room temperature (keeps 30 days)',
  refrigerated: 'Refrigerator (keeps 60 days)',
  severalCapsules: 'Allow several capsules per dose',
  severalCapsulesHint: 'Otherwise each dose is one capsule, so the pharmacy makes one strength per step.',
  filler: 'Capsule filler',
  startsOn: (date: string) => `Starts ${date}`,
  windowNotice: (free: string) =>
    `The chart has an opioid-free window: low-dose naltrexone should not start before ${free}.`,
  windowGoAhead: (free: string) => `Start before ${free} anyway (recorded in the order note)`,
  fillsHeading: 'Fills',
  fillsIntro: (n: number, limit: number) =>
    n === 1
      ? `One fill: it lasts no longer than the form keeps (${limit} days).`
      : `${n} fills of at most ${limit} days each: an initial fill and ${n - 1} ${n === 2 ? 'repeat' : 'repeats'}.`,
  fillCols: ['Fill', 'From', 'To', 'Days', 'Quantity', 'Beyond-use date'] as const,
  beyondUseNote: 'Each beyond-use date assumes the fill is made on its first day of use.',
} as const;

/** The order preview: what will be sent, element by element. */
export const R = {
  intro:
    'Below is everything that will be sent when you sign, read from the order itself. Nothing is written until you press “Sign and send order”.',
  compound: 'Compound',
  ingredients: 'Ingredients',
  dosages: 'Instructions, step by step',
  dispense: 'Dispensing',
  notes: 'Notes on the order',
  alerts: 'Overridden alerts recorded with the order',
  identifier: 'Order reference (for finding it again)',
  json: 'Technical details: the exact FHIR JSON that will be sent',
  jsonItem: (type: string, n: number, of: number) => (of > 1 ? `${type} ${n} of ${of}` : type),
  printOrder: 'Print the order for signature',
  signatureLine: (name: string) => `Signature of ${name}`,
  dateLine: 'Date',
  prescriberUnknown: 'the prescriber',
} as const;

/** The patient handout (plain words, large type). */
export const H = {
  open: 'Patient handout',
  openHint:
    'A page for the patient: the schedule by date, what to do about side effects, and the warning about opioid pain relief.',
  print: 'Print the handout',
  close: 'Close the handout',
  clinicContact: 'Clinic contact line on the handout',
  clinicContactHint: 'For example: “Call the clinic on 555 0100, weekdays 9 to 5”.',
  followUp: 'Follow-up date on the handout',
  title: 'Your low-dose naltrexone plan',
  forPatient: (name: string) => `For ${name}`,
  what: (form: string, when: string) => `Your medicine: ${form}. Take it by mouth once a day, ${when}.`,
  whenBedtime: 'at bedtime',
  whenMorning: 'in the morning',
  scheduleHeading: 'Your schedule',
  scheduleCols: ['From', 'To', 'Each day take', 'Dose'] as const,
  continueAfter: 'then keep taking this dose',
  liquidHow: 'Measure the liquid with the oral syringe from the pharmacy.',
  sideEffectsHeading: 'If you have trouble sleeping or vivid dreams',
  sideEffects:
    'Trouble sleeping and vivid dreams can happen in the first weeks and usually pass. If they bother you, go back to the dose before and call the clinic. Do not change your dose without talking to the clinic.',
  morningTip:
    'Some people take it in the morning instead. This advice comes from patient experience, not from research studies: ask the clinic before you switch.',
  opioidHeading: 'Important: opioid pain medicines will not work',
  opioid:
    'While you take naltrexone, opioid pain medicines (such as codeine, tramadol, morphine or oxycodone) will not work properly. Do not take them. Tell any doctor, dentist, pharmacist, emergency team or surgical team that you take naltrexone.',
  opioidCard: 'Keep this page with you or show it if you need emergency care.',
  surgeryHeading: 'Before a planned operation',
  surgery:
    'Stop taking naltrexone at least 3 days (72 hours) before a planned operation or procedure, and tell the surgical team. Ask the clinic when to start again.',
  followUpHeading: 'Your next appointment',
  followUpOn: (date: string) => `Follow-up on ${date}.`,
  followUpAsk: 'Ask the clinic when your follow-up appointment is.',
  contactHeading: 'Questions?',
  contactFallback: 'Contact the clinic that prescribed this medicine.',
  storage: (words: string) => `${words}.`,
  storageHeading: 'Keeping your medicine',
  keepAway: 'Keep it out of the reach of children.',
} as const;
