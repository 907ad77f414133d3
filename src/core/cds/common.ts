/**
 * Pieces every card shares: override reasons as Codings, the SMART link back to the LDN app, and the card that says
 * the check was incomplete (fail safe: an incomplete read is never silence).
 */
import type { Coding } from 'fhir/r4';
import type { ReadGap } from '../chart.ts';
import { NALTREXONE_LABEL } from './sources.ts';
import { S } from './strings.ts';
import type { CdsCard, CdsLink } from './types.ts';

/** The code system of this service's override reasons (a URN: no page to resolve, stable across deployments). */
export const OVERRIDE_SYSTEM = 'urn:ldn-smart-app:cds-override-reason';

/** The code system of the card topics (Card.source.topic): what a card is about, for feedback review without PHI. */
export const TOPIC_SYSTEM = 'urn:ldn-smart-app:cds-card-topic';

export const TOPIC = {
  opioidOnNaltrexone: {
    system: TOPIC_SYSTEM,
    code: 'opioid-on-naltrexone',
    display: 'Opioid ordered for a patient on naltrexone',
  },
  naltrexoneOnOpioid: {
    system: TOPIC_SYSTEM,
    code: 'naltrexone-on-opioid',
    display: 'Naltrexone ordered for a patient with opioid use',
  },
  naltrexoneOther: { system: TOPIC_SYSTEM, code: 'naltrexone-other', display: 'Other findings for a naltrexone order' },
  ldnWithOpioid: { system: TOPIC_SYSTEM, code: 'ldn-with-opioid', display: 'On naltrexone and an opioid' },
  incomplete: { system: TOPIC_SYSTEM, code: 'incomplete', display: 'Check incomplete' },
} as const satisfies Record<string, Coding>;

const reason = (code: keyof typeof S.override): Coding => ({
  system: OVERRIDE_SYSTEM,
  code,
  display: S.override[code],
});

/** Reasons offered when an opioid is ordered for a patient on naltrexone. */
export const OPIOID_OVERRIDES: Coding[] = [reason('emergency'), reason('naltrexoneStopped'), reason('notTaking')];
/** Reasons offered when naltrexone is ordered for a patient with opioid use. */
export const NALTREXONE_OVERRIDES: Coding[] = [
  reason('opioidStopped'),
  reason('opioidFreeConfirmed'),
  reason('specialistPlan'),
];

/** The smart link that launches the LDN app for this patient, when the service knows the app's launch URL. */
export function appLinks(appLaunchUrl: string | undefined): CdsLink[] | undefined {
  return appLaunchUrl ? [{ label: S.appLink, url: appLaunchUrl, type: 'smart' }] : undefined;
}

const MAX_GAP_LINES = 6;

/** The warning card for a check that could not read everything it needs. */
export function incompleteCard(gaps: readonly ReadGap[], newId: () => string, appLaunchUrl?: string): CdsCard {
  const details = [
    ...new Set(
      gaps.map((g) =>
        S.gapLine(g.resourceType, g.reason, typeof g.params.status === 'number' ? g.params.status : undefined),
      ),
    ),
  ];
  const lines = details.slice(0, MAX_GAP_LINES).map(S.incompleteLine);
  if (details.length > MAX_GAP_LINES) lines.push(S.incompleteLine(`and ${details.length - MAX_GAP_LINES} more`));
  const links = appLinks(appLaunchUrl);
  return {
    uuid: newId(),
    summary: S.incompleteSummary,
    detail: [S.incompleteIntro, '', ...lines, '', S.incompleteAdvice].join('\n'),
    indicator: 'warning',
    source: {
      label: S.sourceLabel,
      ...(NALTREXONE_LABEL.url ? { url: NALTREXONE_LABEL.url } : {}),
      topic: TOPIC.incomplete,
    },
    ...(links ? { links } : {}),
  };
}
