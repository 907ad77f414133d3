/**
 * Derives the timeline picture's data from an assessment: episodes of opioid and antagonist use taken from the
 * conflicts' chart entries and dates, each opioid episode followed by its washout window.
 * Pure, so the picture and its table are tested without a DOM.
 */
import type { Assessment, Conflict } from '../../core/assess/types.ts';
import { addDays, parseIsoDate, startOfUtcDay } from '../format.ts';

export type EpisodeKind = 'opioid' | 'antagonist';

export interface Episode {
  key: string;
  name: string;
  kind: EpisodeKind;
  /** First known date of use (ms, UTC), when the chart gives one. */
  start?: number;
  /** Last known use (ms); undefined with `ongoing`. */
  end?: number;
  ongoing: boolean;
  /** The washout window's end (first opioid-free day complete), for opioids. */
  windowEnd?: number;
}

export interface Timeline {
  /** Left and right edges of the picture (ms). */
  from: number;
  to: number;
  today: number;
  episodes: Episode[];
  /** The latest washout end among the episodes, if any. */
  latestWindowEnd?: number;
}

/** How far back the picture reaches: six months, the "recent months" the clinician asked about. */
const LOOKBACK_DAYS = 182;

const ANTAGONIST_WORDS = /antagonist|naltrexone|nalmefene|samidorphan|naloxone/i;
const OPIOID_WORDS = /opioid|agonist/i;

/** What kind of use a conflict describes, or undefined when it is not about medication use (e.g. hepatic). */
export function episodeKind(c: Conflict): EpisodeKind | undefined {
  if (!c.entry.resourceType.startsWith('Medication')) return undefined;
  if (c.washout) return 'opioid';
  const words = `${c.ruleId} ${c.title}`;
  if (ANTAGONIST_WORDS.test(words)) return 'antagonist';
  if (OPIOID_WORDS.test(words)) return 'opioid';
  return undefined;
}

function episodeFrom(c: Conflict, index: number, today: number): Episode | undefined {
  const kind = episodeKind(c);
  if (!kind) return undefined;
  const dates = (c.entry.dates ?? [])
    .map((d) => parseIsoDate(d.value))
    .filter((ms): ms is number => ms !== undefined);
  const start = dates.length ? Math.min(...dates) : undefined;
  const lastUse = c.washout ? parseIsoDate(c.washout.lastUse) : undefined;
  const windowEnd = c.washout ? parseIsoDate(c.washout.endsOn) : undefined;
  // An active entry with no recorded end is still in use; a washout's last use says otherwise.
  const ongoing = lastUse === undefined && (c.entry.status === 'active' || c.entry.status === 'in-progress');
  const end = ongoing ? undefined : (lastUse ?? (dates.length ? Math.max(...dates) : undefined));
  return {
    key: `${c.ruleId}:${c.entry.reference ?? index}`,
    name: c.entry.name,
    kind,
    ...(start !== undefined ? { start: Math.min(start, end ?? start) } : {}),
    ...(end !== undefined ? { end } : {}),
    ongoing,
    ...(windowEnd !== undefined ? { windowEnd } : {}),
  };
}

/** The episodes and the picture's range, with `now` as today. */
export function buildTimeline(assessment: Assessment, now: Date): Timeline {
  const today = startOfUtcDay(now.getTime());
  const seen = new Set<string>();
  const episodes: Episode[] = [];
  assessment.conflicts.forEach((c, i) => {
    const e = episodeFrom(c, i, today);
    if (!e || seen.has(e.key)) return;
    seen.add(e.key);
    episodes.push(e);
  });
  const windowEnds = episodes.map((e) => e.windowEnd).filter((ms): ms is number => ms !== undefined);
  const latestWindowEnd = windowEnds.length ? Math.max(...windowEnds) : undefined;
  const from = addDays(today, -LOOKBACK_DAYS);
  const to = Math.max(addDays(today, 21), latestWindowEnd !== undefined ? addDays(latestWindowEnd, 14) : 0);
  return { from, to, today, episodes, ...(latestWindowEnd !== undefined ? { latestWindowEnd } : {}) };
}
