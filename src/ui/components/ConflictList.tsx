/**
 * Conflicts grouped by severity (contraindicated, major, caution, info), each with the chart entry it came from,
 * what matched, why, its sources and, for recent opioid use, the day the washout window ends.
 */
import type { ChartEntry, Conflict, MatchEvidence, Severity } from '../../core/assess/types.ts';
import { dateLabelWord, plainWords, recordWord, statusWord, systemName, titleCase } from '../clinical-words.ts';
import { formatDate } from '../format.ts';
import { reportHref, reportTarget } from '../report-link.ts';
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
  const target = reportTarget();
  return (
    <li class={`card card--${c.severity}`}>
      <h4 class="card__title">
        <span class="tag">{SEVERITY_WORDS[c.severity]}</span> {c.title}
      </h4>
      <dl class="facts">
        <dt>{S.chartEntry}</dt>
        <dd>
          <EntryText entry={c.entry} />
          {c.entries && c.entries.length > 1 && <CourseRecords entries={c.entries} />}
        </dd>
        <dt>{S.matched}</dt>
        <dd>{matchedText(c.matched, c.title)}</dd>
        <dt>{S.why}</dt>
        <dd>{plainWords(c.why)}</dd>
        {c.washout && (
          <>
            <dt>{S.washout}</dt>
            <dd>
              <strong>{S.washoutEnds(formatDate(c.washout.endsOn))}.</strong>{' '}
              {S.washoutBasis(formatDate(c.washout.lastUse), plainWords(c.washout.lastUseBasis), c.washout.days)}{' '}
              {plainWords(c.washout.rationale)}
            </dd>
          </>
        )}
        <dt>{S.sources}</dt>
        <dd>
          <SourceList sources={c.sources} />
        </dd>
      </dl>
      <TechnicalDetails ruleId={c.ruleId} entry={c.entry} matched={c.matched} />
      {target && (
        <p class="card__report">
          <a href={reportHref(target, c.ruleId, c.entry.reference)}>{S.reportWrong}</a>
        </p>
      )}
    </li>
  );
}

/** Every record of a drug course, compactly: "medication order 4 Mar 2026; pharmacy dispense 6 Mar 2026". */
function CourseRecords({ entries }: { entries: ChartEntry[] }) {
  return (
    <details class="course">
      <summary>{S.records(entries.length)}</summary>
      <ul class="course__records">
        {entries.map((e, i) => (
          <li key={e.reference ?? i}>
            <EntryText entry={e} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The FHIR side of a finding, for whoever needs it: rule id, record reference, code system URI, element path. */
export function TechnicalDetails({
  ruleId,
  entry,
  matched,
}: {
  ruleId?: string;
  entry: ChartEntry;
  matched: MatchEvidence;
}) {
  return (
    <details class="tech">
      <summary>{S.technical}</summary>
      <dl class="facts">
        {ruleId && (
          <>
            <dt>{S.techRule}</dt>
            <dd>
              <code>{ruleId}</code>
            </dd>
          </>
        )}
        <dt>{S.techEntry}</dt>
        <dd>
          <code>{entry.reference ?? entry.resourceType}</code>
        </dd>
        {matched.system && (
          <>
            <dt>{S.techCode}</dt>
            <dd>
              <code>{matched.system}</code> {matched.code && <code>{matched.code}</code>}
            </dd>
          </>
        )}
        {matched.where && (
          <>
            <dt>{S.techWhere}</dt>
            <dd>
              <code>{matched.where}</code>
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}

/** "Oxycodone 5 mg tablet — medication order, active — ordered 4 Mar 2026" as text (names as charted). */
export function EntryText({ entry }: { entry: ChartEntry }) {
  const dates = (entry.dates ?? []).map((d) => `${dateLabelWord(d.label)} ${formatDate(d.value)}`);
  return (
    <>
      <span class="entry__name">{entry.name}</span>
      {` — ${recordWord(entry.resourceType)}${entry.status ? `, ${statusWord(entry.status)}` : ''}`}
      {dates.length > 0 && ` — ${dates.join(', ')}`}
    </>
  );
}

/**
 * What matched, once, with the concept's name: "SNOMED CT 72892002 (Pregnancy)", "RxNorm 7804 (Oxycodone)", or
 * the name “Tylenol #3”. `concept` names it when the matched term is only the code again.
 */
export function matchedText(m: MatchEvidence, concept = ''): string {
  if (m.by === 'code' && m.code) {
    const term = m.term && m.term !== m.code ? titleCase(m.term) : concept;
    return S.matchedByCode(systemName(m.system), m.code, term);
  }
  return S.matchedByName(titleCase(m.term));
}
