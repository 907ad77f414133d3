/**
 * Candidacy: each charted condition that is a published LDN use, with its evidence level and citations.
 */
import type { Candidacy } from '../../core/assess/types.ts';
import { formatCount } from '../format.ts';
import { S } from '../strings.ts';
import { EntryText, TechnicalDetails, matchedText } from './ConflictList.tsx';
import { SourceList } from './SourceList.tsx';

/** Conditions listed under "more" at most: the rest are counted, never rendered by the thousand. */
const MORE_SHOWN = 100;

export function CandidacyList({ candidacy }: { candidacy: Candidacy[] }) {
  return (
    <section class="candidacy" aria-labelledby="candidacy-h">
      <h2 id="candidacy-h">{S.candidacyHeading}</h2>
      {candidacy.length === 0 ? (
        <p>{S.candidacyNone}</p>
      ) : (
        <ul class="cards">
          {candidacy.map((c, i) => (
            <li key={`${c.indicationId}-${i}`} class="card card--candidacy">
              <h3 class="card__title">{c.indication}</h3>
              <dl class="facts">
                <dt>{S.chartEntry}</dt>
                <dd>
                  <EntryText entry={c.condition} />
                  {c.conditions && c.conditions.length > 1 && (
                    <details class="more-records">
                      <summary>{S.moreConditions(formatCount(c.conditions.length - 1))}</summary>
                      <ul>
                        {c.conditions.slice(1, 1 + MORE_SHOWN).map((e, j) => (
                          <li key={`${e.reference ?? e.name}-${j}`}>
                            <EntryText entry={e} />
                          </li>
                        ))}
                      </ul>
                      {c.conditions.length - 1 > MORE_SHOWN && <p>{S.moreNotShown(formatCount(MORE_SHOWN))}</p>}
                    </details>
                  )}
                </dd>
                <dt>{S.matched}</dt>
                <dd>{matchedText(c.matched, c.indication)}</dd>
                <dt>{S.evidenceLevel}</dt>
                <dd>
                  <strong>{c.evidenceLevel}</strong>. {c.evidence}
                </dd>
                <dt>{S.sources}</dt>
                <dd>
                  <SourceList sources={c.sources} />
                </dd>
              </dl>
              <TechnicalDetails entry={c.condition} matched={c.matched} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
