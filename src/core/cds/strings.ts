/**
 * Every word the CDS cards say, in one place. Summaries stay under 140 characters (CDS Hooks 2.0, Card.summary);
 * details are GitHub-flavoured markdown. Names and dates come from the EHR's own data and are escaped by `md()`.
 */
import type { GapReason } from '../chart.ts';

/** Escapes markdown control characters in chart text so a medication name cannot inject links or markup. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Shortens to `max` characters on a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What happened to a part of the chart, in a few words (a read gap's reason, src/core/chart.ts). */
const GAP_WORDS: Record<GapReason, string> = {
  failed: 'could not be read (the server reported an error or could not be reached)',
  unauthorized: 'could not be read (the session was not accepted)',
  refused: 'could not be read (access was refused)',
  'not-found': 'could not be read (the server does not offer it)',
  timeout: 'could not be read (the server did not answer in time)',
  truncated: 'only part of it was read',
  malformed: 'a record or an answer could not be understood',
  'unresolved-reference': 'a referenced medication could not be read',
  'unreadable-medication': 'a medication could not be identified',
  'server-warning': 'the server reported that its results are partial',
  inconsistent: 'the answer contradicted itself',
  'wrong-patient': 'records of another patient were left out',
};

export const S = {
  sourceLabel: 'LDN opioid-conflict check',

  opioidSummary: (short: string, naltrexone: string) =>
    clip(`Opioid ordered while on ${short} (naltrexone blocks pain relief): ${naltrexone}`, 139),
  opioidIntro: (draft: string) => `**${md(draft)}** is being ordered for a patient whose chart shows naltrexone:`,
  naltrexoneLine: (name: string, state: string) => `- **${md(name)}** (${state})`,
  stateCurrent: (status: string, since?: string) => `${status || 'no status'}${since ? `, ordered ${since}` : ''}`,
  stateStopped: (status: string, last: string, until: string) =>
    `${status}, last known dose ${last}; blockade possible until ${until}`,
  stateStoppedUndated: (status: string) =>
    `${status}, date of the last dose not recorded: blockade cannot be ruled out`,
  opioidWhat:
    '**What happens:** naltrexone blocks opioid receptors, so the opioid may give little or no pain relief. ' +
    'If opioid analgesia is needed in an emergency, larger doses may be required and respiratory depression may be deeper and last longer: monitor closely.',
  opioidHold: (hours: number) =>
    `**LDN must be held:** stop naltrexone at least ${hours} hours before opioids are needed where the timing allows, and restart it only after the opioid course has ended and the opioid-free interval (7-10 days, 14 after methadone or buprenorphine) is over. No interval specific to low doses has been published.`,
  injectionNote: 'An extended-release naltrexone injection blocks opioids for about 28 days.',
  holdLabel: (name: string, date: string) => clip(`Hold ${name} from ${date}`, 80),
  holdAction: (name: string, date: string) => `Put the order for ${name} on hold from ${date}.`,
  holdReason: (date: string) => `Held from ${date}: an opioid was ordered; naltrexone blocks opioid analgesia.`,

  naltrexoneSummary: (draft: string, until?: string) =>
    clip(
      until
        ? `${draft} ordered with opioid use in the chart: risk of withdrawal; opioid-free from ${until}`
        : `${draft} ordered with opioid use in the chart: risk of precipitated withdrawal`,
      139,
    ),
  naltrexoneIntro: (draft: string) =>
    `**${md(draft)}** is being ordered for a patient whose chart shows opioid use. Naltrexone given to a patient who is not opioid-free can precipitate withdrawal.`,
  findingLine: (title: string, name: string, extra: string) =>
    `- **${md(title)}:** ${md(name)}${extra ? ` (${extra})` : ''}`,
  windowEnds: (last: string, ends: string) => `last use ${last}, opioid-free from ${ends}`,
  windowPlanned: (end: string, ends: string, days: number) =>
    `planned to end ${end}; if it does, opioid-free from ${ends}, ${days} days later`,
  windowOpen: (days: number) => `current: opioid-free ${days} days after the last dose`,
  naltrexoneAdvice:
    'Confirm the patient is opioid-free (history, urine opioid screen or naloxone challenge) before the first dose. The LDN app shows the full check with sources.',
  otherSummary: (draft: string, title: string) => clip(`${draft}: ${title}`, 139),
  otherIntro: (draft: string) => `Other findings for **${md(draft)}**:`,

  patientViewSummary: (short: string, naltrexone: string) =>
    clip(`On ${short} and an opioid (naltrexone blocks pain relief): ${naltrexone}`, 139),
  patientViewIntro: 'The chart shows a current naltrexone order and opioid use together:',

  incompleteSummary: 'Naltrexone-opioid check incomplete: part of the chart could not be read',
  incompleteIntro: 'The check could not read all of the chart, so a conflict may be missing:',
  incompleteLine: (detail: string) => `- ${md(detail)}`,
  /** One gap on the card: the kind of record, what happened, the HTTP status when one answered. */
  gapLine: (type: string, reason: GapReason, status?: number) =>
    `${type}: ${GAP_WORDS[reason]}${status !== undefined ? `; the server answered ${status}` : ''}`,
  incompleteAdvice: 'Check the medication list yourself before signing.',
  notChecked: (kinds: string) => `Not part of the check: ${md(kinds)}.`,

  sourcesLine: (labels: string[]) => `Sources: ${labels.map(md).join('; ')}.`,
  appLink: 'Open the LDN app for this patient',

  override: {
    emergency: 'Emergency: opioid needed, higher dose and close monitoring planned',
    naltrexoneStopped: 'Naltrexone already stopped or held',
    notTaking: 'Patient no longer takes naltrexone',
    opioidStopped: 'Patient no longer takes the opioid (chart out of date)',
    opioidFreeConfirmed: 'Opioid-free confirmed (urine screen or naloxone challenge)',
    specialistPlan: 'Specialist plan: benefit outweighs the risk',
  },
} as const;
