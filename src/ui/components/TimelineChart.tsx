/**
 * The timeline picture: opioid and antagonist use over recent months against the washout window, with today and
 * the day the window ends marked. Inline SVG made by Preact (no chart library), plus the same facts as a table for
 * screen readers and for anyone who prefers text.
 */
import type { Timeline } from '../model/timeline.ts';
import { formatDate, isoDay } from '../format.ts';
import { S } from '../strings.ts';

const W = 720;
const LABEL_W = 170;
const ROW_H = 26;
const TOP = 34;

function shortName(name: string): string {
  return name.length > 24 ? `${name.slice(0, 23)}…` : name;
}

/** Labels near the right edge end at their mark, so they are never clipped. */
function anchor(px: number): 'middle' | 'end' {
  return px > W - 110 ? 'end' : 'middle';
}

function monthStarts(from: number, to: number): number[] {
  const out: number[] = [];
  const d = new Date(from);
  let m = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  while (m <= to) {
    out.push(m);
    const md = new Date(m);
    m = Date.UTC(md.getUTCFullYear(), md.getUTCMonth() + 1, 1);
  }
  return out;
}

const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });

export function TimelineChart({ timeline: t }: { timeline: Timeline }) {
  const rows = t.episodes.length;
  const height = TOP + Math.max(rows, 1) * ROW_H + 22;
  const x = (ms: number) => LABEL_W + ((Math.min(Math.max(ms, t.from), t.to) - t.from) / (t.to - t.from)) * (W - LABEL_W - 8);
  const kindWord = { opioid: S.kindOpioid, antagonist: S.kindAntagonist } as const;
  const dayText = (ms: number | undefined) => (ms === undefined ? S.unknownDate : formatDate(isoDay(ms)));
  return (
    <section class="timeline" aria-labelledby="timeline-h">
      <h2 id="timeline-h">{S.timelineHeading}</h2>
      {rows === 0 ? (
        <p>{S.timelineNone}</p>
      ) : (
        <>
          <svg class="timeline__svg" viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="timeline-svg-t">
            <title id="timeline-svg-t">
              {S.timelineHeading}. {S.timelineToday}: {dayText(t.today)}
              {t.latestWindowEnd !== undefined ? `. ${S.timelineWindowEnds}: ${dayText(t.latestWindowEnd)}` : ''}
            </title>
            <defs>
              <pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" class="tl-hatch-bg" />
                <line x1="0" y1="0" x2="0" y2="6" class="tl-hatch-line" />
              </pattern>
            </defs>
            {monthStarts(t.from, t.to).map((m) => (
              <g key={m}>
                <line x1={x(m)} x2={x(m)} y1={TOP - 8} y2={height - 20} class="tl-grid" />
                <text x={x(m) + 2} y={height - 6} class="tl-axis">
                  {monthLabel.format(m)}
                </text>
              </g>
            ))}
            {t.episodes.map((e, i) => {
              const y = TOP + i * ROW_H;
              const useEnd = e.ongoing ? t.today : e.end;
              const useStart = e.start ?? useEnd;
              return (
                <g key={e.key}>
                  <text x={4} y={y + 15} class="tl-label">
                    {shortName(e.name)}
                  </text>
                  {useStart !== undefined && useEnd !== undefined && useEnd >= t.from && (
                    <rect x={x(useStart)} y={y + 4} width={Math.max(x(useEnd) - x(useStart), 3)} height={14} class={`tl-use tl-use--${e.kind}`} />
                  )}
                  {e.windowEnd !== undefined && e.end !== undefined && (
                    <rect x={x(e.end)} y={y + 4} width={Math.max(x(e.windowEnd) - x(e.end), 2)} height={14} class="tl-washout" fill="url(#tl-hatch)" />
                  )}
                </g>
              );
            })}
            <line x1={x(t.today)} x2={x(t.today)} y1={TOP - 14} y2={height - 20} class="tl-today" />
            <text x={x(t.today)} y={12} class="tl-marker" text-anchor={anchor(x(t.today))}>
              {S.timelineToday}
            </text>
            {t.latestWindowEnd !== undefined && (
              <>
                <line x1={x(t.latestWindowEnd)} x2={x(t.latestWindowEnd)} y1={TOP - 14} y2={height - 20} class="tl-window-end" />
                <text x={x(t.latestWindowEnd)} y={26} class="tl-marker" text-anchor={anchor(x(t.latestWindowEnd))}>
                  {S.timelineWindowEnds} {dayText(t.latestWindowEnd)}
                </text>
              </>
            )}
          </svg>
          <p class="timeline__legend">
            <span class="legend legend--opioid">{S.timelineUse} ({S.kindOpioid})</span>
            <span class="legend legend--antagonist">{S.timelineUse} ({S.kindAntagonist})</span>
            <span class="legend legend--washout">{S.timelineWashout}</span>
          </p>
          <details class="timeline__table">
            <summary>{S.timelineTableCaption}</summary>
            <table>
              <caption class="visually-hidden">{S.timelineHeading}</caption>
              <thead>
                <tr>
                  {S.timelineCols.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.episodes.map((e) => (
                  <tr key={e.key}>
                    <td>{e.name}</td>
                    <td>{kindWord[e.kind]}</td>
                    <td>{dayText(e.start)}</td>
                    <td>{e.ongoing ? S.ongoing : dayText(e.end)}</td>
                    <td>{e.windowEnd === undefined ? '—' : dayText(e.windowEnd)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
