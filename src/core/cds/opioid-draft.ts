/**
 * An opioid ordered for a patient on naltrexone (any dose) or inside its blockade window: one critical card naming
 * the naltrexone record(s), what happens (analgesia blocked; in an emergency larger doses and deeper, longer
 * respiratory depression: naltrexone label, Drug Interactions), that LDN must be held (Goel 2024; 72 h, Whately &
 * Stead 2023, design for low doses), the suggestion to hold the LDN order, and override reasons.
 */
import type { Chart } from '../chart.ts';
import { appLinks, OPIOID_OVERRIDES, TOPIC } from './common.ts';
import { holdSuggestion, stateText, type ChartNaltrexone } from './chart-naltrexone.ts';
import type { Draft } from './drafts.ts';
import { HOLD_BEFORE_OPIOIDS, HOLD_HOURS, NALTREXONE_LABEL, VIVITROL_LABEL } from './sources.ts';
import { S } from './strings.ts';
import type { CdsCard, CdsSuggestion } from './types.ts';

const MAX_LINES = 5;

/** The card for one opioid draft, or nothing when no naltrexone may block it. */
export function opioidDraftCard(
  draft: Draft,
  blockers: readonly ChartNaltrexone[],
  chart: Chart,
  today: number,
  newId: () => string,
  appLaunchUrl?: string,
): CdsCard | undefined {
  if (!blockers.length) return undefined;
  const first = blockers[0]!;
  const injection = blockers.some((b) => b.injection);
  const sources = [NALTREXONE_LABEL, HOLD_BEFORE_OPIOIDS, ...(injection ? [VIVITROL_LABEL] : [])];
  const lines = blockers.slice(0, MAX_LINES).map((b) => S.naltrexoneLine(b.med.entry.name, stateText(b)));
  const suggestions: CdsSuggestion[] = [];
  const seen = new Set<string>();
  for (const b of blockers) {
    const ref = b.med.entry.reference;
    if (!ref || seen.has(ref)) continue;
    seen.add(ref);
    const s = holdSuggestion(chart, b, today, newId);
    if (s) suggestions.push(s);
  }
  const links = appLinks(appLaunchUrl);
  return {
    uuid: newId(),
    summary: S.opioidSummary(first.med.lowDoseNaltrexone ? 'LDN' : 'naltrexone', first.med.entry.name),
    detail: [
      S.opioidIntro(draft.name),
      '',
      ...lines,
      '',
      S.opioidWhat,
      '',
      S.opioidHold(HOLD_HOURS),
      ...(injection ? ['', S.injectionNote] : []),
      '',
      S.sourcesLine(sources.map((s) => s.label)),
    ].join('\n'),
    indicator: 'critical',
    source: { ...NALTREXONE_LABEL, topic: TOPIC.opioidOnNaltrexone },
    ...(suggestions.length ? { suggestions, selectionBehavior: 'at-most-one' as const } : {}),
    overrideReasons: OPIOID_OVERRIDES,
    ...(links ? { links } : {}),
  };
}
