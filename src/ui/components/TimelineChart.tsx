/**
 * The timeline picture: opioid and antagonist use over the last 90 days and the next 30 against the washout
 * window, with today, the window's end and the planned start marked (labels laid out so they never collide), each
 * row named in full above its bar, and the last opioid before the axis in words. Inline SVG made by Preact (no
 * chart library), plus the same facts as a table for screen readers and for anyone who prefers text.
 */
import { layoutLabels, type Marker, type Timeline } from '../model/timeline.ts';
import { formatDate, isoDay } from '../format.ts';
import { S } from '../strings.ts';
import { TableHead } from './fields.tsx';

const W = 720;
const X0 = 8;
const X1 = W - 8;
const LANE_H = 15;
const ROW_H = 38;
/** Characters that fit on a row's label line at 12px (7.4 units each, generous). */
const MAX_LABEL_CHARS = Math.floor((X1 - X0) / 7.4);

function fitName(name: string): string {
  return name.length > MAX_LABEL_CHARS ? `${name.slice(0, MAX_LABEL_CHARS - 1)}…` : name;
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

const monthLabel = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const YEAR_MS = 365 * 86_400_000;

const MARK_CLASS: Record<Marker['id'], string> = {
  today: 'tl-today',
  'window-end': 'tl-window-end',
  'plan-start': 'tl-plan-start',
};

export function TimelineChart({ timeline: t }: { timeline: Timeline }) {
  const rows = t.episodes.length;
  const x = (ms: number) => X0 + ((Math.min(Math.max(ms, t.from), t.to) - t.from) / (t.to - t.from)) * (X1 - X0);
  const kindWord = { opioid: S.kindOpioid, antagonist: S.kindAntagonist } as const;
  const dayText = (ms: number | undefined) => (ms === undefined ? S.unknownDate : formatDate(isoDay(ms)));
  const markerText = (m: Marker) =>
    m.id === 'today'
      ? `${S.timelineToday} ${dayText(m.at)}`
      : m.id === 'window-end'
        ? `${S.timelineWindowEnds} ${dayText(m.at)}`
        : `${S.timelinePlanStart} ${dayText(m.at)}`;
  const labels = layoutLabels(
    t.markers.map((m) => ({ id: m.id, x: x(m.at), text: markerText(m) })),
    X0,
    X1,
  );
  const lanes = Math.max(1, ...labels.map((l) => l.lane + 1));
  const top = lanes * LANE_H + 8;
  const height = top + Math.max(rows, 0) * ROW_H + 24;
  const old = t.lastOldOpioid;
  const oldLine =
    old &&
    S.timelineLastOld(
      old.name,
      t.today - Date.parse(old.stopped) > YEAR_MS ? old.stopped.slice(0, 4) : formatDate(old.stopped),
    );
  return (
    <section class="timeline" aria-labelledby="timeline-h">
      <h2 id="timeline-h">{S.timelineHeading}</h2>
      {rows === 0 && <p>{S.timelineNone}</p>}
      {oldLine && <p class="timeline__old">{oldLine}</p>}
      {rows > 0 && (
        <>
          <svg class="timeline__svg" viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="timeline-svg-t">
            <title id="timeline-svg-t">{[S.timelineHeading, ...t.markers.map(markerText)].join('. ')}</title>
            <defs>
              <pattern id="tl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" class="tl-hatch-bg" />
                <line x1="0" y1="0" x2="0" y2="6" class="tl-hatch-line" />
              </pattern>
            </defs>
            {monthStarts(t.from, t.to).map((m) => (
              <g key={m}>
                <line x1={x(m)} x2={x(m)} y1={top} y2={height - 20} class="tl-grid" />
                <text x={x(m) + 2} y={height - 6} class="tl-axis">
                  {monthLabel.format(m)}
                </text>
              </g>
            ))}
            {t.episodes.map((e, i) => {
              const y = top + i * ROW_H;
              const useEnd = e.ongoing ? t.today : e.end;
              const useStart = e.start ?? useEnd;
              return (
                <g key={e.key}>
                  <text x={X0} y={y + 13} class="tl-label">
                    {fitName(e.records > 1 ? `${e.name} (${S.timelineRecords(e.records)})` : e.name)}
                  </text>
                  {useStart !== undefined && useEnd !== undefined && useEnd >= t.from && (
                    <rect
                      x={x(useStart)}
                      y={y + 18}
                      width={Math.max(x(useEnd) - x(useStart), 3)}
                      height={14}
                      class={`tl-use tl-use--${e.kind}`}
                    />
                  )}
                  {e.windowEnd !== undefined && e.end !== undefined && e.windowEnd >= t.from && (
                    <rect
                      x={x(e.end)}
                      y={y + 18}
                      width={Math.max(x(e.windowEnd) - x(e.end), 2)}
                      height={14}
                      class="tl-washout"
                      fill="url(#tl-hatch)"
                    />
                  )}
                </g>
              );
            })}
            {t.markers.map((m) => (
              <line key={m.id} x1={x(m.at)} x2={x(m.at)} y1={top - 4} y2={height - 20} class={MARK_CLASS[m.id]} />
            ))}
            {labels.map((l) => (
              <text
                key={l.id}
                x={l.x}
                y={(l.lane + 1) * LANE_H - 3}
                class="tl-marker"
                text-anchor={l.anchor}
                data-marker={l.id}
              >
                {markerText(t.markers.find((m) => m.id === l.id)!)}
              </text>
            ))}
          </svg>
          <p class="timeline__legend">
            <span class="legend legend--opioid">
              {S.timelineUse} ({S.kindOpioid})
            </span>
            <span class="legend legend--antagonist">
              {S.timelineUse} ({S.kindAntagonist})
            </span>
            <span class="legend legend--washout">{S.timelineWashout}</span>
          </p>
          <details class="timeline__table">
            <summary>{S.timelineTableCaption}</summary>
            <table>
              <caption class="visually-hidden">{S.timelineHeading}</caption>
              <TableHead cols={S.timelineCols} />
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
