/**
 * The timeline picture's data (issue 11 item 7): episodes of opioid and antagonist use from the findings, classed by
 * the finding's kind from the rule's metadata (never by words in titles: Embeda's title names naltrexone, yet it
 * is an opioid), each use drawn for the days it covers (a dispense for its days' supply, from the core's last-use
 * date), each opioid followed by its washout window; an axis of the last 90 days and the next 30 (or to the
 * plan's start); marker labels laid out so they never overlap; the last opioid before the axis named in words.
 * Pure, so the picture and its table are tested without a DOM.
 */
import type { Assessment, Conflict } from '../../core/assess/types.ts';
import { clinicalDate } from '../../core/fhir/dates.ts';
import type { MedUse } from './chart-summary.ts';
import { addDays, isoDay, parseIsoDate, startOfUtcDay } from '../format.ts';

export type EpisodeKind = 'opioid' | 'antagonist';

export interface Episode {
  key: string;
  /** The product as charted (with its strength), made distinct when two rows would read the same. */
  name: string;
  kind: EpisodeKind;
  /** First known date of use (ms, UTC), when the chart gives one. */
  start?: number;
  /** Last known use (ms); undefined with `ongoing`. */
  end?: number;
  ongoing: boolean;
  /** The washout window's end (first opioid-free day complete), for opioids. */
  windowEnd?: number;
  /** How many chart records make this course (1 unless the finding merged a course). */
  records: number;
}

export interface Marker {
  id: 'today' | 'window-end' | 'plan-start';
  at: number;
}

export interface Timeline {
  /** Left and right edges of the picture (ms). */
  from: number;
  to: number;
  today: number;
  episodes: Episode[];
  /** The latest washout end among the episodes, if any. */
  latestWindowEnd?: number;
  /** The planned first day of LDN, when the plan has one. */
  planStart?: number;
  markers: Marker[];
  /** The last opioid use that ended before the axis, e.g. { name: "oxycodone", stopped: "2014-03-02" }. */
  lastOldOpioid?: { name: string; stopped: string };
}

/** The axis: the last 90 days and the next 30 (issue 11 item 7). */
export const LOOKBACK_DAYS = 90;
export const LOOKAHEAD_DAYS = 30;

/** Fallback when a finding carries no kind (older cores): rule ids, never titles. */
const OPIOID_RULES = new Set([
  'opioid-agonist',
  'opioid-partial-or-mixed',
  'opioid-naltrexone-product',
  'recent-opioid-use',
  'buprenorphine-depot',
  'buprenorphine-depot-residual',
  'kratom',
  'kratom-dependence',
]);
const ANTAGONIST_RULES = new Set([
  'naltrexone-duplicate',
  'ldn-already-charted',
  'contrave',
  'samidorphan',
  'rescue-antagonist',
  'naltrexone-depot',
  'naltrexone-depot-residual',
  'nalmefene-maintenance',
]);

/** What kind of use a finding describes, or undefined when it is not about taking a medication. */
export function episodeKind(c: Conflict): EpisodeKind | undefined {
  if (!c.entry.resourceType.startsWith('Medication')) return undefined;
  if (c.kind === 'opioid' || c.kind === 'antagonist') return c.kind;
  if (c.kind !== undefined) return undefined;
  if (OPIOID_RULES.has(c.ruleId)) return 'opioid';
  if (ANTAGONIST_RULES.has(c.ruleId)) return 'antagonist';
  return undefined;
}

const DAY_MS = 86_400_000;

function episodeFrom(c: Conflict, index: number, uses: ReadonlyMap<string, MedUse>): Episode | undefined {
  const kind = episodeKind(c);
  if (!kind) return undefined;
  const entries = c.entries?.length ? c.entries : [c.entry];
  const dates = entries
    .flatMap((e) => (e.dates ?? []).map((d) => parseIsoDate(d.value)))
    .filter((ms): ms is number => ms !== undefined);
  const known = entries
    .map((e) => (e.reference ? uses.get(e.reference) : undefined))
    .filter((u): u is MedUse => u !== undefined);
  const usedTo = known
    .map((u) => u.lastDay)
    .filter((d): d is number => d !== undefined)
    .map((d) => d * DAY_MS);
  const usedFrom = known
    .map((u) => u.firstDay)
    .filter((d): d is number => d !== undefined)
    .map((d) => d * DAY_MS);
  const start = [...dates, ...usedFrom].length ? Math.min(...dates, ...usedFrom) : undefined;
  const lastUse = c.washout ? parseIsoDate(c.washout.lastUse) : undefined;
  const windowEnd = c.washout ? parseIsoDate(c.washout.endsOn) : undefined;
  // Still in use: the core says a supply is current, or an active entry has no end (a washout says otherwise).
  const ongoing =
    lastUse === undefined &&
    (known.some((u) => u.current) || c.entry.status === 'active' || c.entry.status === 'in-progress');
  // The end: the window's last use, else the end of the supply the core worked out (days' supply), else the latest date.
  const end = ongoing
    ? undefined
    : (lastUse ?? (usedTo.length ? Math.max(...usedTo) : dates.length ? Math.max(...dates) : undefined));
  return {
    key: `${c.ruleId}:${c.entry.reference ?? index}`,
    name: c.entry.name,
    kind,
    ...(start !== undefined ? { start: Math.min(start, end ?? start) } : {}),
    ...(end !== undefined ? { end } : {}),
    ongoing,
    ...(windowEnd !== undefined ? { windowEnd } : {}),
    records: entries.length,
  };
}

