/**
 * What the verdict rests on: the conditions and medication records that were read, by name (collapsed).
 */
import { useMemo } from 'preact/hooks';
import { recordWord, statusWord } from '../clinical-words.ts';
import { formatCount, formatTime } from '../format.ts';
import type { ChartSummary } from '../model/chart-summary.ts';
import { S } from '../strings.ts';

/** `readAt` defaults to the moment this summary (a new read) is first shown. */
export function ChartRead({ summary, readAt }: { summary: ChartSummary; readAt?: Date }) {
  // A new summary is a new read: the time is taken again when it changes (hence the dependency on it).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const shown = useMemo(() => readAt ?? new Date(), [summary, readAt]);
  return (
    <details class="chart-read">
      <summary>{S.chartReadSummary(formatCount(summary.total), summary.total === 1, formatTime(shown))}</summary>
      <ul>
        {summary.items.map((item, i) => (
          <li key={i}>
            {item.name}{' '}
            <span class="chart-read__meta">
              ({recordWord(item.resourceType)}
              {item.status ? `, ${statusWord(item.status)}` : ''})
            </span>
          </li>
        ))}
      </ul>
      {summary.more > 0 && <p>{S.chartReadMore(formatCount(summary.more))}</p>}
    </details>
  );
}
