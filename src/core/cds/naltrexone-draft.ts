/**
 * Naltrexone (any dose) ordered for a patient with a current opioid, an opioid inside the washout window, or OUD on
 * agonist therapy: a critical card built from the assessment's own conflicts (the same rules as the app), with the
 * end of each opioid-free window and a smart link to the LDN app. Other contraindicated or major findings of the
 * assessment (a naltrexone allergy, duplicate naltrexone) get a second card: critical or warning by severity.
 */
import type { Assessment, Conflict } from '../assess/types.ts';
import { INGREDIENTS } from '../knowledge/ingredients.ts';
import { OPIOID_RULE_IDS, type RuleId } from '../knowledge/rules.ts';
import { clinicalDate, clinicalDay, dayOf, isoDay } from '../fhir/dates.ts';
import { washoutDays } from '../rules/washout.ts';
import { appLinks, NALTREXONE_OVERRIDES, TOPIC } from './common.ts';
import type { Draft } from './drafts.ts';
import { NALTREXONE_LABEL } from './sources.ts';
import { S } from './strings.ts';
import type { CdsCard, CdsSource } from './types.ts';

/** True for findings about opioid use: the rule's kind when the core gives one, else the opioid rule ids. */
export function isOpioidFinding(c: Conflict): boolean {
  return c.kind === 'opioid' || c.kind === 'opioid-exposure' || OPIOID_RULE_IDS.has(c.ruleId as RuleId);
}

const serious = (c: Conflict): boolean => c.severity === 'contraindicated' || c.severity === 'major';

/** The window's end for one finding: the washout's, or a current course's planned end plus its washout (ISO date). */
function windowOf(c: Conflict, today: number): { text: string; endsOn?: string } {
  if (c.washout)
    return {
      text: S.windowEnds(clinicalDate(c.washout.lastUse), clinicalDate(c.washout.endsOn)),
      endsOn: c.washout.endsOn,
    };
  if (!c.entry.resourceType.startsWith('Medication')) return { text: '' }; // a diagnosis (OUD): no dates of its own
  const days = washoutDays(ingredientsIn(`${c.matched.term} ${c.entry.name}`));
  const ends = (c.entries ?? [c.entry])
    .flatMap((e) => e.dates ?? [])
    .filter((d) => d.label.endsWith('.end'))
    .map((d) => dayOf(d.value, 'end'));
  const planned = ends.filter((d): d is number => d !== undefined && d >= today).sort((a, b) => b - a)[0];
  if (planned === undefined) return { text: S.windowOpen(days) };
  return {
    text: S.windowPlanned(clinicalDay(planned), clinicalDay(planned + days), days),
    endsOn: isoDay(planned + days),
  };
}

/** The ingredient ids named in a finding's term and entry name (ids, synonyms, brands), for the washout class. */
function ingredientsIn(text: string): string[] {
  const words = new Set(text.toLowerCase().split(/[^a-z0-9-]+/));
  return INGREDIENTS.filter(
    (i) =>
      words.has(i.id) || i.synonyms?.some((s) => words.has(s)) || i.brands?.some((b) => words.has(b.toLowerCase())),
  ).map((i) => i.id);
}

function sourceOf(conflicts: readonly Conflict[]): CdsSource {
  const withUrl = conflicts.flatMap((c) => c.sources).find((s) => s.url);
  return withUrl?.url ? { label: withUrl.label, url: withUrl.url } : NALTREXONE_LABEL;
}

function sourcesLine(conflicts: readonly Conflict[]): string {
  const labels = [
    ...new Set(conflicts.flatMap((c) => c.sources).map((s) => (s.verified ? s.label : `${s.label} (unverified)`))),
  ];
  return S.sourcesLine(labels);
}

/** The cards for one naltrexone draft from the assessment of the chart without the draft. */
export function naltrexoneDraftCards(
  draft: Draft,
  a: Assessment,
  today: number,
  newId: () => string,
  appLaunchUrl?: string,
): CdsCard[] {
  const cards: CdsCard[] = [];
  const links = appLinks(appLaunchUrl);
  const opioid = a.conflicts.filter((c) => isOpioidFinding(c) && serious(c));
  if (opioid.length) {
    const windows = opioid.map((c) => windowOf(c, today));
    // One date for the summary only when every finding has one: a current opioid without an end has no date yet.
    const until = windows.every((w) => w.endsOn)
      ? windows
          .map((w) => w.endsOn!)
          .sort()
          .at(-1)
      : undefined;
    const lines = opioid.map((c, i) => S.findingLine(c.title, c.entry.name, windows[i]!.text));
    cards.push({
      uuid: newId(),
      summary: S.naltrexoneSummary(shortName(draft), until ? clinicalDate(until) : undefined),
      detail: [
        S.naltrexoneIntro(draft.name),
        '',
        ...lines,
        '',
        S.naltrexoneAdvice,
        ...notChecked(a),
        '',
        sourcesLine(opioid),
      ].join('\n'),
      indicator: 'critical',
      source: { ...sourceOf(opioid), topic: TOPIC.naltrexoneOnOpioid },
      overrideReasons: NALTREXONE_OVERRIDES,
      ...(links ? { links } : {}),
    });
  }
  const other = a.conflicts.filter((c) => !isOpioidFinding(c) && serious(c));
  if (other.length) {
    const lines = other.map((c) => S.findingLine(c.title, c.entry.name, ''));
    cards.push({
      uuid: newId(),
      summary: S.otherSummary(shortName(draft), other[0]!.title),
      detail: [S.otherIntro(draft.name), '', ...lines, '', sourcesLine(other)].join('\n'),
      indicator: other.some((c) => c.severity === 'contraindicated') ? 'critical' : 'warning',
      source: { ...sourceOf(other), topic: TOPIC.naltrexoneOther },
      ...(links ? { links } : {}),
    });
  }
  return cards;
}

const shortName = (d: Draft): string => (d.lowDose ? 'LDN' : 'Naltrexone');

function notChecked(a: Assessment): string[] {
  return a.notChecked?.length ? ['', S.notChecked(a.notChecked.join(', '))] : [];
}