/** Two rows must never read the same: the second and later get the first date of use (or a number). */
function distinctNames(episodes: Episode[]): void {
  const counts = new Map<string, number>();
  for (const e of episodes) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  for (const e of episodes) {
    if ((counts.get(e.name) ?? 0) < 2) continue;
    const n = (seen.get(e.name) ?? 0) + 1;
    seen.set(e.name, n);
    e.name = `${e.name} (${e.start !== undefined ? `from ${clinicalDate(isoDay(e.start))}` : `record ${n}`})`;
  }
}

export interface TimelineOptions {
  /** Every opioid and antagonist record of the chart (ChartSummary.uses). */
  uses?: readonly MedUse[];
  /** The plan's first day (ISO date), when the planner has one. */
  planStart?: string | undefined;
}

/** The episodes, the axis and its markers, with `now` as today. */
export function buildTimeline(assessment: Assessment, now: Date, options: TimelineOptions = {}): Timeline {
  const today = startOfUtcDay(now.getTime());
  const uses = new Map((options.uses ?? []).filter((u) => u.reference).map((u) => [u.reference as string, u]));
  const seen = new Set<string>();
  const episodes: Episode[] = [];
  assessment.conflicts.forEach((c, i) => {
    const e = episodeFrom(c, i, uses);
    if (!e || seen.has(e.key)) return;
    seen.add(e.key);
    episodes.push(e);
  });
  const from = addDays(today, -LOOKBACK_DAYS);
  // Uses that ended before the axis are not drawn (they would be a sliver at its edge); the words below say it.
  const visible = episodes.filter(
    (e) => e.ongoing || e.end === undefined || e.end >= from || (e.windowEnd ?? 0) >= from,
  );
  distinctNames(visible);
  const windowEnds = visible.map((e) => e.windowEnd).filter((ms): ms is number => ms !== undefined && ms >= today);
  const latestWindowEnd = windowEnds.length ? Math.max(...windowEnds) : undefined;
  const planStart = options.planStart ? parseIsoDate(options.planStart) : undefined;
  const right = [
    addDays(today, LOOKAHEAD_DAYS),
    ...(latestWindowEnd !== undefined ? [addDays(latestWindowEnd, 3)] : []),
    ...(planStart !== undefined ? [addDays(planStart, 3)] : []),
  ];
  const to = Math.max(...right);
  const markers: Marker[] = [
    { id: 'today', at: today },
    ...(latestWindowEnd !== undefined ? [{ id: 'window-end' as const, at: latestWindowEnd }] : []),
    ...(planStart !== undefined && planStart >= from ? [{ id: 'plan-start' as const, at: planStart }] : []),
  ];
  const old = (options.uses ?? [])
    .filter((u) => u.kind === 'opioid' && !u.current && u.lastDay !== undefined && u.lastDay * DAY_MS < from)
    .sort((a, b) => (b.lastDay ?? 0) - (a.lastDay ?? 0))[0];
  return {
    from,
    to,
    today,
    episodes: visible,
    ...(latestWindowEnd !== undefined ? { latestWindowEnd } : {}),
    ...(planStart !== undefined ? { planStart } : {}),
    markers,
    ...(old
      ? { lastOldOpioid: { name: old.ingredients[0] ?? old.name, stopped: isoDay((old.lastDay as number) * DAY_MS) } }
      : {}),
  };
}

/** A marker label placed on the picture: its anchor point, text-anchor, lane (0 is the top line) and box. */
export interface PlacedLabel {
  id: Marker['id'];
  x: number;
  anchor: 'start' | 'middle' | 'end';
  lane: number;
  left: number;
  right: number;
}

/**
 * Lay out marker labels so no two boxes overlap: each label is centred on its mark, pushed inside the picture at
 * the edges, and put on the first line where it clears every label already there. Widths are estimated from the
 * text length (`charWidth` per character, generous for the 12px font), so the layout never depends on the DOM.
 */
export function layoutLabels(
  labels: { id: Marker['id']; x: number; text: string }[],
  minX: number,
  maxX: number,
  charWidth = 7.4,
  gap = 6,
): PlacedLabel[] {
  const lanes: { left: number; right: number }[][] = [];
  return [...labels]
    .sort((a, b) => a.x - b.x)
    .map((l) => {
      const width = l.text.length * charWidth;
      let left = l.x - width / 2;
      let anchor: PlacedLabel['anchor'] = 'middle';
      let x = l.x;
      if (left < minX) {
        left = minX;
        anchor = 'start';
        x = minX;
      } else if (left + width > maxX) {
        left = maxX - width;
        anchor = 'end';
        x = maxX;
      }
      const right = left + width;
      let lane = lanes.findIndex((boxes) => boxes.every((b) => right + gap <= b.left || left >= b.right + gap));
      if (lane === -1) {
        lanes.push([]);
        lane = lanes.length - 1;
      }
      lanes[lane]!.push({ left, right });
      return { id: l.id, x, anchor, lane, left, right };
    });
}
