/**
 * The `assess` command's JSON (issue 14 item 1): the Assessment as the core returns it, except that each cited
 * Source is written once, in a top-level `sources` table keyed by a short id ("S1", "S2", ... in order of first
 * use), and every candidacy and finding lists the ids it cites. Why: a long chart repeated the same label and
 * reference texts in every entry (a 50 MB bundle gave 20.8 MB of JSON).
 */
import type { Assessment, Source } from '../../core/assess/types.ts';

/** A candidacy or finding as written: `sources` holds ids into the `sources` table. */
type WithSourceIds<T extends { sources: Source[] }> = Omit<T, 'sources'> & { sources: string[] };

/** The JSON document `npm run assess -- FILE` prints. */
export interface AssessmentJson extends Omit<Assessment, 'candidacy' | 'conflicts'> {
  candidacy: WithSourceIds<Assessment['candidacy'][number]>[];
  conflicts: WithSourceIds<Assessment['conflicts'][number]>[];
  /** Every source cited above, once, by id. */
  sources: Record<string, Source>;
}

/** The Assessment with each Source written once (see the file comment). */
export function assessmentJson(a: Assessment): AssessmentJson {
  const ids = new Map<string, string>();
  const table: Record<string, Source> = {};
  // Sources are shared objects of the knowledge base, but equal content gets one id whatever its identity.
  const idOf = (s: Source): string => {
    const key = JSON.stringify([s.label, s.kind, s.id ?? null, s.url ?? null, s.verified]);
    let id = ids.get(key);
    if (!id) {
      id = `S${ids.size + 1}`;
      ids.set(key, id);
      table[id] = s;
    }
    return id;
  };
  const candidacy = a.candidacy.map((c) => ({ ...c, sources: c.sources.map(idOf) }));
  const conflicts = a.conflicts.map((c) => ({ ...c, sources: c.sources.map(idOf) }));
  return { ...a, candidacy, conflicts, sources: table };
}

/** The printed text: two-space indented JSON. */
export function jsonReport(a: Assessment): string {
  return JSON.stringify(assessmentJson(a), null, 2);
}
