/**
 * Conflicts grouped by severity (contraindicated, major, caution, info), each with the chart entry it came from,
 * what matched, why, its sources and, for recent opioid use, the day the washout window ends.
 */
import type { ChartEntry, Conflict, MatchEvidence, Severity } from '../../core/assess/types.ts';
import { formatDate } from '../format.ts';
import { S, SEVERITY_WORDS } from '../strings.ts';
import { SourceList } from './SourceList.tsx';

export const SEVERITY_ORDER: Severity[] = ['contraindicated', 'major', 'caution', 'info'];

export function ConflictList({ conflicts, complete }: { conflicts: Conflict[]; complete: boolean }) {
  return (
    <section class="conflicts" aria-labelledby="conflicts-h">
      <h2 id="conflicts-h">{S.conflictsHeading}</h2>
      {conflicts.length === 0 && <p>{complete ? S.conflictsNoneComplete : S.conflictsNoneIncomplete}</p>}
      {SEVERITY_ORDER.map((severity) => {
        const group = conflicts.filter((c) => c.severity === severity);
        if (!group.length) return null;
        return (
          <div key={severity} class={`severity-group severity-group--${severity}`}>
            <h3>
              {SEVERITY_WORDS[severity]} ({group.length})
            </h3>
            <ul class="cards">
              {group.map((c, i) => (
                <ConflictCard key={`${c.ruleId}-${i}`} conflict={c} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function ConflictCard({ conflict: c }: { conflict: Conflict }) {
  return (
    <li class={`card card--${c.severity}`}>
      <h4 class="card__title">
        <span class="tag">{SEVERITY_WORDS[c.severity]}</span> {c.title}
      </h4>
      <dl class="facts">
        <dt>{S.chartEntry}</dt>
        <dd>
          <EntryText entry={c.entry} />
        </dd>
        <dt>{S.matched}</dt>
        <dd>{matchedText(c.matched)}</dd>
        <dt>{S.why}</dt>
        <dd>{c.why}</dd>
        {c.washout && (
          <>
            <dt>{S.washout}</dt>
            <dd>
              <strong>{S.washoutEnds(formatDate(c.washout.endsOn))}.</strong>{' '}
              {S.washoutBasis(formatDate(c.washout.lastUse), c.washout.lastUseBasis, c.washout.days)}{' '}
              {c.washout.rationale}
            </dd>
          </>
        )}
        <dt>{S.sources}</dt>
        <dd>
          <SourceList sources={c.sources} />
        </dd>
      </dl>
    </li>
  );
}

/** "Oxycodone 5 mg tablet — active — authored Mar 4, 2026" as text. */
export function EntryText({ entry }: { entry: ChartEntry }) {
  const dates = (entry.dates ?? []).map((d) => `${d.label} ${formatDate(d.value)}`);
  return (
    <>
      <span class="entry__name">{entry.name}</span>
      {entry.status && ` — ${S.status.toLowerCase()}: ${entry.status}`}
      {dates.length > 0 && ` — ${dates.join(', ')}`}
    </>
  );
}

export function matchedText(m: MatchEvidence): string {
  if (m.by === 'code' && m.code) return S.matchedByCode(m.system ?? '', m.code, m.term);
  return S.matchedByName(m.term);
}
