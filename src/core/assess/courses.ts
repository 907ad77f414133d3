/**
 * One finding per drug course (issue 9 item 4): the findings of one kind about records of the same product (same
 * ingredient set) across orders, dispenses, statements and administrations become one finding. The most severe
 * record decides the severity; among equals the latest date decides (so the latest use decides the window). The
 * merged finding lists every record behind it in `entries`, so one override covers the course.
 */
import type { ChartEntry, Conflict } from './types.ts';
import { COURSE_OF } from '../rules/context.ts';
import { SEVERITY_ORDER } from './verdict.ts';

/** The date that decides among a course's findings: the window's last use, else the entry's latest date. */
export function latestDate(c: Conflict): string {
  if (c.washout) return c.washout.lastUse;
  const dates = c.entry.dates;
  if (!dates || dates.length === 0) return '';
  // The greatest value in code-unit order, as sort().at(-1) gave, without a copy and a sort per comparison.
  let latest = dates[0]!.value;
  for (let i = 1; i < dates.length; i++) if (dates[i]!.value > latest) latest = dates[i]!.value;
  return latest;
}

function better(a: Conflict, b: Conflict): boolean {
  const ra = SEVERITY_ORDER[a.severity];
  const rb = SEVERITY_ORDER[b.severity];
  if (ra !== rb) return ra < rb;
  const wa = a.washout?.endsOn ?? '';
  const wb = b.washout?.endsOn ?? '';
  if (wa !== wb) return wa > wb;
  return latestDate(a) > latestDate(b);
}

const keyOf = (e: ChartEntry): string =>
  e.reference ?? `${e.resourceType}|${e.name}|${e.dates?.map((d) => d.value).join(',') ?? ''}`;

/**
 * Merge the findings of each course; findings that are not about a course pass through unchanged. `records` holds,
 * per ingredient-set course key, every record of the product that counts at all (also those whose own window is
 * over): they are part of the course, and the override covers them too.
 */
export function mergeCourses(
  findings: readonly Conflict[],
  records: ReadonlyMap<string, readonly { readonly entry: ChartEntry }[]> = new Map(),
): Conflict[] {
  const out: Conflict[] = [];
  const groups = new Map<string, Conflict[]>();
  for (const f of findings) {
    const course = COURSE_OF.get(f);
    if (course === undefined) {
      out.push(f);
      continue;
    }
    const list = groups.get(course);
    if (list) list.push(f);
    else {
      groups.set(course, [f]);
      out.push(f); // placeholder position; replaced below
    }
  }
  return out.map((f) => {
    const course = COURSE_OF.get(f);
    const list = course === undefined ? undefined : groups.get(course);
    if (!list) return f;
    let best = list[0] as Conflict;
    for (let i = 1; i < list.length; i++) if (better(list[i] as Conflict, best)) best = list[i] as Conflict;
    // The decider first, then the other findings' records, then the course's other records; each record once.
    // Indexed loops over the lists as they are (no concatenated copies): a course can have thousands of records.
    const seen = new Set<string>();
    const entries: ChartEntry[] = [];
    const add = (e: ChartEntry): void => {
      const k = keyOf(e);
      if (seen.has(k)) return;
      seen.add(k);
      entries.push(e);
    };
    add(best.entry);
    for (let i = 0; i < list.length; i++) add((list[i] as Conflict).entry);
    const others = records.get((course as string).slice((course as string).indexOf('|') + 1)) ?? [];
    for (let i = 0; i < others.length; i++) add(others[i]!.entry);
    if (entries.length === 1) return best;
    return {
      ...best,
      why: `${best.why} One course of ${entries.length} records in the chart; the most severe and latest decides.`,
      entries,
    };
  });
}
