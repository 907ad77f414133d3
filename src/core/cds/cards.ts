/**
 * The card rules of the CDS Hooks service: from one hook call (its context and the chart read for it) to the cards.
 * - order-select / order-sign: each draft that contains an opioid is checked for naltrexone that blocks it; each
 *   naltrexone draft (any dose) is checked with the app's own assessment for opioid use. Drafts without a medication
 *   (the public CDS Hooks sandbox sends those while the clinician types) and drafts of other medicines say nothing.
 * - patient-view: a patient with a current naltrexone order and opioid use in the chart.
 * Nothing to say gives `{ cards: [] }`. A check that could not read everything it needs adds a warning card saying
 * so (never silence on partial data). Pure: `now` and the uuid source are parameters.
 */
import { assess } from '../assess/assess.ts';
import type { Chart, ReadGap } from '../chart.ts';
import { nowDay } from '../fhir/dates.ts';
import { readMedicationEntries } from '../fhir/medication-entries.ts';
import { isRecord, str } from '../fhir/read.ts';
import { appLinks, incompleteCard, OPIOID_OVERRIDES, TOPIC } from './common.ts';
import { holdSuggestion, naltrexoneThatBlocks, stateText } from './chart-naltrexone.ts';
import { readDrafts } from './drafts.ts';
import { isOpioidFinding, naltrexoneDraftCards } from './naltrexone-draft.ts';
import { opioidDraftCard } from './opioid-draft.ts';
import { HOLD_BEFORE_OPIOIDS, HOLD_HOURS, NALTREXONE_LABEL } from './sources.ts';
import { S } from './strings.ts';
import type { CardInput, CdsCard, CdsResponse, CdsSuggestion } from './types.ts';

/** The chart without the records that are the drafts themselves (an EHR may prefetch its own draft orders). */
function withoutDrafts(chart: Chart, refs: ReadonlySet<string>): Chart {
  if (!refs.size) return chart;
  const keep = (type: string) => (r: unknown) => !(isRecord(r) && refs.has(`${type}/${str(r.id) ?? ''}`));
  return {
    ...chart,
    medicationRequests: chart.medicationRequests.filter(keep('MedicationRequest')),
    medicationStatements: chart.medicationStatements.filter(keep('MedicationStatement')),
  };
}

const MEDICATION_TYPES = new Set([
  'MedicationRequest',
  'MedicationStatement',
  'MedicationDispense',
  'MedicationAdministration',
  'Medication',
]);

/** What an opioid draft's check depends on: the medication records only (a missing allergy list does not matter). */
function medicationGaps(chart: Chart, today: number): ReadGap[] {
  return [
    ...chart.gaps.filter((g) => MEDICATION_TYPES.has(g.resourceType)),
    ...readMedicationEntries(chart, today).gaps,
  ];
}

/** The cards for one hook call. */
export function cdsCards(input: CardInput): CdsResponse {
  const today = nowDay(input.now).day;
  if (input.hook === 'patient-view') return { cards: patientViewCards(input, today) };
  const drafts = readDrafts(input.context, input.now);
  const checked = drafts.filter((d) => d.class === 'opioid' || d.class === 'naltrexone');
  if (!checked.length) return { cards: [] };
  const chart = withoutDrafts(
    input.chart,
    new Set(drafts.map((d) => d.reference).filter((r): r is string => r !== undefined)),
  );
  const cards: CdsCard[] = [];
  const opioidDrafts = checked.filter((d) => d.class === 'opioid');
  if (opioidDrafts.length) {
    const blockers = naltrexoneThatBlocks(chart, today, new Set());
    for (const d of opioidDrafts) {
      const card = opioidDraftCard(d, blockers, chart, today, input.newId, input.appLaunchUrl);
      if (card) cards.push(card);
    }
  }
  const naltrexoneDrafts = checked.filter((d) => d.class === 'naltrexone');
  let gaps: ReadGap[];
  if (naltrexoneDrafts.length) {
    const a = assess(chart, input.now);
    for (const d of naltrexoneDrafts) cards.push(...naltrexoneDraftCards(d, a, today, input.newId, input.appLaunchUrl));
    gaps = a.gaps;
  } else {
    gaps = medicationGaps(chart, today);
  }
  if (gaps.length) cards.push(incompleteCard(gaps, input.newId, input.appLaunchUrl));
  return { cards };
}

/** patient-view: speaks only for a patient with a current naltrexone order (the LDN app's patients). */
function patientViewCards(input: CardInput, today: number): CdsCard[] {
  const chart = input.chart;
  const orders = naltrexoneThatBlocks(chart, today, new Set()).filter(
    (n) => n.state === 'current' && n.med.resourceType === 'MedicationRequest',
  );
  if (!orders.length) return [];
  const a = assess(chart, input.now);
  const cards: CdsCard[] = [];
  const opioid = a.conflicts.filter(
    (c) => isOpioidFinding(c) && (c.severity === 'contraindicated' || c.severity === 'major'),
  );
  if (opioid.length) {
    const suggestions = orders
      .map((n) => holdSuggestion(chart, n, today, input.newId))
      .filter((s): s is CdsSuggestion => s !== undefined);
    const links = appLinks(input.appLaunchUrl);
    cards.push({
      uuid: input.newId(),
      summary: S.patientViewSummary(orders[0]!.med.lowDoseNaltrexone ? 'LDN' : 'naltrexone', orders[0]!.med.entry.name),
      detail: [
        S.patientViewIntro,
        '',
        ...orders.map((n) => S.naltrexoneLine(n.med.entry.name, stateText(n))),
        ...opioid.map((c) => S.findingLine(c.title, c.entry.name, c.entry.status ?? '')),
        '',
        S.opioidWhat,
        '',
        S.opioidHold(HOLD_HOURS),
        '',
        S.sourcesLine([NALTREXONE_LABEL.label, HOLD_BEFORE_OPIOIDS.label]),
      ].join('\n'),
      indicator: 'critical',
      source: { ...NALTREXONE_LABEL, topic: TOPIC.ldnWithOpioid },
      ...(suggestions.length ? { suggestions, selectionBehavior: 'at-most-one' as const } : {}),
      overrideReasons: OPIOID_OVERRIDES,
      ...(links ? { links } : {}),
    });
  }
  if (a.gaps.length) cards.push(incompleteCard(a.gaps, input.newId, input.appLaunchUrl));
  return cards;
}
