/**
 * The verdict first: icon, label word and summary sentence (never colour alone). An incomplete result says so,
 * lists what could not be read and offers a retry.
 */
import type { Assessment, Verdict } from '../../core/assess/types.ts';
import type { ReadGap } from '../../core/chart.ts';
import { plainWords, recordsWord } from '../clinical-words.ts';
import { formatCount } from '../format.ts';
import { GAP_REASON_WORDS, S, VERDICT_WORDS } from '../strings.ts';
import { describeReadGap } from '../strings-read.ts';

/** The core's summary with its verdict codes ("not-recommended") said as the verdict's words, dates as dates. */
export function verdictSentence(summary: string): string {
  let out = plainWords(summary);
  // Hyphenated ids can only be codes; a plain word ("candidate") is replaced only where a code is expected.
  for (const [id, w] of Object.entries(VERDICT_WORDS) as [Verdict, { label: string }][]) {
    if (id.includes('-')) out = out.split(id).join(w.label.toLowerCase());
  }
  out = out.replace(
    /(on what was read: )(candidate|incomplete)\b/g,
    (_, lead: string, id: Verdict) => lead + VERDICT_WORDS[id].label.toLowerCase(),
  );
  return out;
}

export function VerdictPanel({ assessment, onRetry }: { assessment: Assessment; onRetry: () => void }) {
  const words = VERDICT_WORDS[assessment.verdict];
  const incomplete = assessment.verdict === 'incomplete' || !assessment.complete;
  return (
    <section class={`verdict verdict--${incomplete ? 'incomplete' : assessment.verdict}`} aria-labelledby="verdict-h">
      <h2 id="verdict-h" class="verdict__title">
        <span class="verdict__icon" aria-hidden="true">
          {incomplete ? VERDICT_WORDS.incomplete.icon : words.icon}
        </span>{' '}
        {S.verdictHeading}: {incomplete ? VERDICT_WORDS.incomplete.label : words.label}
      </h2>
      <p class="verdict__summary">{verdictSentence(assessment.summary)}</p>
      {incomplete && <IncompleteDetails assessment={assessment} onRetry={onRetry} />}
    </section>
  );
}

function IncompleteDetails({ assessment, onRetry }: { assessment: Assessment; onRetry: () => void }) {
  const expired = assessment.gaps.some((g) => g.reason === 'unauthorized');
  return (
    <div class="incomplete">
      <p>
        <strong>{S.incompleteLead}</strong>
      </p>
      {expired && (
        <p class="incomplete__expired" role="alert">
          {S.sessionExpired}
        </p>
      )}
      <p>{S.incompleteIfComplete(VERDICT_WORDS[assessment.verdictIfComplete].label)}</p>
      <h3>{S.gapsHeading}</h3>
      <GapList gaps={assessment.gaps} />
      {!expired && (
        <button type="button" class="button" onClick={onRetry}>
          {S.retry}
        </button>
      )}
    </div>
  );
}

/** Each gap: the kind of record and the reason in plain words; the server's detail behind "Technical details". */
export function GapList({ gaps }: { gaps: ReadGap[] }) {
  return (
    <ul class="gaps">
      {gaps.map((g, i) => (
        <li key={i}>
          <strong>{recordsWord(g.resourceType)}</strong>: {GAP_REASON_WORDS[g.reason] ?? g.reason}
          {g.count !== undefined && ` (${S.gapCount(formatCount(g.count))})`}
          <details class="gaps__detail">
            <summary>{S.technical}</summary>
            {plainWords(describeReadGap(g))}
          </details>
        </li>
      ))}
    </ul>
  );
}
