/**
 * What the verdict rests on: the conditions and medication records that were read, by name (collapsed).
 */
import type { ChartSummary } from '../model/chart-summary.ts';
import { S } from '../strings.ts';

export function ChartRead({ summary }: { summary: ChartSummary }) {
  return (
    <details class="chart-read">
      <summary>{S.chartReadSummary(summary.total)}</summary>
      <ul>
        {summary.items.map((item, i) => (
          <li key={i}>
            {item.name} <span class="chart-read__meta">({item.resourceType}{item.status ? `, ${item.status}` : ''})</span>
          </li>
        ))}
      </ul>
      {summary.more > 0 && <p>{S.chartReadMore(summary.more)}</p>}
    </details>
  );
}
